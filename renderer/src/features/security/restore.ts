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

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A button's action: `busy` while it runs; a failure becomes an error toast with the backend's message. */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    try {
      return await action();
    } catch (err) {
      toast.error(errorText(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/**
 * Restoring a backup, from the Segurança page or the recovery screen: a listed backup after the clerk
 * confirms, or a file picked through the platform. Once staged, the page shows how the app reopens.
 */
export function useRestore() {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [staged, setStaged] = useState<RestoreStaged | null>(null);
  const { busy, run } = useBusyAction();

  const restore = (params: { backupName: string } | { fileToken: string }) =>
    run(async () => {
      setStaged(await api.invoke('backup.restore', params));
      setConfirming(null);
    });

  return {
    confirming,
    staged,
    busy,
    ask: (backupName: string) => setConfirming(backupName),
    cancel: () => setConfirming(null),
    confirm: () => (confirming ? restore({ backupName: confirming }) : Promise.resolve()),
    fromFile: () =>
      run(async () => {
        const file = await platform.pickFile({ purpose: 'backup' });
        if (file) setStaged(await api.invoke('backup.restore', { fileToken: file.token }));
      }),
  };
}
