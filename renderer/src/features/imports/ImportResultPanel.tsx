import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportResult, ImportRowError } from '../../../../shared/ipc/imports.contract';
import { toast } from '../../components/toast.store';
import { date, integer, money } from '../../i18n/format';
import { platform } from '../../platform/platform';

/** RFC 4180 with `;` (what a Brazilian Excel opens directly) and a BOM so accents survive. */
function errorsCsv(errors: readonly ImportRowError[], headers: [string, string, string]): string {
  const cell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headers.map(cell).join(';'), ...errors.map((e) => [String(e.line), e.column, e.message].map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function ImportResultPanel({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const title = result.committed ? t('imports.result.savedTitle') : result.mode === 'dry_run' ? t('imports.result.dryTitle') : t('imports.result.refusedTitle');
  const counts = (c: ImportCounts) => t('imports.result.counts', { new: integer(c.new), updated: integer(c.updated), unchanged: integer(c.unchanged) });

  async function exportErrors() {
    const csv = errorsCsv(result.errors, [t('imports.errors.line'), t('imports.errors.column'), t('imports.errors.reason')]);
    try {
      const r = await platform.saveFile('erros-importacao.csv', csv, 'text/csv;charset=utf-8');
      if (r.saved) toast.success(t('imports.errors.exported', { file: r.fileName ?? 'erros-importacao.csv', count: result.errors.length }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <div className={result.committed ? 'panel imports-result imports-result--saved' : 'panel imports-result'} data-testid="import-result">
        <div className="panel__header">
          <h2>{title}</h2>
        </div>
        <div className="kpis imports-result__kpis">
          <div className="kpi">
            <span className="kpi__label">{t('imports.result.valid')}</span>
            <span className="kpi__value num" data-testid="result-valid">
              {integer(result.validRows)} / {integer(result.totalRows)}
            </span>
            <span className="kpi__sub">{t('imports.result.rows')}</span>
          </div>
          <div className={result.rejectedRows > 0 ? 'kpi kpi--danger' : 'kpi'}>
            <span className="kpi__label">{t('imports.result.rejected')}</span>
            <span className="kpi__value num" data-testid="result-rejected">
              {integer(result.rejectedRows)}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi__label">{t('imports.result.titles')}</span>
            <span className="kpi__value num">{integer(result.titles.new + result.titles.updated)}</span>
            <span className="kpi__sub" data-testid="result-titles">
              {counts(result.titles)}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi__label">{t('imports.result.customers')}</span>
            <span className="kpi__value num">{integer(result.customers.new + result.customers.updated)}</span>
            <span className="kpi__sub" data-testid="result-customers">
              {counts(result.customers)}
            </span>
          </div>
          <div className="kpi">
            <span className="kpi__label">{t('imports.result.payments')}</span>
            <span className="kpi__value num">{money(result.paymentsCents)}</span>
            <span className="kpi__sub">{t('imports.result.paymentsCount', { count: result.paymentsCreated })}</span>
          </div>
          <div className={result.disappearedCount > 0 ? 'kpi kpi--danger' : 'kpi'}>
            <span className="kpi__label">{t('imports.result.disappeared')}</span>
            <span className="kpi__value num" data-testid="result-disappeared">
              {integer(result.disappearedCount)}
            </span>
          </div>
        </div>
        {result.undatedPayments > 0 && (
          <p className="alert alert--warn panel__note" role="note" data-testid="result-undated-payments">
            {t('imports.result.undated', { count: result.undatedPayments, date: date(result.paymentsDatedOn) })}
          </p>
        )}
      </div>

      <div className="panel" data-testid="import-errors">
        <div className="panel__header">
          <h2>{t('imports.errors.title', { count: integer(result.errorCount) })}</h2>
          {result.errors.length > 0 && (
            <button type="button" className="button button--small" onClick={() => void exportErrors()} data-testid="import-export-errors">
              {t('imports.errors.export')}
            </button>
          )}
        </div>
        {result.errors.length === 0 ? (
          <p className="panel__empty">{t('imports.errors.none')}</p>
        ) : (
          <div className="table-scroll imports-errors">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th className="num">{t('imports.errors.line')}</th>
                  <th>{t('imports.errors.column')}</th>
                  <th>{t('imports.errors.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="num">{e.line}</td>
                    <td>{e.column || '—'}</td>
                    <td className="imports-errors__reason">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.errorCount > result.errors.length && (
              <p className="panel__note">{t('imports.errors.more', { shown: integer(result.errors.length), count: integer(result.errorCount) })}</p>
            )}
          </div>
        )}
      </div>

      {result.disappearedCount > 0 && (
        <div className="panel" data-testid="import-disappeared">
          <div className="panel__header">
            <h2>{t('imports.disappeared.title', { count: integer(result.disappearedCount) })}</h2>
          </div>
          <p className="panel__note">{t('imports.disappeared.lead')}</p>
          <div className="table-scroll">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th>{t('imports.disappeared.customer')}</th>
                  <th>{t('imports.disappeared.document')}</th>
                  <th>{t('imports.disappeared.due')}</th>
                  <th className="num">{t('imports.disappeared.open')}</th>
                </tr>
              </thead>
              <tbody>
                {result.disappeared.map((d) => (
                  <tr key={d.invoiceId}>
                    <td>
                      <a href={`#/clientes/${d.customerId}`}>{d.customerName}</a>
                    </td>
                    <td>{d.documentNumber}</td>
                    <td>{date(d.dueDate)}</td>
                    <td className="num">{money(d.openCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}
