import { useTranslation } from 'react-i18next';
import type { RestoreStaged } from '../../../../shared/ipc/backup.contract';
import { Dialog } from '../../components/Dialog';

export function RestoreConfirmDialog({ name, busy, onConfirm, onCancel }: { name: string; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('security.backup.confirmTitle')}
      onClose={onCancel}
      testId="restore-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy} data-testid="restore-confirm">
            {t('security.backup.confirm')}
          </button>
        </>
      }
    >
      <p>{t('security.backup.confirmText', { name })}</p>
    </Dialog>
  );
}

export function RestoreStagedNotice({ staged }: { staged: RestoreStaged }) {
  const { t } = useTranslation();
  const key = staged.restart === 'automatic' ? 'security.backup.stagedAutomatic' : 'security.backup.stagedManual';
  return (
    <div className="alert alert--info" role="status" data-testid="restore-staged">
      {t(key, { name: staged.restoredFrom })}
    </div>
  );
}
