import { useTranslation } from 'react-i18next';
import type { Item } from '../../api/types.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { itemName } from '../catalogue-page.tsx';
import type { KitRecord } from './types.ts';
import './stations.css';

/**
 * A person's kit record on their page: what they hold now, every issue, return, exchange and loss with when, where
 * and by whom, the receipt to print in the person's own language, and their check-in slip.
 */
export function KitRecordSection({
  personId,
  language,
}: {
  personId: string;
  /** The person's own language: the receipt is printed in it. */
  language: string | null | undefined;
}) {
  const { t, i18n } = useTranslation('stations');
  const f = useFormat();
  const base = `/api/people/${encodeURIComponent(personId)}`;
  const { data, error } = useApi<KitRecord>(`${base}/kit`);
  const items = useApi<{ items: Item[] }>('/api/items');
  const found = (id: string) => items.data?.items.find((i) => i.id === id);
  const name = (item: string) => {
    const it = found(item);
    return it ? itemName(it, i18n.language) : item;
  };
  const lang = language || 'en';

  return (
    <section className="st-kit" data-testid="kit-record">
      <div className="st-kit-links">
        <a
          className="button-secondary"
          href={`${base}/receipt.pdf?lang=${encodeURIComponent(lang)}`}
          data-testid="receipt-link"
        >
          {t('kit.receipt')}
        </a>
        <a className="button-secondary" href={`${base}/slip.pdf`} data-testid="slip-link">
          {t('kit.slip')}
        </a>
      </div>
      {error && <ErrorBox error={error} />}
      {!data && !error && <Loading />}
      {data && (
        <>
          <h3>{t('kit.holdings')}</h3>
          {data.holdings.length === 0 ? (
            <p className="empty">{t('kit.nothingHeld')}</p>
          ) : (
            <table className="table" data-testid="kit-holdings">
              <thead>
                <tr>
                  <th>{t('kit.item')}</th>
                  <th>{t('kit.size')}</th>
                  <th className="num">{t('kit.qty')}</th>
                </tr>
              </thead>
              <tbody>
                {data.holdings.map((h) => (
                  <tr key={`${h.item}|${h.size}`}>
                    <td>{name(h.item)}</td>
                    <td className="mono">{h.size}</td>
                    <td className="num">{f.number(h.qty)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('kit.events')}</h3>
          {data.events.length === 0 ? (
            <p className="empty">{t('kit.noEvents')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="kit-events">
                <thead>
                  <tr>
                    <th>{t('kit.when')}</th>
                    <th>{t('kit.what')}</th>
                    <th>{t('kit.item')}</th>
                    <th>{t('kit.size')}</th>
                    <th>{t('kit.where')}</th>
                    <th>{t('kit.who')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.events.map((e) => (
                    <tr key={e.id} data-kind={e.kind}>
                      <td className="nowrap">{f.dateTime(e.at)}</td>
                      <td>
                        {t(`kind.${e.kind}`)}
                        {e.condition &&
                          ` · ${t('kit.conditionShort', { code: e.condition, text: t(`condition.${e.condition}`, { defaultValue: e.condition }) })}`}
                        {e.qty !== 1 && ` ×${f.number(e.qty)}`}
                      </td>
                      <td>{name(e.item)}</td>
                      <td className="mono">{e.fromSize ? `${e.fromSize} → ${e.size}` : e.size}</td>
                      <td>{[e.stationId, e.depotId].filter(Boolean).join(' · ')}</td>
                      <td>{e.actorName ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
