import type { JobRunView } from '../../../../shared/ipc/dunning.contract';
import type { Prepare } from '../statements';

const SELECT = `SELECT id, job_name AS jobName, started_at AS startedAt, finished_at AS finishedAt, status, summary, error FROM job_runs`;

/** The scheduler's run log: when each job last ran decides whether it is due. */
export function jobRunsRepo(prepare: Prepare) {
  return {
    start(jobName: string, at: string): number {
      return Number(prepare(`INSERT INTO job_runs (job_name, started_at, status) VALUES (?, ?, 'running')`).run(jobName, at).lastInsertRowid);
    },
    finish(id: number, status: 'ok' | 'failed', at: string, summary: string | null, error: string | null): void {
      prepare('UPDATE job_runs SET status = ?, finished_at = ?, summary = ?, error = ? WHERE id = ?').run(status, at, summary, error, id);
    },
    /** The last run that finished well (a failed run does not count: the job stays due). */
    lastOk(jobName: string): JobRunView | null {
      return (prepare(`${SELECT} WHERE job_name = ? AND status = 'ok' ORDER BY id DESC LIMIT 1`).get(jobName) as JobRunView | undefined) ?? null;
    },
    get(id: number): JobRunView | null {
      return (prepare(`${SELECT} WHERE id = ?`).get(id) as JobRunView | undefined) ?? null;
    },
    /** Runs left 'running' by a crash. */
    abandonRunning(at: string): void {
      prepare(`UPDATE job_runs SET status = 'failed', finished_at = ?, error = 'interrompido' WHERE status = 'running'`).run(at);
    },
  };
}
