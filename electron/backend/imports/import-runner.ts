// Starts an import in a worker thread and turns its messages into progress callbacks and one promise.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ColumnMapping, ImportResult } from '../../../shared/ipc/imports.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ImportJob } from './import-engine';

export interface WorkerInput {
  dbPath: string;
  filePath: string;
  mapping: ColumnMapping;
  job: Omit<ImportJob, 'fileSha256' | 'columns'>;
  cancelFlag: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; rowsDone: number; fraction: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; reason: 'mapping' | 'file' | 'cancelled' | 'internal'; message: string };

export interface RunningImport {
  result: Promise<ImportResult>;
  cancel(): void;
}

/**
 * Under tsx/vitest this module is a .ts file and the worker is its .ts sibling, loaded through tsx; in the
 * Electron bundle (dist-electron/main.cjs) the worker is the separate bundle import-worker.cjs beside it.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? { file: join(dirname(here), 'import.worker.ts'), execArgv: ['--import', 'tsx'] }
    : { file: join(dirname(here), 'import-worker.cjs'), execArgv: [] };
}

export function startImport(input: Omit<WorkerInput, 'cancelFlag'>, onProgress: (rowsDone: number, fraction: number) => void, log: (msg: string) => void): RunningImport {
  const cancelFlag = new SharedArrayBuffer(4);
  const entry = workerEntry();
  const worker = new Worker(entry.file, { workerData: { ...input, cancelFlag } satisfies WorkerInput, execArgv: entry.execArgv });
  const result = new Promise<ImportResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') return onProgress(m.rowsDone, m.fraction);
      settled = true;
      if (m.type === 'done') return resolve(m.result);
      if (m.reason === 'internal') {
        log(`INTERNAL in import worker: ${m.message}`);
        return reject(new AppError('INTERNAL', 'Erro inesperado na importação. Nada foi gravado.'));
      }
      reject(new AppError(m.reason === 'cancelled' ? 'CONFLICT' : 'VALIDATION', m.message, { reason: m.reason }));
    });
    worker.on('error', (err) => {
      settled = true;
      log(`INTERNAL in import worker: ${err.stack ?? err.message}`);
      reject(new AppError('INTERNAL', 'Erro inesperado na importação. Nada foi gravado.'));
    });
    worker.on('exit', () => {
      if (!settled) reject(new AppError('CONFLICT', 'A importação foi interrompida: nada foi gravado.', { reason: 'cancelled' }));
    });
  });
  return {
    result,
    cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1),
  };
}
