import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { reportsService } from '../services/reports.service';

export function reportsHandlers(ctx: Context): HandlerGroup {
  const service = reportsService(ctx);
  return {
    'reports.aging': { run: (p) => service.aging(p) },
    // Issuing a statement is logged on the customer's timeline (with the Pix txid it carries).
    'reports.statement': { writes: ['activity_log'], run: (p) => service.statement(p) },
    'reports.activity': { run: (p) => service.activity(p) },
  };
}
