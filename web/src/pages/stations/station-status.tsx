import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/use-format.ts';
import { refusalCode } from './pick-list-view.tsx';
import { dismissRefusal, type StoredEvent } from './station-db.ts';
import type { StationSyncStatus } from './station-sync.ts';

/** "offline · queued 12 / sent 140 · refused 1": what the device holds and whether it can send. */
export function StationStatusBar({ events, status }: { events: StoredEvent[]; status: StationSyncStatus }) {
  const { t } = useTranslation('stations');
  const f = useFormat();
  const queued = events.filter((e) => e.state === 'queued').length;
  const sent = events.filter((e) => e.state === 'sent').length;
  const refused = events.filter((e) => e.state === 'refused').length;
  const state = !status.online
    ? 'offline'
    : status.needsSignIn
      ? 'signIn'
      : status.syncing
        ? 'sending'
        : status.lastProblem
          ? 'retrying'
          : 'online';
  return (
    <div
      className={`st-status is-${state}`}
      data-testid="station-status"
      data-state={state}
      data-made={events.length}
      data-queued={queued}
    >
      <span className="st-status-dot" aria-hidden="true" />
      <span>{t(`sync.${state}`)}</span>
      <span>
        {t('sync.queued')} <strong data-testid="count-queued">{f.number(queued)}</strong>
      </span>
      <span>
        {t('sync.sent')} <strong data-testid="count-sent">{f.number(sent)}</strong>
      </span>
      {refused > 0 && (
        <span className="st-status-refused">
          {t('sync.refused')} <strong data-testid="count-refused">{f.number(refused)}</strong>
        </span>
      )}
    </div>
  );
}

/** Events the server refused: what, for whom, why, and the size it suggests instead. */
export function RefusedList({
  events,
  itemName,
  onTake,
}: {
  events: StoredEvent[];
  itemName: (item: string) => string;
  onTake: (e: StoredEvent, size: string) => void;
}) {
  const { t } = useTranslation('stations');
  const f = useFormat();
  const shown = events.filter((e) => e.state === 'refused' && !e.dismissed);
  if (shown.length === 0) return null;
  return (
    <section className="st-refused" data-testid="refused-list">
      <h2>{t('refused.title', { count: shown.length })}</h2>
      <ul>
        {shown.map((e) => (
          <li key={e.id} data-testid="refused-event" data-event={e.id}>
            <span className="mono">{e.personId}</span>
            <span>
              {t(`kind.${e.kind}`)} · {itemName(e.item)} {e.size}
              {e.toSize ? ` → ${e.toSize}` : ''}
            </span>
            <span className="st-refused-why">
              {t(`refused.${refusalCode(e.refusal?.code)}`, { size: e.toSize ?? e.size })}
              {e.refusal?.message ? ` — ${e.refusal.message}` : ''}
            </span>
            {e.refusal?.suggestion && (
              <button
                type="button"
                className="button-primary"
                onClick={() => onTake(e, e.refusal!.suggestion!.size)}
              >
                {t('refused.takeSuggestion', {
                  size: e.refusal.suggestion.size,
                  n: f.number(e.refusal.suggestion.available),
                })}
              </button>
            )}
            <button type="button" className="button-quiet" onClick={() => void dismissRefusal(e.id)}>
              {t('refused.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
