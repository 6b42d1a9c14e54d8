import type { UserRole, UserRow } from '../../../shared/ipc/users.contract';
import type { Prepare } from '../db/statements';
import type { PasswordHash } from './password';

const USER_COLUMNS = `users.id, users.name, users.login, users.role, users.active, users.created_at AS createdAt, users.last_login_at AS lastLoginAt,
  login_attempts.locked_until AS lockedUntil`;
/** Users with their lockout, when it still runs at @now. */
const USERS_FROM = `users LEFT JOIN login_attempts ON login_attempts.login = users.login AND login_attempts.locked_until > @now`;
type UserDbRow = Omit<UserRow, 'active'> & { active: number };
type CredentialsRow = UserDbRow & { password_hash: string; password_salt: string; scrypt_n: number; scrypt_r: number; scrypt_p: number };

const toUser = ({ active, ...rest }: UserDbRow): UserRow => ({ ...rest, active: active === 1 });

/** The `users` table (migration 0010) and its `login_attempts` (migration 0013). `now` is an ISO instant. */
export function usersRepo(prepare: Prepare) {
  return {
    any(): boolean {
      return prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1;
    },
    list(now: string): UserRow[] {
      return (prepare(`SELECT ${USER_COLUMNS} FROM ${USERS_FROM} ORDER BY users.active DESC, users.name COLLATE NOCASE`).all({ now }) as UserDbRow[]).map(toUser);
    },
    get(id: number, now: string): UserRow | null {
      const row = prepare(`SELECT ${USER_COLUMNS} FROM ${USERS_FROM} WHERE users.id = @id`).get({ id, now }) as UserDbRow | undefined;
      return row ? toUser(row) : null;
    },
    /** The user and their stored hash, by login in any case. */
    credentials(login: string, now: string): { user: UserRow; password: PasswordHash } | null {
      const row = prepare(`SELECT ${USER_COLUMNS}, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p FROM ${USERS_FROM} WHERE users.login = @login`).get({ login, now }) as
        | CredentialsRow
        | undefined;
      if (!row) return null;
      const { password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p, ...user } = row;
      return { user: toUser(user), password: { hash: password_hash, salt: password_salt, N: scrypt_n, r: scrypt_r, p: scrypt_p } };
    },
    loginTaken(login: string, exceptId: number | null): boolean {
      return prepare('SELECT EXISTS (SELECT 1 FROM users WHERE login = ? AND id IS NOT ?)').pluck().get(login, exceptId) === 1;
    },
    activeAdmins(): number {
      return prepare(`SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1`).pluck().get() as number;
    },
    insert(u: { name: string; login: string; role: UserRole; password: PasswordHash }, at: string): number {
      const info = prepare(
        `INSERT INTO users (name, login, role, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(u.name, u.login, u.role, u.password.hash, u.password.salt, u.password.N, u.password.r, u.password.p, at);
      return Number(info.lastInsertRowid);
    },
    update(id: number, u: { name: string; role: UserRole; active: boolean }): void {
      prepare('UPDATE users SET name = ?, role = ?, active = ? WHERE id = ?').run(u.name, u.role, u.active ? 1 : 0, id);
    },
    setPassword(id: number, password: PasswordHash): void {
      prepare('UPDATE users SET password_hash = ?, password_salt = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ? WHERE id = ?').run(password.hash, password.salt, password.N, password.r, password.p, id);
    },
    touchLogin(id: number, at: string): void {
      prepare('UPDATE users SET last_login_at = ? WHERE id = ?').run(at, id);
    },
    /** Until when `login` (known or not) is locked at `now`, or null. */
    lockedUntil(login: string, now: string): string | null {
      return (prepare('SELECT locked_until FROM login_attempts WHERE login = ? AND locked_until > ?').pluck().get(login, now) as string | undefined) ?? null;
    },
    /** Counts one more consecutive wrong password and answers the count; a lockout that has run out starts over at 1. */
    recordFailure(login: string, at: string): number {
      return prepare(
        `INSERT INTO login_attempts (login, failed_count, last_failed_at) VALUES (@login, 1, @at)
         ON CONFLICT (login) DO UPDATE SET
           failed_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= @at THEN 1 ELSE failed_count + 1 END,
           locked_until = CASE WHEN locked_until <= @at THEN NULL ELSE locked_until END,
           last_failed_at = @at
         RETURNING failed_count`,
      )
        .pluck()
        .get({ login, at }) as number;
    },
    lockLogin(login: string, until: string): void {
      prepare('UPDATE login_attempts SET locked_until = ? WHERE login = ?').run(until, login);
    },
    /** A right password or an administrator's unlock: the count starts over. */
    clearAttempts(login: string): void {
      prepare('DELETE FROM login_attempts WHERE login = ?').run(login);
    },
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;
