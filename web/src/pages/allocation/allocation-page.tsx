import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { OFFICE } from '../../../../src/domain/accounts/roles.ts';
import { ApiError } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { Intake, Site } from '../../api/types.ts';
import { newIdempotencyKey } from '../../api/upload.ts';
import { useMay } from '../../auth/auth-context.tsx';
import { useRememberIntake } from '../../components/current-intake.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { useTitle } from '../../hooks/use-title.ts';
import { useStockCatalogue } from '../stock/use-stock-catalogue.ts';
import { diffTarget, type Run, reservationsByDepot, shortageBars } from './allocation-model.ts';
import { ChangesPanel, type Names, PeoplePanel } from './allocation-people.tsx';
import '../stock/stock.css';
import './allocation.css';

const ShortageChart = lazy(() => import('./shortage-chart.tsx'));

/**
 * An intake's allocation: run it on the answers and stock as they are now, read what each run gives (per item, the
 * shortages by size, what it reserves per depot, and each person's outcome with the reason), accept one, and see
 * what a newer run would change against the accepted one.
 */
export function AllocationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const cat = useStockCatalogue();
  const mayRun = useMay(OFFICE);
  useRememberIntake(id);
  const base = `/api/intakes/${encodeURIComponent(id)}`;
  const intake = useApi<{ intake: Intake }>(base);
  const sites = useApi<{ sites: Site[] }>('/api/sites');
  const runs = useApi<{ runs: Run[] }>(`${base}/allocation`);
  const [params, setParams] = useSearchParams();
  const [busy, setBusy] = useState<'run' | 'accept'>();
  const [actionError, setActionError] = useState<ApiError>();
  useTitle(intake.data ? `${t('allocation.title')} — ${intake.data.intake.name}` : t('allocation.title'));

  const list = runs.data?.runs ?? [];
  const selected = list.find((r) => r.id === params.get('run')) ?? list[0];
  const siteName = useMemo(() => new Map(sites.data?.sites.map((s) => [s.id, s.name])), [sites.data]);
  const names: Names = useMemo(
    () => ({
      item: cat.itemLabel,
      depot: cat.depotLabel,
      site: (s) => siteName.get(s) ?? s,
      number: f.number,
    }),
    [cat, siteName, f],
  );
  const target = diffTarget(list);

  const choose = (run: string) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        out.set('run', run);
        return out;
      },
      { replace: true },
    );

  async function act(kind: 'run' | 'accept') {
    setBusy(kind);
    setActionError(undefined);
    try {
      const done =
        kind === 'run'
          ? await api<Run>(`${base}/allocation`, { method: 'POST' })
          : await api<Run>(`/api/allocation-runs/${encodeURIComponent(selected!.id)}/accept`, {
              method: 'POST',
              headers: { 'Idempotency-Key': newIdempotencyKey() },
            });
      choose(done.id);
      runs.reload();
    } catch (err) {
      setActionError(err instanceof ApiError ? err : new ApiError(0, 'internal', String(err)));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section className="page allocation-page">
      <div className="page-head">
        <div>
          <p className="crumb">
            <Link to="/intakes">{t('nav.intakes')}</Link> ›{' '}
            <Link to={`/intakes/${encodeURIComponent(id)}/roster`} className="mono">
              {id}
            </Link>
          </p>
          <h1>
            {t('allocation.title')}
            {intake.data && ` — ${intake.data.intake.name}`}
          </h1>
          <p className="muted">{t('allocation.intro')}</p>
        </div>
        {mayRun && (
          <button
            type="button"
            className="button-primary"
            disabled={busy !== undefined}
            onClick={() => void act('run')}
            data-testid="run-allocation"
          >
            {busy === 'run' ? t('allocation.running') : t('allocation.run')}
          </button>
        )}
      </div>

      {actionError && (
        <ErrorBox
          error={actionError}
          title={actionError.status === 409 ? t('allocation.refused') : undefined}
          testId="allocation-error"
        />
      )}
      {(runs.error ?? intake.error) && <ErrorBox error={(runs.error ?? intake.error)!} />}
      {!runs.data && !runs.error && <Loading />}
      {runs.data && list.length === 0 && <p className="empty">{t('allocation.noRuns')}</p>}

      {list.length > 0 && (
        <section className="panel">
          <h2>{t('allocation.runs')}</h2>
          <div className="table-wrap">
            <table className="table" data-testid="allocation-runs">
              <thead>
                <tr>
                  <th scope="col">{t('allocation.when')}</th>
                  <th scope="col">{t('allocation.status')}</th>
                  <th scope="col" className="num">
                    {t('allocation.objective')}
                  </th>
                  <th scope="col" className="num">
                    {t('allocation.unmet')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr
                    key={r.id}
                    className={r.id === selected?.id ? 'is-selected' : undefined}
                    data-testid={`run-${r.id}`}
                  >
                    <td>
                      <button
                        type="button"
                        className="row-button"
                        aria-pressed={r.id === selected?.id}
                        onClick={() => choose(r.id)}
                      >
                        {f.dateTime(r.createdAt)}
                      </button>
                    </td>
                    <td>
                      <span className={`run-status run-status-${r.status}`} data-testid="run-status">
                        {t(`allocation.statuses.${r.status}`, { defaultValue: r.status })}
                      </span>
                    </td>
                    <td className="num">{f.number(r.objective)}</td>
                    <td className="num">{f.number(r.unmet)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {selected && (
        <RunDetail
          run={selected}
          names={names}
          mayAccept={mayRun}
          busy={busy !== undefined}
          onAccept={() => void act('accept')}
          diffWith={target?.newer.id === selected.id ? target.accepted : undefined}
        />
      )}
    </section>
  );
}

function RunDetail({
  run,
  names,
  mayAccept,
  busy,
  onAccept,
  diffWith,
}: {
  run: Run;
  names: Names;
  mayAccept: boolean;
  busy: boolean;
  onAccept: () => void;
  diffWith: Run | undefined;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  // Bars in the order of the table above (the server's catalogue order).
  const bars = useMemo(
    () =>
      shortageBars(
        run.summary.shortages,
        run.summary.items.map((i) => i.item),
      ),
    [run],
  );
  const depots = useMemo(() => reservationsByDepot(run.summary.reservations), [run]);
  const s = run.summary;
  return (
    <>
      <section className="panel" data-testid="run-detail">
        <div className="panel-head">
          <h2>{t('allocation.items')}</h2>
          {mayAccept && run.status === 'proposed' && (
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={onAccept}
              data-testid="accept-run"
            >
              {t('allocation.accept')}
            </button>
          )}
        </div>
        <dl className="facts">
          <div>
            <dt>{t('intakes.people')}</dt>
            <dd>{f.number(s.people)}</dd>
          </div>
          <div>
            <dt>{t('planning.answered')}</dt>
            <dd>{f.number(s.answered)}</dd>
          </div>
          <div>
            <dt>{t('allocation.status')}</dt>
            <dd data-testid="selected-status">
              {t(`allocation.statuses.${run.status}`, { defaultValue: run.status })}
            </dd>
          </div>
        </dl>
        <div className="table-wrap">
          <table className="table" data-testid="allocation-items">
            <thead>
              <tr>
                <th scope="col">{t('stock.item')}</th>
                <th scope="col" className="num">
                  {t('allocation.demand')}
                </th>
                <th scope="col" className="num">
                  {t('allocation.gotPreferred')}
                </th>
                <th scope="col" className="num">
                  {t('allocation.substituted')}
                </th>
                <th scope="col" className="num">
                  {t('allocation.leftWithout')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((i) => (
                <tr key={i.item} className={i.unmet > 0 ? 'is-short' : undefined}>
                  <td>{names.item(i.item)}</td>
                  <td className="num">{f.number(i.demand)}</td>
                  <td className="num">{f.number(i.preferred)}</td>
                  <td className="num">{f.number(i.substituted)}</td>
                  <td className="num net">{i.unmet > 0 ? f.number(i.unmet) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="plan-lists">
        <section className="panel">
          <h2>{t('allocation.shortages')}</h2>
          {bars.length === 0 ? (
            <p className="muted">{t('allocation.noShortages')}</p>
          ) : (
            <Suspense fallback={<Loading />}>
              <ShortageChart bars={bars} itemLabel={names.item} />
            </Suspense>
          )}
        </section>
        <section className="panel" data-testid="allocation-reservations">
          <h2>{t('allocation.reservations')}</h2>
          {depots.length === 0 ? (
            <p className="muted">{t('allocation.noReservations')}</p>
          ) : (
            depots.map((d) => (
              <details key={d.depot} className="depot-reservations">
                <summary>
                  <span>{names.depot(d.depot)}</span>
                  <span className="num">{f.number(d.total)}</span>
                </summary>
                <table className="table">
                  <tbody>
                    {d.lines.map((l) => (
                      <tr key={`${l.item}-${l.size}`}>
                        <td>{names.item(l.item)}</td>
                        <td className="mono">{l.size}</td>
                        <td className="num">{f.number(l.qty)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ))
          )}
        </section>
      </div>

      {diffWith && <ChangesPanel run={run} from={diffWith} names={names} />}
      <PeoplePanel run={run} names={names} />
    </>
  );
}
