import type { ExpressionError } from './expression-types.ts';

/** A token of an expression; `position` is the 1-based character where it starts, for error messages. */
export type Token =
  | { type: 'number'; value: number; text: string; position: number }
  | { type: 'string'; value: string; text: string; position: number }
  | { type: 'field'; name: string; text: string; position: number }
  | { type: 'name'; name: string; text: string; position: number }
  | { type: 'punct'; text: string; position: number }
  | { type: 'end'; text: ''; position: number };

// Names follow XML's rules loosely: a letter or underscore, then letters, digits, `_`, `.`, `-`.
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_.-]/u;
const DIGIT = /[0-9]/;
// Spreadsheet cells often carry no-break spaces and line breaks inside formulas; both separate tokens.
const SPACE = /[\s\u00a0]/u;
const CURLY_QUOTES = new Set(['‘', '’', '“', '”', '„', '«', '»']);
// XPath syntax outside the supported subset: paths, unions, predicates, attributes, variables.
const UNSUPPORTED = new Set(['/', '|', '@', '[', ']', '$', '..', '::']);

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: ExpressionError };

/** Splits an expression into tokens, or says which character it cannot read. */
export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  const chars = Array.from(source);
  let i = 0;
  const fail = (key: string, params: Record<string, string | number>): LexResult => ({
    ok: false,
    error: { key, params },
  });
  while (i < chars.length) {
    const c = chars[i]!;
    const position = i + 1;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '$') {
      if (chars[i + 1] !== '{') return fail('expr.unsupportedSyntax', { token: '$', position });
      const close = chars.indexOf('}', i + 2);
      if (close < 0) return fail('expr.unterminatedReference', { position });
      const name = chars
        .slice(i + 2, close)
        .join('')
        .trim();
      if (!isName(name)) return fail('expr.badReference', { name, position });
      tokens.push({ type: 'field', name, text: chars.slice(i, close + 1).join(''), position });
      i = close + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = chars.indexOf(c, i + 1);
      if (close < 0) return fail('expr.unterminatedString', { position });
      const value = chars.slice(i + 1, close).join('');
      tokens.push({ type: 'string', value, text: chars.slice(i, close + 1).join(''), position });
      i = close + 1;
      continue;
    }
    if (CURLY_QUOTES.has(c)) return fail('expr.curlyQuote', { char: c, position });
    if (DIGIT.test(c) || (c === '.' && DIGIT.test(chars[i + 1] ?? ''))) {
      let j = i;
      while (j < chars.length && DIGIT.test(chars[j]!)) j++;
      if (chars[j] === '.') {
        j++;
        while (j < chars.length && DIGIT.test(chars[j]!)) j++;
      }
      const text = chars.slice(i, j).join('');
      tokens.push({ type: 'number', value: Number(text), text, position });
      i = j;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < chars.length && NAME_PART.test(chars[j]!)) j++;
      // `a:b` is a namespaced name (`jr:choice-name`), which the subset does not have.
      if (chars[j] === ':' && chars[j + 1] !== ':') {
        return fail('expr.unsupportedSyntax', { token: chars.slice(i, j + 1).join(''), position });
      }
      const name = chars.slice(i, j).join('');
      tokens.push({ type: 'name', name, text: name, position });
      i = j;
      continue;
    }
    const two = c + (chars[i + 1] ?? '');
    if (UNSUPPORTED.has(two)) return fail('expr.unsupportedSyntax', { token: two, position });
    if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ type: 'punct', text: two, position });
      i += 2;
      continue;
    }
    if ('=<>+-*(),.'.includes(c)) {
      tokens.push({ type: 'punct', text: c, position });
      i++;
      continue;
    }
    if (UNSUPPORTED.has(c)) return fail('expr.unsupportedSyntax', { token: c, position });
    return fail('expr.unexpectedChar', { char: c, position });
  }
  tokens.push({ type: 'end', text: '', position: chars.length + 1 });
  return { ok: true, tokens };
}

/** True for a question name as XLSForm allows it (an XML name without a namespace). */
export function isName(name: string): boolean {
  const chars = Array.from(name);
  if (chars.length === 0 || !NAME_START.test(chars[0]!)) return false;
  return chars.every((ch) => NAME_PART.test(ch));
}
