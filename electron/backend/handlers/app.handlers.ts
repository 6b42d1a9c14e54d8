import { AppError } from '../../../shared/ipc/envelope';
import type { Context } from '../context';
import { loadDemoData } from '../demo/load-demo';
import type { HandlerGroup } from '../router';
import { settingsService } from '../services/settings.service';

export function appHandlers(ctx: Context, version: string): HandlerGroup {
  const settings = settingsService(ctx);
  return {
    'app.info': {
      run: () => {
        const company = settings.getCompany();
        return {
          version,
          customerCount: ctx.repos.customers.count(),
          invoiceCount: ctx.repos.invoices.count(),
          asOf: ctx.asOf(),
          companyName: company.tradeName ?? (company.legalName || null),
        };
      },
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
