/**
 * Who is logged in. One person at a time per backend process: the desktop app has one window, and browser
 * mode (`npm run web`) serves one clerk on the loopback. Kept in memory, so restarting the app logs out.
 */
import type { Envelope } from '../../../shared/ipc/envelope';
import type { Method } from '../../../shared/ipc/contract';
import type { SessionUser } from '../../../shared/ipc/users.contract';
import { ROLE_LABEL } from './credentials';

/** 'required' in the desktop shell and `npm run web`; 'off' for tests, benches and tools. */
export type AuthMode = 'required' | 'off';

export function createSession(mode: AuthMode) {
  let user: SessionUser | null = null;
  let locked = false;
  return {
    mode,
    user: () => user,
    locked: () => locked,
    logIn(u: SessionUser) {
      user = u;
      locked = false;
    },
    logOut() {
      user = null;
      locked = false;
    },
    lock() {
      if (user) locked = true;
    },
    /** Keeps the session's name and role in step with an edit of the logged user. */
    refresh(u: SessionUser) {
      if (user?.id === u.id) user = { ...u };
    },
  };
}

export type Session = ReturnType<typeof createSession>;

/** Answered before login, and while locked (to unlock or switch user). */
const OPEN_METHODS: ReadonlySet<string> = new Set<Method>(['users.status', 'users.setupAdmin', 'users.login', 'users.logout', 'app.health']);

/** Users and settings are the administrator's. */
const ADMIN_METHODS: ReadonlySet<string> = new Set<Method>([
  'users.list',
  'users.create',
  'users.update',
  'users.setIdleLock',
  'users.unlock',
  'settings.updateCompany',
  'dunning.settings.save',
  'credit.savePolicy',
  'credit.saveWeights',
  'backup.restore',
]);


/**
 * The FORBIDDEN envelope a call gets before its handler runs, or null when it may go on. With auth off and
 * nobody logged in (tests) everything passes; once someone logs in, their role counts either way.
 */
export function accessDenied(session: Session, method: Method): Envelope<never> | null {
  if (OPEN_METHODS.has(method)) return null;
  const user = session.user();
  if (!user) return session.mode === 'required' ? forbidden('Entre com seu login e senha para continuar.') : null;
  if (session.locked()) return forbidden('Tela bloqueada por inatividade: digite sua senha para continuar.');
  if (ADMIN_METHODS.has(method) && user.role !== 'admin') {
    return forbidden(`Só um administrador pode fazer isso; você entrou como ${ROLE_LABEL[user.role]}.`);
  }
  return null;
}

function forbidden(message: string): Envelope<never> {
  return { ok: false, error: { code: 'FORBIDDEN', message } };
}
