import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { type Balance, type PostedMovement, postBatch } from '../../api/stock.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { countLines, countMovements, lineKey } from './count-model.ts';
import { keyFor } from './grid-model.ts';
import { signed } from './ledger-model.ts';
import { StockError } from './stock-error.tsx';
import { useStockCatalogue } from './use-stock-catalogue.ts';
import './stock.css';

/**
 * A count sheet for one depot: printed (black on white, an empty "counted" column and signature lines) for counting
 * on paper, and filled in on screen to post the counts; the server works out the variances.
 */
export function CountSheetPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const cat = useStockCatalogue();
  const [params, setParams] = useSearchParams();
  const depot = params.get('depot') ?? cat.depots[0]?.id ?? '';
  const itemFilter = params.get('item') ?? '';
  const allSizes = params.get('all') === '1';
  const balances = useApi<{ balances: Balance[] }>(depot ? '/api/stock/balances' : undefined, { depot });
  const [today] = useState(() => new Date().toISOString());
  useTitle(t('countSheet.title'));

  const [entered, setEntered] = useState<Map<string, string>>(new Map());
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<{ key: string; signature: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [posted, setPosted] = useState<PostedMovement[]>();

  const lines = useMemo(() => {
    const items = cat.items
      .filter((i) => !itemFilter || i.id === itemFilter)
      .map((i) => ({ id: i.id, sizes: i.sizes.map((s) => s.label) }));
    return countLines(depot, items, balances.data?.balances ?? [], {
      allSizes: allSizes || itemFilter !== '',
    });
  }, [cat.items, itemFilter, depot, balances.data, allSizes]);

  const setParam = (name: string, value: string) => {
    setEntered(new Map());
    setInvalid(new Set());
    setPosted(undefined);
    setError(undefined);
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (value) out.set(name, value);
        else out.delete(name);
        return out;
      },
      { replace: true },
    );
  };

  const built = countMovements(depot, lines, entered, reason);
  const toPost = built.ok ? built.value.length : 0;

  const save = async () => {
    if (!built.ok) {
      setInvalid(new Set(built.errors));
      return;
    }
    if (built.value.length === 0 || !reason.trim()) return;
    const next = keyFor(pending, built.value, newIdempotencyKey);
    setPending(next);
    setBusy(true);
    setError(undefined);
    try {
      setPosted(await postBatch(built.value, next.key));
      setPending(null);
      setEntered(new Map());
      balances.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  };

  const variances = (posted ?? []).filter((m) => m.effects[0]?.onHand);
  const depotName = cat.depotLabel(depot);

  return (
    <section className="page count-page">
      <div className="page-head no-print">
        <div>
          <p className="crumb">
            <Link to="/stock">{t('stock.title')}</Link>
          </p>
          <h1>{t('countSheet.title')}</h1>
          <p className="muted">{t('countSheet.intro')}</p>
        </div>
        <button
          type="button"
          className="button-primary"
          onClick={() => window.print()}
          data-testid="print"
          disabled={lines.length === 0}
        >
          {t('countSheet.print')}
        </button>
      </div>

      {cat.error && <ErrorBox error={cat.error} />}
      {!cat.ready && !cat.error && <Loading />}
      {cat.ready && (
        <div className="stock-toolbar no-print">
          <label className="field">
            <span>{t('stock.depot')}</span>
            <select
              value={depot}
              onChange={(e) => setParam('depot', e.target.value)}
              data-testid="count-depot"
            >
              {cat.depots.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('stock.item')}</span>
            <select
              value={itemFilter}
              onChange={(e) => setParam('item', e.target.value)}
              data-testid="count-item"
            >
              <option value="">{t('ledger.allItems')}</option>
              {cat.items.map((i) => (
                <option key={i.id} value={i.id}>
                  {cat.itemLabel(i.id)}
                </option>
              ))}
            </select>
          </label>
          <label className="check-field">
            <input
              type="checkbox"
              checked={allSizes || itemFilter !== ''}
              disabled={itemFilter !== ''}
              onChange={(e) => setParam('all', e.target.checked ? '1' : '')}
            />
            <span>{t('countSheet.allSizes')}</span>
          </label>
        </div>
      )}

      {balances.error && <ErrorBox error={balances.error} />}
      {cat.ready && balances.data && (
        <article className="count-sheet" data-testid="count-sheet">
          <header className="sheet-head">
            <h2>
              {t('countSheet.sheetTitle')}: {depotName} <span className="mono">({depot})</span>
            </h2>
            <p>
              {t('countSheet.printed', { date: f.date(today.slice(0, 10)) })}
              {itemFilter && ` · ${cat.itemLabel(itemFilter)}`}
            </p>
          </header>
          {lines.length === 0 ? (
            <p className="empty">{t('countSheet.empty')}</p>
          ) : (
            <table className="table sheet-table">
              <thead>
                <tr>
                  <th scope="col" className="num sheet-no">
                    {t('stockCommon.number')}
                  </th>
                  <th scope="col">{t('stock.item')}</th>
                  <th scope="col" className="sheet-size">
                    {t('stock.size')}
                  </th>
                  <th scope="col" className="num sheet-expected">
                    {t('countSheet.expected')}
                  </th>
                  <th scope="col" className="sheet-counted">
                    {t('countSheet.counted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => {
                  const k = lineKey(l);
                  return (
                    <tr key={k} className={invalid.has(k) ? 'is-invalid' : undefined}>
                      <td className="num sheet-no">{i + 1}</td>
                      <td>{cat.itemLabel(l.item)}</td>
                      <td className="sheet-size">{l.size}</td>
                      <td className="num sheet-expected">{f.number(l.expected)}</td>
                      <td className="sheet-counted">
                        <input
                          type="text"
                          inputMode="numeric"
                          autoComplete="off"
                          className="qty-input no-print"
                          maxLength={9}
                          aria-label={t('countSheet.countedOf', {
                            item: cat.itemLabel(l.item),
                            size: l.size,
                          })}
                          aria-invalid={invalid.has(k) || undefined}
                          value={entered.get(k) ?? ''}
                          onChange={(e) => {
                            setEntered((p) => new Map(p).set(k, e.target.value));
                            setInvalid((p) => {
                              if (!p.has(k)) return p;
                              const out = new Set(p);
                              out.delete(k);
                              return out;
                            });
                          }}
                          data-testid={`count-${l.item}-${l.size}`}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <footer className="signatures">
            <p>
              {t('countSheet.countedBy')}
              <span className="sign-line" />
            </p>
            <p>
              {t('countSheet.checkedBy')}
              <span className="sign-line" />
            </p>
            <p>
              {t('countSheet.date')}
              <span className="sign-line short" />
            </p>
          </footer>
        </article>
      )}

      {cat.ready && balances.data && lines.length > 0 && (
        <div className="panel entry-bar no-print" data-testid="count-entry">
          <label className="field">
            <span>{t('stock.entry.reason')}</span>
            <input
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('stock.entry.reasonHint')}
              data-testid="count-reason"
            />
          </label>
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              disabled={busy || (built.ok && toPost === 0) || !reason.trim()}
              onClick={() => void save()}
              data-testid="count-save"
            >
              {busy ? t('common.saving') : t('countSheet.post', { count: toPost, n: f.number(toPost) })}
            </button>
          </div>
          {invalid.size > 0 && (
            <p className="field-error" role="alert">
              {t('stock.entry.invalid', { count: invalid.size, n: f.number(invalid.size) })}
            </p>
          )}
          {error && <StockError error={error} testId="count-error" />}
          {posted && (
            <div className="notice notice-success" role="status" data-testid="count-done">
              <p className="notice-title">
                {t('stock.entry.counted', { count: posted.length, n: f.number(posted.length) })}
              </p>
              {variances.length === 0 ? (
                <p className="notice-detail">{t('stock.entry.noVariance')}</p>
              ) : (
                <ul className="issues" data-testid="count-variances">
                  {variances.map((m) => (
                    <li key={m.id}>
                      {t('stock.entry.varianceLine', {
                        item: cat.itemLabel(m.item),
                        size: m.size,
                        depot: depotName,
                        change: signed(f.number, m.effects[0]!.onHand),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
