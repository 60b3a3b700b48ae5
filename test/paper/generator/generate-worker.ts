import { parentPort } from 'node:worker_threads';
import { generatePerson, type PersonTask } from './testset.ts';

/** A worker thread making one person's test pages at a time (see testset.ts). */
parentPort!.on('message', async (task: PersonTask) => {
  try {
    parentPort!.postMessage({ ok: true, value: await generatePerson(task) });
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: (err as Error).stack ?? String(err) });
  }
});
