import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/app/App';
import { AuthGate } from './features/users/AuthGate';
import { initI18n } from './i18n/i18n';
import './styles/app.css';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthGate>
      <App />
    </AuthGate>
  </StrictMode>,
);
