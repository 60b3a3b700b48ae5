#!/usr/bin/env node
// `npm test`: lint, build the web UI, make sure the browser and database the suites need are there, then run each
// suite and print one `suite: N passed, N failed, N skipped` line per suite and a total line at the end.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';

const only = process.argv.slice(2);
const suites = ['unit', 'pglite', 'postgres', 'browser'].filter((s) => only.length === 0 || only.includes(s));
const summary = [];
let failed = false;

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

function step(name, cmd, args) {
  process.stdout.write(`\n== ${name}\n`);
  const code = run(cmd, args);
  if (code !== 0) {
    process.stdout.write(`${name}: FAILED (exit ${code})\n`);
    failed = true;
  }
  return code === 0;
}

function portOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Debian packages the suites use, by a file each installs: browser tests, Hangul fonts, PDF rasterising, QR cross-check. */
const SYSTEM_PACKAGES = [
  { pkg: 'chromium', file: '/usr/bin/chromium' },
  { pkg: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto' },
  { pkg: 'poppler-utils', file: '/usr/bin/pdftoppm' },
  { pkg: 'zbar-tools', file: '/usr/bin/zbarimg' },
];

/** Installs what is missing with apt when running as root; otherwise says in one line what to install. */
function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.file)).map((p) => p.pkg);
  if (missing.length === 0) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    process.stdout.write(
      `tests need Debian packages: run \`sudo apt-get install -y ${missing.join(' ')}\`, then npm test again\n`,
    );
    return false;
  }
  process.stdout.write(`Installing ${missing.join(', ')} for the tests (apt)...\n`);
  if (run('apt-get', ['update', '-qq']) !== 0) return false;
  return (
    run('apt-get', ['install', '-y', '-qq', ...missing], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }) === 0
  );
}

if (only.length === 0) {
  step('lint', 'npx', ['biome', 'check', '.']);
  step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
}
if (suites.includes('browser')) step('build web UI', 'npx', ['vite', 'build', '--logLevel', 'warn']);
const systemReady = ensureSystemPackages();
if (!systemReady) failed = true;

if (suites.includes('postgres') && !process.env.TEST_DATABASE_URL) {
  // No URL given: use the local server if one answers, as a developer's machine often has.
  if (await portOpen('127.0.0.1', 5432))
    process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
}

mkdirSync('test-results', { recursive: true });
for (const suite of suites) {
  if (suite === 'postgres' && !process.env.TEST_DATABASE_URL) {
    summary.push(
      'postgres: 0 passed, 0 failed (skipped: no PostgreSQL server reachable; set TEST_DATABASE_URL)',
    );
    continue;
  }
  if (suite === 'browser' && !existsSync('/usr/bin/chromium')) {
    summary.push('browser: 0 passed, 1 failed (chromium missing)');
    failed = true;
    continue;
  }
  const out = `test-results/${suite}.json`;
  rmSync(out, { force: true });
  process.stdout.write(`\n== ${suite} tests\n`);
  const code = run('npx', [
    'vitest',
    'run',
    '--project',
    suite,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    '--passWithNoTests',
  ]);
  let passed = 0;
  let failedCount = 0;
  let skipped = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failedCount = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (code !== 0 && failedCount === 0) failedCount = 1;
  if (failedCount > 0) failed = true;
  summary.push(`${suite}: ${passed} passed, ${failedCount} failed, ${skipped} skipped`);
}

process.stdout.write(`\n== summary\n${summary.join('\n')}\n`);
const totals = summary.reduce(
  (acc, line) => {
    const m = /: (\d+) passed, (\d+) failed/.exec(line);
    if (m) {
      acc.passed += Number(m[1]);
      acc.failed += Number(m[2]);
    }
    return acc;
  },
  { passed: 0, failed: 0 },
);
if (failed && totals.failed === 0) totals.failed = 1;
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(failed ? 1 : 0);
