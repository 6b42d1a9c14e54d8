import { useTranslation } from 'react-i18next';
import { date } from '../../i18n/format';
import { EffectivenessTable, useEffectiveness, useEffectivenessCsv } from './effectiveness';

/** Which step works: contacts per step and channel and what was paid after them (last 90 days). */
export function EffectivenessPanel() {
  const { t } = useTranslation();
  const { data } = useEffectiveness({});
  const { exporting, exportCsv } = useEffectivenessCsv({});

  if (!data) return null;
  return (
    <div className="panel" data-testid="effectiveness">
      <div className="panel__header">
        <h2>{t('dunning.effect.title')}</h2>
        <div className="effect__actions">
          <span className="text-muted">{t('dunning.effect.since', { date: date(data.since) })}</span>
          {data.rows.length > 0 && (
            <button type="button" className="button button--small" onClick={() => void exportCsv()} disabled={exporting} data-testid="effectiveness-csv">
              {t('dunning.effect.exportCsv')}
            </button>
          )}
        </div>
      </div>
      {data.rows.length === 0 ? <p className="panel__empty">{t('dunning.effect.empty')}</p> : <EffectivenessTable rows={data.rows} />}
    </div>
  );
}
