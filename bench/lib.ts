/**
 * The benchmark contract (docs/ARCHITECTURE.md, DESIGN.md): every bench module under `bench/` default-exports
 * a function returning a {@link BenchReport}; `kitout bench <name> --json` prints it.
 */
export interface Goal {
  value: number;
  unit: string;
  limit: number;
  met: boolean;
}

export interface BenchReport {
  bench: string;
  goals: Record<string, Goal>;
  details: Record<string, unknown>;
}

export interface BenchContext {
  /** Reports progress on stderr (stdout is reserved for the JSON report). */
  log(message: string): void;
  /** Options given after the bench name, e.g. `--rows 1000`, as strings. */
  args: Record<string, string>;
}

export type Bench = (ctx: BenchContext) => Promise<BenchReport>;

/** A goal where smaller is better (seconds, milliseconds, kilobytes, errors). */
export function atMost(value: number, unit: string, limit: number): Goal {
  return { value: round(value), unit, limit, met: value <= limit };
}

/** A goal where larger is better (throughput, accuracy, speed-up). */
export function atLeast(value: number, unit: string, limit: number): Goal {
  return { value: round(value), unit, limit, met: value >= limit };
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : Math.round(value * 10000) / 10000;
}

/** Seconds elapsed while `fn` runs. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** The p-th percentile (0–100) of a list of numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
