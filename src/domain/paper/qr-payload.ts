/**
 * The text inside the QR code on every printed page: `kitout:1:<form_id>:<version>:<person_id>:<page>`
 * (DESIGN.md, "Printed forms"). It is plain ASCII so any QR reader — ours, `zbarimg`, a phone — reads it the
 * same. Form ids and versions are ASCII already (the form importer insists); a person id that holds anything
 * outside `A–Z a–z 0–9 . _ - /` (a Cyrillic or Hangul id, a colon) is percent-encoded as UTF-8, so an ASCII
 * id reads back exactly as written and nothing can be mistaken for a separator.
 */
export interface PagePayload {
  formId: string;
  /** '' when the form has no version. */
  version: string;
  personId: string;
  /** 1-based page number within the person's form. */
  page: number;
}

const PREFIX = 'kitout';
const PAYLOAD_VERSION = '1';
const SAFE = /^[A-Za-z0-9._\-/]$/;
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** Long enough for any real id, short enough that the QR stays small (the code grows with the text). */
export const MAX_PAYLOAD_LENGTH = 120;

/** Percent-encodes every character of a person id that is not plain, safe ASCII. */
export function encodePersonId(id: string): string {
  let out = '';
  for (const ch of id) {
    if (SAFE.test(ch)) out += ch;
    else
      for (const byte of new TextEncoder().encode(ch))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decodePersonId(text: string): string | undefined {
  if (!/^([A-Za-z0-9._\-/]|%[0-9A-F]{2})+$/.test(text)) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The QR text for one page. Throws on values that could not be read back (the renderer checks first). */
export function encodePagePayload(p: PagePayload): string {
  if (!TOKEN.test(p.formId)) throw new Error(`form id "${p.formId}" cannot go into a QR code`);
  if (p.version !== '' && !TOKEN.test(p.version))
    throw new Error(`form version "${p.version}" cannot go into a QR code`);
  if (!Number.isInteger(p.page) || p.page < 1 || p.page > 999)
    throw new Error(`page ${p.page} is out of range`);
  if (p.personId === '') throw new Error('a page needs a person id');
  const text = [
    PREFIX,
    PAYLOAD_VERSION,
    p.formId,
    p.version,
    encodePersonId(p.personId),
    String(p.page),
  ].join(':');
  if (text.length > MAX_PAYLOAD_LENGTH)
    throw new Error(`the QR text for person "${p.personId}" is longer than ${MAX_PAYLOAD_LENGTH} characters`);
  return text;
}

export type PayloadResult = { ok: true; value: PagePayload } | { ok: false; reason: string };

/**
 * Reads a QR text back. Refuses anything that is not exactly our shape, with a reason a person can act on
 * (a QR from another system, a newer payload version, a damaged code).
 */
export function parsePagePayload(text: string): PayloadResult {
  if (text.length > MAX_PAYLOAD_LENGTH)
    return { ok: false, reason: 'the QR text is too long to be a Kitout page' };
  const parts = text.split(':');
  if (parts[0] !== PREFIX) return { ok: false, reason: 'the QR code is not a Kitout page code' };
  if (parts[1] !== PAYLOAD_VERSION)
    return {
      ok: false,
      reason: `the page code has version "${parts[1] ?? ''}"; this Kitout reads version 1`,
    };
  if (parts.length !== 6) return { ok: false, reason: 'the page code does not have six parts' };
  const [, , formId, version, person, page] = parts as [string, string, string, string, string, string];
  if (!TOKEN.test(formId)) return { ok: false, reason: 'the page code has no valid form id' };
  if (version !== '' && !TOKEN.test(version))
    return { ok: false, reason: 'the page code has no valid form version' };
  const personId = decodePersonId(person);
  if (personId === undefined || personId === '')
    return { ok: false, reason: 'the page code has no valid person id' };
  if (!/^[1-9][0-9]{0,2}$/.test(page)) return { ok: false, reason: 'the page code has no valid page number' };
  return { ok: true, value: { formId, version, personId, page: Number(page) } };
}
