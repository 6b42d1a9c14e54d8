import type { UserRole, UserRow } from '../../../shared/ipc/users.contract';
import type { Prepare } from '../db/statements';
import type { PasswordHash } from './password';

const USER_COLUMNS = `id, name, login, role, active, created_at AS createdAt, last_login_at AS lastLoginAt`;
type UserDbRow = Omit<UserRow, 'active'> & { active: number };
type CredentialsRow = UserDbRow & { password_hash: string; password_salt: string; scrypt_n: number; scrypt_r: number; scrypt_p: number };

const toUser = ({ active, ...rest }: UserDbRow): UserRow => ({ ...rest, active: active === 1 });

/** The `users` table (migration 0010). */
export function usersRepo(prepare: Prepare) {
  return {
    any(): boolean {
      return prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1;
    },
    list(): UserRow[] {
      return (prepare(`SELECT ${USER_COLUMNS} FROM users ORDER BY active DESC, name COLLATE NOCASE`).all() as UserDbRow[]).map(toUser);
    },
    get(id: number): UserRow | null {
      const row = prepare(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`).get(id) as UserDbRow | undefined;
      return row ? toUser(row) : null;
    },
    /** The user and their stored hash, by login in any case. */
    credentials(login: string): { user: UserRow; password: PasswordHash } | null {
      const row = prepare(`SELECT ${USER_COLUMNS}, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p FROM users WHERE login = ?`).get(login) as CredentialsRow | undefined;
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
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;
