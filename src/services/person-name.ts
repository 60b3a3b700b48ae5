import { type DisplayName, displayName } from '../domain/names/display-name.ts';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/languages.ts';

/**
 * The one place the server turns a stored person into the name a reader sees: the roster today; receipts,
 * printed forms, pick lists and reports as they come. The web UI computes the same forms with the same pure
 * function (`web/src/components/person-name.tsx`), so screen and paper agree.
 */

/** A person as stored: the name as written and the roster's own Latin and Cyrillic spellings. */
export interface StoredPersonName {
  name: string;
  name_latin?: string | null;
  name_cyrillic?: string | null;
}

/** Where a name notice goes: one line each (a name no scheme can read, jamo joined into syllables). */
export type NoticeLog = (line: string) => void;

const REMEMBERED = 10_000;
const logged = new Set<string>();
let full = false;

/**
 * The server log: each distinct notice once per process, so a roster page shown a hundred times logs an
 * unreadable name once. After {@link REMEMBERED} distinct lines it says so once and stays quiet.
 */
export const serverNoticeLog: NoticeLog = (line) => {
  if (full || logged.has(line)) return;
  if (logged.size >= REMEMBERED) {
    full = true;
    process.stderr.write('kitout: names: more notices than the log keeps; further ones are not logged\n');
    return;
  }
  logged.add(line);
  process.stderr.write(`kitout: ${line}\n`);
};

/**
 * A person's name for a reader of `language`: as written, plus the reader's script when it differs (the
 * roster's `name_cyrillic` / `name_latin` win over any scheme). A name in a script without a scheme comes
 * back as written, and its notice goes to `log`; this never throws.
 *
 * @example
 * personName({ name: '김철수' }, 'ru').text // '김철수 (Ким Чхольсу)'
 */
export function personName(
  person: StoredPersonName,
  language: UiLanguage,
  log: NoticeLog = serverNoticeLog,
): DisplayName {
  const shown = displayName(
    { name: person.name, nameLatin: person.name_latin, nameCyrillic: person.name_cyrillic },
    language,
  );
  if (shown.notice) log(shown.notice.logLine);
  return shown;
}

/** The name for a reader of each UI language, e.g. for a document printed in one and read by another. */
export function personNames(
  person: StoredPersonName,
  log: NoticeLog = serverNoticeLog,
): Record<UiLanguage, DisplayName> {
  const out = {} as Record<UiLanguage, DisplayName>;
  for (const language of UI_LANGUAGES) out[language] = personName(person, language, log);
  return out;
}
