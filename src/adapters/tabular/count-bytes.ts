import { pipeline, type Readable, Transform } from 'node:stream';

/**
 * Passes a file's bytes through unchanged while counting them, for progress on readers that cannot say how far
 * they are (XLSX). Errors of the source reach whoever reads the returned stream.
 */
export function countBytes(source: Readable): { stream: Readable; read(): number } {
  let bytes = 0;
  const stream = pipeline(
    source,
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
    () => {},
  );
  return { stream, read: () => bytes };
}
