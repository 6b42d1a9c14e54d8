import type { Migration } from './index';

/**
 * Approvals by a real, authenticated user, and the login attempt limit.
 * - `login_attempts`: consecutive wrong passwords per login as typed (case-insensitive), also for logins that
 *   do not exist, so the lockout cannot tell whether a user exists. Persisted, so a restart does not reset it;
 *   the row is deleted on a right password or an administrator's unlock.
 * - The approver's user id beside the name already recorded (names can repeat or change; the id cannot).
 */
export const migration0013: Migration = {
  id: 13,
  name: 'trust_approvals',
  up: `
CREATE TABLE login_attempts (
  login TEXT NOT NULL COLLATE NOCASE PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 40),
  failed_count INTEGER NOT NULL CHECK (failed_count >= 1),
  last_failed_at TEXT NOT NULL,
  locked_until TEXT
) WITHOUT ROWID;

ALTER TABLE agreements ADD COLUMN approved_by_user_id INTEGER REFERENCES users(id);
ALTER TABLE credit_analyses ADD COLUMN decided_by_user_id INTEGER REFERENCES users(id);
ALTER TABLE credit_analyses ADD COLUMN second_approver_user_id INTEGER REFERENCES users(id);
`,
};
