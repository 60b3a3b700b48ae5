import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { OFFICE, STOCK } from '../../../src/domain/accounts/roles.ts';
import type { Intake, PeoplePage, Site } from '../api/types.ts';
import { useMay } from '../auth/auth-context.tsx';
import { useRememberIntake } from '../components/current-intake.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { Pager } from '../components/pager.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';
import { ProgressPanel } from '../questionnaire/progress-panel.tsx';
import { RosterImportPanel } from './roster-import-panel.tsx';
import { RosterTable } from './roster-table.tsx';

const PAGE_SIZE = 50;

/** One intake's people: search, page through, and (for the office) import a roster file. */
export function RosterPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const mayImport = useMay(OFFICE);
  const mayPlan = useMay(STOCK);
  useRememberIntake(id);

  // The search and page live in the address, so reload, back and a shared link show the same rows.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '1', 10) - 1 || 0);
  const [text, setText] = useState(q);
  const settled = useDebouncedValue(text, 300);

  const setQuery = useCallback(
    (next: { q?: string; page?: number }) => {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          const nq = next.q ?? prev.get('q') ?? '';
          if (nq) out.set('q', nq);
          else out.delete('q');
          const np = next.page ?? 0;
          if (np > 0) out.set('page', String(np + 1));
          else out.delete('page');
          return out;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  // Typing moves the address once it pauses; the address moving by other means (a link) resets the box.
  const applied = useRef(q);
  useEffect(() => {
    const next = settled.trim();
    if (next === applied.current) return;
    applied.current = next;
    setQuery({ q: next, page: 0 });
  }, [settled, setQuery]);
  useEffect(() => {
    if (q === applied.current) return;
    applied.current = q;
    setText(q);
  }, [q]);

  const base = `/api/intakes/${encodeURIComponent(id)}`;
  const intake = useApi<{ intake: Intake }>(base);
  const sites = useApi<{ sites: Site[] }>('/api/sites');
  const people = useApi<PeoplePage>(`${base}/people`, {
    q: q || undefined,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  });
  const siteName = useMemo(() => new Map(sites.data?.sites.map((s) => [s.id, s.name])), [sites.data]);
  useTitle(intake.data ? `${t('roster.title')} — ${intake.data.intake.name}` : t('roster.title'));

  const { reload: reloadIntake } = intake;
  const { reload: reloadPeople } = people;
  const onImported = useCallback(() => {
    reloadIntake();
    reloadPeople();
  }, [reloadIntake, reloadPeople]);

  if (intake.error) {
    return (
      <section className="page">
        <h1>{t('roster.title')}</h1>
        <ErrorBox error={intake.error} />
        <p>
          <Link to="/intakes">{t('roster.backToIntakes')}</Link>
        </p>
      </section>
    );
  }
  if (!intake.data) return <Loading />;
  const it = intake.data.intake;

  return (
    <section className="page">
      <div className="page-head">
        <div>
          <p className="crumb">
            <Link to="/intakes">{t('nav.intakes')}</Link> › <span className="mono">{it.id}</span>
          </p>
          <h1>{it.name}</h1>
          <dl className="facts">
            <div>
              <dt>{t('intakes.site')}</dt>
              <dd>{siteName.get(it.site_id) ?? it.site_id}</dd>
            </div>
            <div>
              <dt>{t('intakes.startDate')}</dt>
              <dd>{f.date(it.start_date)}</dd>
            </div>
            <div>
              <dt>{t('intakes.people')}</dt>
              <dd data-testid="intake-people">{f.number(it.people)}</dd>
            </div>
          </dl>
        </div>
        <div className="actions">
          {mayPlan && (
            <Link
              className="button-secondary"
              to={`/intakes/${encodeURIComponent(it.id)}/plan`}
              data-testid="open-plan"
            >
              {t('planning.open')}
            </Link>
          )}
          <Link
            className="button-secondary"
            to={`/intakes/${encodeURIComponent(it.id)}/allocation`}
            data-testid="open-allocation"
          >
            {t('allocation.open')}
          </Link>
        </div>
      </div>

      {it.people > 0 && <ProgressPanel intakeId={it.id} />}

      {mayImport && (
        <RosterImportPanel intakeId={it.id} onImported={onImported} startOpen={it.people === 0} />
      )}

      <div className="roster-tools">
        <label className="field search-field">
          <span>{t('roster.search')}</span>
          <input
            type="search"
            data-testid="roster-search"
            value={text}
            placeholder={t('roster.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            maxLength={200}
            spellCheck={false}
            autoComplete="off"
          />
        </label>
      </div>

      {people.error && <ErrorBox error={people.error} />}
      {!people.data && !people.error && <Loading />}
      {people.data && (
        <>
          <RosterTable
            people={people.data.people}
            siteName={siteName}
            busy={people.loading}
            emptyText={q ? t('roster.noMatch', { q }) : t('roster.empty')}
          />
          {people.data.truncated && (
            <p className="notice" data-testid="search-more">
              {t('names:search.more', { shown: f.number(people.data.total) })}
            </p>
          )}
          {people.data.total > 0 && (
            <Pager
              page={page}
              shown={{ offset: people.data.offset, count: people.data.people.length }}
              pageSize={PAGE_SIZE}
              total={people.data.total}
              onPage={(p) => {
                setQuery({ page: p });
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
