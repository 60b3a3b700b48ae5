import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useCurrentIntake } from '../../components/current-intake.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { PersonName } from '../../components/person-name.tsx';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import {
  exactPerson,
  personFromSlip,
  type RosterPerson,
  searchPeople,
} from '../../questionnaire/person-search.ts';
import { CameraScanner, preloadDecoder } from './camera-scanner.tsx';
import { AnswersPanel, type LineAction, languageName, PickListView } from './pick-list-view.tsx';
import { addEvents, nextSeq } from './station-db.ts';
import { stationLabel } from './station-label.ts';
import {
  availableFor,
  eventsToOverlay,
  foldPack,
  issueAllEvents,
  overlayPickList,
  pickListFromPack,
} from './station-model.ts';
import { RefusedList, StationStatusBar } from './station-status.tsx';
import { useStationOutbox } from './station-sync-context.tsx';
import type { Board, Ticket } from './types.ts';
import { textIn } from './types.ts';
import { storedChoice, usePack, usePickList, useStations } from './use-station-data.ts';
import './stations.css';

/** How long after the last answers from the server the open pick list is fetched again. */
const PICK_REFRESH_MS = 2_000;

/**
 * The station screen on a tablet: call the next ticket or scan/type a person, see their answers in their language
 * and the pick list in the issuer's, issue, exchange after a try-on, take returns and losses. Every action is an
 * event stored on the device before anything is sent, so the screen works the same with or without a network.
 */
export function StationPage() {
  const { id: stationId = '' } = useParams();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation('stations');
  const f = useFormat();
  const { intakeId: currentIntake } = useCurrentIntake();
  const choice = storedChoice();
  const intakeId =
    params.get('intake') ??
    (choice?.stationId === stationId ? choice.intakeId : null) ??
    currentIntake ??
    undefined;
  const { stations } = useStations();
  const station = stations.find((s) => s.id === stationId);
  const stationName = stationLabel(t, station ?? { id: stationId });
  useTitle(stationName);

  const outbox = useStationOutbox();
  const pack = usePack(stationId, intakeId);
  const [personId, setPersonId] = useState<string | null>(null);
  const [ticket, setTicket] = useState<{ number: number; personId: string } | null>(null);
  const pick = usePickList(stationId, personId);
  const [camera, setCamera] = useState(false);
  const [callError, setCallError] = useState<ApiError>();
  const [calling, setCalling] = useState(false);
  const [nobody, setNobody] = useState(false);

  useEffect(() => preloadDecoder(), []);

  // After the sync loop got answers: the pack and the open pick list catch up with the server.
  // Not after every pass: while the issuer taps away, the device's own overlay keeps the list true, and the server
  // is asked again once things are quiet.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = outbox.onPass(() => {
      clearTimeout(timer);
      timer = setTimeout(pick.reload, PICK_REFRESH_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [outbox, pick.reload]);

  // On opening, the ticket this station called last (if the server knows it) comes back on screen.
  useEffect(() => {
    if (!intakeId || !navigator.onLine) return;
    const controller = new AbortController();
    api<Board>('/api/queue/board', { query: { intakeId }, signal: controller.signal })
      .then((board) => {
        const current = board.stations.find((s) => s.id === stationId)?.current;
        if (current) {
          setTicket((tk) => tk ?? { number: current.number, personId: current.personId });
          setPersonId((p) => p ?? current.personId);
        }
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [intakeId, stationId]);

  const packData = pack.stored?.pack;
  const people = useMemo<RosterPerson[]>(
    () =>
      (packData?.people ?? []).map((p) => ({
        id: p.id,
        name: p.name,
        name_latin: p.latinName,
        name_cyrillic: null,
      })),
    [packData],
  );
  const stationEvents = useMemo(
    () => outbox.events.filter((e) => e.stationId === stationId),
    [outbox.events, stationId],
  );

  const view = useMemo(() => {
    if (!personId || !intakeId) return null;
    if (pick.list && pick.list.person.id === personId && !pick.offline) {
      const overlay = eventsToOverlay(stationEvents, { stationId, intakeId, packFetchedAt: pick.fetchedAt });
      return { list: overlayPickList(pick.list, overlay), fromPack: false };
    }
    if (packData && (pick.offline || pick.error?.status === 404 || !navigator.onLine)) {
      const overlay = eventsToOverlay(stationEvents, {
        stationId,
        intakeId,
        packFetchedAt: pack.stored?.fetchedAt,
      });
      const list = pickListFromPack(packData, personId, overlay, intakeId);
      return list ? { list, fromPack: true } : null;
    }
    return null;
  }, [personId, intakeId, pick, stationEvents, stationId, packData, pack.stored?.fetchedAt]);

  const itemName = useCallback(
    (item: string) =>
      textIn(
        packData?.items.find((i) => i.id === item)?.name ??
          view?.list.lines.find((l) => l.item === item)?.itemName,
        i18n.language,
      ) || item,
    [packData, view, i18n.language],
  );
  const sizesOf = useCallback(
    (item: string) => packData?.items.find((i) => i.id === item)?.sizes ?? [],
    [packData],
  );

  // The shelves as this device knows them: the pack with every event it has not seen laid over it.
  const local = useMemo(() => {
    if (!packData || !intakeId) return undefined;
    const overlay = eventsToOverlay(stationEvents, {
      stationId,
      intakeId,
      packFetchedAt: pack.stored?.fetchedAt,
    });
    return foldPack(packData, overlay);
  }, [packData, stationEvents, stationId, intakeId, pack.stored?.fetchedAt]);
  const availableOf = useCallback(
    (item: string, size: string) =>
      local && packData && personId ? availableFor(local, packData, personId, item, size) : undefined,
    [local, packData, personId],
  );

  const record = useCallback(
    async (forPerson: string, actions: LineAction[]) => {
      if (!intakeId || actions.length === 0) return;
      const clientTime = new Date().toISOString();
      await addEvents(
        actions.map((a) => ({
          ...a,
          id: newIdempotencyKey(),
          personId: forPerson,
          stationId,
          intakeId,
          clientTime,
          seq: nextSeq(),
        })),
      );
    },
    [intakeId, stationId],
  );

  const open = (text: string) => {
    const typed = text.trim();
    if (!typed) return;
    const person = exactPerson(people, typed);
    const matches = person ? [person] : searchPeople(people, typed, 2);
    setPersonId(matches.length === 1 ? matches[0]!.id : personFromSlip(typed));
    setTicket(null);
    setCamera(false);
  };

  const callNext = async () => {
    setCalling(true);
    setCallError(undefined);
    setNobody(false);
    try {
      const { ticket: next } = await api<{ ticket: Ticket | null }>(
        `/api/stations/${encodeURIComponent(stationId)}/call-next`,
        { method: 'POST', body: { intakeId }, headers: { 'idempotency-key': newIdempotencyKey() } },
      );
      if (next) {
        setTicket({ number: next.number, personId: next.personId });
        setPersonId(next.personId);
      } else {
        setNobody(true);
      }
    } catch (err) {
      setCallError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setCalling(false);
    }
  };

  if (!intakeId) {
    return (
      <section className="page">
        <h1>{stationName}</h1>
        <p className="notice">{t('chooseIntakeFirst')}</p>
        <Link to="/stations">{t('stations.title')}</Link>
      </section>
    );
  }

  const refusalsHere = stationEvents.filter((e) => e.state === 'refused' && !e.dismissed);
  const personRefusals = refusalsHere.filter((e) => e.personId === personId);
  const person = view?.list.person;

  return (
    <section
      className="page st-page"
      data-testid="station-page"
      data-station={stationId}
      data-pack={packData ? 'ready' : 'none'}
    >
      <div className="st-top">
        <div className="st-title">
          <h1>{stationName}</h1>
          <span className="muted">
            {t('intakeLabel', { intake: intakeId })}
            {packData &&
              ` · ${t('pack.people', { count: packData.people.length, n: f.number(packData.people.length) })}`}
          </span>
        </div>
        <StationStatusBar events={stationEvents} status={outbox.status} />
        <div className="st-call">
          {ticket && (
            <span className="st-ticket" data-testid="ticket-number">
              {t('ticket', { number: ticket.number })}
            </span>
          )}
          <button
            type="button"
            className="button-primary st-big"
            data-testid="call-next"
            disabled={calling || !outbox.status.online}
            onClick={() => void callNext()}
          >
            {t('callNext')}
          </button>
        </div>
      </div>
      {callError && <ErrorBox error={callError} />}
      {nobody && <p className="notice">{t('nobodyWaiting')}</p>}
      {pack.error && <ErrorBox error={pack.error} />}
      {!packData && !pack.loading && !outbox.status.online && (
        <p className="notice notice-error">{t('pack.missing')}</p>
      )}

      <ScanBox people={people} onOpen={open} onCamera={() => setCamera((c) => !c)} />
      {camera && <CameraScanner onText={open} onClose={() => setCamera(false)} />}

      <RefusedList
        events={refusalsHere}
        itemName={itemName}
        onTake={(e, size) => void record(e.personId, [{ kind: 'issue', item: e.item, size }])}
      />

      {personId && !view && pick.loading && <p className="loading">{t('loadingPerson')}</p>}
      {personId && !view && !pick.loading && (pick.error || (pick.offline && packData)) && (
        <p className="notice notice-error" data-testid="person-not-found">
          {t('personNotFound', { id: personId })}
        </p>
      )}

      {view && person && (
        <div className="st-person" data-testid="station-person" data-person={person.id}>
          <div className="st-person-head">
            <h2 className="st-person-name" data-testid="chosen-person">
              <PersonName person={{ name: person.name, name_latin: person.latinName }} layout="block" />
            </h2>
            {i18n.language === 'ko' && person.latinName && (
              <span className="st-person-latin" lang="en">
                {person.latinName}
              </span>
            )}
            <span className="mono st-person-id">{person.id}</span>
            {person.language && (
              <span className="chip" data-testid="person-language">
                {t('speaks', { language: languageName(person.language, i18n.language) })}
              </span>
            )}
            {view.fromPack && (
              <span className="chip st-offline-chip" data-testid="from-pack">
                {t('pack.fromDevice')}
              </span>
            )}
          </div>
          <div className="st-columns">
            <AnswersPanel
              answers={view.list.answers}
              personLanguage={person.language}
              fromPack={view.fromPack}
            />
            <PickListView
              list={view.list}
              sizesOf={sizesOf}
              availableOf={availableOf}
              refusals={personRefusals}
              onAction={(a) => void record(person.id, [a])}
              onIssueAll={() =>
                void record(
                  person.id,
                  issueAllEvents(view.list).map((x) => ({ kind: 'issue' as const, ...x })),
                )
              }
            />
          </div>
        </div>
      )}
    </section>
  );
}

/** Type or scan: a person's id, the QR text of their slip, or part of their name. */
function ScanBox({
  people,
  onOpen,
  onCamera,
}: {
  people: RosterPerson[];
  onOpen: (text: string) => void;
  onCamera: () => void;
}) {
  const { t } = useTranslation('stations');
  const [text, setText] = useState('');
  const matches = useMemo(() => (text.trim() ? searchPeople(people, text, 6) : []), [people, text]);
  const submit = (value: string) => {
    onOpen(value);
    setText('');
  };
  return (
    <div className="st-scan">
      <label className="field st-scan-field">
        <span>{t('scan.label')}</span>
        <input
          type="search"
          data-testid="scan-input"
          value={text}
          placeholder={t('scan.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit(text);
            }
          }}
        />
      </label>
      <button
        type="button"
        className="button-secondary st-big"
        data-testid="camera-button"
        onClick={onCamera}
      >
        {t('scan.camera')}
      </button>
      {matches.length > 0 && (
        <ul className="st-matches">
          {matches.map((p) => (
            <li key={p.id}>
              <button type="button" className="button-quiet" onClick={() => submit(p.id)}>
                <span className="mono">{p.id}</span> <PersonName person={p} layout="inline" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
