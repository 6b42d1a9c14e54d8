import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginScreen, SetupAdminScreen } from './AuthScreens';
import { session, useSession } from './session.store';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the session after `minutes` without keyboard, mouse or touch. */
function useIdleLock(minutes: number, active: boolean) {
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(lock, minutes * 60_000);
    function lock() {
      void session.lock();
    }
    function onActivity() {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    }
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
    };
  }, [minutes, active]);
}

/**
 * The app behind login: the first-run administrator, then the login screen, then the app. While locked the app
 * stays mounted under the lock screen (hidden), so half-typed work survives the lock.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const status = useSession();
  // A backend that cannot answer users.status (the recovery backend of a damaged database) opens the app as is.
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    session.refresh().catch(() => setUnavailable(true));
  }, []);

  const signedIn = Boolean(status?.authRequired && status.user);
  useIdleLock(status?.idleLockMinutes ?? 15, signedIn && !status?.locked);

  if (unavailable || (status && !status.authRequired)) return <>{children}</>;
  if (!status) return <div className="page page--loading">{t('common.loading')}</div>;
  if (!status.hasUsers) return <SetupAdminScreen />;
  if (!status.user) return <LoginScreen />;
  return (
    <>
      {status.locked && <LoginScreen key={status.user.id} lockedUser={status.user} />}
      <div className={status.locked ? 'auth-gate auth-gate--locked' : 'auth-gate'} inert={status.locked || undefined}>
        {children}
      </div>
    </>
  );
}
