import { findLanguage } from '../forms/form-languages.ts';
import type { NormalisedForm } from '../forms/form-model.ts';
import type { LanguagePlan } from '../forms/language-plan.ts';

/** The languages Kitout's own printed words (instructions, "Page 1 of 3") exist in. */
export const PRINT_LANGUAGES = ['en', 'ru', 'ko'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

/** Kitout's printed words, by key of the `paper` namespace's `print` section, already in one language. */
export type Printed = (key: string, params?: Record<string, string | number>) => string;

/**
 * The language for the words Kitout adds to a page: the first language the plan gives questions (they sit
 * next to each other), else the form's default language, else English when neither is one Kitout speaks.
 */
export function printLanguage(
  form: Pick<NormalisedForm, 'languages' | 'settings'>,
  plan: LanguagePlan,
): PrintLanguage {
  const candidates = [...plan.questions, form.settings.defaultLanguage];
  for (const wanted of candidates) {
    const language = findLanguage(form.languages, wanted);
    const code = (language?.code ?? language?.key ?? wanted).toLowerCase().slice(0, 2);
    if ((PRINT_LANGUAGES as readonly string[]).includes(code)) return code as PrintLanguage;
  }
  return 'en';
}
