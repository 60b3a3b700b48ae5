import { useTranslation } from 'react-i18next';
import type { Person } from '../api/types.ts';

/** A page of people: id, name (with any Cyrillic spelling beneath), Latin name, site. */
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
                <span className="person-name">{p.name}</span>
                {p.name_cyrillic && (
                  <span className="sub" lang="ru">
                    {p.name_cyrillic}
                  </span>
                )}
              </td>
              <td lang="en">{p.name_latin ?? '—'}</td>
              <td>{siteName.get(p.site_id) ?? p.site_id}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
