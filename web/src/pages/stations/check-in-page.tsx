import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useCurrentIntake } from '../../components/current-intake.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { PersonName } from '../../components/person-name.tsx';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { loadRoster } from '../../offline/roster.ts';
import { PersonPicker } from '../../questionnaire/person-picker.tsx';
import type { RosterPerson } from '../../questionnaire/person-search.ts';
import { useAsync } from '../../questionnaire/use-async.ts';
import { CameraScanner } from './camera-scanner.tsx';
import type { Ticket } from './types.ts';
import './stations.css';
import '../../questionnaire/questionnaire.css';

interface CheckedIn {
  ticket: Ticket;
  person: RosterPerson | null;
}

const NO_ANSWERS = new Map<string, never>();

/**
 * Check-in at the door: scan the person's slip (or type or search), and they get a ticket number in the queue. A
 * person who already has an open ticket gets the same one back, so scanning twice is harmless.
 */
export function CheckInPage() {
  const { t } = useTranslation('stations');
  const f = useFormat();
  useTitle(t('checkIn.title'));
  const [params] = useSearchParams();
  const { intakeId: current } = useCurrentIntake();
  const intakeId = params.get('intake') ?? current ?? '';
  const roster = useAsync(() => (intakeId ? loadRoster(intakeId) : undefined), [intakeId]);
  const people = roster.data?.value ?? [];
  const [done, setDone] = useState<CheckedIn[]>([]);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [camera, setCamera] = useState(false);

  const checkIn = useCallback(
    async (body: { personId: string } | { qr: string }, person: RosterPerson | null) => {
      setBusy(true);
      setError(undefined);
      setCamera(false);
      try {
        const { ticket } = await api<{ ticket: Ticket }>('/api/queue/check-in', {
          method: 'POST',
          body: { intakeId, ...body },
          headers: { 'idempotency-key': newIdempotencyKey() },
        });
        const who = person ?? people.find((p) => p.id === ticket.personId) ?? null;
        setDone((list) =>
          [{ ticket, person: who }, ...list.filter((c) => c.ticket.id !== ticket.id)].slice(0, 20),
        );
      } catch (err) {
        setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
      } finally {
        setBusy(false);
      }
    },
    [intakeId, people],
  );
  const onScan = useCallback(
    (text: string) =>
      void checkIn(text.startsWith('kitout:') ? { qr: text.trim() } : { personId: text.trim() }, null),
    [checkIn],
  );

  if (!intakeId) {
    return (
      <section className="page">
        <h1>{t('checkIn.title')}</h1>
        <p className="notice">{t('chooseIntakeFirst')}</p>
        <Link to="/intakes">{t('checkIn.intakes')}</Link>
      </section>
    );
  }
  const last = done[0];

  return (
    <section className="page st-checkin" data-testid="check-in-page">
      <div className="page-head">
        <h1>{t('checkIn.title')}</h1>
        <div className="actions">
          <button type="button" className="button-secondary st-big" onClick={() => setCamera((c) => !c)}>
            {t('scan.camera')}
          </button>
          <Link to={`/board?intake=${encodeURIComponent(intakeId)}`} className="button-secondary">
            {t('board.title')}
          </Link>
        </div>
      </div>
      <p className="muted">{t('checkIn.intro', { intake: intakeId })}</p>
      {camera && <CameraScanner onText={onScan} onClose={() => setCamera(false)} />}
      {error && <ErrorBox error={error} />}
      {last && (
        <div className="st-checked" data-testid="checked-in" role="status">
          <span className="st-checked-number" data-testid="checked-in-number">
            {last.ticket.number}
          </span>
          <span>
            {last.person ? (
              <PersonName person={last.person} />
            ) : (
              <span className="mono">{last.ticket.personId}</span>
            )}
            <span className="muted"> {t('checkIn.at', { time: f.dateTime(last.ticket.checkedInAt) })}</span>
          </span>
        </div>
      )}
      {roster.loading && !roster.data && <Loading />}
      <div className={busy ? 'is-busy' : undefined}>
        <PersonPicker
          people={people}
          answered={NO_ANSWERS}
          label={t('scan.label')}
          placeholder={t('scan.placeholder')}
          onPick={(p) => void checkIn({ personId: p.id }, p)}
        />
      </div>
      {done.length > 1 && (
        <>
          <h2>{t('checkIn.recent')}</h2>
          <ul className="st-recent">
            {done.slice(1).map((c) => (
              <li key={c.ticket.id}>
                <strong>{c.ticket.number}</strong> <span className="mono">{c.ticket.personId}</span>{' '}
                {c.person && <PersonName person={c.person} layout="inline" />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
