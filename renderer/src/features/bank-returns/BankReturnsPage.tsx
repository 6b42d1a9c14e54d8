import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTLEMENT_RESULTS } from '../../../../shared/domain/cnab/settle';
import type { BankReturnFile, BankReturnItemRow, BankReturnSummary, SettlementResult } from '../../../../shared/ipc/bank-returns.contract';
import type { Page } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { hrefFor } from '../../components/route';
import { toast } from '../../components/toast.store';
import { date, dateTime, integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';
import { useBankReturns } from './bank-returns.store';

/** Result → the app's existing badge colours (green paid, amber partial, red missing, blue informative). */
const RESULT_BADGE: Record<SettlementResult, string> = {
  settled: 'paid',
  partial: 'partial',
  not_found: 'overdue',
  already_paid: 'due',
  rejected: 'disputed',
  other: 'inactive',
};

async function exportCsv(fileId: number, t: TFunction) {
  try {
    const file = await api.invoke('bankReturns.exportCsv', { fileId });
    const r = await platform.saveFile(file.fileName, file.content, 'text/csv;charset=utf-8');
    if (r.saved) toast.success(t('bankReturns.exported', { file: r.fileName ?? file.fileName, count: file.rowCount }));
  } catch (e) {
    toast.error(e instanceof Error ? e.message : String(e));
  }
}

export function BankReturnsPage() {
  const { t } = useTranslation();
  const { view, busy, error, pick, reconcile, discard, loadHistory } = useBankReturns();

  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  async function onReconcile() {
    const file = await reconcile();
    if (file) toast.success(t('bankReturns.reconciled', { settled: file.counts.settled, partial: file.counts.partial, notFound: file.counts.not_found }));
  }

  return (
    <section className="page" aria-labelledby="bank-returns-title" data-testid="bank-returns-page">
      <header className="page__header">
        <div>
          <h1 id="bank-returns-title">{t('bankReturns.title')}</h1>
          <p className="page__subtitle">{t('bankReturns.subtitle')}</p>
        </div>
        <div className="page__actions">
          {view.kind === 'file' && (
            <button type="button" className="button" onClick={() => void exportCsv(view.file.id, t)} data-testid="export-reconciliation">
              {t('bankReturns.exportCsv')}
            </button>
          )}
          {view.kind === 'preview' && (
            <>
              <button type="button" className="button" onClick={discard} data-testid="discard-return">
                {t('bankReturns.cancel')}
              </button>
              <button
                type="button"
                className="button button--primary"
                onClick={() => void onReconcile()}
                disabled={busy !== null || view.preview.alreadyImported !== null}
                data-testid="reconcile"
              >
                {busy === 'reconciling' ? t('bankReturns.reconciling') : t('bankReturns.reconcile')}
              </button>
            </>
          )}
          {view.kind !== 'preview' && (
            <button type="button" className={view.kind === 'idle' ? 'button button--primary' : 'button'} onClick={() => void pick()} disabled={busy !== null} data-testid="pick-return">
              {busy === 'picking' ? t('bankReturns.picking') : view.kind === 'idle' ? t('bankReturns.pick') : t('bankReturns.pickAnother')}
            </button>
          )}
        </div>
      </header>

      {error && (
        <div className="alert alert--error" role="alert" data-testid="bank-return-error">
          {error}
        </div>
      )}

      {view.kind === 'idle' && (
        <div className="panel">
          <EmptyState title={t('bankReturns.emptyTitle')} text={t('bankReturns.emptyText')} />
        </div>
      )}

      {view.kind === 'preview' && (
        <>
          {view.preview.alreadyImported ? (
            <div className="alert alert--error" role="alert" data-testid="already-imported">
              {t('bankReturns.alreadyImported', { date: date(view.preview.alreadyImported.importedAt), file: view.preview.alreadyImported.fileName })}
            </div>
          ) : (
            <p className="bank-returns__lead">{t('bankReturns.previewLead')}</p>
          )}
          <ReturnSummary summary={view.preview.summary} />
          <ItemsPanel counts={view.preview.summary.counts} itemCount={view.preview.summary.itemCount} items={view.preview.items} />
        </>
      )}

      {view.kind === 'file' && (
        <>
          <p className="bank-returns__lead">{t('bankReturns.importedLead', { at: dateTime(view.file.importedAt), who: view.file.importedBy })}</p>
          <ReturnSummary summary={view.file} />
          <ItemsPanel counts={view.file.counts} itemCount={view.file.itemCount} items={view.items} />
        </>
      )}

      <History />
    </section>
  );
}

function ReturnSummary({ summary: s }: { summary: BankReturnSummary }) {
  const { t } = useTranslation();
  return (
    <div className="kpis bank-returns__summary" data-testid="return-summary">
      <div className="kpi">
        <span className="kpi__label">{t('bankReturns.summary.bank')}</span>
        <strong className="kpi__value" data-testid="summary-bank">
          {s.bankCode} · {s.bankName}
        </strong>
        <span className="kpi__sub">
          {s.format === 'CNAB240' ? 'CNAB 240' : 'CNAB 400'} · {s.fileName}
        </span>
      </div>
      <div className="kpi">
        <span className="kpi__label">{t('bankReturns.summary.agreement')}</span>
        <strong className="kpi__value mono" data-testid="summary-agreement">
          {s.convenio || '—'}
        </strong>
        <span className="kpi__sub">{s.sequence === null ? t('bankReturns.summary.noSequence') : t('bankReturns.summary.sequence', { n: s.sequence })}</span>
      </div>
      <div className="kpi">
        <span className="kpi__label">{t('bankReturns.summary.paymentDates')}</span>
        <strong className="kpi__value num">{s.paymentDates ? `${date(s.paymentDates.from)} – ${date(s.paymentDates.to)}` : '—'}</strong>
        <span className="kpi__sub">
          {t('bankReturns.summary.generatedOn')} {date(s.generatedOn)} · {t('bankReturns.summary.titles')}: {integer(s.itemCount)}
        </span>
      </div>
      <div className="kpi">
        <span className="kpi__label">{t('bankReturns.summary.applied')}</span>
        <strong className="kpi__value num" data-testid="summary-applied">
          {money(s.appliedTotalCents)}
        </strong>
        <span className="kpi__sub">
          {t('bankReturns.summary.paid')} {money(s.paidTotalCents)} · {t('bankReturns.summary.charges')} {money(s.chargesTotalCents)}
        </span>
      </div>
    </div>
  );
}

function ItemsPanel({ counts, itemCount, items }: { counts: Record<SettlementResult, number>; itemCount: number; items: Page<BankReturnItemRow> }) {
  const { t } = useTranslation();
  const { filter, setFilter, setOffset, busy } = useBankReturns();
  const from = items.total === 0 ? 0 : items.offset + 1;
  const to = Math.min(items.offset + items.limit, items.total);
  return (
    <div className="panel" data-testid="return-items">
      <div className="panel__header">
        <div className="bank-returns__filters" role="group" aria-label={t('bankReturns.filter.label')}>
          <button type="button" className={filter === null ? 'chip is-active' : 'chip'} aria-pressed={filter === null} onClick={() => void setFilter(null)} data-testid="filter-all">
            {t('bankReturns.filter.all', { count: itemCount })}
          </button>
          {SETTLEMENT_RESULTS.filter((r) => counts[r] > 0).map((r) => (
            <button
              key={r}
              type="button"
              className={filter === r ? 'chip is-active' : 'chip'}
              aria-pressed={filter === r}
              onClick={() => void setFilter(r)}
              data-testid={`filter-${r}`}
            >
              <span className={`badge badge--${RESULT_BADGE[r]}`}>{t(`bankReturns.result.${r}`)}</span> <span className="num">{integer(counts[r])}</span>
            </button>
          ))}
        </div>
        {items.total > items.limit && (
          <div className="bank-returns__pager">
            <span className="text-muted">{t('bankReturns.page', { from: integer(from), to: integer(to), total: integer(items.total) })}</span>
            <button type="button" className="button button--small" disabled={items.offset === 0 || busy !== null} onClick={() => void setOffset(Math.max(0, items.offset - items.limit))}>
              {t('bankReturns.previous')}
            </button>
            <button type="button" className="button button--small" disabled={to >= items.total || busy !== null} onClick={() => void setOffset(items.offset + items.limit)}>
              {t('bankReturns.next')}
            </button>
          </div>
        )}
      </div>
      <div className="table-scroll">
        <table className="table bank-returns__table">
          <thead>
            <tr>
              <th className="num">{t('bankReturns.col.line')}</th>
              <th>{t('bankReturns.col.movement')}</th>
              <th>{t('bankReturns.col.nossoNumero')}</th>
              <th>{t('bankReturns.col.title')}</th>
              <th className="num">{t('bankReturns.col.due')}</th>
              <th className="num">{t('bankReturns.col.nominal')}</th>
              <th className="num">{t('bankReturns.col.paid')}</th>
              <th className="num">{t('bankReturns.col.applied')}</th>
              <th>{t('bankReturns.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {items.rows.map((r) => (
              <tr key={r.line} data-testid="return-item" data-result={r.result} data-line={r.line}>
                <td className="num">{r.line}</td>
                <td className="bank-returns__movement">
                  <span className="mono">{r.movementCode}</span> {r.movementDescription}
                </td>
                <td>
                  <span className="cell-name">
                    <span className="cell-name__main mono">{r.nossoNumero || '—'}</span>
                    <span className="cell-name__sub">
                      {t('bankReturns.col.document')}: {r.documentNumber || '—'}
                    </span>
                  </span>
                </td>
                <td>
                  {r.invoiceId !== null && r.customerId !== null ? (
                    <a className="row-link" href={hrefFor({ name: 'customer', id: r.customerId })} title={r.matchedBy ? t(`bankReturns.matchedBy.${r.matchedBy}`) : undefined}>
                      <span className="cell-name">
                        <span className="cell-name__main">{r.invoiceDocumentNumber}</span>
                        <span className="cell-name__sub">{r.customerName}</span>
                      </span>
                    </a>
                  ) : (
                    <span className="text-muted">{t('bankReturns.notMatched')}</span>
                  )}
                </td>
                <td className="num">{date(r.dueDate)}</td>
                <td className="num">{money(r.nominalCents)}</td>
                <td className="num">{r.paidCents > 0 ? money(r.paidCents) : '—'}</td>
                <td className="num">
                  {r.appliedCents > 0 ? money(r.appliedCents) : '—'}
                  {r.chargesCents > 0 && <span className="bank-returns__charges">{t('bankReturns.chargesLine', { value: money(r.chargesCents) })}</span>}
                </td>
                <td className="bank-returns__result">
                  <span className={`badge badge--${RESULT_BADGE[r.result]}`}>{t(`bankReturns.result.${r.result}`)}</span>
                  {r.note && <span className="bank-returns__note">{r.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.rows.length === 0 && <p className="panel__empty">{t('bankReturns.noItems')}</p>}
      </div>
    </div>
  );
}

function History() {
  const { t } = useTranslation();
  const { history, openFile, view } = useBankReturns();
  const openId = view.kind === 'file' ? view.file.id : null;
  return (
    <div className="panel" data-testid="return-history">
      <div className="panel__header">
        <h2>{t('bankReturns.history')}</h2>
      </div>
      {!history || history.rows.length === 0 ? (
        <p className="panel__empty">{t('bankReturns.historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>{t('bankReturns.col.importedAt')}</th>
                <th>
                  {t('bankReturns.summary.bank')} / {t('bankReturns.summary.agreement')}
                </th>
                <th className="num">NSA</th>
                <th>{t('bankReturns.col.file')}</th>
                <th className="num">{t('bankReturns.col.items')}</th>
                <th className="num">{t('bankReturns.col.settled')}</th>
                <th className="num">{t('bankReturns.col.pending')}</th>
                <th className="num">{t('bankReturns.col.applied')}</th>
                <th className="actions">{t('bankReturns.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {history.rows.map((f: BankReturnFile) => (
                <tr key={f.id} data-testid="history-row" className={f.id === openId ? 'is-selected' : undefined}>
                  <td>{dateTime(f.importedAt)}</td>
                  <td>
                    <span className="cell-name">
                      <span className="cell-name__main">
                        {f.bankCode} · {f.bankName}
                      </span>
                      <span className="cell-name__sub mono">{f.convenio}</span>
                    </span>
                  </td>
                  <td className="num">{f.sequence ?? '—'}</td>
                  <td>{f.fileName}</td>
                  <td className="num">{integer(f.itemCount)}</td>
                  <td className="num">{integer(f.counts.settled + f.counts.partial)}</td>
                  <td className="num">{integer(f.counts.not_found + f.counts.already_paid + f.counts.rejected + f.counts.other)}</td>
                  <td className="num">{money(f.appliedTotalCents)}</td>
                  <td className="actions">
                    <button type="button" className="button button--small" onClick={() => void openFile(f.id)} data-testid="history-open">
                      {t('bankReturns.open')}
                    </button>
                    <button type="button" className="button button--small" onClick={() => void exportCsv(f.id, t)}>
                      {t('bankReturns.csv')}
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
