import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useReportDownload } from './use-report-download';

/** The customer page's "Extrato de débitos" button: the statement PDF updated to today. */
export function StatementButton({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { busy, download } = useReportDownload();
  return (
    <button
      type="button"
      className="button"
      title={t('reports.statement.hint')}
      disabled={busy !== null}
      onClick={() => void download('statement', () => api.invoke('reports.statement', { customerId }))}
      data-testid="statement-pdf"
    >
      {busy ? t('reports.generating') : t('reports.statement.button')}
    </button>
  );
}
