/**
 * Reading label text as people type it. Decision on Unicode: labels are normalised with NFKC and accepted,
 * so full-width digits (`４８`), full-width letters (`１００Ｍ１７０`) and vulgar fractions (`7⅛`, `9½`) read
 * like their ASCII forms; typographic dashes count as `-`, a decimal comma as a point. Everything else that
 * is not the system's syntax is refused with a reason.
 */

const VULGAR: Record<string, string> = {
  '½': ' 1/2',
  '⅓': ' 1/3',
  '⅔': ' 2/3',
  '¼': ' 1/4',
  '¾': ' 3/4',
  '⅛': ' 1/8',
  '⅜': ' 3/8',
  '⅝': ' 5/8',
  '⅞': ' 7/8',
};
const VULGAR_RE = /[½⅓⅔¼¾⅛⅜⅝⅞]/g;
const DASHES_RE = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
const SLASHES_RE = /[\u2044\u2215]/g;
const SPACES_RE = /\s+/g;
const NEEDS_SPACE_FIX_RE = /\s\s|[\t\n\r\f\v]/;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Label text in canonical spelling: NFKC, ASCII dashes and slashes, single spaces, trimmed. */
export function normaliseLabel(raw: string): string {
  let s = raw;
  if (!isAscii(s)) {
    // Vulgar fractions first: NFKC would turn `7⅛` into `71⁄8`, which reads as seventy-one eighths.
    s = s.replace(VULGAR_RE, (c) => VULGAR[c] ?? c).normalize('NFKC');
    s = s.replace(DASHES_RE, '-').replace(SLASHES_RE, '/');
  }
  s = s.trim();
  return NEEDS_SPACE_FIX_RE.test(s) ? s.replace(SPACES_RE, ' ') : s;
}

const DECIMAL_RE = /^(\d{1,4})(?:[.,](\d{1,4}))?$/;
const MIXED_RE = /^(\d{1,3})[ -](\d{1,2})\/(\d{1,2})$/;
const ALLOWED_DENOMINATORS = new Set([2, 3, 4, 8, 16]);

/**
 * A size number: `57`, `26.5`, `26,5`, `7 1/8`, `7-1/8`. Returns NaN when the text is not one; then
 * {@link whyNotAmount} says why. No signs, exponents, hex or more than four integer digits.
 */
export function parseAmount(text: string): number {
  let m = DECIMAL_RE.exec(text);
  if (m) return m[2] === undefined ? Number(m[1]) : Number(`${m[1]}.${m[2]}`);
  m = MIXED_RE.exec(text);
  if (m) {
    const whole = Number(m[1]);
    const num = Number(m[2]);
    const den = Number(m[3]);
    if (!ALLOWED_DENOMINATORS.has(den) || num === 0 || num >= den) return Number.NaN;
    return whole + num / den;
  }
  return Number.NaN;
}

const NEGATIVE_RE = /^-\s*\d/;
const NAN_RE = /^[+-]?(nan|inf|infinity)$/i;
const EXPONENT_RE = /^\d+(\.\d+)?e[+-]?\d+$/i;
const HUGE_RE = /^\d{5,}([.,]\d*)?$/;
const FRACTION_RE = /^\d{1,3}[ -]\d+\/\d+$/;

/** Text echoed in an error: quoted, control characters escaped, cut to 32 characters. */
export function shown(text: string): string {
  return JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);
}

/** A plain-words reason why `text` is not a size number. */
export function whyNotAmount(text: string): string {
  if (text === '') return 'the label is empty';
  if (NEGATIVE_RE.test(text)) return `${shown(text)} is negative; sizes are positive`;
  if (NAN_RE.test(text)) return `${shown(text)} is not a number`;
  if (EXPONENT_RE.test(text)) return `${shown(text)} uses an exponent; write the size in plain digits`;
  if (HUGE_RE.test(text)) return `${shown(text)} has too many digits to be a size`;
  if (FRACTION_RE.test(text))
    return `${shown(text)} has an unusual fraction; use halves, quarters or eighths`;
  return `${shown(text)} is not a size number`;
}

/** Strips one trailing unit word (`270mm`, `26.5 cm`, `57 см`) when it is one of `units`. */
export function stripUnit(text: string, units: RegExp): string {
  const m = units.exec(text);
  return m ? text.slice(0, m.index).trimEnd() : text;
}
export const MM_SUFFIX_RE = /\s?(mm|мм|밀리)$/i;
export const CM_SUFFIX_RE = /\s?(cm|см|센티)$/i;

/** `7.125` → `7 1/8`, `7` → `7`: eighths for hats. */
export function eighths(value: number): string {
  const whole = Math.floor(value + 1e-9);
  const e = Math.round((value - whole) * 8);
  if (e === 0) return String(whole);
  const g = e % 4 === 0 ? 4 : e % 2 === 0 ? 2 : 1;
  const fraction = `${e / g}/${8 / g}`;
  return whole === 0 ? fraction : `${whole} ${fraction}`;
}

/** `9.5` → `9.5`, `42` → `42`: decimal labels without float noise. */
export function decimal(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
