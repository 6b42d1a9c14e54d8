/** Local users, login and the idle lock (migration 0010, electron/backend/users). */
import type { Params } from './schemas';

/** clerk: the daily work; supervisor: also approves what exceeds a clerk's limits; admin: also users and settings. */
export type UserRole = 'clerk' | 'supervisor' | 'admin';

export interface SessionUser {
  id: number;
  name: string;
  login: string;
  role: UserRole;
}

export interface UserRow extends SessionUser {
  active: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** Until when the login is locked after too many wrong passwords (ISO instant), or null. */
  lockedUntil: string | null;
}

export interface UsersStatus {
  /** false only in tests and tools that run the backend without login. */
  authRequired: boolean;
  /** false until the first administrator is created (first run). */
  hasUsers: boolean;
  /** Who is logged in (also while locked, so the lock screen can name them). */
  user: SessionUser | null;
  /** Locked after idle: every method but login/logout answers FORBIDDEN until the password is typed again. */
  locked: boolean;
  idleLockMinutes: number;
}

export type UsersTable = 'users' | 'login_attempts';

export interface UsersApi {
  'users.status': { params: Params<'users.status'>; result: UsersStatus };
  'users.setupAdmin': { params: Params<'users.setupAdmin'>; result: SessionUser };
  'users.login': { params: Params<'users.login'>; result: SessionUser };
  'users.logout': { params: Params<'users.logout'>; result: null };
  'users.lock': { params: Params<'users.lock'>; result: null };
  'users.changePassword': { params: Params<'users.changePassword'>; result: null };
  'users.list': { params: Params<'users.list'>; result: UserRow[] };
  'users.create': { params: Params<'users.create'>; result: UserRow };
  'users.update': { params: Params<'users.update'>; result: UserRow };
  'users.setIdleLock': { params: Params<'users.setIdleLock'>; result: { idleLockMinutes: number } };
  'users.unlock': { params: Params<'users.unlock'>; result: UserRow };
}
