import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { customersService } from '../services/customers.service';

export function customersHandlers(ctx: Context): HandlerGroup {
  const service = customersService(ctx);
  return {
    'customers.list': { run: (p) => service.list(p) },
    'customers.get': { run: (p) => service.get(p.id) },
    'customers.create': { writes: ['customers', 'activity_log'], run: (p) => service.create(p) },
    'customers.update': { writes: ['customers', 'activity_log'], run: (p) => service.update(p) },
    'customers.filterOptions': { run: () => ctx.repos.customers.filterOptions() },
    'customers.exportCsv': { run: (p) => service.exportCsv(p) },
  };
}
