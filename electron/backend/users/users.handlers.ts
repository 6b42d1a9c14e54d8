import { AppError } from '../../../shared/ipc/envelope';
import type { SessionUser } from '../../../shared/ipc/users.contract';
import type { Context } from '../context';
import { statementCache } from '../db/statements';
import type { HandlerGroup } from '../router';
import { credentialsService, lockedOutMessage, sessionUser } from './credentials';
import { hashPassword } from './password';
import type { Session } from './session';
import { usersRepo } from './users.repo';

const IDLE_LOCK_KEY = 'users.idleLockMinutes';
const DEFAULT_IDLE_LOCK_MINUTES = 15;
const WRONG_CREDENTIALS = 'Login ou senha incorretos.';

export function usersHandlers(ctx: Context, session: Session): HandlerGroup {
  const users = usersRepo(statementCache(ctx.db));
  const credentials = credentialsService(ctx);
  const idleLockMinutes = () => Number(ctx.repos.settings.get(IDLE_LOCK_KEY) ?? DEFAULT_IDLE_LOCK_MINUTES);
  /** An activity-log entry about `user`; `actor` is who did it (the user themself when logging in). */
  const record = (action: string, user: SessionUser, details: Record<string, unknown> = {}, actor = ctx.actor()) =>
    ctx.repos.activity.append({ actor, action, details: { userId: user.id, login: user.login, ...details } }, ctx.nowIso());
  const loggedUser = () => {
    const user = session.user();
    if (!user) throw new AppError('FORBIDDEN', 'Entre com seu login e senha para continuar.');
    return user;
  };
  const getUser = (id: number) => {
    const user = users.get(id, ctx.nowIso());
    if (!user) throw new AppError('NOT_FOUND', `Usuário ${id} não encontrado.`);
    return user;
  };

  return {
    'users.status': {
      run: () => ({ authRequired: session.mode === 'required', hasUsers: users.any(), user: session.user(), locked: session.locked(), idleLockMinutes: idleLockMinutes() }),
    },
    'users.setupAdmin': {
      writes: ['users', 'activity_log'],
      async run(p) {
        const alreadyDone = () => new AppError('CONFLICT', 'O administrador já foi criado: entre com login e senha.');
        if (users.any()) throw alreadyDone();
        const password = await hashPassword(p.password);
        const admin = ctx.tx(() => {
          // Checked again inside the transaction: two first-run screens must not both create an admin.
          if (users.any()) throw alreadyDone();
          const id = users.insert({ name: p.name, login: p.login, role: 'admin', password }, ctx.nowIso());
          users.touchLogin(id, ctx.nowIso());
          const created = sessionUser(getUser(id));
          record('user.created', created, { role: 'admin', firstRun: true }, created.name);
          return created;
        });
        session.logIn(admin);
        return admin;
      },
    },
    'users.login': {
      writes: ['users', 'login_attempts', 'activity_log'],
      async run(p) {
        const checked = await credentials.check(p.login, p.password);
        if (!checked.ok) throw new AppError('FORBIDDEN', checked.lockedUntil ? lockedOutMessage(checked.lockedUntil) : WRONG_CREDENTIALS);
        if (!checked.user.active) throw new AppError('FORBIDDEN', 'Este usuário foi desativado: fale com um administrador.');
        const user = sessionUser(checked.user);
        ctx.tx(() => {
          users.touchLogin(user.id, ctx.nowIso());
          record('user.login', user, {}, user.name);
        });
        session.logIn(user);
        return user;
      },
    },
    'users.logout': {
      writes: ['activity_log'],
      run() {
        const user = session.user();
        if (user) ctx.tx(() => record('user.logout', user));
        session.logOut();
        return null;
      },
    },
    'users.lock': {
      run() {
        session.lock();
        return null;
      },
    },
    'users.changePassword': {
      writes: ['users', 'login_attempts', 'activity_log'],
      async run(p) {
        const user = loggedUser();
        // Counted like a login, so an unattended session cannot be used to guess its own password.
        const checked = await credentials.check(user.login, p.currentPassword);
        if (!checked.ok) {
          const message = checked.lockedUntil ? lockedOutMessage(checked.lockedUntil) : 'Senha atual incorreta.';
          throw new AppError('VALIDATION', message, { fields: [{ path: 'currentPassword', message }] });
        }
        const password = await hashPassword(p.newPassword);
        ctx.tx(() => {
          users.setPassword(user.id, password);
          record('user.passwordChanged', user);
        });
        return null;
      },
    },
    'users.list': { run: () => users.list(ctx.nowIso()) },
    'users.create': {
      writes: ['users', 'activity_log'],
      async run(p) {
        const taken = () => new AppError('CONFLICT', `O login "${p.login}" já está em uso.`, { fields: [{ path: 'login', message: 'Login já em uso' }] });
        if (users.loginTaken(p.login, null)) throw taken();
        const password = await hashPassword(p.password);
        return ctx.tx(() => {
          if (users.loginTaken(p.login, null)) throw taken();
          const created = getUser(users.insert({ name: p.name, login: p.login, role: p.role, password }, ctx.nowIso()));
          record('user.created', created, { role: created.role });
          return created;
        });
      },
    },
    'users.update': {
      writes: ['users', 'activity_log'],
      async run(p) {
        const password = p.password ? await hashPassword(p.password) : null;
        return ctx.tx(() => {
          const before = getUser(p.id);
          const next = { name: p.name ?? before.name, role: p.role ?? before.role, active: p.active ?? before.active };
          if (!next.active && session.user()?.id === before.id) throw new AppError('CONFLICT', 'Você não pode desativar o próprio usuário.');
          const losesAdmin = before.role === 'admin' && before.active && (next.role !== 'admin' || !next.active);
          if (losesAdmin && users.activeAdmins() <= 1) throw new AppError('CONFLICT', 'Este é o único administrador ativo: crie ou promova outro antes.');
          users.update(before.id, next);
          if (password) users.setPassword(before.id, password);
          const after = getUser(before.id);
          session.refresh(sessionUser(after));
          record('user.updated', after, { role: after.role, active: after.active, passwordReset: password !== null });
          return after;
        });
      },
    },
    'users.unlock': {
      writes: ['login_attempts', 'activity_log'],
      run(p) {
        return ctx.tx(() => {
          const user = getUser(p.id);
          users.clearAttempts(user.login);
          record('user.unlocked', user, { lockedUntil: user.lockedUntil });
          return getUser(user.id);
        });
      },
    },
    'users.setIdleLock': {
      writes: ['settings', 'activity_log'],
      run(p) {
        ctx.tx(() => {
          ctx.repos.settings.set(IDLE_LOCK_KEY, String(p.minutes));
          ctx.repos.activity.append({ actor: ctx.actor(), action: 'settings.idleLockChanged', details: { minutes: p.minutes } }, ctx.nowIso());
        });
        return { idleLockMinutes: p.minutes };
      },
    },
  };
}
