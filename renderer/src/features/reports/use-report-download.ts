import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFile } from '../../../../shared/ipc/reports.contract';
import { toast } from '../../components/toast.store';
import { platform } from '../../platform/platform';

/**
 * Runs a report method and hands the file to the platform's save dialog (a download in browser mode).
 * `busy` names the download in progress so its button can say so and the others wait.
 */
export function useReportDownload() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);

  async function download(key: string, make: () => Promise<ReportFile>): Promise<void> {
    setBusy(key);
    try {
      const file = await make();
      const mime = file.mimeType === 'text/csv' ? 'text/csv;charset=utf-8' : file.mimeType;
      const r = await platform.saveFile(file.fileName, file.content, mime, file.encoding);
      if (r.saved) toast.success(t('reports.saved', { file: r.fileName ?? file.fileName }));
    } catch (e) {
      toast.error(t('errors.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  return { busy, download };
}
