import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisplayName, displayName } from '../../../src/domain/names/display-name.ts';
import type { NameScript } from '../../../src/domain/names/script.ts';
import { isUiLanguage, type UiLanguage } from '../../../src/i18n/languages.ts';

/**
 * A person's name wherever the UI shows one: as written, and in the reader's script (Cyrillic by Kontsevich
 * for Russian, Latin by Revised Romanization for English; the roster's own `name_cyrillic` / `name_latin`
 * win). Computed here with the same pure function the server's `personName` uses, so a language switch
 * needs no request, and an offline station can do the same.
 */

/** The name fields every API answer about a person carries. */
export interface PersonNameFields {
  name: string;
  name_latin?: string | null;
  name_cyrillic?: string | null;
}

/** HTML `lang` for a script, so the browser picks a Hangul or Cyrillic font and reads it aloud right. */
const LANG_OF_SCRIPT: Partial<Record<NameScript, string>> = {
  hangul: 'ko',
  jamo: 'ko',
  cyrillic: 'ru',
  latin: 'en',
};
const LANG_OF_READER: Record<UiLanguage, string> = { en: 'en', ru: 'ru', ko: 'ko' };

export function useReaderLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : 'en';
}

/** The name for the reader of the current UI language. */
export function usePersonName(person: PersonNameFields, language?: UiLanguage): DisplayName {
  const reader = useReaderLanguage();
  const lang = language ?? reader;
  const { name, name_latin, name_cyrillic } = person;
  return useMemo(
    () => displayName({ name, nameLatin: name_latin, nameCyrillic: name_cyrillic }, lang),
    [name, name_latin, name_cyrillic, lang],
  );
}

/** The name in Latin letters (the roster's spelling, else Revised Romanization), or null when there is none. */
export function latinForm(person: PersonNameFields): string | null {
  const shown = displayName({ name: person.name, nameLatin: person.name_latin }, 'en');
  return shown.ownScript === 'latin' ? shown.own : shown.viewer;
}

/**
 * The name as written with the reader's form beside it (`inline`, for tables) or beneath it (`block`, for
 * headings and slips). `skipScript` leaves the reader's form out when it is in that script, for a table that
 * has its own column for it. A name no scheme reads is shown as written, with the reason as its tooltip.
 */
export function PersonName({
  person,
  layout = 'block',
  skipScript,
}: {
  person: PersonNameFields;
  layout?: 'inline' | 'block';
  skipScript?: NameScript;
}) {
  const { t } = useTranslation('names');
  const reader = useReaderLanguage();
  const shown = usePersonName(person);
  const readerScript = { en: 'latin', ru: 'cyrillic', ko: 'hangul' }[reader];
  const viewer = shown.viewer && readerScript !== skipScript ? shown.viewer : null;
  const why = shown.notice
    ? t(`notice.${shown.notice.code}`, { script: t(`script.${shown.notice.script}`), name: shown.own })
    : undefined;
  return (
    <span className={`person-name person-name-${layout}`} data-testid="person-name" title={why}>
      <span className="person-name-own" lang={LANG_OF_SCRIPT[shown.ownScript]}>
        {shown.own}
      </span>
      {viewer && (
        <span
          className="person-name-reader"
          lang={LANG_OF_READER[reader]}
          title={shown.source ? t(`scheme.${shown.source}`) : undefined}
        >
          {viewer}
        </span>
      )}
    </span>
  );
}
