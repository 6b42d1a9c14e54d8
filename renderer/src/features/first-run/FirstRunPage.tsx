import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';

export function FirstRunPage({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);

  async function loadDemo() {
    setLoading(true);
    try {
      await api.invoke('demo.load', {});
      onDone();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
      setLoading(false);
    }
  }

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="first-run__intro">
        <div className="brand-mark brand-mark--large" aria-hidden="true">A</div>
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p>{t('firstRun.lead')}</p>
      </div>
      <div className="first-run__choices">
        <div className="choice">
          <h2>{t('firstRun.demoTitle')}</h2>
          <p>{t('firstRun.demoText')}</p>
          <button type="button" className="button button--primary" onClick={() => void loadDemo()} disabled={loading} data-testid="load-demo" autoFocus>
            {loading ? t('firstRun.loadingDemo') : t('firstRun.demoAction')}
          </button>
        </div>
        <div className="choice">
          <h2>{t('firstRun.emptyTitle')}</h2>
          <p>{t('firstRun.emptyText')}</p>
          <button type="button" className="button" onClick={onDone} disabled={loading} data-testid="start-empty">
            {t('firstRun.emptyAction')}
          </button>
        </div>
      </div>
    </section>
  );
}
