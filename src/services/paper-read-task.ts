import { decodeImage } from '../adapters/images/image-file.ts';
import type { LayoutField, LayoutFile } from '../domain/paper/layout-file.ts';
import type { GreyImage } from '../domain/paper/raster.ts';
import { type PageGeometry, type PageOutcome, type ReadContext, readPage } from './paper-read-page.ts';

/**
 * What a page reader (in this thread or a worker) is given once: the form's identity, how fields are read,
 * and the layout compacted — the distinct page geometries, and for each person's page which one it uses.
 * A layout of 4,500 pages has three geometries, so a worker gets kilobytes, not the whole layout file.
 */
export interface ReaderInit {
  formId: string;
  version: string;
  fields: LayoutField[];
  geometries: PageGeometry[];
  /** `[person, page, geometry, index in PDF]` for every page of the layout. */
  pages: [string, number, number, number][];
}

export type ReadTask = { kind: 'file'; path: string } | { kind: 'image'; image: GreyImage };

export type ReadTaskResult = { ok: true; outcomes: PageOutcome[] } | { ok: false; reason: string };

/** Compacts a layout file for the readers. */
export function readerInit(layout: LayoutFile, formId: string, version: string): ReaderInit {
  const keys = new Map<string, number>();
  const geometries: PageGeometry[] = [];
  const pages: ReaderInit['pages'] = [];
  for (const p of layout.pages) {
    const geometry: PageGeometry = {
      width: p.width,
      height: p.height,
      fiducials: p.fiducials,
      qr: p.qr,
      bubbles: p.bubbles,
      writeIns: p.writeIns ?? [],
    };
    const key = JSON.stringify(geometry);
    let id = keys.get(key);
    if (id === undefined) {
      id = geometries.length;
      keys.set(key, id);
      geometries.push(geometry);
    }
    pages.push([p.person, p.page, id, p.index]);
  }
  return { formId, version, fields: layout.fields ?? [], geometries, pages };
}

/** A reader for tasks: decodes a file (every page of a TIFF) or takes a picture, and reads each page. */
export function pageReader(init: ReaderInit): (task: ReadTask) => Promise<ReadTaskResult> {
  const index = new Map<string, { geometry: PageGeometry; index: number }>();
  for (const [person, page, geometry, i] of init.pages)
    index.set(`${person}\u0000${page}`, { geometry: init.geometries[geometry]!, index: i });
  const first = init.geometries[0];
  const ctx: ReadContext | undefined = first && {
    formId: init.formId,
    version: init.version,
    fields: init.fields,
    furniture: first,
    lookup: (person, page) => index.get(`${person}\u0000${page}`),
  };
  return async (task) => {
    if (!ctx) return { ok: false, reason: 'the layout file has no pages' };
    let images: GreyImage[];
    if (task.kind === 'image') images = [task.image];
    else {
      try {
        images = await decodeImage(task.path);
      } catch (err) {
        return { ok: false, reason: (err as Error).message.split('\n')[0] ?? 'unreadable' };
      }
    }
    return { ok: true, outcomes: images.map((img) => readPage(img, ctx)) };
  };
}

/** The buffers a result can hand over to the main thread without copying (the snippets' pixels). */
export function transferables(result: ReadTaskResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const out: ArrayBuffer[] = [];
  for (const o of result.outcomes)
    if (o.ok)
      for (const s of Object.values(o.snippets))
        if (s.data.buffer instanceof ArrayBuffer) out.push(s.data.buffer);
  return out;
}
