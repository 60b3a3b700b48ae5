import type { QuestionType } from '../form-model.ts';

/** What a survey row's `type` cell says. */
export type RowType =
  | { kind: 'question'; type: QuestionType; list?: string }
  | { kind: 'begin-group' }
  | { kind: 'end-group' }
  /** An XLSForm type Kitout does not support (a repeat, a calculation, a GPS point, …). */
  | { kind: 'unsupported'; type: string }
  | { kind: 'unknown'; type: string };

const SIMPLE: Record<string, QuestionType> = {
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  text: 'text',
  string: 'text',
  note: 'note',
  date: 'date',
};

const SELECT =
  /^(select_one|select one|select1|select_multiple|select multiple|select all that apply)(?: from)? (.+)$/i;

/** Types from the XLSForm specification outside Kitout's subset, told apart from typing mistakes. */
const KNOWN_UNSUPPORTED = new Set([
  'begin repeat',
  'end repeat',
  'begin loop',
  'end loop',
  'calculate',
  'geopoint',
  'geotrace',
  'geoshape',
  'start-geopoint',
  'image',
  'audio',
  'video',
  'file',
  'barcode',
  'acknowledge',
  'time',
  'datetime',
  'range',
  'rank',
  'start',
  'end',
  'today',
  'deviceid',
  'uri:deviceid',
  'simserial',
  'subscriberid',
  'phonenumber',
  'username',
  'email',
  'audit',
  'hidden',
  'xml-external',
  'csv-external',
  'trigger',
  'background-audio',
  'background-geopoint',
  'osm',
  'include',
  'select_one_from_file',
  'select_multiple_from_file',
  'select_one_external',
]);

/**
 * Reads a `type` cell: `select_one sizes`, `select one from sizes`, `select_multiple x`, `integer`,
 * `begin group`, `end_group`, … Case and repeated spaces do not matter; the list name keeps its case.
 */
export function parseRowType(cell: string): RowType {
  const text = cell.trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const spaced = lower.replace(/_/g, ' ');
  if (spaced === 'begin group') return { kind: 'begin-group' };
  if (spaced === 'end group') return { kind: 'end-group' };
  const simple = SIMPLE[lower];
  if (simple) return { kind: 'question', type: simple };
  const first = lower.split(' ')[0]!;
  if (KNOWN_UNSUPPORTED.has(lower) || KNOWN_UNSUPPORTED.has(spaced) || KNOWN_UNSUPPORTED.has(first)) {
    return { kind: 'unsupported', type: text };
  }
  if (/ or_other$| or specify other$/i.test(text)) return { kind: 'unsupported', type: text };
  const select = SELECT.exec(text);
  if (select) {
    const words = select[2]!.split(' ');
    if (words.length !== 1) return { kind: 'unknown', type: text };
    const multiple = /multiple|all that apply/i.test(select[1]!);
    return { kind: 'question', type: multiple ? 'select_multiple' : 'select_one', list: words[0]! };
  }
  if (/^(begin|end)[ _]/.test(lower)) return { kind: 'unsupported', type: text };
  return { kind: 'unknown', type: text };
}

/** The `type` cell that reads back as this question or group. */
export function rowTypeText(type: QuestionType, list?: string): string {
  return list ? `${type} ${list}` : type;
}
