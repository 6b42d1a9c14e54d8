import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRoute } from '../../components/route';
import { Toasts } from '../../components/Toasts';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/i18n';
import { BankReturnsPage } from '../bank-returns/BankReturnsPage';
import { CreditPage } from '../credit/CreditPage';
import { CustomerPage } from '../customer/CustomerPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { LadderPage } from '../dunning/LadderPage';
import { FirstRunPage } from '../first-run/FirstRunPage';
import { ImportsPage } from '../imports/ImportsPage';
import { AgreementPage } from '../negotiation/AgreementPage';
import { NegotiationPage } from '../negotiation/NegotiationPage';
import { OutboxPage } from '../outbox/OutboxPage';
import { PortfolioPage } from '../portfolio/PortfolioPage';
import { QueuePage } from '../queue/QueuePage';
import { ReportsPage } from '../reports/ReportsPage';
import { RecoveryScreen } from '../security/RecoveryScreen';
import { SecurityPage } from '../security/SecurityPage';
import { CompanySettingsPage } from '../settings/CompanySettingsPage';
import { SidebarUser } from '../users/SidebarUser';
import { UsersPage } from '../users/UsersPage';
import { useSession } from '../users/session.store';
import type { AppHealth } from '../../../../shared/ipc/backup.contract';

const STARTED_KEY = 'adimple.started';

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const [firstRun, setFirstRun] = useState<boolean | null>(null);
  const [health, setHealth] = useState<AppHealth | null>(null);
  const signedIn = Boolean(useSession()?.user);

  useEffect(() => {
    api.invoke('app.info', {}).then(
      (info) => setFirstRun(info.customerCount === 0 && localStorage.getItem(STARTED_KEY) === null),
      () => setFirstRun(false),
    );
  }, []);

  // A database that failed its start-up check opens on the recovery screen only.
  useEffect(() => {
    api.invoke('app.health', {}).then(setHealth, () => setHealth(null));
  }, []);

  const finishFirstRun = () => {
    localStorage.setItem(STARTED_KEY, '1');
    setFirstRun(false);
  };

  if (health?.status === 'damaged') return <RecoveryScreen health={health} />;

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label="Principal">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">A</span>
          <span className="brand__text">
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <ul className="nav">
          <li>
            <a href="#/" className={route.name === 'portfolio' || route.name === 'customer' || route.name === 'negotiation' || route.name === 'agreement' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'portfolio' ? 'page' : undefined}>
              {t('nav.portfolio')}
            </a>
          </li>
          <li>
            <a href="#/painel" className={route.name === 'dashboard' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'dashboard' ? 'page' : undefined} data-testid="nav-dashboard">
              {t('dashboard.nav')}
            </a>
          </li>
          <li>
            <a href="#/fila" className={route.name === 'queue' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'queue' ? 'page' : undefined} data-testid="nav-queue">
              {t('dunning.nav.queue')}
            </a>
          </li>
          <li>
            <a href="#/regua" className={route.name === 'ladder' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'ladder' ? 'page' : undefined} data-testid="nav-ladder">
              {t('dunning.nav.ladder')}
            </a>
          </li>
          <li>
            <a href="#/envios" className={route.name === 'outbox' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'outbox' ? 'page' : undefined} data-testid="nav-outbox">
              {t('dunning.nav.outbox')}
            </a>
          </li>
          <li>
            <a href="#/credito" className={route.name === 'credit' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'credit' ? 'page' : undefined} data-testid="nav-credit">
              {t('credit.title')}
            </a>
          </li>
          <li>
            <a href="#/importar" className={route.name === 'imports' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'imports' ? 'page' : undefined} data-testid="nav-imports">
              {t('imports.nav')}
            </a>
          </li>
          <li>
            <a href="#/retorno-bancario" className={route.name === 'bankReturns' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'bankReturns' ? 'page' : undefined} data-testid="nav-bank-returns">
              {t('bankReturns.title')}
            </a>
          </li>
          <li>
            <a href="#/relatorios" className={route.name === 'reports' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'reports' ? 'page' : undefined} data-testid="nav-reports">
              {t('reports.nav')}
            </a>
          </li>
          <li>
            <a href="#/configuracoes/empresa" className={route.name === 'companySettings' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'companySettings' ? 'page' : undefined} data-testid="nav-settings">
              {t('settings.nav')}
            </a>
          </li>
          <li>
            <a href="#/seguranca" className={route.name === 'security' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'security' ? 'page' : undefined} data-testid="nav-security">
              {t('security.nav')}
            </a>
          </li>
          {signedIn && (
            <li>
              <a href="#/usuarios" className={route.name === 'users' ? 'nav__link is-active' : 'nav__link'} aria-current={route.name === 'users' ? 'page' : undefined} data-testid="nav-users">
                {t('users.nav')}
              </a>
            </li>
          )}
        </ul>
        <SidebarUser />
        <label className="sidebar__language">
          <span>{t('app.language')}</span>
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        {firstRun === null ? null : firstRun ? (
          <FirstRunPage onDone={finishFirstRun} />
        ) : route.name === 'queue' ? (
          <QueuePage />
        ) : route.name === 'ladder' ? (
          <LadderPage />
        ) : route.name === 'outbox' ? (
          <OutboxPage />
        ) : route.name === 'negotiation' ? (
          <NegotiationPage customerId={route.customerId} />
        ) : route.name === 'agreement' ? (
          <AgreementPage id={route.id} />
        ) : route.name === 'credit' ? (
          <CreditPage />
        ) : route.name === 'imports' ? (
          <ImportsPage />
        ) : route.name === 'bankReturns' ? (
          <BankReturnsPage />
        ) : route.name === 'reports' ? (
          <ReportsPage />
        ) : route.name === 'companySettings' ? (
          <CompanySettingsPage />
        ) : route.name === 'security' ? (
          <SecurityPage />
        ) : route.name === 'users' ? (
          <UsersPage />
        ) : route.name === 'dashboard' ? (
          <DashboardPage />
        ) : route.name === 'customer' ? (
          <CustomerPage id={route.id} />
        ) : (
          <PortfolioPage />
        )}
      </main>
      <Toasts />
    </div>
  );
}
