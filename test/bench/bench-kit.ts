/**
 * The benchmark harness's vocabulary. A suite measures one capability on realistic data and reports each
 * figure beside a baseline (raw SQL or the named tool) on the same data, so a ratio says how much the
 * product's layers cost.
 */
export interface BenchRow {
  name: string;
  adimpleMs: number;
  baselineMs?: number;
  baselineLabel?: string;
  note?: string;
}

export interface BenchContext {
  /** A scratch folder for this run, removed at the end. */
  workDir: string;
  /** A 50k-customer / 1M-título demo database, built once per run. Read-only: copy it before writing. */
  bigDbPath(): string;
  /** A private, writable copy of the big database. */
  copyOfBigDb(): string;
  report(row: BenchRow): void;
}

export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<void> | void;
}

/** Median wall time of `runs` calls of `fn` (after one warm-up call), in milliseconds. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Wall time of one call of `fn`, in milliseconds. */
export async function onceMs(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
