/**
 * A message for a person, as an i18n key in the `sizes` namespace plus parameters, so the UI can show it
 * in ru/ko/en. Parameters named `dim`, `dimA`, `dimB` hold dimension ids, `rounding` and `tie` hold
 * rounding ids; the templates translate them by nesting (`$t(dim.{{dim}})`), which i18next supports.
 */
export interface Note {
  key: string;
  params: Record<string, string | number>;
}

export const note = (key: string, params: Record<string, string | number> = {}): Note => ({ key, params });

/** A number as people write it in a note: at most two decimals, no trailing zeros. */
export function num(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `0.623` → `62%`. */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
