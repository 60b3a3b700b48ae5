import type { Point } from './homography.ts';
import { FIDUCIAL, type PageSize } from './page-geometry.ts';
import type { GreyImage } from './raster.ts';

/** A fiducial found in a scan: its centre in pixels and how dark its middle is (the page's "black"). */
export interface FoundMark {
  x: number;
  y: number;
  /** Brightness of the disc's middle, 0–255: the darkest ink this scan shows. */
  ink: number;
  /** Brightness of the paper around it. */
  paper: number;
}

/** How large a corner window is, as a share of the image's width and height. */
const WINDOW = { w: 0.24, h: 0.19 };

/**
 * Finds the four corner discs, as AMC does: in a window at each corner of the picture, the dark connected
 * blob closest in size, roundness and place to the expected disc. Returns them in the picture's corner order
 * (top-left, top-right, bottom-right, bottom-left of the image), or undefined for a corner with no candidate.
 * The scale is guessed from the image size, so the page should fill most of the picture (a scan does; a
 * phone photo should be framed on the page).
 */
export function findFiducials(img: GreyImage, page: PageSize): (FoundMark | undefined)[] {
  const landscape = img.width > img.height !== page.width > page.height;
  const pageW = landscape ? page.height : page.width;
  const pageH = landscape ? page.width : page.height;
  const scale = Math.min(img.width / pageW, img.height / pageH);
  const ww = Math.round(img.width * WINDOW.w);
  const wh = Math.round(img.height * WINDOW.h);
  const inset = FIDUCIAL.inset * scale;
  const corners = [
    { x0: 0, y0: 0, ex: inset, ey: inset },
    { x0: img.width - ww, y0: 0, ex: img.width - inset, ey: inset },
    { x0: img.width - ww, y0: img.height - wh, ex: img.width - inset, ey: img.height - inset },
    { x0: 0, y0: img.height - wh, ex: inset, ey: img.height - inset },
  ];
  const radius = FIDUCIAL.r * scale;
  // A disc more than 12 px across is found as well at half resolution, four times faster; its centre is then
  // refined on the full picture.
  const step = radius >= 12 ? 2 : 1;
  return corners.map((c) => {
    const win = shrink(img, c.x0, c.y0, ww, wh, step);
    const found = findDisc(win, { x: (c.ex - c.x0) / step, y: (c.ey - c.y0) / step }, radius / step);
    if (!found) return undefined;
    if (step === 1) return { ...found, x: found.x + c.x0, y: found.y + c.y0 };
    const cx = found.x * step + c.x0;
    const cy = found.y * step + c.y0;
    const box = radius * 1.6;
    const centre = weightedCentre(
      img,
      Math.round(cx - box),
      Math.round(cy - box),
      Math.round(2 * box),
      Math.round(2 * box),
      found.threshold,
    );
    return { x: centre.x, y: centre.y, ink: found.ink, paper: found.paper };
  });
}

/** A window of the picture, averaged down by `step` in each direction. */
function shrink(img: GreyImage, x0: number, y0: number, w: number, h: number, step: number): GreyImage {
  const ow = Math.floor(w / step);
  const oh = Math.floor(h / step);
  const out = new Uint8Array(ow * oh);
  const { data, width } = img;
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      let sum = 0;
      for (let dy = 0; dy < step; dy++) {
        const row = (y0 + y * step + dy) * width + x0 + x * step;
        for (let dx = 0; dx < step; dx++) sum += data[row + dx]!;
      }
      out[y * ow + x] = sum / (step * step);
    }
  }
  return { width: ow, height: oh, data: out };
}

/** The best disc in a window (window coordinates), with the threshold that separated it from the paper. */
function findDisc(
  img: GreyImage,
  expected: Point,
  radius: number,
): (FoundMark & { threshold: number }) | undefined {
  const x0 = 0;
  const y0 = 0;
  const w = img.width;
  const h = img.height;
  // Threshold halfway between the paper (a high percentile) and the darkest ink in the window.
  const hist = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * img.width + x0;
    for (let x = 0; x < w; x++) hist[img.data[row + x]!]!++;
  }
  const total = w * h;
  const percentile = (p: number) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= total * p) return v;
    }
    return 255;
  };
  const paper = percentile(0.8);
  const dark = percentile(0.002);
  if (paper - dark < 40) return undefined;
  const threshold = (paper + dark) / 2;

  // 1 = dark and not yet visited; flood fill clears it.
  const mask = new Uint8Array(total);
  for (let y = 0; y < h; y++) {
    const row = (y0 + y) * img.width + x0;
    for (let x = 0; x < w; x++) if (img.data[row + x]! < threshold) mask[y * w + x] = 1;
  }
  const stack = new Int32Array(total);
  const expectedArea = Math.PI * radius * radius;
  let best: { score: number; mark: FoundMark & { threshold: number } } | undefined;
  for (let start = 0; start < total; start++) {
    if (!mask[start]) continue;
    // Flood-fill one dark component, 4-connected.
    let area = 0;
    let minX = w;
    let maxX = 0;
    let minY = h;
    let maxY = 0;
    let touchesEdge = false;
    let top = 0;
    mask[start] = 0;
    stack[top++] = start;
    while (top > 0) {
      const p = stack[--top]!;
      const px = p % w;
      const py = (p - px) / w;
      area++;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
      if (px === 0 || py === 0 || px === w - 1 || py === h - 1) {
        touchesEdge = true;
      }
      if (px > 0 && mask[p - 1]) {
        mask[p - 1] = 0;
        stack[top++] = p - 1;
      }
      if (px < w - 1 && mask[p + 1]) {
        mask[p + 1] = 0;
        stack[top++] = p + 1;
      }
      if (py > 0 && mask[p - w]) {
        mask[p - w] = 0;
        stack[top++] = p - w;
      }
      if (py < h - 1 && mask[p + w]) {
        mask[p + w] = 0;
        stack[top++] = p + w;
      }
    }
    if (touchesEdge) continue;
    const ratio = area / expectedArea;
    if (ratio < 0.35 || ratio > 2.6) continue;
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    const fill = area / (bw * bh);
    const aspect = bw / bh;
    if (fill < 0.6 || fill > 0.93 || aspect < 0.6 || aspect > 1.65) continue;
    const centre = weightedCentre(img, x0 + minX - 2, y0 + minY - 2, bw + 4, bh + 4, threshold);
    const distance = Math.hypot(centre.x - expected.x, centre.y - expected.y) / Math.max(w, h);
    const score = Math.abs(Math.log(ratio)) + 3 * Math.abs(fill - Math.PI / 4) + 2 * distance;
    if (!best || score < best.score) {
      const ink = img.data[Math.round(centre.y) * img.width + Math.round(centre.x)]!;
      best = { score, mark: { ...centre, ink: Math.min(ink, threshold), paper, threshold } };
    }
  }
  return best?.mark;
}

/** The centre of a dark blob, each pixel weighted by how far below the threshold it is (sub-pixel, blur-proof). */
function weightedCentre(
  img: GreyImage,
  left: number,
  top: number,
  w: number,
  h: number,
  threshold: number,
): Point {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let y = Math.max(0, top); y < Math.min(img.height, top + h); y++) {
    for (let x = Math.max(0, left); x < Math.min(img.width, left + w); x++) {
      const weight = threshold - img.data[y * img.width + x]!;
      if (weight <= 0) continue;
      sw += weight;
      sx += weight * (x + 0.5);
      sy += weight * (y + 0.5);
    }
  }
  return { x: sx / sw, y: sy / sw };
}
