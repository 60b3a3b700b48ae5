import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { type Balance, type MovementRequest, postMovement } from '../../api/stock.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { keyFor, parseQty } from './grid-model.ts';
import { StockError } from './stock-error.tsx';
import type { StockCatalogue } from './use-stock-catalogue.ts';

const rowKey = (b: Balance) => `${b.depot}\u0000${b.item}\u0000${b.size}`;

/**
 * Stock on its way to a depot, and the action that takes it in: a transfer_in of all that is in transit, or of the
 * part that arrived (the rest stays in transit).
 */
export function InTransitPanel({
  catalogue: cat,
  balances,
  onPosted,
}: {
  catalogue: StockCatalogue;
  balances: Balance[];
  onPosted: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = balances.filter((b) => b.inTransit > 0);
  const [typed, setTyped] = useState<Map<string, string>>(new Map());
  const [pending, setPending] = useState<Map<string, { key: string; signature: string }>>(new Map());
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [received, setReceived] = useState<string>();

  const receive = async (b: Balance) => {
    const k = rowKey(b);
    const parsed = parseQty(typed.get(k) ?? String(b.inTransit));
    if (!parsed.ok || !parsed.value) return;
    const movement: MovementRequest = {
      type: 'transfer_in',
      depot: b.depot,
      item: b.item,
      size: b.size,
      qty: parsed.value,
    };
    const next = keyFor(pending.get(k) ?? null, [movement], newIdempotencyKey);
    setPending((p) => new Map(p).set(k, next));
    setBusy(k);
    setError(undefined);
    setReceived(undefined);
    try {
      await postMovement(movement, next.key);
      setPending((p) => {
        const out = new Map(p);
        out.delete(k);
        return out;
      });
      setTyped((p) => {
        const out = new Map(p);
        out.delete(k);
        return out;
      });
      setReceived(
        t('stock.inTransit.received', {
          n: f.number(movement.qty),
          item: cat.itemLabel(b.item),
          size: b.size,
          depot: cat.depotLabel(b.depot),
        }),
      );
      onPosted();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section className="panel" data-testid="in-transit">
      <h2>{t('stock.inTransit.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('stock.inTransit.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('stock.inTransit.to')}</th>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col">{t('stock.size')}</th>
                <th scope="col" className="num">
                  {t('stock.inTransit.qty')}
                </th>
                <th scope="col">{t('stock.inTransit.arrived')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => {
                const k = rowKey(b);
                const text = typed.get(k) ?? String(b.inTransit);
                const parsed = parseQty(text);
                const ok = parsed.ok && parsed.value !== undefined && parsed.value > 0;
                return (
                  <tr key={k} data-testid={`transit-${b.item}-${b.size}-${b.depot}`}>
                    <td>{cat.depotLabel(b.depot)}</td>
                    <td>{cat.itemLabel(b.item)}</td>
                    <td className="mono">{b.size}</td>
                    <td className="num">{f.number(b.inTransit)}</td>
                    <td>
                      <div className="inline-form">
                        <input
                          type="text"
                          inputMode="numeric"
                          className="qty-input"
                          aria-label={t('stock.inTransit.arrived')}
                          aria-invalid={!ok || undefined}
                          value={text}
                          maxLength={9}
                          onChange={(e) => setTyped((p) => new Map(p).set(k, e.target.value))}
                        />
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={!ok || busy !== undefined}
                          onClick={() => void receive(b)}
                          data-testid="transit-receive"
                        >
                          {busy === k ? t('common.saving') : t('stock.inTransit.receive')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {error && <StockError error={error} testId="transit-error" />}
      {received && (
        <div className="notice notice-success" role="status" data-testid="transit-done">
          <p className="notice-title">{received}</p>
        </div>
      )}
    </section>
  );
}
