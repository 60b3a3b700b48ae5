import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePagePayload, encodePersonId, parsePagePayload } from './qr-payload.ts';

describe('encodePagePayload', () => {
  it('writes the DESIGN shape in plain ASCII', () => {
    expect(encodePagePayload({ formId: 'kitout-sizing', version: '1', personId: 'P-000101', page: 2 })).toBe(
      'kitout:1:kitout-sizing:1:P-000101:2',
    );
  });

  it('leaves the version empty when the form has none', () => {
    expect(encodePagePayload({ formId: 'f', version: '', personId: 'A/1', page: 1 })).toBe(
      'kitout:1:f::A/1:1',
    );
  });

  it('percent-encodes a Cyrillic or Hangul id so the code stays ASCII', () => {
    const text = encodePagePayload({ formId: 'f', version: '1', personId: 'Иван-7', page: 1 });
    expect(text).toBe(`kitout:1:f:1:${encodePersonId('Иван-7')}:1`);
    expect(/^[\x20-\x7e]+$/.test(text)).toBe(true);
  });

  it('refuses values that could not be read back', () => {
    expect(() => encodePagePayload({ formId: 'a:b', version: '1', personId: 'P', page: 1 })).toThrow(
      /form id/,
    );
    expect(() => encodePagePayload({ formId: 'f', version: 'v 1', personId: 'P', page: 1 })).toThrow(
      /version/,
    );
    expect(() => encodePagePayload({ formId: 'f', version: '1', personId: 'P', page: 0 })).toThrow(/page/);
    expect(() => encodePagePayload({ formId: 'f', version: '1', personId: '', page: 1 })).toThrow(/person/);
    expect(() =>
      encodePagePayload({ formId: 'f', version: '1', personId: 'x'.repeat(200), page: 1 }),
    ).toThrow(/longer/);
  });
});

describe('parsePagePayload', () => {
  it('reads back what was written', () => {
    expect(parsePagePayload('kitout:1:kitout-sizing:1:P-000101:3')).toEqual({
      ok: true,
      value: { formId: 'kitout-sizing', version: '1', personId: 'P-000101', page: 3 },
    });
  });

  it('round-trips any person id (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 999 }),
        (id, page) => {
          const text = encodePagePayload({ formId: 'f', version: '2', personId: id, page });
          const back = parsePagePayload(text);
          expect(back).toEqual({ ok: true, value: { formId: 'f', version: '2', personId: id, page } });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says why a code from elsewhere or a damaged code is refused', () => {
    const reason = (text: string) => {
      const r = parsePagePayload(text);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('https://example.org/x')).toMatch(/not a Kitout page code/);
    expect(reason('kitout:2:f:1:P:1')).toMatch(/version "2"/);
    expect(reason('kitout:1:f:1:P')).toMatch(/six parts/);
    expect(reason('kitout:1:f:1:P:1:extra')).toMatch(/six parts/);
    expect(reason('kitout:1:f:1:P:0')).toMatch(/page number/);
    expect(reason('kitout:1:f:1:P:01')).toMatch(/page number/);
    expect(reason('kitout:1:f:1::1')).toMatch(/person id/);
    expect(reason('kitout:1:f:1:%E0%A4:1')).toMatch(/person id/);
    expect(reason('kitout:1:f:1:P Q:1')).toMatch(/person id/);
    expect(reason('kitout:1: :1:P:1')).toMatch(/form id/);
    expect(reason(`kitout:1:f:1:${'P'.repeat(200)}:1`)).toMatch(/too long/);
    expect(reason('')).toMatch(/not a Kitout/);
  });
});
