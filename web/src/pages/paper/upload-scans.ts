import { ApiError, apiErrorFrom } from '../../api/api-error.ts';
import { reportStatus } from '../../api/client.ts';
import type { UploadProgress } from '../../api/upload.ts';

/**
 * Sends scans (the multipart field `files`, once per file) and the layout file in one request, with upload
 * progress — XMLHttpRequest, as fetch reports none. The idempotency key makes a retried upload read once.
 */
export function uploadScans<T>(
  path: string,
  files: readonly File[],
  layout: File | undefined,
  opts: { idempotencyKey: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Idempotency-Key', opts.idempotencyKey);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'bad_response', xhr.responseText.slice(0, 300)));
        }
        return;
      }
      reportStatus(path, xhr.status);
      reject(apiErrorFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'the upload could not reach the server'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const f of files) form.append('files', f, f.name);
    if (layout) form.append('layout', layout, layout.name);
    xhr.send(form);
  });
}
