import type { GreyImage } from '../../domain/paper/raster.ts';

/**
 * Reads a binary PGM (`P5`, 8-bit), the greyscale format `pdftoppm -gray` writes: a short text header, then
 * the pixels. Refuses anything else with a reason rather than guessing.
 */
export function parsePgm(bytes: Uint8Array): GreyImage {
  let pos = 0;
  const token = (): string => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
      if (bytes[pos] !== 0x23) break; // '#' starts a comment to the end of the line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos]!))) pos++;
    return String.fromCharCode(...bytes.subarray(start, pos));
  };
  if (token() !== 'P5') throw new Error('not a binary PGM (P5) picture');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  pos++; // the single whitespace byte after the header
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    throw new Error('the PGM header has no valid size');
  if (max !== 255) throw new Error(`only 8-bit PGM is read (this one has maximum ${max})`);
  if (bytes.length - pos < width * height) throw new Error('the PGM picture is cut short');
  return { width, height, data: bytes.slice(pos, pos + width * height) };
}
