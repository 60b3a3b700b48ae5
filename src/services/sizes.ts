import { InputError, type Issue } from '../domain/errors.ts';
import {
  type Answer,
  type Body,
  type BodyPart,
  bodyPartOf,
  type ConversionAnswer,
  conversionAnswer,
  convert,
  DIMENSIONS,
  type Dimension,
  type Flag,
  type ItemFit,
  message,
  type Note,
  renderNote,
  resolvePerson,
  roundBody,
  type SizeChart,
  type SizeProfile,
  type SystemId,
  sizeChart,
  systemFor,
  systemsFor,
} from '../domain/sizes/index.ts';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/languages.ts';
import { catalogueForResolution } from './catalogue-fits.ts';
import type { ServiceContext } from './context.ts';
import { organisationProfile } from './size-profile.ts';

/** Text in each UI language. */
export type Localised = Record<UiLanguage, string>;

const inEvery = (text: (lang: UiLanguage) => string): Localised =>
  Object.fromEntries(UI_LANGUAGES.map((l) => [l, text(l)])) as Localised;

/** One size system as the API lists it, under the organisation's profile. */
export interface SystemInfo {
  id: SystemId;
  part: BodyPart;
  /** i18n key of its name in the `sizes` namespace, and the name in each UI language. */
  nameKey: string;
  names: Localised;
  dimensions: Dimension[];
  examples: string[];
  labels: string[];
  rule: Note;
  ruleText: Localised;
}

export function systemInfos(profile: SizeProfile): SystemInfo[] {
  return [...systemsFor(profile).values()].map((s) => ({
    id: s.id,
    part: bodyPartOf(s),
    nameKey: `system.${s.id}`,
    names: inEvery((l) => message(l, `system.${s.id}`) ?? s.id),
    dimensions: [...s.dimensions],
    examples: [...s.examples],
    labels: s.labels(),
    rule: s.rule,
    ruleText: inEvery((l) => renderNote(s.rule, l)),
  }));
}

export async function listSizeSystems(ctx: ServiceContext): Promise<SystemInfo[]> {
  return systemInfos(await organisationProfile(ctx));
}

export interface ConvertQuery {
  label: string;
  from: string;
  to: string;
  lang?: UiLanguage;
}

/** `kitout sizes convert --json`, over HTTP: the same answer for the same question and profile. */
export async function convertSize(ctx: ServiceContext, q: ConvertQuery): Promise<ConversionAnswer | Body> {
  const profile = await organisationProfile(ctx);
  if (q.to === 'body') return roundBody(convert(q.label, q.from, 'body', profile));
  return conversionAnswer(convert(q.label, q.from, q.to, profile), q.lang ?? 'en');
}

/** A size chart, with the rule of every system in it. */
export interface ChartAnswer extends SizeChart {
  rules: { system: SystemId; rule: Note; text: string }[];
}

export async function chartOf(ctx: ServiceContext, system: string): Promise<ChartAnswer> {
  const profile = await organisationProfile(ctx);
  const chart = sizeChart(system, profile);
  const rules = [chart.system, ...chart.columns].map((id) => {
    const s = systemFor(id, profile);
    return { system: id, rule: s.rule, text: s.ruleText };
  });
  return { ...chart, rows: chart.rows.map((r) => ({ ...r, body: roundBody(r.body) })), rules };
}

/** One catalogue item's answer for one person: the best size, the runner-up, why, and what to re-measure. */
export interface ItemAnswer extends ItemFit {
  names: Record<string, string>;
  sizeSystem: SystemId | null;
  score: number | null;
  /** The re-measure flags that touch a dimension this item is sized by. */
  remeasure: Flag[];
}

export interface ResolveAnswer {
  body: Body;
  notes: Note[];
  flags: Flag[];
  items: ItemAnswer[];
}

/**
 * Every label answer must name a known system and read in it: a person picking from the helper's lists
 * makes neither mistake, so one here is a bad request, answered with the field it is in.
 */
function checkAnswers(answers: readonly Answer[], profile: SizeProfile): void {
  const issues: Issue[] = [];
  answers.forEach((a, i) => {
    if (a.kind !== 'label') return;
    let system: ReturnType<typeof systemFor>;
    try {
      system = systemFor(a.system, profile, `answers.${i}.system`);
    } catch (err) {
      if (err instanceof InputError) issues.push(...err.issues);
      else throw err;
      return;
    }
    const r = system.parse(a.label);
    if (!r.ok) issues.push(...r.errors.map((e) => ({ field: `answers.${i}.label`, reason: e.reason })));
  });
  if (issues.length) throw new InputError(issues);
}

/**
 * Resolves a person's answers (labels in any systems and/or measurements) against the catalogue, or the
 * items named: one body estimate, and per item the best size, the runner-up, the fit score, the reasons
 * (i18n notes and English) and the re-measure flags that concern it.
 */
export async function resolveSizes(
  ctx: ServiceContext,
  input: { answers: Answer[]; items?: string[] },
): Promise<ResolveAnswer> {
  const profile = await organisationProfile(ctx);
  checkAnswers(input.answers, profile);
  let catalogue = await catalogueForResolution(ctx.db);
  if (input.items) {
    const known = new Set(catalogue.map((c) => c.id));
    const unknown = input.items
      .map((id, i) => ({ id, i }))
      .filter((x) => !known.has(x.id))
      .map((x) => ({ field: `items.${x.i}`, reason: `unknown catalogue item "${x.id}"` }));
    if (unknown.length) throw new InputError(unknown);
    const wanted = new Set(input.items);
    catalogue = catalogue.filter((c) => wanted.has(c.id));
  }
  const fit = resolvePerson(catalogue, input.answers, profile);
  return {
    body: roundBody(fit.body),
    notes: fit.notes,
    flags: fit.flags,
    items: fit.items.map((f, k) => {
      const item = catalogue[k]!;
      const sizedBy = new Set<Dimension>(
        DIMENSIONS.filter((d) => item.variants.some((v) => v.fits[d] !== undefined)),
      );
      return {
        ...f,
        names: item.names,
        sizeSystem: item.sizeSystem,
        score: f.best ? Math.round(f.best.score * 1000) / 1000 : null,
        remeasure: fit.flags.filter((fl) => fl.dimensions.some((d) => sizedBy.has(d))),
      };
    }),
  };
}
