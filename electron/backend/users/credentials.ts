/**
 * The one place a typed password is compared with its hash: the login screen, the lock screen and a
 * supervisor's approval on a clerk's screen all come here, so they share the attempt limit.
 */
import { AppError } from '../../../shared/ipc/envelope';
import type { SessionUser, UserRole, UserRow } from '../../../shared/ipc/users.contract';
import type { Context } from '../context';
import { statementCache } from '../db/statements';
import { burnPasswordCheck, verifyPassword } from './password';
import { usersRepo } from './users.repo';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** Who may approve what exceeds a clerk's limits. */
export const APPROVER_ROLES: ReadonlySet<UserRole> = new Set<UserRole>(['supervisor', 'admin']);

export type CredentialCheck = { ok: true; user: UserRow } | { ok: false; lockedUntil: string | null };

export interface ApprovalCredentials {
  login: string;
  password: string;
}

export interface ApprovalRules {
  /** How the screen names the approval, starting every message: "Aprovação do supervisor". */
  label: string;
  /** Who may not approve (the clerk asking, the person who decided first). */
  excluded(user: SessionUser): boolean;
  /** Why an excluded user is refused. */
  excludedMessage: string;
}

/** The role as messages name it. */
export const ROLE_LABEL: Record<UserRole, string> = { clerk: 'atendente', supervisor: 'supervisor', admin: 'administrador' };

/** "14:35" in São Paulo, where the clerk reads the clock. */
function clockTime(iso: string): string {
  return new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function lockedOutMessage(lockedUntil: string): string {
  return `Login bloqueado até ${clockTime(lockedUntil)} depois de ${MAX_FAILED_ATTEMPTS} senhas erradas seguidas. Tente de novo depois desse horário ou peça a um administrador para desbloquear.`;
}

export const sessionUser = ({ id, name, login, role }: UserRow): SessionUser => ({ id, name, login, role });

/** One service per backend context: the per-login queue only serialises checks that share it. */
const services = new WeakMap<Context, CredentialsService>();

/**
 * The backend's credentials service. Every caller (login, lock screen, change of password, approvals)
 * gets the same instance for the same context, so they all queue on the same per-login chains.
 */
export function credentialsService(ctx: Context): CredentialsService {
  let service = services.get(ctx);
  if (!service) services.set(ctx, (service = createCredentialsService(ctx)));
  return service;
}

function createCredentialsService(ctx: Context) {
  const users = usersRepo(statementCache(ctx.db));
  /** The last check queued per login (lower case, as logins are unique regardless of case). */
  const queues = new Map<string, Promise<unknown>>();
  const lockoutListeners = new Set<() => void>();

  /** Counts a wrong password; the 5th in a row locks the login for 15 minutes and goes to the activity log. */
  function recordFailure(login: string, userId: number | null): string | null {
    const at = ctx.nowIso();
    const failures = users.recordFailure(login, at);
    if (failures < MAX_FAILED_ATTEMPTS) return null;
    const lockedUntil = new Date(ctx.clock.now().getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    users.lockLogin(login, lockedUntil);
    ctx.repos.activity.append({ actor: ctx.actor(), action: 'user.lockedOut', details: { login, userId, failures, lockedUntil } }, at);
    return lockedUntil;
  }

  /**
   * Runs `work` after every earlier check of the same login has finished. Without it, parallel guesses
   * would all read "not locked" and all be compared before the first failure was counted.
   */
  function oneAtATime<T>(login: string, work: () => Promise<T>): Promise<T> {
    const key = login.toLowerCase();
    const run = (queues.get(key) ?? Promise.resolve()).then(work);
    // The next check waits for this one to settle, whether it answered or threw.
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return run;
  }

  /**
   * Login and password against the stored scrypt hash. An unknown login costs the same work and counts
   * towards a lockout like a known one, so neither the answer, its time nor the lockout tells whether it exists.
   */
  async function compare(login: string, password: string): Promise<CredentialCheck> {
    const found = users.credentials(login, ctx.nowIso());
    const lockedBefore = users.lockedUntil(login, ctx.nowIso());
    // No comparison while locked (guessing stops), but the same work, so a locked login answers as slowly.
    const matches = !lockedBefore && found ? await verifyPassword(password, found.password) : await burnPasswordCheck(password);
    if (lockedBefore) return { ok: false, lockedUntil: lockedBefore };
    let lockedNow = false;
    const outcome = ctx.tx((): CredentialCheck => {
      // Looked at again after the await: a login locked meanwhile never logs in and keeps its lock.
      const lockedUntil = users.lockedUntil(login, ctx.nowIso());
      if (lockedUntil) return { ok: false, lockedUntil };
      if (found && matches) {
        users.clearAttempts(login);
        return { ok: true, user: found.user };
      }
      const lockedByThisFailure = recordFailure(login, found?.user.id ?? null);
      lockedNow = lockedByThisFailure !== null;
      return { ok: false, lockedUntil: lockedByThisFailure };
    });
    if (lockedNow) for (const listener of lockoutListeners) listener();
    return outcome;
  }

  const check = (login: string, password: string): Promise<CredentialCheck> => oneAtATime(login, () => compare(login, password));

  /**
   * The approver who typed their login and password on this screen: an active supervisor or administrator
   * that `rules` do not exclude. Anything else is refused with the field named; nothing is written but the
   * attempt count.
   */
  async function approver(credentials: ApprovalCredentials, rules: ApprovalRules): Promise<SessionUser> {
    const refuse = (code: 'VALIDATION' | 'FORBIDDEN', message: string, field: 'login' | 'password') =>
      new AppError(code, `${rules.label}: ${message}`, { fields: [{ path: `approval.${field}`, message: message[0]!.toUpperCase() + message.slice(1) }] });
    const result = await check(credentials.login, credentials.password);
    if (!result.ok) {
      if (result.lockedUntil) throw refuse('FORBIDDEN', lockedOutMessage(result.lockedUntil), 'login');
      throw refuse('VALIDATION', 'login ou senha incorretos.', 'password');
    }
    const { user } = result;
    if (!user.active) throw refuse('FORBIDDEN', `o usuário "${user.login}" foi desativado.`, 'login');
    if (!APPROVER_ROLES.has(user.role)) {
      throw refuse('FORBIDDEN', `"${user.login}" é ${ROLE_LABEL[user.role]}; só um supervisor ou administrador pode aprovar.`, 'login');
    }
    if (rules.excluded(sessionUser(user))) throw refuse('FORBIDDEN', rules.excludedMessage, 'login');
    return sessionUser(user);
  }

  return {
    check,
    approver,
    /** `listener` runs whenever a wrong password locks a login (the users list shows the lock); answers the unsubscribe. */
    onLockout(listener: () => void): () => void {
      lockoutListeners.add(listener);
      return () => lockoutListeners.delete(listener);
    },
  };
}

export type CredentialsService = ReturnType<typeof createCredentialsService>;
