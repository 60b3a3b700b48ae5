import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error.ts';
import { type Balance, type PostedMovement, postMovement } from '../../api/stock.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { keyFor, parseQty } from './grid-model.ts';
import { StockError } from './stock-error.tsx';
import type { StockCatalogue } from './use-stock-catalogue.ts';

/**
 * Sends stock from one depot to another: the sender's on hand drops now and the receiver sees it in transit until
 * it is received. Shows what the sending depot has available of the chosen size.
 */
export function TransferPanel({
  catalogue: cat,
  initialItem,
  balances,
  onPosted,
}: {
  catalogue: StockCatalogue;
  initialItem: string;
  balances: Balance[];
  onPosted: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [item, setItem] = useState(initialItem);
  const [size, setSize] = useState('');
  const [from, setFrom] = useState(cat.depots[0]?.id ?? '');
  const [to, setTo] = useState(cat.depots[1]?.id ?? '');
  const [qty, setQty] = useState('');
  const [pending, setPending] = useState<{ key: string; signature: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<PostedMovement>();

  // The grid's item is the likeliest one to move; follow it until the person picks another here.
  useEffect(() => setItem(initialItem), [initialItem]);
  const sizes = cat.sizesOf(item);
  const chosenSize = sizes.includes(size) ? size : (sizes[0] ?? '');
  const have = balances.find((b) => b.depot === from && b.item === item && b.size === chosenSize);
  const parsed = parseQty(qty);
  const amount = parsed.ok ? parsed.value : undefined;
  const ready = amount !== undefined && amount > 0 && from !== '' && to !== '' && from !== to && !busy;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    const movement = {
      type: 'transfer_out' as const,
      depot: from,
      otherDepot: to,
      item,
      size: chosenSize,
      qty: amount,
    };
    const next = keyFor(pending, [movement], newIdempotencyKey);
    setPending(next);
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await postMovement(movement, next.key));
      setPending(null);
      setQty('');
      onPosted();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit} data-testid="transfer-form">
      <h2>{t('stock.transfer.title')}</h2>
      <p className="muted">{t('stock.transfer.hint')}</p>
      <div className="form-grid compact">
        <label className="field">
          <span>{t('stock.item')}</span>
          <select value={item} onChange={(e) => setItem(e.target.value)} data-testid="transfer-item">
            {cat.items.map((i) => (
              <option key={i.id} value={i.id}>
                {cat.itemLabel(i.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('stock.size')}</span>
          <select value={chosenSize} onChange={(e) => setSize(e.target.value)} data-testid="transfer-size">
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('stock.transfer.from')}</span>
          <select value={from} onChange={(e) => setFrom(e.target.value)} data-testid="transfer-from">
            {cat.depots.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <small className="muted" data-testid="transfer-available">
            {t('stock.transfer.available', { n: f.number(have?.available ?? 0) })}
          </small>
        </label>
        <label className="field">
          <span>{t('stock.transfer.to')}</span>
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="transfer-to">
            {cat.depots.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          {from === to && <small className="field-error">{t('stock.transfer.sameDepot')}</small>}
        </label>
        <label className="field">
          <span>{t('stock.qty')}</span>
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={qty}
            maxLength={9}
            onChange={(e) => setQty(e.target.value)}
            aria-invalid={!parsed.ok || undefined}
            data-testid="transfer-qty"
          />
          {!parsed.ok && <small className="field-error">{t('stock.entry.notWhole')}</small>}
        </label>
      </div>
      <div className="actions form-actions">
        <button type="submit" className="button-primary" disabled={!ready} data-testid="transfer-send">
          {busy ? t('common.saving') : t('stock.transfer.send')}
        </button>
      </div>
      {error && <StockError error={error} testId="transfer-error" />}
      {done && (
        <div className="notice notice-success" role="status" data-testid="transfer-done">
          <p className="notice-title">
            {t('stock.transfer.sent', {
              n: f.number(done.qty),
              item: cat.itemLabel(done.item),
              size: done.size,
              to: cat.depotLabel(done.effects[1]?.depot ?? ''),
            })}
          </p>
        </div>
      )}
    </form>
  );
}
