import { type KeyboardEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceList, type NormalisedForm, type Question } from '../../../src/domain/forms/form-model.ts';
import type { LanguagePlan, ShownText } from '../../../src/domain/forms/language-plan.ts';
import { shownText, Texts } from './form-text.tsx';

export interface FieldMessages {
  errors: ShownText[][];
  warnings: { language: string; text: string }[];
}

/**
 * One question, sized for a finger: choices as big buttons, numbers in a wide box with the number keyboard.
 * Labels, hints and choices follow the language plan; errors come in the question's language.
 */
export function QuestionField({
  form,
  plan,
  question,
  groups,
  value,
  onChange,
  messages,
  autoFocus,
  onEnter,
  big,
}: {
  form: NormalisedForm;
  plan: LanguagePlan;
  question: Question;
  /** Labels of the groups around the question, shown above it. */
  groups: ShownText[][];
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
  messages: FieldMessages;
  autoFocus?: boolean;
  /** Enter in a text box: move on (one question per screen). */
  onEnter?: () => void;
  /** One question per screen: larger type. */
  big?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const label = shownText(question.label, plan.questions, form);
  const hint = shownText(question.hint, plan.hints, form);
  const invalid = messages.errors.length > 0;
  const describedBy = `${id}-hint ${id}-msg`;

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && onEnter) {
      e.preventDefault();
      onEnter();
    }
  };

  let control: ReactNode = null;
  if (question.type === 'select_one' || question.type === 'select_multiple') {
    const list = question.list ? choiceList(form, question.list) : undefined;
    const multiple = question.type === 'select_multiple';
    const chosen = Array.isArray(value) ? value : value ? [value] : [];
    const many = (list?.choices.length ?? 0) > 6;
    const className = `q-choices ${question.appearance === 'horizontal' ? 'is-horizontal' : ''} ${many ? 'is-many' : ''}`;
    const choices = list?.choices ?? [];
    const toggle = (name: string) =>
      onChange(chosen.includes(name) ? chosen.filter((n) => n !== name) : [...chosen, name]);
    const content = (c: (typeof choices)[number]) => <Texts shown={shownText(c.label, plan.choices, form)} />;
    control = multiple ? (
      // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
      <div role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy} className={className}>
        {choices.map((c, i) => (
          <button
            key={c.name}
            type="button"
            aria-pressed={chosen.includes(c.name)}
            className={`q-choice ${chosen.includes(c.name) ? 'is-on' : ''}`}
            data-choice={c.name}
            // biome-ignore lint/a11y/noAutofocus: one question per screen, the first choice takes the focus
            autoFocus={autoFocus && i === 0}
            onClick={() => toggle(c.name)}
          >
            {content(c)}
          </button>
        ))}
      </div>
    ) : (
      <div
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        className={className}
      >
        {choices.map((c, i) => (
          // biome-ignore lint/a11y/useSemanticElements: a big tappable button that acts as a radio, as in ODK Collect
          <button
            key={c.name}
            type="button"
            role="radio"
            aria-checked={chosen.includes(c.name)}
            className={`q-choice ${chosen.includes(c.name) ? 'is-on' : ''}`}
            data-choice={c.name}
            // biome-ignore lint/a11y/noAutofocus: one question per screen, the first choice takes the focus
            autoFocus={autoFocus && i === 0}
            onClick={() => onChange(c.name)}
          >
            {content(c)}
          </button>
        ))}
      </div>
    );
  } else if (question.type !== 'note') {
    const numeric = question.type === 'integer' || question.type === 'decimal';
    control = (
      <input
        id={`${id}-input`}
        name={question.name}
        className={`q-input ${numeric ? 'is-number' : ''}`}
        type={question.type === 'date' ? 'date' : 'text'}
        inputMode={
          question.type === 'integer' ? 'numeric' : question.type === 'decimal' ? 'decimal' : undefined
        }
        autoComplete="off"
        spellCheck={false}
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        // biome-ignore lint/a11y/noAutofocus: one question per screen, its box takes the focus
        autoFocus={autoFocus}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={keyDown}
        maxLength={2000}
      />
    );
  }

  return (
    <div
      className={`q-field ${big ? 'is-big' : ''} ${invalid ? 'is-invalid' : ''} ${question.type === 'note' ? 'is-note' : ''}`}
      data-field={question.name}
    >
      {groups.length > 0 && (
        <p className="q-groups">
          {groups.map((g, i) => (
            // Group labels have no id of their own; their order is the form's.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Texts key={i} shown={g} className="q-group" />
          ))}
        </p>
      )}
      <p className="q-label" id={`${id}-label`}>
        <Texts shown={label} />
        {question.required && (
          <span className="q-required" title={t('fill.required')}>
            *
          </span>
        )}
      </p>
      <div id={`${id}-hint`} className="q-hint">
        <Texts shown={hint} />
      </div>
      {control}
      <div id={`${id}-msg`} aria-live="polite">
        {messages.errors.map((lines, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are listed in the validator's order
          <p key={i} className="q-error" data-testid="field-error">
            <Texts shown={lines} />
          </p>
        ))}
        {messages.warnings.map((w) => (
          <p key={w.text} className="q-warning" lang={w.language} data-testid="field-warning">
            {w.text}
          </p>
        ))}
      </div>
    </div>
  );
}
