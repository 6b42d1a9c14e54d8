import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { queueService } from '../services/queue.service';

export function queueHandlers(ctx: Context): HandlerGroup {
  const service = queueService(ctx);
  return {
    'queue.list': { run: (p) => service.list(p) },
    'queue.complete': { writes: ['dunning_tasks', 'activity_log'], run: (p) => service.complete(p) },
    'queue.snooze': { writes: ['dunning_tasks', 'activity_log'], run: (p) => service.snooze(p) },
    'queue.lettersPdf': { run: () => service.lettersPdf() },
  };
}
