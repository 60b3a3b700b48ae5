import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/use-format.ts';
import { type Buckets, cellKey, type EntryMode, type Grid, levelOf } from './grid-model.ts';

/**
 * One item's stock as sizes × depots. Each cell shows what is available in large type and what lies behind it (on hand,
 * reserved, in transit) on a detail line and on hover. In an entry mode the cells become number fields, Odoo-style.
 */
export function StockGrid({
  grid,
  depotLabel,
  lowBelow,
  mode,
  entered,
  onEnter,
  invalid,
  refused,
}: {
  grid: Grid;
  depotLabel: (id: string) => string;
  lowBelow: number;
  mode: EntryMode | null;
  entered: ReadonlyMap<string, string>;
  onEnter: (size: string, depot: string, value: string) => void;
  /** Cells whose text is not a quantity. */
  invalid: ReadonlySet<string>;
  /** The cell of a movement the server refused. */
  refused: string | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();

  /** Reserved, in transit and unserviceable, where there are any. */
  const behind = (b: Buckets) => {
    const parts: string[] = [];
    if (b.reserved) parts.push(t('stock.cell.reserved', { n: f.number(b.reserved) }));
    if (b.inTransit) parts.push(t('stock.cell.inTransit', { n: f.number(b.inTransit) }));
    if (b.unserviceable) parts.push(t('stock.cell.unserviceable', { n: f.number(b.unserviceable) }));
    return parts;
  };

  const viewCell = (b: Buckets, testId: string, total = false) => {
    const onHand = t('stock.cell.onHand', { n: f.number(b.onHand) });
    const more = behind(b);
    // On hand is worth a line only when it differs from what is available, i.e. when something is reserved.
    const shown = b.onHand !== b.available ? [onHand, ...more] : more;
    const level = total ? 'total' : levelOf(b.available, lowBelow);
    return (
      <td
        className={`num grid-cell level-${level}`}
        title={[t('stock.cell.available', { n: f.number(b.available) }), onHand, ...more].join(' · ')}
        data-testid={testId}
      >
        <span className="grid-available">{f.number(b.available)}</span>
        {shown.length > 0 && <span className="grid-detail">{shown.join(' · ')}</span>}
      </td>
    );
  };

  const entryCell = (size: string, depot: string, b: Buckets, row: number, col: number) => {
    const key = cellKey(size, depot);
    const cls = [
      'num grid-cell grid-entry',
      invalid.has(key) ? 'is-invalid' : '',
      refused === key ? 'is-refused' : '',
    ].join(' ');
    return (
      <td className={cls}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          enterKeyHint="next"
          maxLength={9}
          aria-label={t('stock.entry.cellLabel', { size, depot: depotLabel(depot) })}
          aria-invalid={invalid.has(key) || refused === key || undefined}
          placeholder={mode === 'count' ? f.number(b.onHand) : ''}
          value={entered.get(key) ?? ''}
          onChange={(e) => onEnter(size, depot, e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Enter moves down the depot's column, as receiving a delivery note goes size by size.
            e.preventDefault();
            nextCell(e.currentTarget, row, col, grid.rows.length, grid.depots.length)?.focus();
          }}
          data-cell={`${row}:${col}`}
          data-testid={`entry-${size}-${depot}`}
        />
        <span className="grid-detail">{t('stock.cell.onHand', { n: f.number(b.onHand) })}</span>
      </td>
    );
  };

  return (
    <div className="table-wrap grid-wrap">
      <table className="table stock-grid" data-testid="stock-grid" data-mode={mode ?? 'view'}>
        <thead>
          <tr>
            <th scope="col">{t('stock.size')}</th>
            {grid.depots.map((d) => (
              <th key={d} scope="col" className="num">
                {depotLabel(d)}
                <span className="sub mono">{d}</span>
              </th>
            ))}
            {grid.depots.length > 1 && (
              <th scope="col" className="num">
                {t('stock.total')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={row.size}>
              <th scope="row" className="grid-size">
                {row.size}
              </th>
              {row.cells.map((b, i) => {
                const depot = grid.depots[i]!;
                return (
                  <Fragment key={depot}>
                    {mode ? entryCell(row.size, depot, b, r, i) : viewCell(b, `cell-${row.size}-${depot}`)}
                  </Fragment>
                );
              })}
              {grid.depots.length > 1 && viewCell(row.total, `total-${row.size}`, true)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('stock.total')}</th>
            {grid.totals.map((b, i) => (
              <Fragment key={grid.depots[i]}>{viewCell(b, `total-${grid.depots[i]}`, true)}</Fragment>
            ))}
            {grid.depots.length > 1 && viewCell(grid.total, 'total-all', true)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The entry field below (or at the top of the next column), for Enter. */
function nextCell(
  from: HTMLElement,
  row: number,
  col: number,
  rows: number,
  cols: number,
): HTMLInputElement | null {
  const [r, c] = row + 1 < rows ? [row + 1, col] : [0, col + 1];
  if (c >= cols) return null;
  return from.closest('table')?.querySelector<HTMLInputElement>(`input[data-cell="${r}:${c}"]`) ?? null;
}
