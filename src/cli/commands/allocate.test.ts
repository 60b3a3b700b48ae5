import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../../bin/kitout.js');
let dir: string;

const example = {
  unmetCost: 1000,
  stock: [
    { depot: 'A', item: 'boots', size: '270', qty: 7 },
    { depot: 'B', item: 'boots', size: '265', qty: 5 },
  ],
  demand: [
    { site: 'A', item: 'boots', size: '265', count: 12 },
    { site: 'A', item: 'hat', size: '57', count: 2 },
  ],
  substitutions: [{ item: 'boots', preferred: '265', issued: '270', cost: 1 }],
  transport: [{ depot: 'B', site: 'A', cost: 5 }],
};

async function kitout(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, LANG: 'C' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kitout-allocate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kitout allocate', () => {
  it('prints objective, unmet and sorted flows as JSON alone on stdout', async () => {
    const { code, stdout } = await kitout(
      'allocate',
      '--instance',
      await file('ok.json', JSON.stringify(example)),
      '--json',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['objective', 'unmet', 'flows']);
    expect(out).toEqual({
      objective: 5 * 5 + 7 * 1 + 2 * 1000,
      unmet: 2,
      flows: [
        { item: 'boots', depot: 'B', site: 'A', preferred: '265', issued: '265', qty: 5 },
        { item: 'boots', depot: 'A', site: 'A', preferred: '265', issued: '270', qty: 7 },
      ],
    });
  });

  it('prints a short readable summary without --json, in the language asked for', async () => {
    const path = await file('summary.json', JSON.stringify(example));
    const en = await kitout('allocate', '--instance', path);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Total cost 2032: 12 of 14 issued, 2 left without.');
    expect(en.stdout).toContain('boots: 12 issued (7 in another size, 5 from another depot), 0 left without');
    const ru = await kitout('allocate', '--instance', path, '--lang', 'ru');
    expect(ru.stdout).toContain('Общая стоимость 2032');
  });

  it('exits non-zero naming the entry and field of a bad file', async () => {
    const bad = {
      ...example,
      stock: [{ depot: 'A', item: 'boots', size: '270', qty: -3 }, example.stock[1]],
    };
    const { code, stderr, stdout } = await kitout(
      'allocate',
      '--instance',
      await file('bad.json', JSON.stringify(bad)),
      '--json',
    );
    expect(code).not.toBe(0);
    expect(stderr.split('\n')[0]).toMatch(/bad\.json, field "stock\[0\]\.qty": must be a whole number ≥ 0$/);
    expect(JSON.parse(stdout).issues[0]).toMatchObject({ field: 'stock[0].qty' });
  });

  it('exits non-zero on text that is not JSON and on a file that does not exist', async () => {
    const broken = await kitout('allocate', '--instance', await file('broken.json', '{"unmetCost": '));
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toMatch(/not valid JSON/);
    const missing = await kitout('allocate', '--instance', join(dir, 'missing.json'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read instance file .*missing\.json: ENOENT/);
  });
});
