import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The printed forms' typeface: Noto Sans KR (SIL OFL), whose TrueType files cover Latin, Cyrillic and Hangul
 * (and common Hanja), so one font serves Russian questions beside Korean choices. PDFKit embeds only the
 * glyphs a document uses.
 */
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@expo-google-fonts/noto-sans-kr/package.json'));

export const FONT_FILES = {
  regular: join(packageDir, '400Regular/NotoSansKR_400Regular.ttf'),
  bold: join(packageDir, '700Bold/NotoSansKR_700Bold.ttf'),
} as const;

let cache: { regular: Buffer; bold: Buffer } | undefined;

/** The two TTF files' bytes, read once per process (6 MB each). */
export function fontBytes(): { regular: Buffer; bold: Buffer } {
  cache ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return cache;
}
