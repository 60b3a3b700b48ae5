import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../api/types.ts';
import { latinForm, PersonName } from '../components/person-name.tsx';

/**
 * A page of people: id, name as written with the reader's script beside it (Cyrillic for a Russian reader),
 * the Latin spelling, site. Each name opens the person.
 */
export function RosterTable({
  people,
  siteName,
  busy,
  emptyText,
}: {
  people: Person[];
  siteName: Map<string, string>;
  busy: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  if (people.length === 0) {
    return (
      <p className="empty" data-testid="roster-empty">
        {emptyText}
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className={busy ? 'table is-busy' : 'table'} aria-busy={busy} data-testid="roster-table">
        <thead>
          <tr>
            <th scope="col">{t('roster.id')}</th>
            <th scope="col">{t('roster.name')}</th>
            <th scope="col">{t('roster.nameLatin')}</th>
            <th scope="col">{t('roster.site')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td className="mono">{p.id}</td>
              <td>
                <Link to={`/people/${encodeURIComponent(p.id)}`} className="person-link">
                  {/* The Latin form has its own column; the reader's form goes beside the name otherwise. */}
                  <PersonName person={p} layout="inline" skipScript="latin" />
                </Link>
              </td>
              <td lang="en">{latinForm(p) ?? '—'}</td>
              <td>{siteName.get(p.site_id) ?? p.site_id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
