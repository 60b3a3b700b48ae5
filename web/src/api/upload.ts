import { ApiError, apiErrorFrom } from './api-error.ts';
import { reportStatus } from './client.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends one file as the multipart field `file`. XMLHttpRequest rather than fetch, because only it reports upload
 * progress, which a 50 MB roster on a slow link needs. The idempotency key makes a retried upload apply once.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  opts: { idempotencyKey: string; onProgress?: (p: UploadProgress) => void; signal?: AbortSignal },
): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<T>(path, form, opts);
}

/** Posts a multipart form with upload progress and an idempotency key; answers the JSON body or an ApiError. */
export function uploadForm<T>(
  path: string,
  form: FormData,
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
    xhr.send(form);
  });
}

/**
 * A random v4 UUID for an idempotency key. `crypto.randomUUID` exists only in secure contexts, and a tablet on
 * the local network often opens the server over plain http, so fall back to `getRandomValues`, which is everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
