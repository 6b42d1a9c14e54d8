import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { settingsService } from '../services/settings.service';

export function settingsHandlers(ctx: Context): HandlerGroup {
  const service = settingsService(ctx);
  return {
    'settings.getCompany': { run: () => service.getCompany() },
    'settings.updateCompany': { writes: ['settings', 'activity_log'], run: (p) => service.updateCompany(p) },
  };
}
