import type { Bubble, LayoutField } from './layout-file.ts';
import type { MarkReading } from './mark-classify.ts';
import { digitsToText } from './number-grid.ts';
import { assemblePattern, type PatternPart } from './pattern-grid.ts';

/** Why a field needs a person; codes are stable (the `paper` namespace's `review` section names them). */
export const REVIEW_REASONS = [
  'blank-required',
  'double-marked',
  'crossed-out',
  'low-confidence',
  'incomplete-number',
  'write-in',
  'constraint',
  'not-applicable',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** One field of one page as read: an answer, blank, or a reason to look (with the likeliest answer, if any). */
export interface FieldReading {
  field: string;
  /** The answer as written; '' when blank. Absent when under review. */
  answer?: string;
  review?: { reason: ReviewReason; suggestion?: string };
  confidence: number;
}

interface Read {
  bubble: Bubble;
  mark: MarkReading;
}

type Decision = { value?: string; reason?: ReviewReason; suggestion?: string; confidence: number };

/** The worse of two review reasons: a crossed-out mark outranks a double mark, which outranks a faint one. */
const RANK: Record<string, number> = { 'crossed-out': 3, 'double-marked': 2, 'low-confidence': 1 };

/** One choice among circles: exactly one filled circle and nothing doubtful is an answer. */
function decideOne(reads: readonly Read[]): Decision {
  const confidence = Math.min(1, ...reads.map((r) => r.mark.confidence));
  const filled = reads.filter((r) => r.mark.state === 'filled');
  const crossed = reads.some((r) => r.mark.state === 'crossed');
  const unsure = reads.filter((r) => r.mark.state === 'unsure');
  const only = filled.length === 1 ? { suggestion: filled[0]!.bubble.value } : {};
  if (crossed) return { reason: 'crossed-out', ...only, confidence };
  if (filled.length > 1) return { reason: 'double-marked', confidence };
  if (unsure.length) {
    const best = filled[0] ?? (unsure.length === 1 ? unsure[0] : undefined);
    return { reason: 'low-confidence', ...(best ? { suggestion: best.bubble.value } : {}), confidence };
  }
  return filled.length === 1 ? { value: filled[0]!.bubble.value, confidence } : { value: '', confidence };
}

/** Any number of circles (select_multiple): the filled ones, joined by spaces as XLSForm stores them. */
function decideMany(reads: readonly Read[]): Decision {
  const confidence = Math.min(1, ...reads.map((r) => r.mark.confidence));
  const filled = reads.filter((r) => r.mark.state === 'filled').map((r) => r.bubble.value);
  if (reads.some((r) => r.mark.state === 'crossed')) return { reason: 'crossed-out', confidence };
  if (reads.some((r) => r.mark.state === 'unsure')) return { reason: 'low-confidence', confidence };
  return { value: filled.join(' '), confidence };
}

/** Splits a grid's circles into columns by `digit`, in order. */
function columnsOf(reads: readonly Read[], count: number): Read[][] {
  const columns: Read[][] = Array.from({ length: count }, () => []);
  for (const r of reads) columns[r.bubble.digit ?? 0]?.push(r);
  return columns;
}

/** A column per digit, each one choice; the number as written, or why it is not one. */
function decideDigits(
  reads: readonly Read[],
  digits: number,
): { columns: (number | undefined)[]; decision: Decision } {
  const decisions = columnsOf(reads, digits).map(decideOne);
  const confidence = Math.min(1, ...decisions.map((d) => d.confidence));
  const worst = decisions
    .filter((d) => d.reason)
    .sort((a, b) => (RANK[b.reason!] ?? 0) - (RANK[a.reason!] ?? 0))[0];
  const columns = decisions.map((d) => (d.value ? Number(d.value) : undefined));
  return { columns, decision: worst ? { reason: worst.reason!, confidence } : { confidence } };
}

/**
 * Reads every field of a page from its circles' readings and its write-in boxes' ink. `fields` says how each
 * field's circles make an answer (the layout file's `fields`); a field the layout does not describe is read
 * as a single choice, or as a number when its circles carry digit columns.
 */
export function readFields(
  reads: readonly Read[],
  fields: readonly LayoutField[],
  writeIns: readonly { field: string; ink: number }[],
): FieldReading[] {
  const byField = new Map<string, Read[]>();
  for (const r of reads) {
    let list = byField.get(r.bubble.field);
    if (!list) {
      list = [];
      byField.set(r.bubble.field, list);
    }
    list.push(r);
  }
  const kinds = new Map(fields.map((f) => [f.field, f]));
  const out: FieldReading[] = [];
  for (const [field, list] of byField) {
    const spec = kinds.get(field);
    const kind = spec?.kind ?? (list[0]!.bubble.digits !== undefined ? 'number' : 'choice');
    const decision =
      kind === 'choices'
        ? decideMany(list)
        : kind === 'number'
          ? decideNumber(list)
          : kind === 'pattern' && spec?.parts
            ? decidePattern(list, spec.parts)
            : decideOne(list);
    out.push(toReading(field, decision));
  }
  for (const w of writeIns) {
    // A box with a few stray specks is blank; anything like writing is for a person to key in.
    const written = w.ink > 0.012;
    const confidence = Math.min(1, Math.abs(w.ink - 0.012) / 0.012);
    out.push(
      written
        ? { field: w.field, review: { reason: 'write-in' }, confidence }
        : { field: w.field, answer: '', confidence },
    );
  }
  return out;
}

function decideNumber(list: Read[]): Decision {
  const digits = list[0]!.bubble.digits ?? 1;
  const decimals = list[0]!.bubble.decimals ?? 0;
  const { columns, decision } = decideDigits(list, digits);
  if (decision.reason) return decision;
  const text = digitsToText(columns, decimals);
  return text.ok
    ? { value: text.text, confidence: decision.confidence }
    : { reason: 'incomplete-number', confidence: decision.confidence };
}

function decidePattern(
  list: Read[],
  parts: readonly { kind: string; digits?: number; text?: string }[],
): Decision {
  const marked: (string | (number | undefined)[] | undefined)[] = [];
  let confidence = 1;
  let worst: Decision | undefined;
  const patternParts: PatternPart[] = parts.map((p) =>
    p.kind === 'literal'
      ? { kind: 'literal', text: p.text ?? '' }
      : p.kind === 'digits'
        ? { kind: 'digits', digits: p.digits ?? 1, min: 1 }
        : { kind: 'choice', values: [], optional: false },
  );
  parts.forEach((p, i) => {
    const reads = list.filter((r) => r.bubble.part === i);
    if (p.kind === 'literal') {
      marked.push(undefined);
      return;
    }
    const { decision, value } =
      p.kind === 'digits'
        ? (() => {
            const d = decideDigits(reads, p.digits ?? 1);
            return { decision: d.decision, value: d.columns as (number | undefined)[] | string | undefined };
          })()
        : (() => {
            const d = decideOne(reads);
            return { decision: d, value: d.value ? d.value : undefined };
          })();
    confidence = Math.min(confidence, decision.confidence);
    if (decision.reason && (!worst || (RANK[decision.reason] ?? 0) > (RANK[worst.reason!] ?? 0)))
      worst = decision;
    marked.push(value);
  });
  if (worst) return { reason: worst.reason!, confidence };
  const text = assemblePattern(patternParts, marked);
  return text.ok ? { value: text.text, confidence } : { reason: 'incomplete-number', confidence };
}

function toReading(field: string, d: Decision): FieldReading {
  const confidence = Math.round(d.confidence * 1000) / 1000;
  if (d.reason)
    return {
      field,
      review: { reason: d.reason, ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}) },
      confidence,
    };
  return { field, answer: d.value ?? '', confidence };
}
