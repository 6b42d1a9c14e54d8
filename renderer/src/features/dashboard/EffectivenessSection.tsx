import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../components/route';
import { date } from '../../i18n/format';
import { EffectivenessTable, useEffectiveness, useEffectivenessCsv } from '../dunning/effectiveness';

/**
 * "Which step works", on the Painel: the Régua page's effectiveness (same query, same CSV) over the 90 days
 * ending at the dashboard's reference date, with a way to the ladder to tune it.
 */
export function EffectivenessSection({ asOf }: { asOf: string | undefined }) {
  const { t } = useTranslation();
  const { data, error } = useEffectiveness({ asOf });
  const { exporting, exportCsv } = useEffectivenessCsv({ asOf });

  return (
    <section className="panel dash-panel" aria-labelledby="effect-title" data-testid="dashboard-effectiveness">
      <header className="panel__header">
        <div>
          <h2 id="effect-title">{t('dashboard.effect.title')}</h2>
          {data && <p className="dash-lead">{t('dashboard.effect.lead', { since: date(data.since), until: date(data.until) })}</p>}
        </div>
        <div className="effect__actions">
          <a href={hrefFor({ name: 'ladder' })} data-testid="dashboard-effectiveness-ladder">
            {t('dashboard.effect.openLadder')}
          </a>
          {data && data.rows.length > 0 && (
            <button type="button" className="button button--small" onClick={() => void exportCsv()} disabled={exporting} data-testid="dashboard-effectiveness-csv">
              {t('dunning.effect.exportCsv')}
            </button>
          )}
        </div>
      </header>
      {error ? (
        <p className="alert alert--error dash-alert" role="alert">
          {error}
        </p>
      ) : !data ? (
        <p className="panel__empty">{t('dashboard.loading')}</p>
      ) : data.rows.length === 0 ? (
        <p className="panel__empty" data-testid="dashboard-effectiveness-empty">
          {t('dashboard.effect.empty')}
        </p>
      ) : (
        <EffectivenessTable rows={data.rows} testId="dashboard-effectiveness-table" />
      )}
    </section>
  );
}
