import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../shared/ipc/users.contract';
import { api, ApiCallError } from '../../api/client';
import { session } from './session.store';

/** One labelled input with its error, as the other forms show them. */
export function TextField(props: { id: string; label: string; value: string; onChange(v: string): void; error?: string; type?: 'text' | 'password'; autoComplete?: string; autoFocus?: boolean; testId: string }) {
  return (
    <div className={props.error ? 'field field--error' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        data-testid={props.testId}
      />
      {props.error && (
        <span id={`${props.id}-error`} className="field__error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** Submits a form through the backend, keeping its per-field errors and its general error. */
export function useFormCall() {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  async function submit(call: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      await call();
      return true;
    } catch (e) {
      if (e instanceof ApiCallError) {
        setFieldErrors(e.fieldErrors());
        setError(e.message);
      } else setError(String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, fieldErrors, error, submit };
}

function AuthCard({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <main className="auth-screen" id="main">
      <section className="auth-card panel" aria-labelledby="auth-title">
        <div className="brand-mark brand-mark--large" aria-hidden="true">
          A
        </div>
        <h1 id="auth-title">{title}</h1>
        <p className="auth-card__lead">{lead}</p>
        {children}
      </section>
    </main>
  );
}

/** First run: the administrator, before the demo-or-empty choice. */
export function SetupAdminScreen() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, fieldErrors, error, submit } = useFormCall();
  const mismatch = confirm.length > 0 && confirm !== password;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (mismatch) return;
    if (await submit(() => api.invoke('users.setupAdmin', { name, login, password }))) await session.refresh();
  }

  return (
    <AuthCard title={t('users.setup.title')} lead={t('users.setup.lead')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField id="setup-name" label={t('users.fields.name')} value={name} onChange={setName} error={fieldErrors.name} autoComplete="name" autoFocus testId="setup-name" />
        <TextField id="setup-login" label={t('users.fields.login')} value={login} onChange={setLogin} error={fieldErrors.login} autoComplete="username" testId="setup-login" />
        <TextField id="setup-password" type="password" label={t('users.fields.password')} value={password} onChange={setPassword} error={fieldErrors.password} autoComplete="new-password" testId="setup-password" />
        <TextField id="setup-confirm" type="password" label={t('users.fields.confirm')} value={confirm} onChange={setConfirm} error={mismatch ? t('users.setup.mismatch') : undefined} autoComplete="new-password" testId="setup-confirm" />
        <p className="field__hint">{t('users.setup.hint')}</p>
        {error && !Object.keys(fieldErrors).length && (
          <div className="alert alert--error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={busy || mismatch || !confirm} data-testid="setup-submit">
          {t('users.setup.submit')}
        </button>
      </form>
    </AuthCard>
  );
}

/** The login screen; with `lockedUser`, the idle lock asking that person's password again (or another login). */
export function LoginScreen({ lockedUser }: { lockedUser?: SessionUser }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState(lockedUser?.login ?? '');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormCall();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const ok = await submit(() => api.invoke('users.login', { login, password }));
    setPassword('');
    if (ok) await session.refresh();
    else document.getElementById('login-password')?.focus();
  }

  return (
    <AuthCard title={lockedUser ? t('users.lock.title') : t('users.login.title')} lead={lockedUser ? t('users.lock.lead', { name: lockedUser.name }) : t('users.login.lead')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid={lockedUser ? 'lock-screen' : 'login-screen'}>
        {!lockedUser && <TextField id="login-login" label={t('users.fields.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus testId="login-login" />}
        <TextField id="login-password" type="password" label={t('users.fields.password')} value={password} onChange={setPassword} autoComplete="current-password" autoFocus={Boolean(lockedUser)} testId="login-password" />
        {error && (
          <div className="alert alert--error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={busy || !login || !password} data-testid="login-submit">
          {lockedUser ? t('users.lock.submit') : t('users.login.submit')}
        </button>
        {lockedUser && (
          <button type="button" className="button" onClick={() => void session.logOut()} data-testid="lock-switch-user">
            {t('users.lock.switchUser')}
          </button>
        )}
      </form>
    </AuthCard>
  );
}
