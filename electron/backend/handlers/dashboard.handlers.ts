import { dashboardService } from '../dashboard/dashboard.service';
import { obligationsService } from '../dashboard/obligations.service';
import type { Context } from '../context';
import type { HandlerGroup } from '../router';

export function dashboardHandlers(ctx: Context): HandlerGroup {
  const dashboard = dashboardService(ctx);
  const obligations = obligationsService(ctx);
  const writes = ['cash_obligations', 'activity_log'] as const;
  return {
    'dashboard.summary': { run: (p) => dashboard.summary(p) },
    'dashboard.trends': { run: (p) => dashboard.trends(p) },
    'dashboard.cashForecast': { run: () => dashboard.cashForecast() },
    'obligations.list': { run: (p) => obligations.list(p) },
    'obligations.create': { writes: [...writes], run: (p) => obligations.create(p) },
    'obligations.update': { writes: [...writes], run: (p) => obligations.update(p) },
    'obligations.delete': { writes: [...writes], run: (p) => obligations.delete(p) },
  };
}
