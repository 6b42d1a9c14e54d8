import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRole, UserRow } from '../../../../shared/ipc/users.contract';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';
import { dateTime } from '../../i18n/format';
import { TextField, useFormCall } from './AuthScreens';
import { session, useSession } from './session.store';

const ROLES: readonly UserRole[] = ['clerk', 'supervisor', 'admin'];

function RoleSelect({ id, value, onChange, testId, label }: { id: string; value: UserRole; onChange(r: UserRole): void; testId: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as UserRole)} data-testid={testId} aria-label={label}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`users.roles.${r}`)}
        </option>
      ))}
    </select>
  );
}

function NewUserForm({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<UserRole>('clerk');
  const [password, setPassword] = useState('');
  const { busy, fieldErrors, error, submit } = useFormCall();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit(() => api.invoke('users.create', { name, login, role, password }))) {
      toast.success(t('users.admin.created', { name }));
      setName('');
      setLogin('');
      setPassword('');
      onCreated();
    }
  }

  return (
    <form className="form users-new" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t('users.admin.newTitle')}>
      <div className="form-grid users-new__grid">
        <TextField id="new-user-name" label={t('users.fields.name')} value={name} onChange={setName} error={fieldErrors.name} testId="new-user-name" />
        <TextField id="new-user-login" label={t('users.fields.login')} value={login} onChange={setLogin} error={fieldErrors.login} autoComplete="off" testId="new-user-login" />
        <div className="field">
          <label htmlFor="new-user-role">{t('users.fields.role')}</label>
          <RoleSelect id="new-user-role" value={role} onChange={setRole} testId="new-user-role" />
        </div>
        <TextField id="new-user-password" type="password" label={t('users.fields.password')} value={password} onChange={setPassword} error={fieldErrors.password} autoComplete="new-password" testId="new-user-password" />
      </div>
      {error && !Object.keys(fieldErrors).length && (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="new-user-submit">
          {t('users.admin.create')}
        </button>
      </div>
    </form>
  );
}

function UserRowView({ user, isMe, onChanged }: { user: UserRow; isMe: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const update = async (change: { role?: UserRole; active?: boolean; password?: string }, done: string) => {
    try {
      await api.invoke('users.update', { id: user.id, ...change });
      toast.success(done);
      setNewPassword(null);
      onChanged();
      if (isMe) await session.refresh();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };

  const unlock = async () => {
    try {
      await api.invoke('users.unlock', { id: user.id });
      toast.success(t('users.admin.unlocked', { name: user.name }));
      onChanged();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <tr data-testid={`user-row-${user.login}`}>
      <td>
        {user.name}
        {isMe && <span className="users-me"> {t('users.admin.you')}</span>}
      </td>
      <td>{user.login}</td>
      <td>
        <RoleSelect id={`role-${user.id}`} value={user.role} label={t('users.fields.roleOf', { name: user.name })} onChange={(role) => void update({ role }, t('users.admin.updated', { name: user.name }))} testId={`user-role-${user.login}`} />
      </td>
      <td>
        <span className={user.active ? 'badge badge--active' : 'badge badge--inactive'}>{user.active ? t('users.admin.active') : t('users.admin.inactive')}</span>
        {user.lockedUntil && (
          <>
            {' '}
            <span className="badge badge--blocked" title={t('users.admin.lockedHint')} data-testid={`user-locked-${user.login}`}>
              {t('users.admin.lockedUntil', { time: dateTime(user.lockedUntil) })}
            </span>
          </>
        )}
      </td>
      <td className="num">{user.lastLoginAt ? dateTime(user.lastLoginAt) : t('common.none')}</td>
      <td className="actions">
        {user.lockedUntil && (
          <button type="button" className="button button--small" onClick={() => void unlock()} data-testid={`user-unlock-${user.login}`}>
            {t('users.admin.unlock')}
          </button>
        )}
        {newPassword === null ? (
          <button type="button" className="button button--small" onClick={() => setNewPassword('')} data-testid={`user-reset-${user.login}`}>
            {t('users.admin.resetPassword')}
          </button>
        ) : (
          <form className="users-reset" onSubmit={(e) => (e.preventDefault(), void update({ password: newPassword }, t('users.admin.passwordReset', { name: user.name })))}>
            <input type="password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} aria-label={t('users.admin.newPasswordFor', { name: user.name })} autoComplete="new-password" autoFocus />
            <button type="submit" className="button button--small button--primary">
              {t('common.save')}
            </button>
            <button type="button" className="button button--small" onClick={() => setNewPassword(null)}>
              {t('common.cancel')}
            </button>
          </form>
        )}
        {!isMe && (
          <button type="button" className="button button--small" onClick={() => void update({ active: !user.active }, t('users.admin.updated', { name: user.name }))} data-testid={`user-toggle-${user.login}`}>
            {user.active ? t('users.admin.deactivate') : t('users.admin.reactivate')}
          </button>
        )}
      </td>
    </tr>
  );
}

function UsersPanel({ meId }: { meId: number }) {
  const { t } = useTranslation();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const load = useCallback(() => {
    api.invoke('users.list', {}).then(setUsers, (e: unknown) => toast.error(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    load();
    // A lockout is written by someone else's refused login or approval: show it without a refresh.
    return api.on('data.changed', (p) => {
      if (p.tables.includes('login_attempts') || p.tables.includes('users')) load();
    });
  }, [load]);

  return (
    <article className="panel" aria-labelledby="users-title">
      <div className="panel__header">
        <h2 id="users-title">{t('users.admin.title')}</h2>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t('users.fields.name')}</th>
              <th>{t('users.fields.login')}</th>
              <th>{t('users.fields.role')}</th>
              <th>{t('users.admin.status')}</th>
              <th className="num">{t('users.admin.lastLogin')}</th>
              <th className="actions">
                <span className="visually-hidden">{t('users.admin.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users?.map((u) => (
              <UserRowView key={u.id} user={u} isMe={u.id === meId} onChanged={load} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="users-panel__body">
        <h3>{t('users.admin.newTitle')}</h3>
        <NewUserForm onCreated={load} />
      </div>
    </article>
  );
}

function IdleLockPanel({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(minutes));
  const { busy, fieldErrors, error, submit } = useFormCall();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit(() => api.invoke('users.setIdleLock', { minutes: Number(value) }))) {
      toast.success(t('users.idle.saved', { minutes: Number(value) }));
      await session.refresh();
    }
  }
  return (
    <article className="panel" aria-labelledby="idle-title">
      <div className="panel__header">
        <h2 id="idle-title">{t('users.idle.title')}</h2>
      </div>
      <form className="form users-panel__body" onSubmit={(e) => void onSubmit(e)} noValidate>
        <p className="field__hint">{t('users.idle.text')}</p>
        <div className={fieldErrors.minutes ? 'field field--error users-idle' : 'field users-idle'}>
          <label htmlFor="idle-minutes">{t('users.idle.minutes')}</label>
          <input id="idle-minutes" type="number" min={1} max={240} value={value} onChange={(e) => setValue(e.target.value)} className="num" data-testid="idle-minutes" />
          {(fieldErrors.minutes ?? error) && <span className="field__error">{fieldErrors.minutes ?? error}</span>}
        </div>
        <div>
          <button type="submit" className="button" disabled={busy} data-testid="idle-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </article>
  );
}

function MyPasswordPanel() {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const { busy, fieldErrors, error, submit } = useFormCall();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit(() => api.invoke('users.changePassword', { currentPassword, newPassword }))) {
      toast.success(t('users.mine.changed'));
      setCurrent('');
      setNew('');
    }
  }
  return (
    <article className="panel" aria-labelledby="mine-title">
      <div className="panel__header">
        <h2 id="mine-title">{t('users.mine.title')}</h2>
      </div>
      <form className="form users-panel__body" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="form-grid form-grid--2">
          <TextField id="mine-current" type="password" label={t('users.mine.current')} value={currentPassword} onChange={setCurrent} error={fieldErrors.currentPassword} autoComplete="current-password" testId="mine-current" />
          <TextField id="mine-new" type="password" label={t('users.mine.new')} value={newPassword} onChange={setNew} error={fieldErrors.newPassword} autoComplete="new-password" testId="mine-new" />
        </div>
        {error && !Object.keys(fieldErrors).length && (
          <div className="alert alert--error" role="alert">
            {error}
          </div>
        )}
        <div>
          <button type="submit" className="button" disabled={busy || !currentPassword || !newPassword} data-testid="mine-submit">
            {t('users.mine.submit')}
          </button>
        </div>
      </form>
    </article>
  );
}

/** "Usuários": the admin manages users and the idle lock; everyone changes their own password here. */
export function UsersPage() {
  const { t } = useTranslation();
  const status = useSession();
  const me = status?.user;
  if (!me) {
    return (
      <section className="page">
        <div className="empty-state">
          <h3>{t('users.title')}</h3>
          <p>{t('users.noLogin')}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="page" aria-labelledby="users-page-title">
      <header className="page__header">
        <div>
          <h1 id="users-page-title">{t('users.title')}</h1>
          <p className="page__subtitle">{me.role === 'admin' ? t('users.subtitleAdmin') : t('users.subtitle')}</p>
        </div>
      </header>
      {me.role === 'admin' && <UsersPanel meId={me.id} />}
      {me.role === 'admin' && <IdleLockPanel minutes={status.idleLockMinutes} />}
      <MyPasswordPanel />
    </section>
  );
}
