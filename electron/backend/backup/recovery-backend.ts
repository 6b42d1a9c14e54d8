/**
 * What runs instead of the backend when the database failed its start-up check: it answers `app.health` with
 * the problem and the latest good backup, lists and restores backups, and refuses everything else with a
 * clear message, so the app opens on a recovery screen instead of crashing.
 */
import { AppError } from '../../../shared/ipc/envelope';
import { schemas } from '../../../shared/ipc/schemas';
import type { Backend } from '../backend.types';
import { createRouter, type Handler, type HandlerMap } from '../router';
import { backupCatalog, type BackupOptions } from './backup.service';
import { latestGoodBackup, listBackups } from './backup-store';

export function createRecoveryBackend(problem: string, opts: BackupOptions): Backend {
  const catalog = backupCatalog(opts);
  const unavailable: Handler<never> = {
    run: () => {
      throw new AppError('CONFLICT', 'O banco de dados está com problema e foi aberto só para recuperação: restaure um backup na tela de recuperação.');
    },
  };
  const handlers = Object.fromEntries(Object.keys(schemas).map((m) => [m, unavailable])) as unknown as HandlerMap;
  handlers['app.health'] = { run: () => ({ status: 'damaged', problem, backups: listBackups(opts.dbPath), latestGood: latestGoodBackup(opts.dbPath) }) };
  handlers['backup.list'] = { run: () => catalog.overview() };
  handlers['backup.restore'] = { run: (p) => catalog.restore(p) };
  const router = createRouter(handlers, opts.log);
  return {
    dispatch: router.dispatch,
    onEvent: router.onEvent,
    files: opts.files,
    scheduler: { start() {}, stop() {}, resume: async () => [], runOnce: async () => [] },
    close: () => opts.files.close(),
  };
}
