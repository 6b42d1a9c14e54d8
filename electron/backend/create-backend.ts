import type { Backend, Clock } from './backend.types';
import { createContext } from './context';
import { openDatabase } from './db/connection';
import { createFileIntake } from './files/file-intake';
import { sealAtOpen } from './audit/audit-chain';
import { appHandlers } from './handlers/app.handlers';
import { auditHandlers } from './handlers/audit.handlers';
import { bankReturnsHandlers } from './handlers/bank-returns.handlers';
import { contactsHandlers } from './handlers/contacts.handlers';
import { creditHandlers } from './handlers/credit.handlers';
import { customersHandlers } from './handlers/customers.handlers';
import { dashboardHandlers } from './handlers/dashboard.handlers';
import { importsHandlers } from './handlers/imports.handlers';
import { invoicesHandlers } from './handlers/invoices.handlers';
import { negotiationHandlers } from './handlers/negotiation.handlers';
import { reportsHandlers } from './handlers/reports.handlers';
import { settingsHandlers } from './handlers/settings.handlers';
import { createRouter, mergeHandlers } from './router';
import { companyFromSettings, createDunning, type DunningOptions } from './scheduler/dunning-module';
import { APP_VERSION } from './version';

export interface BackendOptions extends DunningOptions {
  dbPath: string;
  clock?: Clock;
  log?: (msg: string) => void;
  /** Who is acting, until local users exist. */
  actor?: () => string;
}

export function createBackend(options: BackendOptions): Backend {
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.log ?? ((msg: string) => console.error(msg));
  const { db, backupPath } = openDatabase(options.dbPath, { now: () => clock.now() });
  if (backupPath) log(`Backup before migrating: ${backupPath}`);
  sealAtOpen(db);
  const files = createFileIntake();
  const ctx = createContext(db, clock, options.actor ?? (() => 'operador'), files);
  const dunning = createDunning(ctx, {
    ...options,
    log,
    company: options.company ?? companyFromSettings((method, params) => router.dispatch(method, params)),
    onRan: () => router.emit('data.changed', { tables: ['dunning_tasks', 'outbox_messages', 'job_runs', 'contacts', 'activity_log'] }),
  });
  const router = createRouter(
    mergeHandlers([...dunning.handlers, appHandlers(ctx, APP_VERSION), auditHandlers(ctx), bankReturnsHandlers(ctx), settingsHandlers(ctx), reportsHandlers(ctx), customersHandlers(ctx), contactsHandlers(ctx), invoicesHandlers(ctx), dashboardHandlers(ctx), negotiationHandlers(ctx), creditHandlers(ctx), importsHandlers(ctx, (name, payload) => router.emit(name, payload), log)]),
    log,
  );
  return {
    dispatch: router.dispatch,
    onEvent: router.onEvent,
    files,
    scheduler: dunning.scheduler,
    close: () => {
      dunning.scheduler.stop();
      files.close();
      db.close();
    },
  };
}
