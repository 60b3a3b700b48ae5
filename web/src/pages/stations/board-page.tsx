import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import { useCurrentIntake } from '../../components/current-intake.tsx';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import { PersonName } from '../../components/person-name.tsx';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { stationLabel } from './station-label.ts';
import type { Board } from './types.ts';
import './stations.css';

/** How often the board asks again. */
const REFRESH_MS = 4_000;

/**
 * The queue board for a large display: each station's current ticket and who it is, how many wait, the next
 * numbers, and the wait and throughput measured today. Big type, high contrast; refreshes itself; any role may
 * open it (the screen by the door is signed in as whoever set it up).
 */
export function BoardPage() {
  const { t } = useTranslation('stations');
  const f = useFormat();
  const [params] = useSearchParams();
  const { intakeId: current } = useCurrentIntake();
  const intakeId = params.get('intake') ?? current ?? '';
  useTitle(t('board.title'));
  const [board, setBoard] = useState<Board>();
  const [error, setError] = useState<ApiError>();
  const [updatedAt, setUpdatedAt] = useState<Date>();

  useEffect(() => {
    if (!intakeId) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api<Board>('/api/queue/board', {
          // "Served today" from midnight where the board hangs.
          query: { intakeId, tz: Intl.DateTimeFormat().resolvedOptions().timeZone },
        });
        if (!alive) return;
        setBoard(next);
        setError(undefined);
        setUpdatedAt(new Date());
      } catch (err) {
        if (alive) setError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
      } finally {
        if (alive) timer = setTimeout(() => void load(), REFRESH_MS);
      }
    };
    void load();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [intakeId]);

  const minutes = (n: number | null) =>
    n === null ? '—' : t('board.minutes', { n: f.number(Math.round(n)) });
  const time = updatedAt
    ? new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
        updatedAt,
      )
    : '';

  return (
    <div className="board" data-testid="board">
      <header className="board-head">
        <h1>{t('board.title')}</h1>
        <span className="board-intake">{intakeId}</span>
        <span className="board-updated" data-state={error ? 'stale' : 'fresh'}>
          {error ? t('board.stale', { time }) : time}
        </span>
        <LanguageSwitcher />
      </header>
      {!intakeId && <p className="board-note">{t('board.noIntake')}</p>}
      {board && (
        <div className="board-body">
          <ol className="board-stations" data-testid="board-stations">
            {board.stations.map((s) => (
              <li key={s.id} className={`board-station${s.current ? '' : ' is-idle'}`} data-station={s.id}>
                <span className="board-station-name">{stationLabel(t, s)}</span>
                <span className="board-number" data-testid="board-current">
                  {s.current ? s.current.number : '—'}
                </span>
                <span className="board-person">
                  {s.current ? (
                    <PersonName
                      person={{ name: s.current.name, name_latin: s.current.latinName }}
                      layout="block"
                    />
                  ) : (
                    t('board.free')
                  )}
                </span>
                <span className="board-station-rate">
                  {t('board.servedLastHour', { n: f.number(s.servedLastHour) })}
                </span>
              </li>
            ))}
          </ol>
          <aside className="board-side">
            <div className="board-figure">
              <span className="board-label">{t('board.waiting')}</span>
              <span className="board-value" data-testid="board-waiting">
                {f.number(board.waiting)}
              </span>
            </div>
            <div className="board-figure">
              <span className="board-label">{t('board.next')}</span>
              <span className="board-next" data-testid="board-next">
                {board.next.length ? board.next.map((n) => n.number).join('  ') : '—'}
              </span>
            </div>
            <div className="board-figure">
              <span className="board-label">{t('board.eta')}</span>
              <span className="board-value" data-testid="board-eta">
                {minutes(board.etaMinutes)}
              </span>
            </div>
            <dl className="board-stats">
              <div>
                <dt>{t('board.perStationPerHour')}</dt>
                <dd>
                  {board.perStationPerHour === null
                    ? '—'
                    : f.number(Math.round(board.perStationPerHour * 10) / 10)}
                </dd>
              </div>
              <div>
                <dt>{t('board.medianWait')}</dt>
                <dd>{minutes(board.medianWaitMinutes)}</dd>
              </div>
              <div>
                <dt>{t('board.servedToday')}</dt>
                <dd>{f.number(board.servedToday)}</dd>
              </div>
            </dl>
          </aside>
        </div>
      )}
      {error && !board && <p className="board-note">{error.message || t('board.unreachable')}</p>}
    </div>
  );
}
