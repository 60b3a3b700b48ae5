import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HeightGroup } from '../../../../src/domain/sizes/index.ts';
import { useFormat } from '../../hooks/use-format.ts';
import { type GroupDraft, nextGroup } from './profile-draft.ts';

const COLUMN = { group: 'ui.profile.group', min: 'ui.profile.from', max: 'ui.profile.to' } as const;

/** "Group 3: To, cm": a cell's name for screen readers and for errors about it. */
export function cellLabel(t: TFunction, row: number, key: keyof GroupDraft): string {
  return `${t('ui.profile.group')} ${row + 1}: ${t(COLUMN[key])}`;
}

/** The Russian height-group table as editable rows; the defaults are shown beside it. */
export function HeightGroupsTable({
  groups,
  defaults,
  onChange,
}: {
  groups: GroupDraft[];
  defaults: readonly HeightGroup[];
  onChange: (groups: GroupDraft[]) => void;
}) {
  const { t } = useTranslation('sizes');
  const f = useFormat();
  const edit = (i: number, patch: Partial<GroupDraft>) =>
    onChange(groups.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  const fallback = defaults.map((g) => `${g.group}: ${f.number(g.min)}–${f.number(g.max)}`);
  return (
    <div className="groups">
      <table className="table groups-table" data-testid="p-heightGroups">
        <thead>
          <tr>
            <th scope="col">{t('ui.profile.group')}</th>
            <th scope="col">{t('ui.profile.from')}</th>
            <th scope="col">{t('ui.profile.to')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ui.profile.removeGroup', { group: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g, i) => (
            // Rows are edited in place and their number may be retyped: the position is the identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              {(['group', 'min', 'max'] as const).map((k) => (
                <td key={k}>
                  <input
                    inputMode="decimal"
                    value={g[k]}
                    aria-label={cellLabel(t, i, k)}
                    onChange={(e) => edit(i, { [k]: e.target.value })}
                    data-testid={`p-group-${i}-${k}`}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t('ui.profile.removeGroup', { group: g.group })}
                  disabled={groups.length <= 1}
                  onClick={() => onChange(groups.filter((_, k) => k !== i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="groups-side">
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange([...groups, nextGroup(groups)])}
        >
          {t('ui.profile.addGroup')}
        </button>
        <small className="muted">{t('ui.profile.default', { value: fallback.join(', ') })}</small>
      </div>
    </div>
  );
}
