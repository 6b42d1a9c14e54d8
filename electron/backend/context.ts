import { todayInSaoPaulo } from '../../shared/domain/dates';
import type { Clock } from './backend.types';
import type { Db } from './db/connection';
import { activityRepo } from './db/repos/activity.repo';
import { bankReturnsRepo } from './db/repos/bank-returns.repo';
import { contactsRepo } from './db/repos/contacts.repo';
import { creditAnalysisRepo } from './db/repos/credit-analysis.repo';
import { creditNegativacaoRepo } from './db/repos/credit-negativacao.repo';
import { creditRepo } from './db/repos/credit.repo';
import { dashboardRepo } from './db/repos/dashboard.repo';
import { customersRepo } from './db/repos/customers.repo';
import { importsRepo } from './db/repos/imports.repo';
import { invoicesRepo } from './db/repos/invoices.repo';
import { obligationsRepo } from './db/repos/obligations.repo';
import { paymentsRepo } from './db/repos/payments.repo';
import { jobRunsRepo } from './db/repos/job-runs.repo';
import { laddersRepo } from './db/repos/ladders.repo';
import { outboxRepo } from './db/repos/outbox.repo';
import { pausesRepo } from './db/repos/pauses.repo';
import { settingsRepo } from './db/repos/settings.repo';
import { tasksRepo } from './db/repos/tasks.repo';
import { statementCache } from './db/statements';
import { negotiationRepos } from './negotiation/repos';
import type { FileIntake } from './files/file-intake';
import type { SessionUser } from '../../shared/ipc/users.contract';

/** What services share: the connection, its repos, the injected clock and who is acting. */
export function createContext(db: Db, clock: Clock, actor: () => string, files: FileIntake, user: () => SessionUser | null = () => null) {
  const prepare = statementCache(db);
  return {
    db,
    clock,
    actor,
    /** The logged-in user, whose role sets their limits (null with auth off and nobody logged in). */
    user,
    files,
    repos: {
      customers: customersRepo(prepare),
      contacts: contactsRepo(prepare),
      invoices: invoicesRepo(prepare),
      payments: paymentsRepo(prepare),
      activity: activityRepo(prepare),
      ladders: laddersRepo(prepare),
      pauses: pausesRepo(prepare),
      outbox: outboxRepo(prepare),
      tasks: tasksRepo(prepare),
      jobRuns: jobRunsRepo(prepare),
      bankReturns: bankReturnsRepo(prepare),
      settings: settingsRepo(prepare),
      credit: creditRepo(prepare),
      negativacao: creditNegativacaoRepo(prepare),
      creditAnalysis: creditAnalysisRepo(prepare),
      dashboard: dashboardRepo(prepare),
      obligations: obligationsRepo(prepare),
      imports: importsRepo(prepare),
      negotiation: negotiationRepos(prepare),
    },
    /** The business date ("hoje") in São Paulo, where a day's overdue status is decided. */
    asOf: () => todayInSaoPaulo(clock.now()),
    nowIso: () => clock.now().toISOString(),
    /** Runs `fn` as one transaction: it lands whole or not at all. */
    tx<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}

export type Context = ReturnType<typeof createContext>;
