import jsQR from 'jsqr';
import type { Point } from '../../domain/paper/homography.ts';
import type { GreyImage } from '../../domain/paper/raster.ts';

/** A QR code found in a picture: its text and where its corners are, in that picture's pixels. */
export interface FoundQr {
  text: string;
  topLeft: Point;
  topRight: Point;
  bottomLeft: Point;
}

/** Reads a QR code from a greyscale picture with jsQR (which wants RGBA), or undefined when there is none. */
export function decodeQr(img: GreyImage): FoundQr | undefined {
  if (img.width < 21 || img.height < 21) return undefined;
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  const { data } = img;
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const v = data[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  const found = jsQR(rgba, img.width, img.height, { inversionAttempts: 'dontInvert' });
  if (!found?.data) return undefined;
  const { topLeftCorner, topRightCorner, bottomLeftCorner } = found.location;
  return { text: found.data, topLeft: topLeftCorner, topRight: topRightCorner, bottomLeft: bottomLeftCorner };
}
