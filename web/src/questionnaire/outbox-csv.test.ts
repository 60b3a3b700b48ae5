import { describe, expect, it } from 'vitest';
import type { QueuedSubmission, SentSubmission } from '../offline/outbox.ts';
import { outboxCsv } from './outbox-csv.ts';

const queued: QueuedSubmission = {
  instanceId: 'a1',
  formId: 'kitout-sizing',
  formVersion: '1',
  intakeId: 'W-2026-12',
  personId: 'P-000001',
  personName: '김민준',
  answers: { height: '176' },
  source: 'web',
  clientTime: '2026-12-01T01:00:00.000Z',
  attempts: 2,
};
const sent: SentSubmission = {
  instanceId: 'b2',
  formId: 'kitout-sizing',
  formVersion: '1',
  intakeId: 'W-2026-12',
  personId: 'P-000002',
  personName: '=HYPERLINK("x"), "Ли"',
  clientTime: '2026-12-01T01:05:00.000Z',
  sentAt: '2026-12-01T02:00:00.000Z',
  serverTime: '2026-12-01T02:00:00.100Z',
  replayed: false,
};

describe('outboxCsv', () => {
  it('lists queued, refused and sent submissions with their times, one per line', () => {
    const refused = {
      ...queued,
      instanceId: 'c3',
      refused: { status: 400, code: 'invalid_input', message: 'bad', reasons: ['answers.height: too tall'] },
    };
    const lines = outboxCsv([queued, refused], [sent])
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'instance_id,status,person_id,person_name,form_id,form_version,intake_id,saved_at,sent_at,server_time,attempts,problem',
    );
    expect(lines[1]).toBe(
      'a1,queued,P-000001,김민준,kitout-sizing,1,W-2026-12,2026-12-01T01:00:00.000Z,,,2,',
    );
    expect(lines[2]).toContain('c3,refused,');
    expect(lines[2]!.endsWith(',bad; answers.height: too tall')).toBe(true);
    expect(lines[3]).toBe(
      `b2,sent,P-000002,"'=HYPERLINK(""x""), ""Ли""",kitout-sizing,1,W-2026-12,2026-12-01T01:05:00.000Z,2026-12-01T02:00:00.000Z,2026-12-01T02:00:00.100Z,,`,
    );
  });

  it('starts with a byte-order mark and gives just the header for an empty device', () => {
    const text = outboxCsv([], []);
    expect(text.startsWith('\uFEFFinstance_id,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2);
  });
});
