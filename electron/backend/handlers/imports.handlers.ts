import type { EventName, Events } from '../../../shared/ipc/contract';
import { importsService } from '../imports/imports.service';
import type { Context } from '../context';
import type { HandlerGroup } from '../router';

export function importsHandlers(ctx: Context, emit: <E extends EventName>(name: E, payload: Events[E]) => void, log: (msg: string) => void): HandlerGroup {
  const service = importsService(ctx, (progress) => emit('import.progress', progress), log);
  return {
    'imports.preview': { run: (p) => service.preview(p) },
    'imports.run': {
      writes: ['customers', 'contacts', 'invoices', 'payments', 'activity_log', 'import_runs'],
      run: (p) => service.run(p),
    },
    'imports.cancel': { run: (p) => service.cancel(p.jobId) },
    'imports.history': { run: (p) => ctx.repos.imports.history(p.limit) },
  };
}
