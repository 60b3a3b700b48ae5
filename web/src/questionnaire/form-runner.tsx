import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerIssue } from '../../../src/domain/forms/answer-validation.ts';
import { choiceList, type NormalisedForm } from '../../../src/domain/forms/form-model.ts';
import type { LanguagePlan } from '../../../src/domain/forms/language-plan.ts';
import { sizeWarnings } from '../../../src/domain/forms/size-answers.ts';
import {
  type AnswerMap,
  answerIssues,
  effectiveAnswers,
  type Screen,
  visibleScreens,
} from './form-session.ts';
import { issueTexts, messageLanguage, shownText, Texts, warningText } from './form-text.tsx';
import { type FieldMessages, QuestionField } from './question-field.tsx';

export type FillMode = 'one' | 'list';

/**
 * Fills one form for one person: one question per screen with big Back and Next, or every question that
 * applies as a list. Relevance is evaluated live with the pure evaluator; the form's own checks run before
 * moving on (and on saving); cross-field warnings from the sizes module are shown but never block.
 */
export function FormRunner({
  form,
  plan,
  mode,
  answers,
  onAnswers,
  onSave,
  saving,
}: {
  form: NormalisedForm;
  plan: LanguagePlan;
  mode: FillMode;
  answers: AnswerMap;
  onAnswers: (next: AnswerMap) => void;
  onSave: (answers: AnswerMap) => void;
  saving: boolean;
}) {
  const { t, i18n } = useTranslation();
  const screens = useMemo(() => visibleScreens(form, answers), [form, answers]);
  const language = messageLanguage(plan, form, i18n.language);
  const issues = useMemo(() => answerIssues(form, answers, language), [form, answers, language]);
  const warnings = useMemo(() => sizeWarnings(effectiveAnswers(form, answers)), [form, answers]);
  // Errors show for a question once the person has tried to move past it (or to save), not while typing.
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [current, setCurrent] = useState<string | 'review'>(() => screens[0]?.question.name ?? 'review');
  const top = useRef<HTMLDivElement>(null);

  const index = current === 'review' ? screens.length : screens.findIndex((s) => s.question.name === current);
  // The question on screen stopped applying (an earlier answer changed): go to the next one that does.
  useEffect(() => {
    if (current !== 'review' && index < 0) setCurrent(screens[0]?.question.name ?? 'review');
  }, [current, index, screens]);

  const issuesOf = (name: string) => issues.filter((i) => i.field === name);
  const messagesOf = (screen: Screen): FieldMessages => ({
    errors: checked.has(screen.question.name)
      ? issuesOf(screen.question.name).map((i) => issueTexts(i, screen.question, form, plan, i18n.language))
      : [],
    warnings: warnings
      .filter((w) => w.fields.includes(screen.question.name))
      .map((w) => ({ language, text: warningText(w.flag, language) })),
  });
  const groupsOf = (screen: Screen) => screen.groups.map((g) => shownText(g.label, plan.groups, form));
  const set = (name: string) => (value: string | string[]) => onAnswers({ ...answers, [name]: value });

  const goTo = (name: string | 'review') => {
    setCurrent(name);
    top.current?.scrollIntoView({ block: 'start' });
  };
  const next = () => {
    if (current === 'review') return;
    const screen = screens[index];
    if (!screen) return;
    setChecked((c) => new Set(c).add(screen.question.name));
    if (issuesOf(screen.question.name).length > 0) return;
    goTo(screens[index + 1]?.question.name ?? 'review');
  };
  const back = () => {
    if (index > 0) goTo(screens[index - 1]!.question.name);
  };
  const save = () => {
    const all = new Set(screens.map((s) => s.question.name));
    setChecked(all);
    const first = issues[0];
    if (first) {
      if (mode === 'one') goTo(first.field);
      else
        document
          .querySelector(`[data-field="${CSS.escape(first.field)}"]`)
          ?.scrollIntoView({ block: 'center' });
      return;
    }
    onSave(effectiveAnswers(form, answers));
  };

  if (mode === 'list') {
    return (
      <div className="q-runner is-list" ref={top}>
        {screens.map((screen, i) => {
          const prev = screens[i - 1];
          // In a list, a group's heading is shown once, above its first question.
          const groups = groupsOf(screen).filter((_, g) => prev?.groups[g] !== screen.groups[g]);
          return (
            <QuestionField
              key={screen.question.name}
              form={form}
              plan={plan}
              question={screen.question}
              groups={groups}
              value={answers[screen.question.name]}
              onChange={set(screen.question.name)}
              messages={messagesOf(screen)}
            />
          );
        })}
        <ReviewWarnings warnings={warnings} language={language} />
        <div className="q-nav">
          <button
            type="button"
            className="button-primary q-big-button"
            onClick={save}
            disabled={saving}
            data-testid="save-submission"
          >
            {t('fill.save')}
          </button>
        </div>
      </div>
    );
  }

  const screen = current === 'review' ? undefined : screens[index];
  return (
    <div className="q-runner is-one" ref={top}>
      <p className="q-step" data-testid="step">
        {screen ? t('fill.step', { n: index + 1, total: screens.length }) : t('fill.review')}
      </p>
      {screen ? (
        <QuestionField
          key={screen.question.name}
          big
          autoFocus
          form={form}
          plan={plan}
          question={screen.question}
          groups={groupsOf(screen)}
          value={answers[screen.question.name]}
          onChange={set(screen.question.name)}
          messages={messagesOf(screen)}
          onEnter={next}
        />
      ) : (
        <Review form={form} plan={plan} screens={screens} answers={answers} issues={issues} onEdit={goTo} />
      )}
      {!screen && <ReviewWarnings warnings={warnings} language={language} />}
      <div className="q-nav">
        <button
          type="button"
          className="q-big-button"
          onClick={back}
          disabled={index <= 0}
          data-testid="back"
        >
          ‹ {t('fill.back')}
        </button>
        {screen ? (
          <button type="button" className="button-primary q-big-button" onClick={next} data-testid="next">
            {t('fill.next')} ›
          </button>
        ) : (
          <button
            type="button"
            className="button-primary q-big-button"
            onClick={save}
            disabled={saving}
            data-testid="save-submission"
          >
            {t('fill.save')}
          </button>
        )}
      </div>
    </div>
  );
}

function ReviewWarnings({
  warnings,
  language,
}: {
  warnings: ReturnType<typeof sizeWarnings>;
  language: ReturnType<typeof messageLanguage>;
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="notice q-warnings" role="status" data-testid="size-warnings">
      <p className="notice-title">{t('fill.warningsTitle')}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.flag.key}-${w.fields.join()}`} lang={language}>
            {warningText(w.flag, language)}
          </li>
        ))}
      </ul>
      <p className="notice-detail">{t('fill.warningsHint')}</p>
    </div>
  );
}

/** Every answer that applies, with its question, before saving; a tap on one goes back to it. */
function Review({
  form,
  plan,
  screens,
  answers,
  issues,
  onEdit,
}: {
  form: NormalisedForm;
  plan: LanguagePlan;
  screens: Screen[];
  answers: AnswerMap;
  issues: AnswerIssue[];
  onEdit: (name: string) => void;
}) {
  const rows = screens.filter((s) => s.question.type !== 'note');
  return (
    <dl className="q-review" data-testid="review">
      {rows.map(({ question }) => {
        const value = answers[question.name];
        const names = Array.isArray(value) ? value : value ? [value] : [];
        const list = question.list ? choiceList(form, question.list) : undefined;
        const bad = issues.some((i) => i.field === question.name);
        return (
          <div key={question.name} className={bad ? 'is-invalid' : ''}>
            <dt>
              <button type="button" className="q-review-edit" onClick={() => onEdit(question.name)}>
                <Texts shown={shownText(question.label, plan.questions, form)} />
              </button>
            </dt>
            <dd>
              {list
                ? names.map((n) => {
                    const choice = list.choices.find((c) => c.name === n);
                    return choice ? <Texts key={n} shown={shownText(choice.label, plan.choices, form)} /> : n;
                  })
                : names.join(' ') || '—'}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
