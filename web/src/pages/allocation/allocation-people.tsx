import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorBox } from '../../components/error-box.tsx';
import { Loading } from '../../components/loading.tsx';
import { Pager } from '../../components/pager.tsx';
import { latinForm, PersonName, useReaderLanguage } from '../../components/person-name.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useFormat } from '../../hooks/use-format.ts';
import {
  type Change,
  type PeopleFilter,
  type PersonOutcome,
  type Run,
  readableParams,
} from './allocation-model.ts';

/** How the page names things: items in the reader's language, sites and depots by name, numbers through Intl. */
export interface Names {
  item(id: string): string;
  site(id: string): string;
  depot(id: string): string;
  number(n: number): string;
}

const PAGE = 25;
const FILTERS: PeopleFilter[] = ['all', 'unmet', 'substituted'];

/** Each person's outcome per item in one run, filtered and paged, with the reason in the reader's language. */
export function PeoplePanel({ run, names }: { run: Run; names: Names }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<PeopleFilter>('all');
  const [page, setPage] = useState(0);
  // A new run or filter starts from the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run.id and filter are the triggers, not read
  useEffect(() => setPage(0), [run.id, filter]);
  const people = useApi<{ total: number; rows: PersonOutcome[] }>(
    `/api/allocation-runs/${encodeURIComponent(run.id)}/people`,
    { only: filter === 'all' ? undefined : filter, limit: PAGE, offset: page * PAGE },
  );
  const rows = people.data?.rows ?? [];
  return (
    <section className="panel" data-testid="allocation-people">
      <div className="panel-head">
        <h2>{t('allocation.people')}</h2>
        <fieldset className="segmented" aria-label={t('allocation.filter')}>
          {FILTERS.map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={filter === k}
              className={filter === k ? 'is-on' : undefined}
              onClick={() => setFilter(k)}
              data-testid={`people-filter-${k}`}
            >
              {t(`allocation.filters.${k}`)}
            </button>
          ))}
        </fieldset>
      </div>
      {people.error && <ErrorBox error={people.error} />}
      {!people.data && !people.error && <Loading />}
      {people.data && people.data.total === 0 && <p className="empty">{t('allocation.noPeople')}</p>}
      {people.data && people.data.total > 0 && (
        <>
          <ul className="outcomes" data-testid="people-rows" aria-busy={people.loading}>
            {rows.map((r) => (
              <OutcomeRow key={`${r.person}-${r.item}-${r.unit}`} row={r} names={names} />
            ))}
          </ul>
          <Pager
            page={page}
            shown={{ offset: people.data.rows.length ? page * PAGE : 0, count: rows.length }}
            pageSize={PAGE}
            total={people.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}

function OutcomeRow({ row, names }: { row: PersonOutcome; names: Names }) {
  const { t } = useTranslation();
  const changed = row.issued !== null && row.issued !== row.preferred;
  // The Latin spelling too (it is on the ID card), unless the reader's form already is it.
  const latin = useReaderLanguage() === 'en' ? null : latinForm(row);
  return (
    <li className={`outcome ${row.issued === null ? 'is-unmet' : changed ? 'is-substituted' : ''}`}>
      <div className="outcome-head">
        <span className="outcome-who">
          <Link className="person-link" to={`/people/${encodeURIComponent(row.person)}`}>
            <PersonName person={row} layout="inline" />
          </Link>
          {latin && latin !== row.name && (
            <span className="sub outcome-latin" lang="en">
              {latin}
            </span>
          )}
        </span>
        <span className="outcome-item">
          {names.item(row.item)}
          {row.unit > 1 && <span className="sub"> #{row.unit}</span>}
        </span>
        <span className="outcome-sizes mono">
          {row.preferred} → {row.issued ?? t('allocation.nothing')}
        </span>
        <span className="outcome-depot">{row.depot ? names.depot(row.depot) : '—'}</span>
      </div>
      {row.reason.key && (
        <p className="outcome-reason" data-testid="reason">
          {t(row.reason.key, { ns: 'allocation', ...readableParams(row.reason.params, names) })}
        </p>
      )}
    </li>
  );
}

/** What a newer run changes for people against the accepted one: size or depot, person by person. */
export function ChangesPanel({ run, from, names }: { run: Run; from: Run; names: Names }) {
  const { t } = useTranslation();
  const f = useFormat();
  const diff = useApi<{ from: string | null; changes: Change[] }>(
    `/api/allocation-runs/${encodeURIComponent(run.id)}/diff`,
    { from: from.id },
  );
  const changes = diff.data?.changes ?? [];
  const shown = changes.slice(0, 200);
  const side = (issued: string | null, depot: string | null) =>
    issued === null ? t('allocation.nothing') : `${issued} · ${depot ? names.depot(depot) : '—'}`;
  return (
    <section className="panel" data-testid="allocation-diff">
      <h2>{t('allocation.changes', { when: f.dateTime(from.createdAt) })}</h2>
      {diff.error && <ErrorBox error={diff.error} />}
      {!diff.data && !diff.error && <Loading />}
      {diff.data && changes.length === 0 && <p className="muted">{t('allocation.noChanges')}</p>}
      {changes.length > 0 && (
        <>
          <p className="muted">
            {t('allocation.changeCount', { count: changes.length, n: f.number(changes.length) })}
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('allocation.person')}</th>
                  <th scope="col">{t('stock.item')}</th>
                  <th scope="col">{t('allocation.before')}</th>
                  <th scope="col">{t('allocation.after')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={`${c.person}-${c.item}-${c.unit}`}>
                    <td>
                      <Link className="mono" to={`/people/${encodeURIComponent(c.person)}`}>
                        {c.person}
                      </Link>
                    </td>
                    <td>{names.item(c.item)}</td>
                    <td>{side(c.before_issued, c.before_depot)}</td>
                    <td>{side(c.after_issued, c.after_depot)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {changes.length > shown.length && (
            <p className="muted">
              {t('allocation.moreChanges', { n: f.number(changes.length - shown.length) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
