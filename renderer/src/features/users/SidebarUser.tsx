import { useTranslation } from 'react-i18next';
import { session, useSession } from './session.store';

/** Who is logged in, with "Bloquear" and "Sair"; nothing when the backend runs without login. */
export function SidebarUser() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  if (!user) return null;
  return (
    <div className="sidebar-user" data-testid="sidebar-user">
      <span className="sidebar-user__name">{user.name}</span>
      <small>{t(`users.roles.${user.role}`)}</small>
      <div className="sidebar-user__actions">
        <button type="button" className="button button--small sidebar-user__button" onClick={() => void session.lock()} data-testid="lock-now">
          {t('users.lock.now')}
        </button>
        <button type="button" className="button button--small sidebar-user__button" onClick={() => void session.logOut()} data-testid="logout">
          {t('users.logout')}
        </button>
      </div>
    </div>
  );
}

