import { bankReturnsService } from '../bank-returns/bank-returns.service';
import type { Context } from '../context';
import type { HandlerGroup } from '../router';

export function bankReturnsHandlers(ctx: Context): HandlerGroup {
  const service = bankReturnsService(ctx);
  return {
    'bankReturns.preview': { run: (p) => service.preview(p) },
    'bankReturns.import': {
      writes: ['bank_return_files', 'bank_return_items', 'payments', 'invoices', 'activity_log'],
      run: (p) => service.import(p),
    },
    'bankReturns.listFiles': { run: (p) => service.listFiles(p) },
    'bankReturns.getFileItems': { run: (p) => service.getFileItems(p) },
    'bankReturns.exportCsv': { run: (p) => service.exportCsv(p) },
  };
}
