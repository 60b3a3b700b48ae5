import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exactPerson, type RosterPerson, searchPeople } from './person-search.ts';

export type AnsweredState = 'queued' | 'sent';

/**
 * The first step of every form: who is being asked. Search the roster (on the device) by number or name in
 * any script, or type or scan the number from the person's slip and press Enter.
 */
export function PersonPicker({
  people,
  answered,
  onPick,
  label,
  placeholder,
}: {
  people: readonly RosterPerson[];
  /** People with a submission on this device, and whether it is still queued or sent. */
  answered: ReadonlyMap<string, AnsweredState>;
  onPick: (person: RosterPerson) => void;
  /** The field's label and placeholder where the page is not a questionnaire (e.g. check-in). */
  label?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [notFound, setNotFound] = useState(false);
  const matches = useMemo(() => searchPeople(people, text, 12), [people, text]);

  const pickTyped = () => {
    const person = exactPerson(people, text) ?? (matches.length === 1 ? matches[0] : undefined);
    if (person) onPick(person);
    else setNotFound(true);
  };

  return (
    <div className="q-picker">
      <label className="field q-picker-field">
        <span>{label ?? t('fill.whoLabel')}</span>
        <input
          type="search"
          data-testid="person-search"
          value={text}
          placeholder={placeholder ?? t('fill.whoPlaceholder')}
          // biome-ignore lint/a11y/noAutofocus: the page is for finding a person; the box is where to start
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => {
            setText(e.target.value);
            setNotFound(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              pickTyped();
            }
          }}
        />
      </label>
      {notFound && (
        <p className="q-error" role="alert">
          {t('fill.noSuchPerson', { text })}
        </p>
      )}
      <ul className="q-people" data-testid="person-results">
        {matches.map((p) => {
          const state = answered.get(p.id);
          return (
            <li key={p.id}>
              <button type="button" className="q-person" onClick={() => onPick(p)} data-person={p.id}>
                <span className="mono q-person-id">{p.id}</span>
                <span className="q-person-name" lang={/\p{Script=Hangul}/u.test(p.name) ? 'ko' : undefined}>
                  {p.name}
                </span>
                <span className="q-person-alt">{p.name_cyrillic ?? p.name_latin ?? ''}</span>
                {state && <span className={`q-badge is-${state}`}>{t(`fill.answered.${state}`)}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {text && matches.length === 0 && <p className="empty">{t('fill.noMatch', { text })}</p>}
    </div>
  );
}
