import type { QueuedSubmission, SentSubmission } from '../offline/outbox.ts';

export const OUTBOX_CSV_COLUMNS = [
  'instance_id',
  'status',
  'person_id',
  'person_name',
  'form_id',
  'form_version',
  'intake_id',
  'saved_at',
  'sent_at',
  'server_time',
  'attempts',
  'problem',
] as const;

/**
 * The device's outbox and sent log as CSV, one row per instance id: what is still queued (or refused) and
 * what the server stored, with times — the list an office compares with the server when a submission seems
 * missing. UTF-8 with a byte-order mark (so spreadsheet programs read Hangul and Cyrillic), CRLF lines, and
 * cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function outboxCsv(queued: readonly QueuedSubmission[], sent: readonly SentSubmission[]): string {
  const rows: string[][] = [
    [...OUTBOX_CSV_COLUMNS],
    ...queued.map((q) => [
      q.instanceId,
      q.refused ? 'refused' : 'queued',
      q.personId,
      q.personName,
      q.formId,
      q.formVersion,
      q.intakeId,
      q.clientTime,
      '',
      '',
      String(q.attempts),
      q.refused ? [q.refused.message, ...q.refused.reasons].filter(Boolean).join('; ') : '',
    ]),
    ...sent.map((s) => [
      s.instanceId,
      'sent',
      s.personId,
      s.personName,
      s.formId,
      s.formVersion,
      s.intakeId,
      s.clientTime,
      s.sentAt,
      s.serverTime,
      '',
      '',
    ]),
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
