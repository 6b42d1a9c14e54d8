import type { Migration } from './index';

/**
 * Audit trail hash chain. Each activity_log entry carries the hash of the entry before it (`prev_hash`) and
 * its own `hash` = SHA-256 over a canonical serialization of the entry plus `prev_hash`
 * (electron/backend/audit/audit-chain.ts), so an edited or deleted entry breaks the chain.
 * `audit_chain_head` remembers the newest entry, so removing entries from the end is caught too.
 *
 * SQLite has no SHA-256, so the rows written before this migration are left unsealed (hash NULL) and
 * sealed in id order by `sealLegacyEntries` when the backend opens. The update trigger is replaced by one
 * that allows exactly that, once per row: setting prev_hash and hash of an unsealed row, nothing else.
 * A row inserted around the app (no hash) is not refused here but reported by the integrity check.
 */
export const migration0009: Migration = {
  id: 9,
  name: 'audit_chain',
  up: `
ALTER TABLE activity_log ADD COLUMN prev_hash TEXT;
ALTER TABLE activity_log ADD COLUMN hash TEXT;

DROP TRIGGER activity_log_no_update;
CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
  WHEN NOT (
    OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
    AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.action IS OLD.action
    AND NEW.customer_id IS OLD.customer_id AND NEW.invoice_id IS OLD.invoice_id AND NEW.details IS OLD.details
  )
  BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;

CREATE TABLE audit_chain_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
`,
};
