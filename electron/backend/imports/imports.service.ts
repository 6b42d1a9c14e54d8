import type { ImportPreview, ImportProgress, ImportResult } from '../../../shared/ipc/imports.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { ImportFileError } from './csv-reader';
import { startImport, type RunningImport } from './import-runner';
import { suggestMapping } from './row-parser';
import { openSheet } from './sheet-source';

const PREVIEW_ROWS = 20;
/** At most one progress event per this many ms: a million rows must not flood the window. */
const PROGRESS_EVERY_MS = 100;

export function importsService(ctx: Context, onProgress: (p: ImportProgress) => void, log: (msg: string) => void) {
  const running = new Map<string, RunningImport>();

  return {
    async preview(p: ParsedParams<'imports.preview'>): Promise<ImportPreview> {
      const file = ctx.files.resolve(p.fileToken);
      const sheet = await openSheet(file.path).catch(fileError);
      const rows: string[][] = [];
      for (const r of sheet.records()) {
        rows.push(r.fields);
        if (rows.length >= PREVIEW_ROWS) break;
      }
      const source = p.source?.trim();
      return {
        fileName: file.fileName,
        format: sheet.format,
        encoding: sheet.encoding?.encoding ?? null,
        delimiter: sheet.delimiter,
        headers: sheet.headers,
        rows,
        suggestedMapping: suggestMapping(sheet.headers),
        profile: source ? ctx.repos.imports.profile(source) : null,
        sources: ctx.repos.imports.sources(),
      };
    },

    async run(p: ParsedParams<'imports.run'>): Promise<ImportResult> {
      if (running.has(p.jobId)) throw new AppError('CONFLICT', 'Esta importação já está em andamento.');
      const file = ctx.files.resolve(p.fileToken);
      let lastEmit = 0;
      const job = startImport(
        {
          dbPath: ctx.db.name,
          filePath: file.path,
          mapping: p.mapping,
          job: { source: p.source, fileName: file.fileName, mode: p.mode, mapping: p.mapping, actor: ctx.actor(), nowIso: ctx.nowIso(), asOf: ctx.asOf() },
        },
        (rowsDone, fraction) => {
          const now = performance.now();
          if (now - lastEmit < PROGRESS_EVERY_MS) return;
          lastEmit = now;
          onProgress({ jobId: p.jobId, rowsDone, fraction });
        },
        log,
      );
      running.set(p.jobId, job);
      try {
        return await job.result;
      } finally {
        running.delete(p.jobId);
      }
    },

    cancel(jobId: string): { cancelled: boolean } {
      const job = running.get(jobId);
      job?.cancel();
      return { cancelled: job !== undefined };
    },
  };
}

function fileError(err: unknown): never {
  if (err instanceof ImportFileError) throw new AppError('VALIDATION', err.message);
  throw err;
}
