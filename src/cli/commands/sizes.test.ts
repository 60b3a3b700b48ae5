import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);

/** Runs `node bin/kitout.js …` and returns exit code, stdout and stderr, whatever the exit code. */
async function kitout(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/kitout.js', ...args], {
      cwd: root,
      env: { ...process.env, LANG: 'C' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Concurrent: each run starts a node process (a few seconds of start-up while every command group loads).
describe.concurrent('kitout sizes (through node bin/kitout.js)', () => {
  it('converts with --json into exactly the contract shape', async () => {
    const r = await kitout('sizes', 'convert', '48-4', '--from', 'ru-garment', '--to', 'kr-top', '--json');
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(Object.keys(answer)).toEqual(['to', 'alternatives', 'body', 'rule', 'notes']);
    expect(answer).toMatchObject({
      to: '95',
      alternatives: ['100'],
      body: { chest: { min: 94, max: 98 }, height: { min: 173, max: 179 } },
    });
    expect(typeof answer.rule).toBe('string');
    expect(answer.notes[0]).toContain('spans 95');
  });

  it('answers the body itself with --to body', async () => {
    const r = await kitout('sizes', 'convert', '42', '--from', 'eu-shoe', '--to', 'body', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ footLength: { min: 261.67, max: 268.33 } });
  });

  it('lists every system with --json, named in the --lang language', async () => {
    const r = await kitout('sizes', 'systems', '--json', '--lang', 'ru');
    expect(r.code).toBe(0);
    const systems = JSON.parse(r.stdout).systems as { id: string; name: string }[];
    expect(systems.map((s) => s.id)).toEqual(
      expect.arrayContaining(['head-cm', 'hat-us', 'ru-garment', 'rok-military']),
    );
    expect(systems.find((s) => s.id === 'ru-shoe')?.name).toContain('ГОСТ 11373');
  });

  it.each([
    [['sizes', 'convert', '48-', '--from', 'ru-garment', '--to', 'kr-top'], 'height group is missing'],
    [['sizes', 'convert', '100X170', '--from', 'nope', '--to', 'body'], 'unknown size system "nope"'],
  ])('exits non-zero with one line naming the problem for %j', async (args, words) => {
    const r = await kitout(...args);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(words);
    expect(r.stdout).toBe('');
  });
});
