import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { STOCK } from '../../../../src/domain/accounts/roles.ts';
import { ApiError } from '../../api/api-error.ts';
import { type Balance, type PostedMovement, postBatch } from '../../api/stock.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useMay } from '../../auth/auth-context.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { buildGrid, cellKey, type EntryMode, entryMovements, keyFor, refusedIndex } from './grid-model.ts';
import { InTransitPanel } from './in-transit-panel.tsx';
import { signed } from './ledger-model.ts';
import { StockError } from './stock-error.tsx';
import { StockGrid } from './stock-grid.tsx';
import { TransferPanel } from './transfer-panel.tsx';
import { useStockCatalogue } from './use-stock-catalogue.ts';
import './stock.css';

const LOW_KEY = 'kitout.stock.lowBelow';

function storedLowBelow(): number {
  try {
    const n = Number(localStorage.getItem(LOW_KEY));
    return Number.isInteger(n) && n > 0 ? n : 5;
  } catch {
    return 5;
  }
}

type Saved = { mode: EntryMode; movements: PostedMovement[] };

/**
 * Stock of one item: a grid of sizes × depots, with a receive and a count mode that post the whole grid as one batch,
 * a transfer form, and what is on its way to each depot.
 */
export function StockPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const mayPost = useMay(STOCK);
  const cat = useStockCatalogue();
  const [params, setParams] = useSearchParams();
  const itemId = params.get('item') ?? cat.items[0]?.id ?? '';
  const depotFilter = params.get('depot') ?? '';
  const balances = useApi<{ balances: Balance[] }>('/api/stock/balances');
  const [lowBelow, setLowBelow] = useState(storedLowBelow);
  useTitle(t('stock.title'));

  const [mode, setMode] = useState<EntryMode | null>(null);
  const [entered, setEntered] = useState<Map<string, string>>(new Map());
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<{ key: string; signature: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [refused, setRefused] = useState<string>();
  const [saved, setSaved] = useState<Saved>();

  const depots = useMemo(
    () => cat.depots.map((d) => d.id).filter((d) => !depotFilter || d === depotFilter),
    [cat.depots, depotFilter],
  );
  const grid = useMemo(
    () => buildGrid(itemId, cat.sizesOf(itemId), depots, balances.data?.balances ?? []),
    [itemId, cat, depots, balances.data],
  );

  const setParam = (name: string, value: string) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (value) out.set(name, value);
        else out.delete(name);
        return out;
      },
      { replace: true },
    );

  const startEntry = (next: EntryMode) => {
    setMode(next);
    setEntered(new Map());
    setNote('');
    setPending(null);
    setError(undefined);
    setInvalid(new Set());
    setRefused(undefined);
    setSaved(undefined);
  };
  const stopEntry = () => {
    setMode(null);
    setEntered(new Map());
    setPending(null);
    setError(undefined);
    setInvalid(new Set());
    setRefused(undefined);
  };

  const onEnter = (size: string, depot: string, value: string) => {
    setEntered((prev) => new Map(prev).set(cellKey(size, depot), value));
    setInvalid((prev) => {
      if (!prev.has(cellKey(size, depot))) return prev;
      const next = new Set(prev);
      next.delete(cellKey(size, depot));
      return next;
    });
    setRefused(undefined);
  };

  const built = mode
    ? entryMovements(mode, grid, entered, mode === 'receipt' ? { document: note } : { reason: note })
    : undefined;
  const toPost = built?.ok ? built.value.movements.length : 0;
  const needsReason = mode === 'count' && note.trim() === '';

  const save = async () => {
    if (!mode || !built) return;
    if (!built.ok) {
      setInvalid(new Set(built.errors.map((e) => cellKey(e.size, e.depot))));
      return;
    }
    const { movements, cells } = built.value;
    if (movements.length === 0 || needsReason) return;
    // The same grid saved again (after a lost answer or a refusal) keeps its key; a changed grid gets a new one.
    const next = keyFor(pending, movements, newIdempotencyKey);
    setPending(next);
    setBusy(true);
    setError(undefined);
    setRefused(undefined);
    try {
      const posted = await postBatch(movements, next.key);
      setSaved({ mode, movements: posted });
      setMode(null);
      setEntered(new Map());
      setPending(null);
      balances.reload();
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err));
      setError(e);
      const at = e.code === 'refused' ? refusedIndex(e.message) : undefined;
      const cell = at === undefined ? undefined : cells[at];
      if (cell) setRefused(cellKey(cell.size, cell.depot));
    } finally {
      setBusy(false);
    }
  };

  const variances = saved?.mode === 'count' ? saved.movements.filter((m) => m.effects[0]?.onHand) : [];

  return (
    <section className="page stock-page">
      <div className="page-head">
        <div>
          <h1>{t('stock.title')}</h1>
          <p className="muted">{t('stock.intro')}</p>
        </div>
        <div className="page-links">
          {mayPost && <Link to="/stock/ledger">{t('ledger.title')}</Link>}
          {mayPost && <Link to="/stock/count">{t('countSheet.title')}</Link>}
        </div>
      </div>

      {cat.error && <ErrorBox error={cat.error} />}
      {balances.error && <ErrorBox error={balances.error} />}
      {(!cat.ready || !balances.data) && !cat.error && !balances.error && <Loading />}

      {cat.ready && balances.data && (
        <>
          <div className="stock-toolbar">
            <label className="field">
              <span>{t('stock.item')}</span>
              <select
                value={itemId}
                onChange={(e) => setParam('item', e.target.value)}
                disabled={mode !== null}
                data-testid="stock-item"
              >
                {cat.items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {cat.itemLabel(i.id)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('stock.depot')}</span>
              <select
                value={depotFilter}
                onChange={(e) => setParam('depot', e.target.value)}
                disabled={mode !== null}
                data-testid="stock-depot"
              >
                <option value="">{t('stock.allDepots')}</option>
                {cat.depots.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field low-field">
              <span>{t('stock.lowBelow')}</span>
              <input
                type="number"
                min={1}
                max={100000}
                inputMode="numeric"
                value={lowBelow}
                onChange={(e) => {
                  const n = Math.max(1, Math.floor(Number(e.target.value) || 1));
                  setLowBelow(n);
                  try {
                    localStorage.setItem(LOW_KEY, String(n));
                  } catch {
                    // Storage switched off: the threshold lasts until reload.
                  }
                }}
              />
            </label>
            {mayPost && !mode && (
              <div className="toolbar-actions">
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => startEntry('receipt')}
                  data-testid="mode-receipt"
                >
                  {t('stock.entry.receive')}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => startEntry('count')}
                  data-testid="mode-count"
                >
                  {t('stock.entry.count')}
                </button>
              </div>
            )}
          </div>

          {mode && (
            <div className="panel entry-bar" data-testid="entry-bar">
              <div>
                <h2>{mode === 'receipt' ? t('stock.entry.receiveTitle') : t('stock.entry.countTitle')}</h2>
                <p className="muted">
                  {mode === 'receipt' ? t('stock.entry.receiveHint') : t('stock.entry.countHint')}
                </p>
              </div>
              <label className="field">
                <span>{mode === 'receipt' ? t('stock.entry.document') : t('stock.entry.reason')}</span>
                <input
                  value={note}
                  maxLength={mode === 'receipt' ? 200 : 500}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={
                    mode === 'receipt' ? t('stock.entry.documentHint') : t('stock.entry.reasonHint')
                  }
                  data-testid="entry-note"
                />
              </label>
              <div className="actions">
                <button
                  type="button"
                  className="button-primary"
                  disabled={busy || (built?.ok === true && toPost === 0) || needsReason}
                  onClick={() => void save()}
                  data-testid="entry-save"
                >
                  {busy ? t('common.saving') : t('stock.entry.save', { count: toPost, n: f.number(toPost) })}
                </button>
                <button type="button" className="button-quiet" onClick={stopEntry} disabled={busy}>
                  {t('common.cancel')}
                </button>
              </div>
              {needsReason && toPost > 0 && (
                <p className="field-error" data-testid="entry-needs-reason">
                  {t('stock.entry.reasonNeeded')}
                </p>
              )}
              {invalid.size > 0 && (
                <p className="field-error" role="alert" data-testid="entry-invalid">
                  {t('stock.entry.invalid', { count: invalid.size, n: f.number(invalid.size) })}
                </p>
              )}
              {error && <StockError error={error} testId="entry-error" />}
            </div>
          )}

          {saved && (
            <div className="notice notice-success" role="status" data-testid="entry-saved">
              <p className="notice-title">
                {t(saved.mode === 'receipt' ? 'stock.entry.received' : 'stock.entry.counted', {
                  count: saved.movements.length,
                  n: f.number(saved.movements.length),
                })}
              </p>
              {saved.mode === 'count' && (
                <p className="notice-detail" data-testid="variances">
                  {variances.length === 0
                    ? t('stock.entry.noVariance')
                    : `${t('stock.entry.variances')}: ${variances
                        .map((m) =>
                          t('stock.entry.varianceLine', {
                            item: cat.itemLabel(m.item),
                            size: m.size,
                            depot: cat.depotLabel(m.depot),
                            change: signed(f.number, m.effects[0]!.onHand),
                          }),
                        )
                        .join('; ')}`}
                </p>
              )}
            </div>
          )}

          {grid.rows.length === 0 ? (
            <p className="empty">{t('stock.noSizes')}</p>
          ) : (
            <StockGrid
              grid={grid}
              depotLabel={cat.depotLabel}
              lowBelow={lowBelow}
              mode={mode}
              entered={entered}
              onEnter={onEnter}
              invalid={invalid}
              refused={refused}
            />
          )}
          <ul className="legend" aria-label={t('stock.legend.label')}>
            <li>
              <span className="swatch level-none" /> {t('stock.legend.none')}
            </li>
            <li>
              <span className="swatch level-low" /> {t('stock.legend.low', { n: f.number(lowBelow) })}
            </li>
            <li>
              <span className="swatch level-ok" /> {t('stock.legend.ok')}
            </li>
          </ul>

          {mayPost && (
            <div className="stock-panels">
              <TransferPanel
                catalogue={cat}
                initialItem={itemId}
                balances={balances.data.balances}
                onPosted={balances.reload}
              />
              <InTransitPanel catalogue={cat} balances={balances.data.balances} onPosted={balances.reload} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
