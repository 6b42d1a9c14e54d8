import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EffectivenessResult } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';
import { date, integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { offsetLabel } from './offset-label';

/** Which step works: contacts per step and channel and what was paid after them (last 90 days). */
export function EffectivenessPanel() {
  const { t } = useTranslation();
  const [data, setData] = useState<EffectivenessResult | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    const load = () => void api.invoke('dunning.effectiveness', {}).then(setData, () => setData(null));
    load();
    return api.on('data.changed', (p) => {
      if (p.tables.includes('outbox_messages') || p.tables.includes('payments')) load();
    });
  }, []);
  async function exportCsv() {
    setExporting(true);
    try {
      const file = await api.invoke('dunning.effectivenessCsv', {});
      const r = await platform.saveFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      if (r.saved) toast.success(t('dunning.effect.exported', { file: r.fileName ?? file.fileName, count: file.rowCount }));
    } catch (e) {
      toast.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setExporting(false);
    }
  }

  if (!data) return null;
  const pct = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((100 * n) / of)}%`);
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
      {data.rows.length === 0 ? (
        <p className="panel__empty">{t('dunning.effect.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th className="num">{t('dunning.ladder.col.when')}</th>
                <th>{t('dunning.ladder.col.name')}</th>
                <th>{t('dunning.ladder.col.channel')}</th>
                <th className="num">{t('dunning.effect.contacts')}</th>
                <th className="num">{t('dunning.effect.titulos')}</th>
                <th className="num">{t('dunning.effect.paid3')}</th>
                <th className="num">{t('dunning.effect.paid7')}</th>
                <th className="num">{t('dunning.effect.paid15')}</th>
                <th className="num">{t('dunning.effect.recovered')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={`${r.stepId}-${r.channel}`} data-testid="effectiveness-row">
                  <td className="num">{offsetLabel(r.offsetDays)}</td>
                  <td>{r.stepName}</td>
                  <td>{t(`dunning.channel.${r.channel}`)}</td>
                  <td className="num">{integer(r.contacts)}</td>
                  <td className="num">{integer(r.titulos)}</td>
                  <td className="num">{pct(r.paidWithin3, r.titulos)}</td>
                  <td className="num">{pct(r.paidWithin7, r.titulos)}</td>
                  <td className="num">{pct(r.paidWithin15, r.titulos)}</td>
                  <td className="num">{money(r.recoveredCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
