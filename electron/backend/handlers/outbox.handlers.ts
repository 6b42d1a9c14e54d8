import type { HandlerGroup } from '../router';
import type { OutboxService } from '../services/outbox.service';

export function outboxHandlers(service: OutboxService): HandlerGroup {
  return {
    'outbox.list': { run: (p) => service.list(p) },
    'dunning.effectiveness': { run: (p) => service.effectiveness(p) },
    'dunning.effectivenessCsv': { run: (p) => service.effectivenessCsv(p) },
    'outbox.retry': { writes: ['outbox_messages', 'activity_log'], run: (p) => service.retry(p) },
  };
}
