import { backupCatalog, type backupService, type BackupOptions } from '../backup/backup.service';
import type { HandlerGroup } from '../router';

export function backupHandlers(service: ReturnType<typeof backupService>, opts: BackupOptions): HandlerGroup {
  const catalog = backupCatalog(opts);
  return {
    'backup.list': { run: () => catalog.overview() },
    'backup.create': { writes: ['activity_log'], run: () => service.createManual() },
    'backup.restore': { run: (p) => catalog.restore(p) },
  };
}
