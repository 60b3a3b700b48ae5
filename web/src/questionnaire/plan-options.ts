import type { Language } from '../../../src/domain/forms/form-model.ts';
import { parseLanguagePlan } from '../../../src/domain/forms/language-plan.ts';

/** One choice of the plan picker: the plan text and the languages it shows, for the label. */
export interface PlanOption {
  plan: string;
  /** Questions (and title, headings, hints) in these languages… */
  main: string[];
  /** …and choices in these, when different. */
  choices?: string[];
}

/**
 * The plans a form's languages allow, for a picker: each language alone; each language with the choices in
 * another (the Russian header with Korean choices); each pair shown side by side. `current` is kept as an
 * option of its own when it is none of these (a plan typed by hand).
 */
export function planOptions(languages: readonly Language[], current?: string): PlanOption[] {
  const keys = languages.map((l) => l.key);
  const options: PlanOption[] = keys.map((k) => ({ plan: k, main: [k] }));
  for (const a of keys)
    for (const b of keys) if (a !== b) options.push({ plan: `${a},choices=${b}`, main: [a], choices: [b] });
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++)
      options.push({ plan: `${keys[i]}+${keys[j]}`, main: [keys[i]!, keys[j]!] });
  if (current && !options.some((o) => o.plan === current) && parseLanguagePlan(current).ok)
    options.push(describePlan(current));
  return options;
}

/** A plan written by hand, described by its question and choice languages. */
export function describePlan(plan: string): PlanOption {
  const parsed = parseLanguagePlan(plan);
  if (!parsed.ok) return { plan, main: [] };
  const { questions, choices } = parsed.value;
  return same(questions, choices) ? { plan, main: questions } : { plan, main: questions, choices };
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const PLAN_KEY = (formId: string) => `kitout.plan.${formId}`;

/**
 * The plan this device last used for a form (any version of it: a language choice outlives a new version),
 * else the form's own default, else the form's default language for everything.
 */
export function rememberedPlan(formId: string, formDefault: string | null): string {
  try {
    const stored = localStorage.getItem(PLAN_KEY(formId));
    if (stored && parseLanguagePlan(stored).ok) return stored;
  } catch {
    // Storage switched off: fall through to the form's default.
  }
  return formDefault && parseLanguagePlan(formDefault).ok ? formDefault : '';
}

export function rememberPlan(formId: string, plan: string): void {
  try {
    localStorage.setItem(PLAN_KEY(formId), plan);
  } catch {
    // Nothing to remember into; the choice lasts for this page.
  }
}
