import i18next from 'i18next';
import { useState } from 'react';
import type { RestoreStaged } from '../../../../shared/ipc/backup.contract';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';
import { platform } from '../../platform/platform';

/** 1 234 567 bytes → "1,2 MB". */
export function fileSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(i18next.language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/**
 * Restoring a backup, from the Segurança page or the recovery screen: a listed backup after the clerk
 * confirms, or a file picked through the platform. Once staged, the page shows how the app reopens.
 */
export function useRestore() {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [staged, setStaged] = useState<RestoreStaged | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(params: { backupName: string } | { fileToken: string }) {
    setBusy(true);
    try {
      setStaged(await api.invoke('backup.restore', params));
      setConfirming(null);
    } catch (err) {
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return {
    confirming,
    staged,
    busy,
    ask: (backupName: string) => setConfirming(backupName),
    cancel: () => setConfirming(null),
    confirm: () => (confirming ? run({ backupName: confirming }) : Promise.resolve()),
    async fromFile() {
      try {
        const file = await platform.pickFile({ purpose: 'backup' });
        if (file) await run({ fileToken: file.token });
      } catch (err) {
        toast.error(err instanceof Error ? err.message : String(err));
      }
    },
  };
}
