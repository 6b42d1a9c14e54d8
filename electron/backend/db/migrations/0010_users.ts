import type { Migration } from './index';

/**
 * Local users. The password is never stored: `password_hash` is scrypt(password, salt) in hex, with the cost
 * parameters kept per row so they can be raised later without locking anyone out. The login is unique
 * regardless of case (`COLLATE NOCASE`, which also makes the unique index serve the login lookup).
 * Sessions are not stored: one person is logged in per backend process (electron/backend/users/session.ts).
 */
export const migration0010: Migration = {
  id: 10,
  name: 'users',
  up: `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  login TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(login) BETWEEN 1 AND 40),
  role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  scrypt_n INTEGER NOT NULL,
  scrypt_r INTEGER NOT NULL,
  scrypt_p INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  last_login_at TEXT
);
CREATE INDEX users_role_active ON users (role, active);
`,
};
