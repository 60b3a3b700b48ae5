import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { type DisplayName, displayName } from '../../../src/domain/names/display-name.ts';
import type { PersonDetailSchema } from '../../../src/server/schemas.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { Loading } from '../components/loading.tsx';
import { PersonName } from '../components/person-name.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useFormat } from '../hooks/use-format.ts';
import { useTitle } from '../hooks/use-title.ts';
import { KitRecordSection } from './stations/kit-record.tsx';

type PersonDetail = z.infer<typeof PersonDetailSchema>;

/** The spellings to read aloud from: Cyrillic and Latin, each with where it came from. */
function spellings(person: PersonDetail): { key: 'nameCyrillic' | 'nameLatin'; shown: DisplayName }[] {
  const name = { name: person.name, nameLatin: person.name_latin, nameCyrillic: person.name_cyrillic };
  return [
    { key: 'nameCyrillic', shown: displayName(name, 'ru') },
    { key: 'nameLatin', shown: displayName(name, 'en') },
  ];
}

/**
 * One person: the name as written and in the reader's script, each spelling with its source, the number,
 * intake and site, the roster's other columns, and the kit section that issuing will fill.
 */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const tn = useTranslation('names').t;
  const f = useFormat();
  const { data, error } = useApi<{ person: PersonDetail }>(`/api/people/${encodeURIComponent(id)}`);
  useTitle(data ? `${data.person.name} — ${data.person.id}` : tn('person.title'));

  if (error) {
    return (
      <section className="page">
        <h1>{tn('person.title')}</h1>
        <ErrorBox error={error} />
        <p>
          <Link to="/intakes">{t('roster.backToIntakes')}</Link>
        </p>
      </section>
    );
  }
  if (!data) return <Loading />;
  const p = data.person;
  const roster = `/intakes/${encodeURIComponent(p.intake_id)}/roster`;
  const extra = Object.entries(p.extra);

  return (
    <section className="page person-page" data-testid="person-page">
      <p className="crumb">
        <Link to="/intakes">{t('nav.intakes')}</Link> › <Link to={roster}>{p.intake_name}</Link> ›{' '}
        <span className="mono">{p.id}</span>
      </p>
      <h1 data-testid="person-heading">
        <PersonName person={p} layout="block" />
      </h1>

      <dl className="facts person-facts">
        <div>
          <dt>{t('roster.id')}</dt>
          <dd className="mono" data-testid="person-id">
            {p.id}
          </dd>
        </div>
        <div>
          <dt>{t('roster.site')}</dt>
          <dd data-testid="person-site">{p.site_name ?? p.site_id}</dd>
        </div>
        <div>
          <dt>{tn('person.intake')}</dt>
          <dd>
            <Link to={roster}>{p.intake_name}</Link>
          </dd>
        </div>
        {p.unit && (
          <div>
            <dt>{tn('person.unit')}</dt>
            <dd>{p.unit}</dd>
          </div>
        )}
        {p.birth_date && (
          <div>
            <dt>{tn('person.birthDate')}</dt>
            <dd>{f.date(p.birth_date)}</dd>
          </div>
        )}
        {p.sex && (
          <div>
            <dt>{tn('person.sex')}</dt>
            <dd>{tn(p.sex === 'F' ? 'person.female' : 'person.male')}</dd>
          </div>
        )}
      </dl>

      <h2>{tn('person.spellings')}</h2>
      <table className="table spellings" data-testid="person-spellings">
        <tbody>
          <tr>
            <th scope="row">{tn('person.asWritten')}</th>
            <td className="spelling-text">{p.name}</td>
            <td className="spelling-source" />
          </tr>
          {spellings(p).map(({ key, shown }) => (
            <tr key={key}>
              <th scope="row">{tn(`field.${key}`)}</th>
              <td className="spelling-text" lang={key === 'nameCyrillic' ? 'ru' : 'en'}>
                {shown.viewer ?? shown.own}
              </td>
              <td className="spelling-source">
                {shown.source
                  ? tn(`scheme.${shown.source}`)
                  : shown.notice
                    ? tn(`notice.${shown.notice.code}`, {
                        script: tn(`script.${shown.notice.script}`),
                        name: shown.own,
                      })
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {extra.length > 0 && (
        <>
          <h2>{tn('person.otherColumns')}</h2>
          <dl className="facts">
            {extra.map(([k, v]) => (
              <div key={k}>
                <dt className="mono">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </>
      )}

      <h2>{tn('person.kit')}</h2>
      <div data-testid="person-kit">
        <KitRecordSection personId={p.id} language={(p as { language?: string | null }).language} />
      </div>
    </section>
  );
}
