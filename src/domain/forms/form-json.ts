import { z } from 'zod';
import { formToSheets } from './form-export.ts';
import { importForm, MAX_GROUP_DEPTH } from './form-import.ts';
import { DEFAULT_LANGUAGE_KEY } from './form-languages.ts';
import { elementsOf, type NormalisedForm, QUESTION_TYPES } from './form-model.ts';
import { type FormImportResult, type FormProblem, ProblemList } from './form-problems.ts';

const localText = z.record(z.string(), z.string());
const elementBase = {
  name: z.string(),
  label: localText,
  hint: localText.optional(),
  relevant: z.string().optional(),
  relevantTree: z.unknown().optional(),
  appearance: z.string().optional(),
};
const question = z.strictObject({
  kind: z.literal('question'),
  type: z.enum(QUESTION_TYPES),
  list: z.string().optional(),
  ...elementBase,
  required: z.literal(true).optional(),
  constraint: z.string().optional(),
  constraintTree: z.unknown().optional(),
  constraintMessage: localText.optional(),
  default: z.string().optional(),
});
type ElementInput =
  | z.infer<typeof question>
  | (Omit<z.infer<typeof question>, 'kind' | 'type'> & { kind: 'group' });
const element: z.ZodType<ElementInput> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    question,
    z.strictObject({ kind: z.literal('group'), ...elementBase, children: z.array(element) }),
  ]),
) as unknown as z.ZodType<ElementInput>;

const formSchema = z.strictObject({
  format: z.literal('kitout-form'),
  formatVersion: z.literal(1),
  settings: z.strictObject({
    formId: z.string(),
    version: z.string().optional(),
    title: localText,
    defaultLanguage: z.string(),
  }),
  languages: z.array(
    z.strictObject({ key: z.string(), name: z.string().optional(), code: z.string().optional() }),
  ),
  survey: z.array(element),
  choiceLists: z.array(
    z.strictObject({
      list: z.string(),
      choices: z.array(z.strictObject({ name: z.string(), label: localText })),
    }),
  ),
});

const COLUMN_KEYS: Record<string, string> = {
  constraint_message: 'constraintMessage',
  list_name: 'list',
  form_title: 'title',
  form_id: 'formId',
  default_language: 'defaultLanguage',
};

/**
 * Reads a normalised form from JSON text. The JSON goes through the same checks as a workbook (it is laid out
 * as sheets and imported), so a JSON form can never hold what an `.xlsx` could not; errors name the JSON path
 * (`survey[2].children[0].relevant`). Stored expression trees must match their source text.
 */
export function importFormJson(text: string): FormImportResult {
  const problems = new ProblemList();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    problems.error('import.jsonSyntax', {}, { reason: err instanceof Error ? err.message : String(err) });
    return { ok: false, errors: problems.errors, warnings: [] };
  }
  if (groupDepth(data) > MAX_GROUP_DEPTH) {
    problems.error('import.jsonTooDeep', {}, { limit: MAX_GROUP_DEPTH });
    return { ok: false, errors: problems.errors, warnings: [] };
  }
  const parsed = formSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) {
      problems.error('import.jsonShape', { column: jsonPath(issue.path) }, { reason: issue.message });
    }
    return { ok: false, errors: problems.errors, warnings: [] };
  }
  const input = parsed.data as NormalisedForm;
  checkLanguageKeys(input, problems);
  if (problems.errors.length) return { ok: false, errors: problems.errors, warnings: [] };

  const { sheets, paths } = formToSheets(input);
  const result = importForm(sheets);
  const relocate = (p: FormProblem): FormProblem => {
    const rowPath = p.sheet && p.row !== undefined ? paths[p.sheet]?.[p.row - 1] : undefined;
    const base = (p.column ?? '').split(':')[0]!;
    const key = COLUMN_KEYS[base] ?? base;
    const column = rowPath ? (key ? `${rowPath}.${key}` : rowPath) : key || undefined;
    const { sheet: _sheet, row: _row, ...rest } = p;
    return column ? { ...rest, column } : rest;
  };
  if (!result.ok)
    return { ok: false, errors: result.errors.map(relocate), warnings: result.warnings.map(relocate) };
  compareTrees(input, result.value, problems);
  if (problems.errors.length) return { ok: false, errors: problems.errors, warnings: [] };
  return { ok: true, value: result.value, warnings: result.warnings.map(relocate) };
}

/** Every text must be keyed by a language the form lists, or an export would silently drop it. */
function checkLanguageKeys(form: NormalisedForm, problems: ProblemList): void {
  const keys = new Set(form.languages.map((l) => l.key));
  const check = (text: Record<string, string> | undefined, path: string) => {
    for (const key of Object.keys(text ?? {})) {
      if (!keys.has(key))
        problems.error('import.jsonUnknownLanguage', { column: `${path}.${key}` }, { language: key });
    }
  };
  check(form.settings.title, 'settings.title');
  const { defaultLanguage } = form.settings;
  if (defaultLanguage !== DEFAULT_LANGUAGE_KEY && !keys.has(defaultLanguage)) {
    problems.error(
      'import.jsonUnknownLanguage',
      { column: 'settings.defaultLanguage' },
      { language: defaultLanguage },
    );
  }
  const walk = (elements: NormalisedForm['survey'], path: string) =>
    elements.forEach((e, i) => {
      const here = `${path}[${i}]`;
      check(e.label, `${here}.label`);
      check(e.hint, `${here}.hint`);
      if (e.kind === 'question') check(e.constraintMessage, `${here}.constraintMessage`);
      else walk(e.children, `${here}.children`);
    });
  walk(form.survey, 'survey');
  form.choiceLists.forEach((l, i) => {
    l.choices.forEach((c, j) => {
      check(c.label, `choiceLists[${i}].choices[${j}].label`);
    });
  });
}

/** A tree stored in the JSON that disagrees with its source text is refused rather than silently replaced. */
function compareTrees(input: NormalisedForm, parsed: NormalisedForm, problems: ProblemList): void {
  const given = [...elementsOf(input.survey)];
  const fresh = [...elementsOf(parsed.survey)];
  given.forEach((e, i) => {
    const f = fresh[i]!;
    if (e.relevantTree !== undefined && JSON.stringify(e.relevantTree) !== JSON.stringify(f.relevantTree)) {
      problems.error('import.jsonTreeMismatch', { column: `${e.name}.relevantTree` }, { name: e.name });
    }
    if (
      e.kind === 'question' &&
      f.kind === 'question' &&
      e.constraintTree !== undefined &&
      JSON.stringify(e.constraintTree) !== JSON.stringify(f.constraintTree)
    ) {
      problems.error('import.jsonTreeMismatch', { column: `${e.name}.constraintTree` }, { name: e.name });
    }
  });
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
}

/** How deeply `children` arrays nest, measured without recursion so hostile nesting cannot overflow the stack. */
function groupDepth(data: unknown): number {
  let max = 0;
  const survey = (data as { survey?: unknown } | null)?.survey;
  const stack: [unknown, number][] = Array.isArray(survey) ? survey.map((e) => [e, 1]) : [];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    max = Math.max(max, depth);
    const children = (element as { children?: unknown } | null)?.children;
    if (Array.isArray(children)) for (const child of children) stack.push([child, depth + 1]);
  }
  return max;
}
