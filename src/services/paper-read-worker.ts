import { parentPort, workerData } from 'node:worker_threads';
import { pageReader, type ReaderInit, type ReadTask, transferables } from './paper-read-task.ts';

/** A worker thread reading pages for `readScans` (see paper-read.ts); started through paper-read-worker.mjs. */
const read = pageReader(workerData as ReaderInit);
parentPort!.on('message', async (task: ReadTask) => {
  try {
    const result = await read(task);
    parentPort!.postMessage({ ok: true, value: result }, transferables(result));
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error).message });
  }
});
