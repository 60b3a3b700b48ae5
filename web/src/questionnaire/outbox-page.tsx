import { useTranslation } from 'react-i18next';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';
import { clearRefusal } from '../offline/outbox.ts';
import { useOutbox } from '../offline/outbox-context.tsx';
import { OutboxChip } from './outbox-chip.tsx';
import { outboxCsv } from './outbox-csv.ts';
import './questionnaire.css';

/**
 * Everything this device has taken: what waits to be sent (and what the server refused, with its reasons),
 * and what the server stored, with times — and the list as CSV, to compare with the server when something
 * seems missing.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { queued, sent, ready, status, syncNow } = useOutbox();
  useTitle(t('outbox.title'));

  const download = () => {
    const blob = new Blob([outboxCsv(queued, sent)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `kitout-outbox-${new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-')}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="page q-page" data-testid="outbox-page">
      <div className="page-head">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="muted">{t('outbox.intro')}</p>
        </div>
        <OutboxChip />
      </div>
      <dl className="facts q-outbox-facts">
        <div>
          <dt>{t('outbox.queued')}</dt>
          <dd className="q-count" data-testid="count-queued">
            {f.number(queued.filter((q) => !q.refused).length)}
          </dd>
        </div>
        <div>
          <dt>{t('outbox.refused')}</dt>
          <dd className="q-count" data-testid="count-refused">
            {f.number(queued.filter((q) => q.refused).length)}
          </dd>
        </div>
        <div>
          <dt>{t('outbox.sent')}</dt>
          <dd className="q-count" data-testid="count-sent">
            {f.number(sent.length)}
          </dd>
        </div>
        {status.lastSyncAt && (
          <div>
            <dt>{t('outbox.lastSync')}</dt>
            <dd>{f.dateTime(status.lastSyncAt)}</dd>
          </div>
        )}
      </dl>
      <div className="actions q-outbox-actions">
        <button
          type="button"
          className="button-primary"
          onClick={syncNow}
          disabled={!status.online || status.syncing || queued.length === 0}
          data-testid="send-now"
        >
          {status.syncing ? t('outbox.sending') : t('outbox.sendNow')}
        </button>
        <button type="button" onClick={download} disabled={!ready} data-testid="export-csv">
          {t('outbox.exportCsv')}
        </button>
      </div>
      {status.needsSignIn && <p className="notice notice-error">{t('outbox.needsSignIn')}</p>}
      {status.lastProblem && status.online && (
        <p className="notice q-offline">{t('outbox.retrying', { problem: status.lastProblem })}</p>
      )}

      {!ready ? null : queued.length + sent.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="outbox-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.person')}</th>
                <th scope="col">{t('outbox.form')}</th>
                <th scope="col">{t('outbox.savedAt')}</th>
                <th scope="col">{t('outbox.sentAt')}</th>
                <th scope="col">{t('outbox.instance')}</th>
              </tr>
            </thead>
            <tbody>
              {queued.map((q) => (
                <tr key={q.instanceId} data-status={q.refused ? 'refused' : 'queued'}>
                  <td>
                    <span className={`q-badge is-${q.refused ? 'refused' : 'queued'}`}>
                      {t(q.refused ? 'outbox.statusRefused' : 'outbox.statusQueued')}
                    </span>
                    {q.refused && (
                      <>
                        <span className="sub">{[q.refused.message, ...q.refused.reasons].join(' · ')}</span>
                        <button
                          type="button"
                          className="button-quiet"
                          onClick={() => void clearRefusal(q.instanceId)}
                        >
                          {t('outbox.tryAgain')}
                        </button>
                      </>
                    )}
                    {!q.refused && q.attempts > 0 && (
                      <span className="sub">{t('outbox.attempts', { count: q.attempts })}</span>
                    )}
                  </td>
                  <td className="nowrap">
                    <span className="mono">{q.personId}</span>
                    <span className="sub">{q.personName}</span>
                  </td>
                  <td className="mono">
                    {q.formId} v{q.formVersion}
                  </td>
                  <td className="nowrap">{f.dateTime(q.clientTime)}</td>
                  <td>—</td>
                  <Instance id={q.instanceId} />
                </tr>
              ))}
              {sent.map((s) => (
                <tr key={s.instanceId} data-status="sent">
                  <td>
                    <span className="q-badge is-sent">{t('outbox.statusSent')}</span>
                  </td>
                  <td className="nowrap">
                    <span className="mono">{s.personId}</span>
                    <span className="sub">{s.personName}</span>
                  </td>
                  <td className="mono">
                    {s.formId} v{s.formVersion}
                  </td>
                  <td className="nowrap">{f.dateTime(s.clientTime)}</td>
                  <td className="nowrap">{f.dateTime(s.sentAt)}</td>
                  <Instance id={s.instanceId} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** An instance id, shortened on screen (the full id is in the tooltip and in the CSV export). */
function Instance({ id }: { id: string }) {
  return (
    <td className="mono q-instance" title={id} data-instance={id}>
      {id.length > 13 ? `${id.slice(0, 8)}…` : id}
    </td>
  );
}
