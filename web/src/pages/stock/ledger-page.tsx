import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { exportUrl, type Movement, reverseMovement } from '../../api/stock.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useMay } from '../../auth/auth-context.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { keyFor } from './grid-model.ts';
import {
  type Cursor,
  currentBefore,
  effectChanges,
  FIRST_PAGE,
  newer,
  older,
  pageNumber,
  reversedOnPage,
  signed,
} from './ledger-model.ts';
import { StockError } from './stock-error.tsx';
import { StockImportPanel } from './stock-import-panel.tsx';
import { useStockCatalogue } from './use-stock-catalogue.ts';
import './stock.css';

const PAGE_SIZE = 50;

/** The stock ledger, newest first: filters, paging, what each movement did, reversal, import and export. */
export function LedgerPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const cat = useStockCatalogue();
  const mayReverse = useMay(['admin', 'storekeeper']);
  const [params, setParams] = useSearchParams();
  const depot = params.get('depot') ?? '';
  const item = params.get('item') ?? '';
  const person = params.get('person') ?? '';
  const [personText, setPersonText] = useState(person);
  const settledPerson = useDebouncedValue(personText.trim(), 300);
  const [cursor, setCursor] = useState<Cursor>(FIRST_PAGE);
  useTitle(t('ledger.title'));

  const setParam = (name: string, value: string) => {
    setCursor(FIRST_PAGE);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: setParam changes every render; the person is what counts
  useEffect(() => {
    if (settledPerson !== person) setParam('person', settledPerson);
  }, [settledPerson]);

  const list = useApi<{ movements: Movement[] }>('/api/stock/movements', {
    depot: depot || undefined,
    item: item || undefined,
    person: person || undefined,
    before: currentBefore(cursor),
    limit: PAGE_SIZE,
  });
  const rows = list.data?.movements ?? [];
  const reversed = reversedOnPage(rows);

  return (
    <section className="page ledger-page">
      <div className="page-head">
        <div>
          <p className="crumb">
            <Link to="/stock">{t('stock.title')}</Link>
          </p>
          <h1>{t('ledger.title')}</h1>
          <p className="muted">{t('ledger.intro')}</p>
        </div>
        <div className="export-links" data-testid="exports">
          <span className="muted">{t('ledger.export')}</span>
          {(['balances', 'ledger'] as const).flatMap((what) =>
            (['csv', 'xlsx'] as const).map((format) => (
              <a
                key={`${what}-${format}`}
                className="button-secondary"
                href={exportUrl(what, format)}
                download
                data-testid={`export-${what}-${format}`}
              >
                {t(`ledger.exportWhat.${what}`)} · {format.toUpperCase()}
              </a>
            )),
          )}
        </div>
      </div>

      <StockImportPanel onImported={list.reload} />

      <div className="stock-toolbar">
        <label className="field">
          <span>{t('stock.depot')}</span>
          <select
            value={depot}
            onChange={(e) => setParam('depot', e.target.value)}
            data-testid="ledger-depot"
          >
            <option value="">{t('stock.allDepots')}</option>
            {cat.depots.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('stock.item')}</span>
          <select value={item} onChange={(e) => setParam('item', e.target.value)} data-testid="ledger-item">
            <option value="">{t('ledger.allItems')}</option>
            {cat.items.map((i) => (
              <option key={i.id} value={i.id}>
                {cat.itemLabel(i.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ledger.person')}</span>
          <input
            type="search"
            value={personText}
            onChange={(e) => setPersonText(e.target.value)}
            placeholder={t('ledger.personHint')}
            maxLength={100}
            spellCheck={false}
            autoComplete="off"
            data-testid="ledger-person"
          />
        </label>
      </div>

      {list.error && <ErrorBox error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && rows.length === 0 && <p className="empty">{t('ledger.empty')}</p>}
      {list.data && rows.length > 0 && (
        <div className="table-wrap">
          <table
            className={list.loading ? 'table ledger is-busy' : 'table ledger'}
            data-testid="ledger-table"
          >
            <thead>
              <tr>
                <th scope="col">{t('ledger.type')}</th>
                <th scope="col">{t('ledger.at')}</th>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col" className="num">
                  {t('stock.qty')}
                </th>
                <th scope="col">{t('ledger.effects')}</th>
                <th scope="col">{t('ledger.note')}</th>
                {mayReverse && (
                  <th scope="col">
                    <span className="visually-hidden">{t('ledger.reverse')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <LedgerRow
                  key={m.id}
                  m={m}
                  itemLabel={cat.itemLabel}
                  depotLabel={cat.depotLabel}
                  mayReverse={mayReverse}
                  alreadyReversed={reversed.has(m.id)}
                  onReversed={list.reload}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && (rows.length > 0 || pageNumber(cursor) > 1) && (
        <nav className="pager" aria-label={t('pager.label')}>
          <p className="pager-range">{t('ledger.page', { page: f.number(pageNumber(cursor)) })}</p>
          <div className="pager-buttons">
            <button type="button" disabled={pageNumber(cursor) === 1} onClick={() => setCursor(newer)}>
              ‹ {t('ledger.newer')}
            </button>
            <button
              type="button"
              disabled={rows.length < PAGE_SIZE}
              onClick={() => setCursor((c) => older(c, rows[rows.length - 1]?.id))}
              data-testid="ledger-older"
            >
              {t('ledger.older')} ›
            </button>
          </div>
        </nav>
      )}
    </section>
  );
}

function LedgerRow({
  m,
  itemLabel,
  depotLabel,
  mayReverse,
  alreadyReversed,
  onReversed,
}: {
  m: Movement;
  itemLabel: (id: string) => string;
  depotLabel: (id: string) => string;
  mayReverse: boolean;
  alreadyReversed: boolean;
  onReversed: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<{ key: string; signature: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const changes = effectChanges(m.effects);
  const canReverse = mayReverse && m.reverses === null && !alreadyReversed;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (!why) return;
    const next = keyFor(pending, { reverse: m.id, reason: why }, newIdempotencyKey);
    setPending(next);
    setBusy(true);
    setError(undefined);
    try {
      await reverseMovement(m.id, why, next.key);
      setAsking(false);
      onReversed();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(false);
    }
  };

  const notes = [
    m.person && t('ledger.notePerson', { person: m.person }),
    m.condition && t('ledger.noteCondition', { condition: t(`stockCommon.condition.${m.condition}`) }),
    m.document && t('ledger.noteDocument', { document: m.document }),
    m.reason,
  ].filter(Boolean);

  return (
    <>
      <tr data-testid={`movement-${m.id}`} className={m.reverses !== null ? 'is-reversal' : undefined}>
        <td>
          <span className={`type-tag type-${m.type}`}>
            {t(`stockCommon.type.${m.type}`, { defaultValue: m.type })}
          </span>
          <span className="sub mono">№&nbsp;{m.id}</span>
          {m.reverses !== null && <span className="sub">{t('ledger.reverses', { id: m.reverses })}</span>}
          {alreadyReversed && <span className="sub">{t('ledger.reversed')}</span>}
        </td>
        <td className="ledger-at">{f.dateTime(m.at)}</td>
        <td>
          {itemLabel(m.item)} <span className="mono">{m.size}</span>
          <span className="sub">
            {depotLabel(m.depot)}
            {m.otherDepot && ` ⇄ ${depotLabel(m.otherDepot)}`}
          </span>
        </td>
        <td className="num">{f.number(m.qty)}</td>
        <td>
          <ul className="effects" data-testid="effects">
            {changes.length === 0 && <li className="muted">{t('ledger.noChange')}</li>}
            {changes.map((c) => (
              <li key={`${c.depot}-${c.bucket}`} className={c.delta < 0 ? 'is-down' : 'is-up'}>
                {/* The movement's own depot is named beside the item; only another depot is named here. */}
                {c.depot !== m.depot && `${depotLabel(c.depot)}: `}
                {t(`stockCommon.bucket.${c.bucket}`)} {signed(f.number, c.delta)}
              </li>
            ))}
          </ul>
        </td>
        <td>
          {notes.map((n) => (
            <span key={n as string} className="note-line">
              {n}
            </span>
          ))}
          {m.actor && <span className="sub">{m.actor}</span>}
        </td>
        {mayReverse && (
          <td>
            {canReverse && !asking && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => setAsking(true)}
                data-testid="reverse"
              >
                {t('ledger.reverse')}
              </button>
            )}
          </td>
        )}
      </tr>
      {asking && (
        <tr className="reverse-row">
          <td colSpan={mayReverse ? 7 : 6} className="reverse-cell">
            <form className="reverse-form" onSubmit={submit} data-testid="reverse-form">
              <label className="field">
                <span>{t('ledger.reverseReason', { id: m.id })}</span>
                <input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  required
                  maxLength={500}
                  // biome-ignore lint/a11y/noAutofocus: the person just asked to reverse this row; the reason is next
                  autoFocus
                  data-testid="reverse-reason"
                />
              </label>
              <div className="actions">
                <button
                  type="submit"
                  className="button-primary"
                  disabled={busy || !reason.trim()}
                  data-testid="reverse-confirm"
                >
                  {busy ? t('common.saving') : t('ledger.reverseConfirm')}
                </button>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => setAsking(false)}
                  disabled={busy}
                >
                  {t('common.cancel')}
                </button>
              </div>
              {error && <StockError error={error} testId="reverse-error" />}
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
