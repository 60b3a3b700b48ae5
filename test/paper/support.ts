import { hasPdftoppm } from '../../src/adapters/pdf/rasterise.ts';

/**
 * The paper tests rasterise PDFs with Debian's poppler-utils (`pdftoppm`, `pdfinfo`, `pdffonts`), which the
 * test runner installs; without it they fail with this message rather than pass vacuously.
 */
export async function requirePoppler(): Promise<void> {
  if (!(await hasPdftoppm()))
    throw new Error('the paper tests need poppler-utils (pdftoppm): apt-get install -y poppler-utils');
}

/** Turns failure codes into themselves, so tests can compare them. */
export const explainCode = (code: string, params: Record<string, string | number>) =>
  `${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`;
