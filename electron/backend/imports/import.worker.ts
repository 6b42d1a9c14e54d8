// Worker-thread entry of an ERP import: its own SQLite connection runs the whole import as one transaction
// while the main thread (and so the window) stays free. Cancel is a shared flag polled between rows; a
// killed process leaves the transaction uncommitted, which SQLite discards.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { ImportFileError } from './csv-reader';
import { ImportCancelledError, runImport } from './import-engine';
import type { WorkerInput, WorkerMessage } from './import-runner';
import { resolveColumns } from './row-parser';
import { openSheet } from './sheet-source';

const input = workerData as WorkerInput;
const cancelFlag = new Int32Array(input.cancelFlag);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function main(): Promise<void> {
  const sheet = await openSheet(input.filePath);
  const resolved = resolveColumns(input.mapping, sheet.headers);
  if (!resolved.ok) {
    post({ type: 'failed', reason: 'mapping', message: resolved.problems.join(' ') });
    return;
  }
  const fileSha256 = sha256Of(input.filePath);
  const { db } = openDatabase(input.dbPath);
  // A million títulos touch far more index pages than SQLite's default 2 MB cache holds.
  db.pragma('cache_size = -131072');
  try {
    let fraction = 0;
    const result = runImport(
      db,
      { ...input.job, fileSha256, columns: resolved.columns },
      sheet.records((f) => {
        fraction = f;
      }),
      {
        onRows: (rowsDone) => post({ type: 'progress', rowsDone, fraction }),
        cancelled: () => Atomics.load(cancelFlag, 0) === 1,
      },
    );
    post({ type: 'done', result });
  } finally {
    db.close();
  }
}

function sha256Of(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

main().catch((err: unknown) => {
  if (err instanceof ImportCancelledError) post({ type: 'failed', reason: 'cancelled', message: err.message });
  else if (err instanceof ImportFileError) post({ type: 'failed', reason: 'file', message: err.message });
  else post({ type: 'failed', reason: 'internal', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
});
