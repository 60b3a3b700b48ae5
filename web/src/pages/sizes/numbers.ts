/**
 * A number as a person types it on a tablet: `96`, `96.5`, `96,5` (Russian decimal comma), with spaces
 * around. Empty text is `undefined` (not answered); anything else that is not a plain decimal is NaN, so
 * the form can say which field is wrong instead of sending a guess.
 */
export function parseDecimal(text: string): number | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  if (!/^\d{1,4}(?:[.,]\d{1,3})?$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}
