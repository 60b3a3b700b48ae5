import { findLanguage } from './form-languages.ts';
import type { Language, LocalText, NormalisedForm } from './form-model.ts';

/** The classes of form text a language plan can set apart. */
export const ELEMENT_CLASSES = ['title', 'groups', 'questions', 'hints', 'choices'] as const;
export type ElementClass = (typeof ELEMENT_CLASSES)[number];

/**
 * Which language(s) each class of text is shown in, e.g. questions in Russian and choices in Korean and
 * Russian. An empty list means "the form's default language".
 */
export type LanguagePlan = Record<ElementClass, string[]>;

export interface PlanError {
  key: string;
  params: Record<string, string | number>;
}

export type PlanResult = { ok: true; value: LanguagePlan } | { ok: false; errors: PlanError[] };

const LANGUAGE = /^[\p{L}][\p{L}\p{N}_-]{0,34}$/u;
const MAX_PLAN_LENGTH = 500;

/**
 * Parses a plan such as `questions=ru,choices=ko`, `choices=ko+ru` (both, in that order) or `ru,choices=ko`
 * (a bare language — or `all=` — sets every class not named). Class names ignore case; every problem is
 * reported, not just the first.
 *
 * @example parseLanguagePlan('title=ru,questions=ru,choices=ko+ru')
 */
export function parseLanguagePlan(text: string): PlanResult {
  const errors: PlanError[] = [];
  if (text.length > MAX_PLAN_LENGTH)
    return { ok: false, errors: [{ key: 'plan.tooLong', params: { limit: MAX_PLAN_LENGTH } }] };
  const entries = text.split(',').map((e) => e.trim());
  if (entries.every((e) => e === '')) return { ok: false, errors: [{ key: 'plan.empty', params: {} }] };
  const set = new Map<ElementClass | 'all', string[]>();
  for (const entry of entries) {
    if (entry === '') {
      errors.push({ key: 'plan.emptyEntry', params: {} });
      continue;
    }
    const eq = entry.indexOf('=');
    const name = eq < 0 ? 'all' : entry.slice(0, eq).trim().toLowerCase();
    const list = eq < 0 ? entry : entry.slice(eq + 1);
    if (name !== 'all' && !(ELEMENT_CLASSES as readonly string[]).includes(name)) {
      errors.push({ key: 'plan.unknownClass', params: { name, known: ELEMENT_CLASSES.join(', ') } });
      continue;
    }
    if (set.has(name as ElementClass | 'all')) {
      errors.push({ key: 'plan.duplicateClass', params: { name } });
      continue;
    }
    const languages = list.split('+').map((l) => l.trim());
    if (languages.every((l) => l === '')) {
      errors.push({ key: 'plan.noLanguages', params: { name } });
      continue;
    }
    const bad = languages.find((l) => !LANGUAGE.test(l));
    if (bad !== undefined) {
      errors.push({ key: 'plan.badLanguage', params: { name, language: bad } });
      continue;
    }
    set.set(name as ElementClass | 'all', [...new Set(languages.map((l) => l.toLowerCase()))]);
  }
  if (errors.length) return { ok: false, errors };
  const all = set.get('all') ?? [];
  const plan = Object.fromEntries(ELEMENT_CLASSES.map((c) => [c, set.get(c) ?? all])) as LanguagePlan;
  return { ok: true, value: plan };
}

/** The plan that shows everything in the form's default language. */
export const DEFAULT_PLAN: LanguagePlan = { title: [], groups: [], questions: [], hints: [], choices: [] };

/** One text to show: in which language, and whether it stands in for a language the form lacks. */
export interface ShownText {
  language: string;
  text: string;
  fallback: boolean;
}

/**
 * The text(s) to show for one element under a plan: for each planned language its text, or — when the form has
 * none in that language — the default language's, else any language's (form order). The same text is never
 * shown twice. Empty when the element has no text at all.
 */
export function resolveText(
  text: LocalText | undefined,
  planned: readonly string[],
  form: Pick<NormalisedForm, 'languages' | 'settings'>,
): ShownText[] {
  if (!text || Object.keys(text).length === 0) return [];
  const shown: ShownText[] = [];
  const add = (language: string, fallback: boolean) => {
    if (!shown.some((s) => s.language === language))
      shown.push({ language, text: text[language]!, fallback });
  };
  const fallbackLanguage = () => {
    if (text[form.settings.defaultLanguage] !== undefined) return form.settings.defaultLanguage;
    return form.languages.find((l) => text[l.key] !== undefined)?.key ?? Object.keys(text)[0]!;
  };
  if (planned.length === 0) add(fallbackLanguage(), false);
  for (const wanted of planned) {
    const key = findLanguage(form.languages, wanted)?.key ?? wanted;
    if (text[key] !== undefined) add(key, false);
    else add(fallbackLanguage(), true);
  }
  return shown;
}

/** Plan languages the form does not have at all, per class, so a caller can warn before printing. */
export function missingPlanLanguages(
  plan: LanguagePlan,
  languages: readonly Language[],
): { class: ElementClass; language: string }[] {
  const missing: { class: ElementClass; language: string }[] = [];
  for (const cls of ELEMENT_CLASSES) {
    for (const language of plan[cls]) {
      if (!findLanguage(languages, language)) missing.push({ class: cls, language });
    }
  }
  return missing;
}
