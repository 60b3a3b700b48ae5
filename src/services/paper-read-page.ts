import { decodeQr, type FoundQr } from '../adapters/images/qr-read.ts';
import { type FoundMark, findFiducials } from '../domain/paper/fiducials.ts';
import { type FieldReading, readFields } from '../domain/paper/field-reading.ts';
import {
  type Homography,
  homographyFrom,
  localScale,
  type Point,
  project,
} from '../domain/paper/homography.ts';
import type { Bubble, Circle, LayoutField, WriteIn } from '../domain/paper/layout-file.ts';
import { classifyMark } from '../domain/paper/mark-classify.ts';
import { inkShare, measureMark } from '../domain/paper/mark-measure.ts';
import { parsePagePayload } from '../domain/paper/qr-payload.ts';
import { cropImage, type GreyImage, warp } from '../domain/paper/raster.ts';
import { cropFieldSnippet, fieldBounds } from '../domain/paper/snippet.ts';

/** The marks of one printed page, as the layout file gives them (the same for every person in our forms). */
export interface PageGeometry {
  width: number;
  height: number;
  fiducials: Circle[];
  qr: { x: number; y: number; size: number };
  bubbles: Bubble[];
  writeIns: WriteIn[];
}

/** What a page reader needs to know besides the picture. */
export interface ReadContext {
  formId: string;
  version: string;
  fields: LayoutField[];
  /** The furniture every page shares (size, fiducials, QR place), to find a page before knowing which it is. */
  furniture: Pick<PageGeometry, 'width' | 'height' | 'fiducials' | 'qr'>;
  /** The layout of a person's page, with its position in the printed PDF; undefined when not in the layout. */
  lookup(person: string, page: number): { geometry: PageGeometry; index: number } | undefined;
}

export type FailCode = 'noQr' | 'badQr' | 'otherForm' | 'unknownPage' | 'noCorners';

export type PageOutcome =
  | {
      ok: true;
      person: string;
      page: number;
      index: number;
      fields: FieldReading[];
      /** Straightened pictures of each field's area, for review items (PNG-encoded later, only where needed). */
      snippets: Record<string, GreyImage>;
      /** Quarter turns the picture was found turned by (0 for upright). */
      turns: number;
    }
  | { ok: false; code: FailCode; params: Record<string, string | number> };

/**
 * Reads one page: finds the four corner discs and the QR code, maps the layout onto the picture with a
 * homography, measures and classifies every circle, and reads every field. Never throws for a bad picture:
 * each way a page can fail is an outcome with a code.
 */
export function readPage(img: GreyImage, ctx: ReadContext): PageOutcome {
  const { furniture } = ctx;
  const marks = findFiducials(img, furniture);
  const complete = marks.every((m) => m !== undefined) ? (marks as FoundMark[]) : undefined;
  const upright = complete ? homographyFrom(furniture.fiducials, complete) : undefined;

  const qr = findQr(img, furniture, upright);
  if (!qr) return { ok: false, code: 'noQr', params: {} };
  const payload = parsePagePayload(qr.text);
  if (!payload.ok) return { ok: false, code: 'badQr', params: { reason: payload.reason } };
  const { formId, version, personId, page } = payload.value;
  if (formId !== ctx.formId || version !== ctx.version) {
    return {
      ok: false,
      code: 'otherForm',
      params: {
        form: formId,
        version: version || '-',
        expected: ctx.formId,
        expectedVersion: ctx.version || '-',
      },
    };
  }
  const found = ctx.lookup(personId, page);
  if (!found) return { ok: false, code: 'unknownPage', params: { person: personId, page } };
  if (!complete) return { ok: false, code: 'noCorners', params: {} };
  const { geometry } = found;

  // Which image corner holds which page corner: the one that puts the QR code where it was found.
  let best: { h: Homography; turns: number; error: number } | undefined;
  for (let turns = 0; turns < 4; turns++) {
    const to = geometry.fiducials.map((_, i) => complete[(i + turns) % 4]!);
    const h = homographyFrom(geometry.fiducials, to);
    if (!h) continue;
    const c = project(h, geometry.qr.x, geometry.qr.y);
    const error = Math.hypot(c.x - qr.centre.x, c.y - qr.centre.y);
    if (!best || error < best.error) best = { h, turns, error };
  }
  if (!best || best.error > geometry.qr.size * localScale(best.h, geometry.qr.x, geometry.qr.y) * 0.6)
    return { ok: false, code: 'noCorners', params: {} };
  const h = best.h;
  const ink = median(complete.map((m) => m.ink));
  const paper = median(complete.map((m) => m.paper));

  const reads = geometry.bubbles.map((bubble) => ({
    bubble,
    mark: classifyMark(measureMark(img, h, bubble, ink)),
  }));
  const writeIns = geometry.writeIns.map((w) => ({ field: w.field, ink: inkShare(img, h, w, ink, paper) }));
  const fields = readFields(reads, ctx.fields, writeIns);
  const snippets: Record<string, GreyImage> = {};
  for (const f of fields) {
    const bounds = fieldBounds(f.field, geometry.bubbles, geometry.writeIns);
    if (bounds) snippets[f.field] = cropFieldSnippet(img, h, bounds);
  }
  return { ok: true, person: personId, page, index: found.index, fields, snippets, turns: best.turns };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The QR code, tried in order of cost: straightened out of the picture where the corners say it is; the raw
 * corner of the picture where it should be; that corner enlarged (a low-resolution scan); the whole picture
 * (a page turned upside down or sideways); the whole picture enlarged when it is small.
 */
function findQr(
  img: GreyImage,
  furniture: ReadContext['furniture'],
  upright: Homography | undefined,
): { text: string; centre: Point } | undefined {
  const { qr } = furniture;
  if (upright) {
    const quiet = 12;
    // Three pixels a point is six a module: plenty for jsQR, and a small picture keeps it quick.
    const scale = 3;
    const side = Math.round((qr.size + 2 * quiet) * scale);
    const left = qr.x - qr.size / 2 - quiet;
    const top = qr.y - qr.size / 2 - quiet;
    const [a, b, c, d, e, f, g, hh, k] = upright;
    const s = 1 / scale;
    const map: Homography = [
      a * s,
      b * s,
      a * left + b * top + c,
      d * s,
      e * s,
      d * left + e * top + f,
      g * s,
      hh * s,
      g * left + hh * top + k,
    ];
    const found = decodeQr(warp(img, map, side, side));
    if (found) return { text: found.text, centre: project(upright, qr.x, qr.y) };
  }
  // The corner where an upright page has its code, in picture pixels.
  const sx = img.width / furniture.width;
  const sy = img.height / furniture.height;
  const cx = qr.x * sx;
  const cy = qr.y * sy;
  const half = qr.size * Math.max(sx, sy) * 1.6;
  const region = { left: Math.max(0, cx - half), top: Math.max(0, cy - half) };
  const corner = cropImage(img, region.left, region.top, 2 * half, 2 * half);
  const tries: { img: GreyImage; back: (p: Point) => Point }[] = [
    { img: corner, back: (p) => ({ x: p.x + region.left, y: p.y + region.top }) },
    {
      img: enlarge(corner),
      back: (p) => ({ x: p.x / 2 + region.left, y: p.y / 2 + region.top }),
    },
    { img, back: (p) => p },
  ];
  if (img.width * img.height < 3_000_000)
    tries.push({ img: enlarge(img), back: (p) => ({ x: p.x / 2, y: p.y / 2 }) });
  for (const t of tries) {
    const found = decodeQr(t.img);
    if (found) return { text: found.text, centre: t.back(centreOf(found)) };
  }
  return undefined;
}

/** The QR symbol's centre from three of its corners (the fourth is opposite the top-left). */
function centreOf(q: FoundQr): Point {
  return { x: (q.topRight.x + q.bottomLeft.x) / 2, y: (q.topRight.y + q.bottomLeft.y) / 2 };
}

/** Twice the size, for codes whose modules are only two or three pixels wide. */
function enlarge(img: GreyImage): GreyImage {
  return warp(img, [0.5, 0, 0, 0, 0.5, 0, 0, 0, 1], img.width * 2, img.height * 2);
}
