import type { ExpressionError } from './expression-types.ts';

/**
 * Checks a `regex()` pattern once, when the form is imported: it must compile as a JavaScript pattern and
 * must not repeat a group that itself repeats without bound (`(a+)+`, `(\d*-)*`), the shape behind
 * catastrophic backtracking. Answers are checked against the pattern many thousands of times, so a pattern
 * that could hang on one unlucky answer is refused up front. Returns undefined when the pattern is fine.
 */
export function checkRegexPattern(pattern: string): ExpressionError | undefined {
  try {
    new RegExp(pattern);
  } catch (err) {
    const reason =
      err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : String(err);
    return { key: 'expr.regexInvalid', params: { pattern, reason } };
  }
  if (hasNestedUnboundedRepeat(pattern)) return { key: 'expr.regexUnsafe', params: { pattern } };
  return undefined;
}

function hasNestedUnboundedRepeat(pattern: string): boolean {
  // One frame per open group: does anything inside it repeat without bound?
  const frames: boolean[] = [false];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '[') {
      i = skipClass(pattern, i);
      continue;
    }
    if (c === '(') {
      frames.push(false);
      i++;
      if (pattern[i] === '?') i = skipGroupPrefix(pattern, i);
      continue;
    }
    if (c === ')') {
      const inner = frames.length > 1 ? frames.pop()! : false;
      const q = readQuantifier(pattern, i + 1);
      if (q.unbounded && inner) return true;
      frames[frames.length - 1] = frames[frames.length - 1]! || inner || q.unbounded;
      i = q.end;
      continue;
    }
    const q = readQuantifier(pattern, i);
    if (q.end > i) {
      if (q.unbounded) frames[frames.length - 1] = true;
      i = q.end;
      continue;
    }
    i++;
  }
  return false;
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipGroupPrefix(pattern: string, start: number): number {
  // `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`
  let i = start + 1;
  if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
    while (i < pattern.length && pattern[i] !== '>') i++;
    return i + 1;
  }
  if (pattern[i] === '<') i++;
  return i + 1;
}

function readQuantifier(pattern: string, at: number): { unbounded: boolean; end: number } {
  const c = pattern[at];
  let end = at;
  let unbounded = false;
  if (c === '*' || c === '+') {
    unbounded = true;
    end = at + 1;
  } else if (c === '?') {
    end = at + 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
    if (m) {
      unbounded = m[2] !== undefined && m[3] === '';
      end = at + m[0].length;
    }
  }
  if (end > at && pattern[end] === '?') end++; // lazy modifier
  return { unbounded, end };
}
