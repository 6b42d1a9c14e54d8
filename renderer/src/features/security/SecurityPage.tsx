import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditCheck } from '../../../../shared/ipc/audit.contract';
import type { BackupOverview } from '../../../../shared/ipc/backup.contract';
import { api } from '../../api/client';
import { toast } from '../../components/toast.store';
import { dateTime } from '../../i18n/format';
import { errorText, fileSize, useBusyAction, useRestore } from './restore';
import { RestoreConfirmDialog, RestoreStagedNotice } from './RestoreParts';

function AuditPanel() {
  const { t } = useTranslation();
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const { busy, run } = useBusyAction();
  const verify = () => run(async () => setCheck(await api.invoke('audit.verify', {})));

  return (
    <article className="panel" aria-labelledby="audit-title">
      <div className="panel__header">
        <h2 id="audit-title">{t('security.audit.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => void verify()} disabled={busy} data-testid="audit-verify">
          {busy ? t('security.audit.verifying') : t('security.audit.verify')}
        </button>
      </div>
      <div className="security-panel__body">
        <p className="security-panel__text">{t('security.audit.text')}</p>
        {check?.ok && (
          <div className="alert alert--success" role="status" data-testid="audit-result">
            {check.entries === 0 ? t('security.audit.okEmpty', { when: dateTime(check.checkedAt) }) : t('security.audit.ok', { count: check.entries, when: dateTime(check.checkedAt) })}
          </div>
        )}
        {check && !check.ok && (
          <div className="alert alert--error" role="alert" data-testid="audit-result">
            <strong>{t('security.audit.broken', { when: dateTime(check.checkedAt) })}</strong>
            <p className="security-panel__problem">{t(`security.audit.problem.${check.problem}`, { id: check.brokenEntryId })}</p>
            <p className="security-panel__problem">{t('security.audit.brokenHint')}</p>
          </div>
        )}
      </div>
    </article>
  );
}

function BackupPanel() {
  const { t } = useTranslation();
  const [overview, setOverview] = useState<BackupOverview | null>(null);
  const { busy: creating, run } = useBusyAction();
  const restore = useRestore();

  useEffect(() => {
    api.invoke('backup.list', {}).then(setOverview, (err: unknown) => toast.error(errorText(err)));
  }, []);

  const create = () =>
    run(async () => {
      const file = await api.invoke('backup.create', {});
      toast.success(t('security.backup.created', { name: file.name }));
      setOverview(await api.invoke('backup.list', {}));
    });

  return (
    <article className="panel" aria-labelledby="backup-title">
      <div className="panel__header">
        <h2 id="backup-title">{t('security.backup.title')}</h2>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => void restore.fromFile()} disabled={restore.busy} data-testid="backup-restore-file">
            {t('security.backup.restoreFile')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void create()} disabled={creating} data-testid="backup-create">
            {creating ? t('security.backup.creating') : t('security.backup.create')}
          </button>
        </div>
      </div>
      <div className="security-panel__body">
        {restore.staged && <RestoreStagedNotice staged={restore.staged} />}
        {overview && (
          <>
            <p className="security-panel__text">{t('security.backup.text', overview.retention)}</p>
            <p className="security-panel__text text-muted mono">{t('security.backup.folder', { folder: overview.folder })}</p>
          </>
        )}
      </div>
      {overview && overview.backups.length === 0 && <p className="panel__empty">{t('security.backup.empty')}</p>}
      {overview && overview.backups.length > 0 && (
        <div className="table-scroll">
          <table className="table table--compact" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">{t('security.backup.columns.createdAt')}</th>
                <th scope="col">{t('security.backup.columns.kind')}</th>
                <th scope="col" className="num">
                  {t('security.backup.columns.size')}
                </th>
                <th scope="col" className="actions">
                  {t('security.backup.columns.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.backups.map((b) => (
                <tr key={b.name} data-testid="backup-row">
                  <td title={b.name}>{dateTime(b.createdAt)}</td>
                  <td>{t(`security.backup.kind.${b.kind}`)}</td>
                  <td className="num">{fileSize(b.sizeBytes)}</td>
                  <td className="actions">
                    <button type="button" className="button button--small" onClick={() => restore.ask(b.name)} data-testid="backup-restore">
                      {t('security.backup.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {restore.confirming && <RestoreConfirmDialog name={restore.confirming} busy={restore.busy} onConfirm={() => void restore.confirm()} onCancel={restore.cancel} />}
    </article>
  );
}

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <section className="page page--security" aria-labelledby="security-title" data-testid="security-page">
      <header className="page__header">
        <div>
          <h1 id="security-title">{t('security.title')}</h1>
          <p className="page__subtitle">{t('security.subtitle')}</p>
        </div>
      </header>
      <AuditPanel />
      <BackupPanel />
    </section>
  );
}
