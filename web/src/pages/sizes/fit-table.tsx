import { useTranslation } from 'react-i18next';
import { useFormat } from '../../hooks/use-format.ts';
import { noteText } from './note-text.ts';
import type { ItemAnswer } from './types.ts';

/** Best size and runner-up have their own columns; the reasons column says why, dimension by dimension. */
const SHOWN_APART = new Set(['reason.best', 'reason.runnerUp']);

/** Each catalogue item's best size for the person, the runner-up, the fit, why, and what to re-measure. */
export function FitTable({ items }: { items: ItemAnswer[] }) {
  const { t, i18n } = useTranslation('sizes');
  const f = useFormat();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return (
    <section>
      <h2>{t('ui.find.results')}</h2>
      <div className="table-wrap">
        <table className="table fit-table" data-testid="find-results">
          <thead>
            <tr>
              <th scope="col">{t('ui.find.item')}</th>
              <th scope="col">{t('ui.find.best')}</th>
              <th scope="col" className="num">
                {t('ui.find.fit')}
              </th>
              <th scope="col">{t('ui.find.runnerUp')}</th>
              <th scope="col">{t('ui.find.why')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((it) => (
              <tr
                key={it.item}
                data-testid={`fit-${it.item}`}
                className={it.remeasure.length ? 'is-warn' : undefined}
              >
                <th scope="row">
                  {it.names[lang] ?? it.names.en ?? it.item}
                  <span className="sub mono">{it.item}</span>
                </th>
                <td className="nowrap">
                  {it.best ? (
                    <span className="fit-best" data-testid="fit-best">
                      {it.best.label}
                    </span>
                  ) : (
                    <span className="muted">{t('ui.find.noSize')}</span>
                  )}
                  {it.tie && <span className="badge">{t('ui.find.tie')}</span>}
                </td>
                <td className="num">{it.score === null ? '—' : f.percent(it.score)}</td>
                <td className="nowrap">
                  {it.runnerUp ? (
                    <>
                      {it.runnerUp.label} <span className="muted">({f.percent(it.runnerUp.score)})</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="fit-why">
                  <ul className="notes">
                    {it.reasons
                      .filter((r) => !SHOWN_APART.has(r.key))
                      .map((r, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: reasons have no id; their order is the server's
                        <li key={i}>{noteText(t, r, f)}</li>
                      ))}
                  </ul>
                  {it.remeasure.length > 0 && (
                    <p className="warn-line" data-testid="fit-remeasure">
                      <span aria-hidden="true">⚠ </span>
                      {t('ui.find.warn')}: {it.remeasure.map((fl) => noteText(t, fl, f)).join('; ')}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
