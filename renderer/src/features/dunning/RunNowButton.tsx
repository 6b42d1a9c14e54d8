import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';

function counts(summary: string | null): Record<string, number> {
  try {
    return summary ? (JSON.parse(summary) as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Runs the scheduler's jobs now (the dunning pass, then the sender) and says what came out. */
export function RunNowButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  async function run() {
    setRunning(true);
    try {
      const { runs } = await api.invoke('dunning.runNow', {});
      const failed = runs.find((r) => r.status === 'failed');
      if (failed) toast.error(failed.error ?? failed.jobName);
      const pass = counts(runs.find((r) => r.jobName === 'dunning.pass')?.summary ?? null);
      const send = counts(runs.find((r) => r.jobName === 'outbox.send')?.summary ?? null);
      toast.success(t('dunning.ran', { messages: pass.messages ?? 0, tasks: pass.tasks ?? 0, sent: send.sent ?? 0 }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  }
  return (
    <button type="button" className={primary ? 'button button--primary' : 'button'} onClick={() => void run()} disabled={running} data-testid="run-ladder-now">
      {running ? t('dunning.running') : t('dunning.runNow')}
    </button>
  );
}
