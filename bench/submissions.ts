import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { createDb } from '../src/db/create-db.ts';
import { createScratchDatabase } from '../src/db/scratch-database.ts';
import { seededRng } from '../src/domain/random.ts';
import { createApp } from '../src/server/app.ts';
import { SignInThrottle } from '../src/services/auth.ts';
import { systemContext } from '../src/services/context.ts';
import { DEMO_INTAKE, seedDemo } from '../src/services/seed.ts';
import { demoAnswers } from '../src/services/submissions-demo.ts';
import { atMost, type Bench, peakRssMb, percentile, timed } from './lib.ts';

/**
 * 12,000 questionnaires posted through the HTTP API, as a room of tablets syncing their outboxes would: a real
 * server on loopback over embedded PGlite in a data folder, an enumerator's session, 16 requests in flight,
 * each with its instance id as Idempotency-Key. Every answer must be stored once (checked by counting rows),
 * and a sample of replays must change nothing.
 */
const bench: Bench = async ({ log, args }) => {
  const count = Number(args.submissions ?? 12_000);
  const concurrency = Number(args.concurrency ?? 16);
  const replays = Math.min(count, Number(args.replays ?? 500));
  const dir = mkdtempSync(join(tmpdir(), 'kitout-bench-submissions-'));
  // The goal is PGlite (`npm start` with nothing installed); `--db postgres` runs the same load on the server
  // of DATABASE_URL, for comparison.
  const pgUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (args.db === 'postgres' && !pgUrl) throw new Error('--db postgres needs DATABASE_URL');
  const scratch = args.db === 'postgres' ? await createScratchDatabase(pgUrl!, 'kitout_bench') : undefined;
  const database = scratch ? 'postgres' : args.memory === 'true' ? 'pglite (memory)' : 'pglite (data folder)';
  const handle = await createDb(
    scratch
      ? { databaseUrl: scratch.url, poolSize: concurrency + 2 }
      : { dataDir: args.memory === 'true' ? undefined : dir },
  );
  const ctx = systemContext(handle.db, handle.kind);
  log(`seeding an intake of ${count} people into ${database}…`);
  await seedDemo(ctx, { people: count });
  const app = createApp({ ctx, throttle: new SignInThrottle(ctx.now), secureCookies: false });
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(s));
  });
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'enum', password: 'kitout-demo' }),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    const rng = seededRng(2026);
    const people = (
      await handle.db
        .selectFrom('people')
        .select('id')
        .where('intake_id', '=', DEMO_INTAKE.id)
        .orderBy('id')
        .execute()
    ).map((p) => p.id);
    const start = Date.parse('2026-12-01T06:00:00Z');
    const bodies = Array.from({ length: count }, (_, i) => ({
      key: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      body: JSON.stringify({
        formId: 'kitout-sizing',
        formVersion: '1',
        intakeId: DEMO_INTAKE.id,
        personId: people[i % people.length],
        answers: demoAnswers(rng),
        source: 'web',
        clientTime: new Date(start + i * 1500).toISOString(),
      }),
    }));
    log(`posting ${count} submissions, ${concurrency} in flight…`);
    const elu = nodePerformance.eventLoopUtilization();
    const cpu = process.cpuUsage();
    const run = await timed(() => loadInWorker({ base, cookie, bodies, concurrency }));
    // The server (HTTP, validation and embedded PGlite) runs in this thread. Its active time counts time spent
    // waiting for a CPU the machine gave to something else too; process CPU (server and load thread) does not.
    const busy = nodePerformance.eventLoopUtilization(elu);
    const cpuUsed = process.cpuUsage(cpu);
    if (run.value.firstError) throw new Error(`a submission was not stored: ${run.value.firstError}`);
    const { latencies, statuses } = run.value;
    const post = (b: (typeof bodies)[number]) =>
      fetch(`${base}/api/submissions`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'idempotency-key': b.key },
        body: b.body,
      });

    log(`replaying ${replays} of them…`);
    let replayed = 0;
    for (const b of bodies.slice(0, replays)) {
      const res = await post(b);
      const receipt = (await res.json()) as { replayed?: boolean };
      if (res.status === 200 && receipt.replayed === true) replayed++;
    }
    const rows = Number(
      (await sql<{ n: number }>`select count(*)::int as n from submissions`.execute(handle.db)).rows[0]!.n,
    );
    if (rows !== count) throw new Error(`${rows} rows stored for ${count} submissions`);
    if (replayed !== replays) throw new Error(`${replays - replayed} replays were not answered as replays`);
    return {
      bench: 'submissions',
      // The goal is for PGlite; a PostgreSQL run reports its figure under its own name.
      goals: {
        [scratch ? 'postgres_ingest_12k_s' : 'ingest_12k_s']: atMost(run.seconds * (12_000 / count), 's', 10),
      },
      details: {
        submissions: count,
        concurrency,
        database,
        seconds: run.seconds,
        perSecond: Math.round(count / run.seconds),
        latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
        statuses,
        rowsStored: rows,
        replaysAnsweredAsReplays: replayed,
        serverThreadActiveSeconds: busy.active / 1000,
        processCpuSeconds: (cpuUsed.user + cpuUsed.system) / 1e6,
        loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
        cpus: cpus().length,
        peakRssMb: peakRssMb(),
      },
    };
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await handle.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;

interface Load {
  latencies: number[];
  statuses: Record<string, number>;
  firstError: string;
}

/**
 * The tablets: HTTP clients in a worker thread, so the load they make does not eat the server's own thread
 * (embedded PGlite runs in the server's thread; real tablets are other machines).
 */
function loadInWorker(job: {
  base: string;
  cookie: string;
  bodies: { key: string; body: string }[];
  concurrency: number;
}): Promise<Load> {
  // node:http with a keep-alive agent rather than fetch: fetch (undici) costs several times the CPU per request,
  // and on a two-core machine the client's CPU is taken from the server being measured.
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const http = require('node:http');
    const { base, cookie, bodies, concurrency } = workerData;
    const url = new URL(base + '/api/submissions');
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const latencies = []; const statuses = {}; let firstError = ''; let next = 0;
    function post(b) {
      return new Promise((resolve, reject) => {
        const req = http.request({
          host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent,
          headers: { cookie, 'content-type': 'application/json', 'idempotency-key': b.key,
            'content-length': Buffer.byteLength(b.body) },
        }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => { text += d; });
          res.on('end', () => resolve({ status: res.statusCode, text }));
        });
        req.on('error', reject);
        req.end(b.body);
      });
    }
    async function worker() {
      while (next < bodies.length) {
        const b = bodies[next++];
        const t0 = performance.now();
        const res = await post(b);
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] || 0) + 1;
        if (res.status !== 201 && !firstError) firstError = res.status + ' ' + res.text.slice(0, 300);
      }
    }
    Promise.all(Array.from({ length: concurrency }, worker)).then(
      () => { agent.destroy(); parentPort.postMessage({ latencies, statuses, firstError }); },
      (err) => parentPort.postMessage({ latencies, statuses, firstError: String(err) }),
    );`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: job });
    worker.once('message', (load: Load) => {
      resolve(load);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
