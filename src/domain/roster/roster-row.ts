import type { Issue } from '../errors.ts';
import { LIMITS } from '../limits.ts';

/**
 * The roster columns Kitout reads. `id` and `name` are required; `site` is required unless the intake's own site
 * applies to everyone. Other columns are kept as they are in `extra`, so nothing in a real roster is lost.
 */
export const ROSTER_COLUMNS = [
  'id',
  'name',
  'name_latin',
  'name_cyrillic',
  'site',
  'birth_date',
  'sex',
  'unit',
  'language',
  'role',
] as const;

export interface PersonInput {
  id: string;
  name: string;
  nameLatin: string | null;
  nameCyrillic: string | null;
  siteId: string;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  unit: string | null;
  language: string | null;
  /** The person's role; entitlements of scope `role:<name>` apply to them. */
  role: string | null;
  extra: Record<string, string>;
}

export interface RowContext {
  fileName: string;
  /** Sites the roster may name, by id (case-sensitive) and by name (case-insensitive). */
  siteIds: Map<string, string>;
  /** Used where the file has no `site` column. */
  defaultSiteId: string;
  hasSiteColumn: boolean;
}

/** What a person id may be: it goes on QR slips and into file names. */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** What a role may be: it becomes part of an entitlement scope (`role:<name>`). */
export const ROLE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}$/u;

/** Checks the header row: required columns present, no column twice. */
export function checkHeaders(headers: string[], fileName: string): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const h of headers) {
    if (h && seen.has(h))
      issues.push({
        file: fileName,
        row: 1,
        field: h,
        reason: 'the column appears twice',
        code: 'duplicate_column',
      });
    seen.add(h);
  }
  for (const required of ['id', 'name'] as const) {
    if (!seen.has(required))
      issues.push({
        file: fileName,
        row: 1,
        field: required,
        reason: 'required column is missing',
        code: 'missing_column',
      });
  }
  return issues;
}

/** Validates one data row; returns the person or every problem on the row. */
export function parseRosterRow(
  row: number,
  cells: Record<string, string>,
  ctx: RowContext,
): { ok: true; value: PersonInput } | { ok: false; errors: Issue[] } {
  const errors: Issue[] = [];
  const issue = (field: string, reason: string, code: string, params?: Record<string, string | number>) =>
    errors.push({ file: ctx.fileName, row, field, reason, code, params });
  const text = (field: string): string | null => {
    const v = (cells[field] ?? '').normalize('NFC').trim();
    if (v.length > LIMITS.cellChars) {
      issue(field, `longer than ${LIMITS.cellChars} characters`, 'too_long', { max: LIMITS.cellChars });
      return null;
    }
    return v === '' ? null : v;
  };

  const id = text('id');
  if (!id) issue('id', 'missing id', 'missing_id');
  else if (!ID_PATTERN.test(id))
    issue('id', `"${id}" is not a valid id (letters, digits, . _ - / only)`, 'bad_id', { value: id });

  const name = text('name');
  if (!name) issue('name', 'missing name', 'missing_name');
  else if (/\p{Cc}/u.test(name)) issue('name', 'the name contains control characters', 'control_characters');

  let siteId = ctx.defaultSiteId;
  if (ctx.hasSiteColumn) {
    const site = text('site');
    if (!site) issue('site', 'missing site', 'missing_site');
    else {
      const known = ctx.siteIds.get(site) ?? ctx.siteIds.get(site.toLowerCase());
      if (!known) issue('site', `unknown site "${site}"`, 'unknown_site', { value: site });
      else siteId = known;
    }
  }

  const birthDate = text('birth_date');
  if (birthDate && !isIsoDate(birthDate))
    issue('birth_date', `"${birthDate}" is not a date (write YYYY-MM-DD)`, 'bad_date', { value: birthDate });

  const sexRaw = text('sex');
  const sex = sexRaw ? sexRaw.toUpperCase() : null;
  if (sex && sex !== 'M' && sex !== 'F')
    issue('sex', `"${sexRaw}" is not M or F`, 'bad_sex', { value: sexRaw! });

  const language = text('language');
  if (language && !LANGUAGE_PATTERN.test(language))
    issue('language', `"${language}" is not a language code such as ko or ru`, 'bad_language', {
      value: language,
    });

  const role = text('role');
  if (role && !ROLE_PATTERN.test(role))
    issue('role', `"${role}" is not a role name (up to 40 letters, digits, . _ -)`, 'bad_role', {
      value: role,
    });

  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(cells)) {
    if (!(ROSTER_COLUMNS as readonly string[]).includes(key) && value !== '')
      extra[key] = value.slice(0, LIMITS.cellChars);
  }

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      id: id!,
      name: name!,
      nameLatin: text('name_latin'),
      nameCyrillic: text('name_cyrillic'),
      siteId,
      birthDate,
      sex: sex as 'M' | 'F' | null,
      unit: text('unit'),
      language,
      role,
      extra,
    },
  };
}

/** A real calendar date in YYYY-MM-DD between 1900 and 2100. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
