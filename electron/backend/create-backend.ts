import type { Backend, Clock } from './backend.types';
import { createContext } from './context';
import { createFileIntake } from './files/file-intake';
import { sealAtOpen } from './audit/audit-chain';
import { backupService, openChecked } from './backup/backup.service';
import { createRecoveryBackend } from './backup/recovery-backend';
import type { RetentionPolicy } from './backup/retention';
import { appHandlers } from './handlers/app.handlers';
import { auditHandlers } from './handlers/audit.handlers';
import { backupHandlers } from './handlers/backup.handlers';
import { bankReturnsHandlers } from './handlers/bank-returns.handlers';
import { contactsHandlers } from './handlers/contacts.handlers';
import { creditHandlers } from './handlers/credit.handlers';
import { customersHandlers } from './handlers/customers.handlers';
import { dashboardHandlers } from './handlers/dashboard.handlers';
import { healthHandlers } from './handlers/health.handlers';
import { importsHandlers } from './handlers/imports.handlers';
import { invoicesHandlers } from './handlers/invoices.handlers';
import { negotiationHandlers } from './handlers/negotiation.handlers';
import { reportsHandlers } from './handlers/reports.handlers';
import { settingsHandlers } from './handlers/settings.handlers';
import { createRouter, mergeHandlers } from './router';
import { companyFromSettings, createDunning, type DunningOptions } from './scheduler/dunning-module';
import { credentialsService } from './users/credentials';
import { accessDenied, createSession, type AuthMode } from './users/session';
import { usersHandlers } from './users/users.handlers';
import { APP_VERSION } from './version';
import { schemas } from '../../shared/ipc/schemas';
import type { Method } from '../../shared/ipc/contract';

export interface BackendOptions extends DunningOptions {
  dbPath: string;
  clock?: Clock;
  log?: (msg: string) => void;
  /** Who is acting while nobody is logged in (auth 'off'); a logged-in user's name always wins. */
  actor?: () => string;
  /**
   * 'required': every method but login answers FORBIDDEN until someone logs in (the desktop shell and
   * `npm run web` pass it). Default 'off', for tests, benches and tools that drive the backend directly.
   */
  auth?: AuthMode;
  /** Automatic backups kept (default 7 daily + 4 weekly); the daily backup runs when the scheduler is started. */
  backupRetention?: RetentionPolicy;
  /** Called after a restore was staged, to reopen the backend (the desktop app relaunches itself). */
  requestRestart?: () => void;
}

export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.log ?? ((msg: string) => console.error(msg));
  const files = createFileIntake();
  const backupOptions = { dbPath: options.dbPath, files, retention: options.backupRetention, requestRestart: options.requestRestart, log };
  const opened = openChecked(options.dbPath, () => clock.now(), log);
  if ('problem' in opened) return createRecoveryBackend(opened.problem, backupOptions);
  const { db, backupPath } = opened;
  if (backupPath) log(`Backup before migrating: ${backupPath}`);
  sealAtOpen(db);
  const session = createSession(options.auth ?? 'off');
  const fallbackActor = options.actor ?? (() => 'operador');
  const ctx = createContext(db, clock, () => session.user()?.name ?? fallbackActor(), files, session.user);
  const backups = backupService(ctx, backupOptions);
  if (opened.restoredAside) backups.recordRestore(opened.restoredAside);
  const stopDailyBackup = options.startScheduler ? backups.startDaily() : () => {};
  const dunning = createDunning(ctx, {
    ...options,
    log,
    company: options.company ?? companyFromSettings((method, params) => router.dispatch(method, params)),
    onRan: () => router.emit('data.changed', { tables: ['dunning_tasks', 'outbox_messages', 'job_runs', 'contacts', 'activity_log'] }),
  });
  const router = createRouter(
    mergeHandlers([...dunning.handlers, appHandlers(ctx, APP_VERSION), auditHandlers(ctx), healthHandlers(), backupHandlers(backups, backupOptions), bankReturnsHandlers(ctx), settingsHandlers(ctx), reportsHandlers(ctx), customersHandlers(ctx), contactsHandlers(ctx), invoicesHandlers(ctx), dashboardHandlers(ctx), negotiationHandlers(ctx), creditHandlers(ctx), usersHandlers(ctx, session), importsHandlers(ctx, (name, payload) => router.emit(name, payload), log)]),
    log,
  );
  // A lockout is written by a refused call, which the router does not announce: the users list must still see it.
  credentialsService(ctx).onLockout(() => router.emit('data.changed', { tables: ['login_attempts', 'activity_log'] }));
  return {
    // The login gate sits in front of the router; the backend's own calls (companyFromSettings) go around it.
    dispatch: async (method, params, callCtx) =>
      (Object.hasOwn(schemas, method) && callCtx?.origin !== 'startup' ? accessDenied(session, method as Method) : null) ?? router.dispatch(method, params, callCtx),
    onEvent: router.onEvent,
    files,
    scheduler: dunning.scheduler,
    close: () => {
      dunning.scheduler.stop();
      stopDailyBackup();
      files.close();
      db.close();
    },
  };
}
