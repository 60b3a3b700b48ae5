import type { TFunction } from 'i18next';
import type { AnswerIssue } from '../../../src/domain/forms/answer-validation.ts';
import type { LocalText, NormalisedForm, Question } from '../../../src/domain/forms/form-model.ts';
import {
  DEFAULT_PLAN,
  type LanguagePlan,
  parseLanguagePlan,
  resolveText,
  type ShownText,
} from '../../../src/domain/forms/language-plan.ts';
import { renderNote } from '../../../src/domain/sizes/index.ts';
import { isUiLanguage, type UiLanguage } from '../../../src/i18n/languages.ts';
import { i18next } from '../i18n/setup.ts';

/** A plan's text, or the plan that shows everything in the form's default language. */
export function planOf(text: string): LanguagePlan {
  if (!text.trim()) return DEFAULT_PLAN;
  const parsed = parseLanguagePlan(text);
  return parsed.ok ? parsed.value : DEFAULT_PLAN;
}

/**
 * A form text in the plan's languages: the first language large, the others under it. Each piece carries its
 * own `lang`, so the browser picks Hangul or Cyrillic fonts and line breaking per piece.
 */
export function Texts({
  shown,
  className,
  testId,
}: {
  shown: readonly ShownText[];
  className?: string;
  testId?: string;
}) {
  if (shown.length === 0) return null;
  const [first, ...rest] = shown;
  return (
    <span className={`q-texts ${className ?? ''}`} data-testid={testId}>
      <span lang={first!.language} className="q-text-main">
        {first!.text}
      </span>
      {rest.map((s) => (
        <span key={s.language} lang={s.language} className="q-text-other">
          {s.text}
        </span>
      ))}
    </span>
  );
}

export function shownText(
  text: LocalText | undefined,
  planned: readonly string[],
  form: NormalisedForm,
): ShownText[] {
  return resolveText(text, planned, form);
}

/** The language messages about a question are shown in: its own (first planned) language if the UI has it. */
export function messageLanguage(plan: LanguagePlan, form: NormalisedForm, ui: string): UiLanguage {
  const planned = plan.questions.length ? plan.questions : [form.settings.defaultLanguage];
  const own = planned.find((l) => isUiLanguage(l));
  return own && isUiLanguage(own) ? own : isUiLanguage(ui) ? ui : 'en';
}

/**
 * What to tell the person about one problem, in the question's language(s): the form's own constraint
 * message where it has one, else Kitout's message for the reason.
 */
export function issueTexts(
  issue: AnswerIssue,
  question: Question | undefined,
  form: NormalisedForm,
  plan: LanguagePlan,
  ui: string,
): ShownText[] {
  if (issue.reason === 'answer.constraint' && question?.constraintMessage)
    return resolveText(question.constraintMessage, plan.questions, form);
  const languages = (plan.questions.length ? plan.questions : [form.settings.defaultLanguage]).filter(
    isUiLanguage,
  );
  const shown = (languages.length ? languages : [isUiLanguage(ui) ? ui : 'en']).map((language) => ({
    language,
    text: sentence((i18next.getFixedT(language, 'forms') as TFunction)(issue.reason, issue.params), language),
    fallback: false,
  }));
  return shown.filter((s, i) => shown.findIndex((o) => o.text === s.text) === i);
}

// The forms messages are written to follow "field x:"; standing alone under a question they start a sentence.
function sentence(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** A sizes-module warning as a sentence in `language`. */
export function warningText(flag: Parameters<typeof renderNote>[0], language: UiLanguage): string {
  return renderNote(flag, language);
}
