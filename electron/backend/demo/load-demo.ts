import type { Db } from '../db/connection';
import { activityRepo } from '../db/repos/activity.repo';
import { bulkLoad, type BulkLoadCounts } from '../db/repos/bulk-load.repo';
import { statementCache } from '../db/statements';
import { generateDemoData, type DemoOptions } from './demo-data';

export interface LoadDemoOptions extends DemoOptions {
  /** Timestamp of the activity_log entry; defaults to the real clock. */
  now?: () => Date;
  actor?: string;
}

/**
 * Loads the demo portfolio into an empty database in one transaction, with a `demo.loaded` activity entry.
 * Throws (and leaves the database untouched) if it already has customers.
 */
export function loadDemoData(db: Db, opts: LoadDemoOptions): BulkLoadCounts {
  const { customers, invoices, seed, asOf } = opts;
  const now = opts.now ?? (() => new Date());
  return db.transaction(() => {
    const counts = bulkLoad(db, generateDemoData({ customers, invoices, seed, asOf }));
    activityRepo(statementCache(db)).append(
      {
        actor: opts.actor ?? 'system',
        action: 'demo.loaded',
        details: { seed, asOf, requested: { customers, invoices }, loaded: counts },
      },
      now().toISOString(),
    );
    return counts;
  })();
}
