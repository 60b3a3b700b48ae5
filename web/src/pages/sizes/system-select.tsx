import { useTranslation } from 'react-i18next';
import { byPart } from './body-text.ts';
import type { SizeSystemInfo } from './types.ts';

/** A size system picker grouped by body part; each option shows the system's name in the reader's language. */
export function SystemSelect({
  systems,
  value,
  onChange,
  testId,
  placeholder,
  id,
}: {
  systems: readonly SizeSystemInfo[];
  value: string;
  onChange: (id: string) => void;
  testId: string;
  placeholder?: string;
  id: string;
}) {
  const { t } = useTranslation('sizes');
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {byPart(systems).map(([part, list]) => (
        <optgroup key={part} label={t(`ui.part.${part}`)}>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {t(s.nameKey, { defaultValue: s.id })}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
