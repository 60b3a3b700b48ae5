import { importFormJson } from './form-json.ts';
import { findLanguage } from './form-languages.ts';
import { elementsOf, type Language, type LocalText, type NormalisedForm } from './form-model.ts';
import type { FormProblem } from './form-problems.ts';

/** Which text of a form a translation row holds. */
export type TextPart = 'title' | 'label' | 'hint' | 'constraintMessage' | 'choice';

/**
 * One translatable text of a form, with its text in every language. `key` names it across versions:
 * `title`, `label <element>`, `hint <element>`, `constraintMessage <element>`, `choice <list> <choice>`
 * (names hold no spaces, so the key splits back unambiguously).
 */
export interface TranslationRow {
  key: string;
  part: TextPart;
  /** The question or group the text belongs to (absent for the title and choices). */
  element?: string;
  elementKind?: 'question' | 'group';
  list?: string;
  choice?: string;
  texts: LocalText;
}

/** Every label, hint, constraint message and choice label of a form, in document order, title first. */
export function translationRows(form: NormalisedForm): TranslationRow[] {
  const rows: TranslationRow[] = [{ key: 'title', part: 'title', texts: form.settings.title }];
  for (const e of elementsOf(form.survey)) {
    const base = { element: e.name, elementKind: e.kind };
    rows.push({ key: `label ${e.name}`, part: 'label', ...base, texts: e.label });
    if (e.hint) rows.push({ key: `hint ${e.name}`, part: 'hint', ...base, texts: e.hint });
    // A constraint without a message still gets a row: that message is what a translator most often adds.
    if (e.kind === 'question' && (e.constraintMessage || e.constraint))
      rows.push({
        key: `constraintMessage ${e.name}`,
        part: 'constraintMessage',
        ...base,
        texts: e.constraintMessage ?? {},
      });
  }
  for (const list of form.choiceLists) {
    for (const c of list.choices) {
      rows.push({
        key: `choice ${list.list} ${c.name}`,
        part: 'choice',
        list: list.list,
        choice: c.name,
        texts: c.label,
      });
    }
  }
  return rows;
}

/** Set one cell: the text of row `key` in `language` (a key, code or name); empty text removes it. */
export interface TextEdit {
  key: string;
  language: string;
  text: string;
}

/** A language column to add: its code (`zh`, `pt-br`) and the name written into the XLSForm header. */
export interface NewLanguage {
  code: string;
  name: string;
}

/** Why a translation edit was refused: an i18n key in the `forms` namespace, and what it is about. */
export interface TranslationProblem {
  key: string;
  params: Record<string, string | number>;
  /** The row key, or `languages[i]` for a new language. */
  where?: string;
}

export type TranslationResult =
  | { ok: true; value: NormalisedForm }
  | { ok: false; errors: TranslationProblem[] };

/** Longest text one cell may hold (the workbook reader accepts 10,000; a label is far shorter). */
export const MAX_TEXT_CHARS = 4000;
const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
// The name goes into a header `label::Name (code)`: brackets and colons would read back as something else.
const NAME = /^[^():\p{Cc}]{1,40}$/u;

/**
 * A new version of `form` with the given cells changed and language columns added. The result goes through
 * the form importer again, so it is exactly what importing its own XLSForm export would give (a question
 * left with no label in any language, say, is refused there with the importer's own words).
 */
export function applyTranslations(
  form: NormalisedForm,
  change: { edits: readonly TextEdit[]; addLanguages?: readonly NewLanguage[]; version: string },
): TranslationResult {
  const errors: TranslationProblem[] = [];
  const next = structuredClone(form) as NormalisedForm;
  (change.addLanguages ?? []).forEach((l, i) => {
    const where = `languages[${i}]`;
    const code = l.code.trim().toLowerCase();
    const name = l.name.trim();
    if (!CODE.test(code)) errors.push({ key: 'translate.badCode', params: { code: l.code }, where });
    else if (!NAME.test(name)) errors.push({ key: 'translate.badName', params: { name: l.name }, where });
    else if (findLanguage(next.languages, code) || findLanguage(next.languages, name))
      errors.push({ key: 'translate.languageExists', params: { code }, where });
    else next.languages.push({ key: code, name, code } satisfies Language);
  });

  const cells = textsByKey(next);
  for (const edit of change.edits) {
    const texts = cells.get(edit.key);
    const language = findLanguage(next.languages, edit.language);
    if (!texts) errors.push({ key: 'translate.unknownRow', params: { key: edit.key }, where: edit.key });
    else if (!language)
      errors.push({
        key: 'translate.unknownLanguage',
        params: { language: edit.language },
        where: edit.key,
      });
    else if (Array.from(edit.text).length > MAX_TEXT_CHARS)
      errors.push({ key: 'translate.tooLong', params: { limit: MAX_TEXT_CHARS }, where: edit.key });
    else {
      // Line breaks are kept (a hint may need two lines); surrounding blanks are not a translation.
      const text = edit.text.replace(/\r\n?/g, '\n').trim();
      if (text === '') delete texts[language.key];
      else texts[language.key] = text;
    }
  }
  if (errors.length) return { ok: false, errors };
  dropEmptyTexts(next);

  next.settings.version = change.version;
  const reread = importFormJson(JSON.stringify(next));
  if (!reread.ok) return { ok: false, errors: reread.errors.map(fromImport) };
  return { ok: true, value: reread.value };
}

function fromImport(p: FormProblem): TranslationProblem {
  return p.column === undefined
    ? { key: p.key, params: p.params }
    : { key: p.key, params: p.params, where: p.column };
}

/** The form's own text objects by row key, so an edit changes the clone in place. */
function textsByKey(form: NormalisedForm): Map<string, LocalText> {
  for (const e of elementsOf(form.survey)) {
    if (e.kind === 'question' && e.constraint && !e.constraintMessage) e.constraintMessage = {};
  }
  const map = new Map<string, LocalText>();
  for (const row of translationRows(form)) map.set(row.key, row.texts);
  return map;
}

/** Optional texts are absent rather than empty in a normalised form. */
function dropEmptyTexts(form: NormalisedForm): void {
  for (const e of elementsOf(form.survey)) {
    if (e.hint && Object.keys(e.hint).length === 0) delete e.hint;
    if (e.kind === 'question' && e.constraintMessage && Object.keys(e.constraintMessage).length === 0)
      delete e.constraintMessage;
  }
}
