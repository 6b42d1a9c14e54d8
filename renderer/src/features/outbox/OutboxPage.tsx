import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxListResult, OutboxRow, OutboxStatus } from '../../../../shared/ipc/dunning.contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor } from '../../components/route';
import { toast } from '../../components/toast.store';
import { dateTime, integer } from '../../i18n/format';
import { RunNowButton } from '../dunning/RunNowButton';

const STATUSES: readonly OutboxStatus[] = ['queued', 'sent', 'failed', 'cancelled'];
/** Status → the app's badge colours. */
const BADGE: Record<OutboxStatus, string> = { queued: 'due', sending: 'partial', sent: 'paid', failed: 'overdue', cancelled: 'inactive' };

/** The outbox: what the régua queued, sent, or could not send, and why. */
export function OutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [data, setData] = useState<OutboxListResult | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.invoke('outbox.list', { limit: 200, ...(status ? { status } : {}) }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }, [status]);

  useEffect(() => {
    void load();
    return api.on('data.changed', (p) => {
      if (p.tables.includes('outbox_messages')) void load();
    });
  }, [load]);

  async function retry(row: OutboxRow) {
    try {
      await api.invoke('outbox.retry', { id: row.id });
      toast.success(t('dunning.outbox.retried'));
      await load();
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  const total = data ? Object.values(data.counts).reduce((a, b) => a + b, 0) : 0;
  return (
    <section className="page" aria-labelledby="outbox-title" data-testid="outbox-page">
      <header className="page__header">
        <div>
          <h1 id="outbox-title">{t('dunning.outbox.title')}</h1>
          <p className="page__subtitle">{t('dunning.outbox.subtitle')}</p>
        </div>
        <div className="page__actions">
          <RunNowButton />
        </div>
      </header>
      <div className="panel">
        <div className="panel__header">
          <div className="outbox__filters" role="group" aria-label={t('dunning.outbox.col.status')}>
            <button type="button" className={status === null ? 'chip is-active' : 'chip'} aria-pressed={status === null} onClick={() => setStatus(null)} data-testid="outbox-filter-all">
              {t('dunning.outbox.all')} <span className="num">{integer(total)}</span>
            </button>
            {STATUSES.map((s) => (
              <button key={s} type="button" className={status === s ? 'chip is-active' : 'chip'} aria-pressed={status === s} onClick={() => setStatus(s)} data-testid={`outbox-filter-${s}`}>
                <span className={`badge badge--${BADGE[s]}`}>{t(`dunning.outbox.status.${s}`)}</span> <span className="num">{integer(data?.counts[s] ?? 0)}</span>
              </button>
            ))}
          </div>
        </div>
        {data && data.rows.length === 0 ? (
          <EmptyState title={t('dunning.outbox.emptyTitle')} text={t('dunning.outbox.emptyText')} />
        ) : (
          <div className="table-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th className="num">{t('dunning.outbox.col.created')}</th>
                  <th>{t('dunning.outbox.col.customer')}</th>
                  <th>{t('dunning.outbox.col.step')}</th>
                  <th>{t('dunning.outbox.col.channel')}</th>
                  <th>{t('dunning.outbox.col.to')}</th>
                  <th>{t('dunning.outbox.col.status')}</th>
                  <th className="num">{t('dunning.outbox.col.attempts')}</th>
                  <th className="num">{t('dunning.outbox.col.when')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data?.rows.map((r) => (
                  <tr key={r.id} data-testid="outbox-row" data-status={r.status}>
                    <td className="num">{dateTime(r.createdAt)}</td>
                    <td>
                      <a href={hrefFor({ name: 'customer', id: r.customerId })}>{r.customerName}</a>
                    </td>
                    <td title={r.subject}>{r.stepName ?? '—'}</td>
                    <td>{t(`dunning.channel.${r.channel}`)}</td>
                    <td className="mono">{r.toAddress}</td>
                    <td className="outbox__status">
                      <span className={`badge badge--${BADGE[r.status]}`}>{t(`dunning.outbox.status.${r.status}`)}</span>
                      {r.lastError && <small className="outbox__error">{r.lastError}</small>}
                    </td>
                    <td className="num">{integer(r.attempts)}</td>
                    <td className="num">{r.sentAt ? dateTime(r.sentAt) : r.status === 'queued' ? t('dunning.outbox.nextAttempt', { at: dateTime(r.nextAttemptAt) }) : '—'}</td>
                    <td>
                      {r.status === 'failed' && (
                        <button type="button" className="button button--small" onClick={() => void retry(r)} data-testid="outbox-retry">
                          {t('dunning.outbox.retry')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
