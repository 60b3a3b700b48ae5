import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { InputError, KitoutError, LimitError } from '../../domain/errors.ts';
import { LIMITS } from '../../domain/limits.ts';
import type { GreyImage } from '../../domain/paper/raster.ts';

/**
 * Scans and photos as greyscale pixels, through sharp (libvips): PNG, JPEG, TIFF (every page of a multi-page
 * TIFF), WebP. A phone photo's EXIF orientation is applied, transparency is laid on white, and a picture
 * larger than a 300 dpi A4 scan is scaled down to that, which keeps every mark readable and the time per
 * page bounded.
 */
const MAX_SIDE = 3600;

// Inside worker threads several decoders at once would only fight for the same two cores.
sharp.concurrency(1);

export async function decodeImage(input: string | Buffer): Promise<GreyImage[]> {
  const bytes = typeof input === 'string' ? await readFile(input) : input;
  try {
    return await decode(bytes);
  } catch (err) {
    if (err instanceof KitoutError) throw err;
    // A damaged or foreign file: libvips' first line says what it met.
    const detail = ((err as Error).message ?? String(err)).split('\n')[0]!;
    throw new InputError([
      {
        file: typeof input === 'string' ? input : undefined,
        reason: `unreadable picture: ${detail}`,
        code: 'unreadable_image',
      },
    ]);
  }
}

async function decode(bytes: Buffer): Promise<GreyImage[]> {
  // Reading the header decodes no pixels; the size it claims is checked below.
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const pages = meta.format === 'tiff' || meta.format === 'gif' ? Math.max(1, meta.pages ?? 1) : 1;
  const turned = (meta.orientation ?? 1) > 1;
  const w = turned ? (meta.autoOrient?.width ?? meta.width ?? 0) : (meta.width ?? 0);
  const h = turned ? (meta.autoOrient?.height ?? meta.height ?? 0) : (meta.height ?? 0);
  // Refused by the size its header claims, before a single pixel is decoded.
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > LIMITS.imagePixels)
    throw new LimitError(
      'imagePixels',
      LIMITS.imagePixels,
      pixels,
      `the picture is ${meta.width} × ${meta.pageHeight ?? meta.height} pixels, over the limit of ${LIMITS.imagePixels}`,
    );
  const out: GreyImage[] = [];
  for (let page = 0; page < pages; page++) {
    // Each step only where the picture needs it: most scans have no orientation tag and no transparency.
    let pipeline = sharp(bytes, { page, sequentialRead: true, limitInputPixels: LIMITS.imagePixels });
    if (turned) pipeline = pipeline.rotate();
    if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' });
    if (Math.max(w, h) > MAX_SIDE)
      pipeline = pipeline.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside' });
    const { data, info } = await pipeline
      .greyscale()
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected one channel after greyscale, got ${info.channels}`);
    out.push({
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    });
  }
  return out;
}

/** A greyscale picture as PNG bytes (review snippets, test pictures); `level` trades size for speed (0–9). */
export function encodePng(img: GreyImage, level = 6): Promise<Buffer> {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 1 },
  })
    .png({ compressionLevel: level, adaptiveFiltering: false })
    .toBuffer();
}

/** A greyscale picture as JPEG bytes at a quality (for degraded test scans). */
export function encodeJpeg(img: GreyImage, quality: number): Promise<Buffer> {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 1 },
  })
    .jpeg({ quality })
    .toBuffer();
}
