/**
 * The backend's in-process scheduler (ARCHITECTURE.md "Scheduler"): jobs `{ name, due(lastRun, now), run }`,
 * each run recorded in job_runs. It ticks at start, every few minutes and on resume from sleep; a job that
 * missed runs while the computer slept or stayed off simply finds itself due and catches up. Runs never
 * overlap: ticks, resume and "run now" queue behind each other.
 */
import type { JobRunView } from '../../../shared/ipc/dunning.contract';
import type { Context } from '../context';

export interface Job {
  name: string;
  /** Whether the job should run now, given its last successful run (null = never). */
  due(lastRun: JobRunView | null, now: Date): boolean;
  /** Does the work; returns a short summary for job_runs. */
  run(): Promise<string>;
}

export interface Scheduler {
  /** Runs due jobs now and then every `intervalMs` (timers; the app calls this, tests do not). */
  start(): void;
  stop(): void;
  /** After sleep/resume: run what became due. */
  resume(): Promise<JobRunView[]>;
  /** Runs due jobs once (all jobs with `force`) and answers their runs; what tests and "run now" call. */
  runOnce(opts?: { force?: boolean }): Promise<JobRunView[]>;
}

export const DEFAULT_INTERVAL_MS = 5 * 60_000;

export function createScheduler(
  ctx: Context,
  jobs: readonly Job[],
  opts: { intervalMs?: number; log?: (msg: string) => void; onRan?: (runs: JobRunView[]) => void } = {},
): Scheduler {
  const log = opts.log ?? (() => {});
  let timer: ReturnType<typeof setInterval> | null = null;
  let chain: Promise<unknown> = Promise.resolve();

  async function runJobs(force: boolean): Promise<JobRunView[]> {
    const runs: JobRunView[] = [];
    for (const job of jobs) {
      if (!force && !job.due(ctx.repos.jobRuns.lastOk(job.name), ctx.clock.now())) continue;
      const id = ctx.repos.jobRuns.start(job.name, ctx.nowIso());
      try {
        const summary = await job.run();
        ctx.repos.jobRuns.finish(id, 'ok', ctx.nowIso(), summary, null);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log(`Job ${job.name} failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
        ctx.repos.jobRuns.finish(id, 'failed', ctx.nowIso(), null, message);
      }
      runs.push(ctx.repos.jobRuns.get(id)!);
    }
    if (runs.length > 0) opts.onRan?.(runs);
    return runs;
  }

  const enqueue = (force: boolean): Promise<JobRunView[]> => {
    const next = chain.then(() => runJobs(force));
    chain = next.catch(() => undefined);
    return next;
  };

  // A run interrupted by a crash stays 'running' forever otherwise.
  ctx.repos.jobRuns.abandonRunning(ctx.nowIso());

  return {
    start() {
      if (timer) return;
      void enqueue(false);
      timer = setInterval(() => void enqueue(false), opts.intervalMs ?? DEFAULT_INTERVAL_MS);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    resume: () => enqueue(false),
    runOnce: (o = {}) => enqueue(o.force ?? false),
  };
}
