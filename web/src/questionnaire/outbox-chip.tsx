import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOutbox } from '../offline/outbox-context.tsx';

/** What the device holds and whether it can send: "3 waiting · 17 sent · offline", a link to the outbox. */
export function OutboxChip() {
  const { t } = useTranslation();
  const { queued, sent, status } = useOutbox();
  const refused = queued.filter((q) => q.refused).length;
  const waiting = queued.length - refused;
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
    <Link to="/outbox" className={`q-chip is-${state}`} data-testid="outbox-chip" data-state={state}>
      <span className="q-chip-dot" aria-hidden="true" />
      <span>{t(`outbox.state.${state}`)}</span>
      <span data-testid="chip-queued">{t('outbox.queuedCount', { count: waiting })}</span>
      {refused > 0 && <span>{t('outbox.refusedCount', { count: refused })}</span>}
      <span data-testid="chip-sent">{t('outbox.sentCount', { count: sent.length })}</span>
    </Link>
  );
}
