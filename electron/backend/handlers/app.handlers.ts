import { AppError } from '../../../shared/ipc/envelope';
import type { Context } from '../context';
import { loadDemoData } from '../demo/load-demo';
import type { HandlerGroup } from '../router';

export function appHandlers(ctx: Context, version: string): HandlerGroup {
  return {
    'app.info': {
      run: () => ({
        version,
        customerCount: ctx.repos.customers.count(),
        invoiceCount: ctx.repos.invoices.count(),
        asOf: ctx.asOf(),
        companyName: null,
      }),
    },
    'demo.load': {
      writes: ['customers', 'contacts', 'invoices', 'payments', 'activity_log'],
      run: (p) => {
        if (ctx.repos.customers.count() > 0) {
          throw new AppError('CONFLICT', 'Os dados de demonstração só podem ser carregados numa empresa vazia.');
        }
        return loadDemoData(ctx.db, { ...p, asOf: ctx.asOf() });
      },
    },
  };
}
