import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PauseView } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';
import { hrefFor } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date } from '../../i18n/format';

/** Customers whose ladder is paused (by the clerk, a promise or a negotiation), with a way to resume. */
export function PausesPanel() {
  const { t } = useTranslation();
  const [pauses, setPauses] = useState<PauseView[] | null>(null);
  const load = useCallback(() => void api.invoke('dunning.pauses.list', {}).then(setPauses, () => setPauses(null)), []);
  useEffect(() => {
    load();
    return api.on('data.changed', (p) => {
      if (p.tables.includes('dunning_pauses')) load();
    });
  }, [load]);

  async function resume(p: PauseView) {
    try {
      await api.invoke('dunning.resume', { customerId: p.customerId });
      toast.success(t('dunning.pauses.resumed', { customer: p.customerName }));
      load();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  if (!pauses) return null;
  return (
    <div className="panel" data-testid="pauses">
      <div className="panel__header">
        <h2>{t('dunning.pauses.title')}</h2>
      </div>
      {pauses.length === 0 ? (
        <p className="panel__empty">{t('dunning.pauses.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact">
            <thead>
              <tr>
                <th>{t('dunning.pauses.customer')}</th>
                <th>{t('dunning.pause.reason')}</th>
                <th className="num">{t('dunning.pause.until')}</th>
                <th>{t('dunning.pauses.by')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {pauses.map((p) => (
                <tr key={p.id} data-testid="pause-row">
                  <td>
                    <a href={hrefFor({ name: 'customer', id: p.customerId })}>{p.customerName}</a>
                    {p.invoiceId !== null && <span className="text-muted"> · {t('dunning.pauses.oneTitle')}</span>}
                  </td>
                  <td>{p.reason}</td>
                  <td className="num">{p.untilDate ? date(p.untilDate) : t('dunning.pauses.untilResumed')}</td>
                  <td>
                    {p.createdBy} · {date(p.createdAt)}
                  </td>
                  <td>
                    <button type="button" className="button button--small" onClick={() => void resume(p)} data-testid="pause-resume">
                      {t('dunning.pauses.resume')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
