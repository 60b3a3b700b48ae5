import { type UploadProgress, uploadForm } from '../../api/upload.ts';

/**
 * Sends scans (the multipart field `files`, once per file) and the layout file in one request, with upload
 * progress. The idempotency key makes a retried upload read once.
 */
export function uploadScans<T>(
  path: string,
  files: readonly File[],
  layout: File | undefined,
  opts: { idempotencyKey: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal },
): Promise<T> {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  if (layout) form.append('layout', layout, layout.name);
  return uploadForm<T>(path, form, opts);
}
