import { useTranslation } from 'react-i18next';
import type { AppHealth } from '../../../../shared/ipc/backup.contract';
import { dateTime } from '../../i18n/format';
import { fileSize, useRestore } from './restore';
import { RestoreConfirmDialog, RestoreStagedNotice } from './RestoreParts';

/** Shown instead of the app when the database failed its start-up check (app.health = damaged). */
export function RecoveryScreen({ health }: { health: Extract<AppHealth, { status: 'damaged' }> }) {
  const { t } = useTranslation();
  const restore = useRestore();
  const good = health.latestGood;
  const others = health.backups.filter((b) => b.name !== good?.name);

  return (
    <main id="main" className="recovery" data-testid="recovery-screen">
      <section className="recovery__card panel" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('security.recovery.title')}</h1>
        <p>{t('security.recovery.lead')}</p>
        <div className="alert alert--error" role="alert">
          <strong>{t('security.recovery.problem')}:</strong> <span data-testid="recovery-problem">{health.problem}</span>
        </div>
        {restore.staged ? (
          <RestoreStagedNotice staged={restore.staged} />
        ) : (
          <>
            <h2>{t('security.recovery.latestGood')}</h2>
            {good ? (
              <div className="recovery__latest">
                <p data-testid="recovery-latest">{t('security.recovery.latestGoodText', { kind: t(`security.backup.kind.${good.kind}`), when: dateTime(good.createdAt), size: fileSize(good.sizeBytes) })}</p>
                <button type="button" className="button button--primary button--large" onClick={() => restore.ask(good.name)} data-testid="recovery-restore-latest">
                  {t('security.recovery.restoreLatest')}
                </button>
              </div>
            ) : (
              <p>{t('security.recovery.noGood')}</p>
            )}
            {others.length > 0 && (
              <>
                <h2>{t('security.recovery.others')}</h2>
                <ul className="recovery__others">
                  {others.map((b) => (
                    <li key={b.name}>
                      <span>
                        {dateTime(b.createdAt)} · {t(`security.backup.kind.${b.kind}`)} · {fileSize(b.sizeBytes)}
                      </span>
                      <button type="button" className="button button--small" onClick={() => restore.ask(b.name)}>
                        {t('security.backup.restore')}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <button type="button" className="button" onClick={() => void restore.fromFile()} disabled={restore.busy} data-testid="recovery-restore-file">
              {t('security.backup.restoreFile')}
            </button>
          </>
        )}
      </section>
      {restore.confirming && <RestoreConfirmDialog name={restore.confirming} busy={restore.busy} onConfirm={() => void restore.confirm()} onCancel={restore.cancel} />}
    </main>
  );
}
