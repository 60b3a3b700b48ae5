import type { LocalText, NormalisedForm, SurveyElement } from './form-model.ts';
import type { Translate } from './form-problems.ts';
import { type ElementClass, type LanguagePlan, resolveText } from './language-plan.ts';

/**
 * A readable outline of a form for the terminal: title, languages, then each group and question indented with
 * its type, name, choice list, required mark, conditions, and text shown by the language plan (several
 * languages joined by " / ").
 */
export function formOutline(form: NormalisedForm, plan: LanguagePlan, t: Translate): string {
  const show = (text: LocalText | undefined, cls: ElementClass) =>
    resolveText(text, plan[cls], form)
      .map((s) => s.text.replace(/\s*\n\s*/g, ' '))
      .join(' / ');
  const { settings } = form;
  const lines: string[] = [];
  const title = show(settings.title, 'title');
  lines.push(
    `${settings.formId}${settings.version ? ` v${settings.version}` : ''}${title ? ` — ${title}` : ''}`,
  );
  const languages = form.languages.map((l) => {
    const notes = [
      l.name !== l.key ? l.name : undefined,
      l.key === settings.defaultLanguage ? t('cli.default') : undefined,
    ];
    const shown = notes.filter((n) => n !== undefined);
    return shown.length ? `${l.key} (${shown.join(', ')})` : l.key;
  });
  lines.push(`${t('cli.languages')}: ${languages.join(', ') || '—'}`);
  let groups = 0;
  let questions = 0;
  const walk = (elements: readonly SurveyElement[], depth: number) => {
    const pad = '  '.repeat(depth);
    for (const e of elements) {
      if (e.kind === 'group') {
        groups++;
        const label = show(e.label, 'groups');
        lines.push(`${pad}group ${e.name}${label ? `: ${label}` : ''}`);
      } else {
        questions++;
        const list = e.list ? ` [${e.list}]` : '';
        const required = e.required ? ` (${t('cli.required')})` : '';
        lines.push(`${pad}${e.type} ${e.name}${list}${required}: ${show(e.label, 'questions')}`);
        const hint = show(e.hint, 'hints');
        if (hint) lines.push(`${pad}    ${hint}`);
      }
      if (e.relevant) lines.push(`${pad}    ${t('cli.relevant')}: ${e.relevant}`);
      if (e.kind === 'question' && e.constraint)
        lines.push(`${pad}    ${t('cli.constraint')}: ${e.constraint}`);
      if (e.kind === 'group') walk(e.children, depth + 1);
    }
  };
  walk(form.survey, 1);
  if (form.choiceLists.length) {
    lines.push(`${t('cli.choiceLists')}:`);
    for (const list of form.choiceLists) {
      const names = list.choices.map((c) => `${c.name}=${show(c.label, 'choices')}`);
      lines.push(`  ${list.list}: ${names.join(', ')}`);
    }
  }
  lines.push(t('cli.summary', { groups, questions, lists: form.choiceLists.length }));
  return lines.join('\n');
}
