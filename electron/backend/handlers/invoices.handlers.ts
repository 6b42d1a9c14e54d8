import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { invoicesService } from '../services/invoices.service';

export function invoicesHandlers(ctx: Context): HandlerGroup {
  const service = invoicesService(ctx);
  const writes = ['invoices', 'activity_log'] as const;
  return {
    'invoices.list': { run: (p) => service.list(p) },
    'invoices.create': { writes: [...writes], run: (p) => service.create(p) },
    'invoices.update': { writes: [...writes], run: (p) => service.update(p) },
    'invoices.writeOff': { writes: [...writes], run: (p) => service.writeOff(p) },
    'payments.register': { writes: [...writes, 'payments'], run: (p) => service.registerPayment(p) },
    'payments.list': { run: (p) => ctx.repos.payments.listByInvoice(p.invoiceId) },
    'activity.list': {
      run: (p) => ({ ...ctx.repos.activity.listByCustomer(p.customerId, p.offset, p.limit), offset: p.offset, limit: p.limit }),
    },
  };
}
