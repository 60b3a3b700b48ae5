import { type TransferListItem, Worker } from 'node:worker_threads';

/**
 * A few worker threads sharing a queue of tasks, one task per worker at a time. A worker that dies (a crash in
 * a native decoder, say) fails only the task it held and is replaced, so one bad file never stops a batch.
 */
export class WorkerPool<TTask, TResult> {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly queue: {
    task: TTask;
    transfer: TransferListItem[];
    resolve: (r: TResult) => void;
    reject: (e: Error) => void;
  }[] = [];
  private readonly busy = new Map<Worker, { resolve: (r: TResult) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(
    private readonly entry: URL,
    size: number,
    private readonly init: unknown,
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(this.entry, { workerData: this.init });
    this.all.add(worker);
    worker.on('message', (msg: { ok: true; value: TResult } | { ok: false; error: string }) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      if (job) {
        if (msg.ok) job.resolve(msg.value);
        else job.reject(new Error(msg.error));
      }
      this.release(worker);
    });
    const fail = (err: Error) => {
      this.all.delete(worker);
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      job?.reject(err);
      if (!this.closed) {
        this.spawn();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.all.has(worker)) fail(new Error(`the worker stopped (exit code ${code})`));
    });
    this.release(worker);
  }

  private release(worker: Worker): void {
    const next = this.queue.shift();
    if (!next) {
      this.idle.push(worker);
      return;
    }
    this.busy.set(worker, next);
    worker.postMessage(next.task, next.transfer);
  }

  run(task: TTask, transfer: TransferListItem[] = []): Promise<TResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      const worker = this.idle.pop();
      if (worker) {
        this.busy.set(worker, { resolve, reject });
        worker.postMessage(task, transfer);
      } else this.queue.push({ task, transfer, resolve, reject });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.all];
    this.all.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
