import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMode } from '../../../../shared/ipc/imports.contract';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { toast } from '../../components/toast.store';
import { dateTime, integer } from '../../i18n/format';
import { ImportResultPanel } from './ImportResultPanel';
import { MappingPanel } from './MappingPanel';
import { useImports } from './imports.store';

export function ImportsPage() {
  const { t } = useTranslation();
  const { file, preview, reading, running, result, error, history, source, mapping, validatedMapping, pick, setSource, applySource, run, cancel, loadHistory, onProgress } =
    useImports();

  useEffect(() => {
    void loadHistory();
    return api.on('import.progress', (p) => onProgress(p.jobId, p.fraction, p.rowsDone));
  }, [loadHistory, onProgress]);

  async function start(mode: ImportMode) {
    if ((await run(mode)) === 'cancelled') toast.success(t('imports.cancelled'));
  }

  const validated = validatedMapping === mapping && result !== null;
  const busy = running !== null || reading;

  return (
    <section className="page" aria-labelledby="imports-title" data-testid="imports-page">
      <header className="page__header">
        <div>
          <h1 id="imports-title">{t('imports.title')}</h1>
          <p className="page__subtitle">{t('imports.subtitle')}</p>
        </div>
        {preview && (
          <div className="page__actions">
            <button type="button" className="button" onClick={() => void pick()} disabled={busy} data-testid="import-pick-another">
              {t('imports.pickAnother')}
            </button>
          </div>
        )}
      </header>

      {error && (
        <div className="alert alert--error" role="alert" data-testid="import-error">
          {error}
        </div>
      )}

      {!preview ? (
        <div className="panel">
          <EmptyState
            title={reading ? t('imports.reading') : t('imports.emptyTitle')}
            text={t('imports.emptyText')}
            action={
              <button type="button" className="button button--primary" onClick={() => void pick()} disabled={busy} data-testid="import-pick">
                {t('imports.pick')}
              </button>
            }
          />
        </div>
      ) : (
        <>
          <div className="panel imports-file" data-testid="import-file">
            <dl className="imports-file__facts">
              <div>
                <dt>{t('imports.file.name')}</dt>
                <dd>{file?.fileName}</dd>
              </div>
              <div>
                <dt>{t('imports.file.format')}</dt>
                <dd>{preview.format.toUpperCase()}</dd>
              </div>
              {preview.encoding && (
                <div>
                  <dt>{t('imports.file.encoding')}</dt>
                  <dd data-testid="import-encoding">{preview.encoding === 'windows-1252' ? 'Windows-1252 (Latin-1)' : preview.encoding.toUpperCase()}</dd>
                </div>
              )}
              {preview.delimiter && (
                <div>
                  <dt>{t('imports.file.delimiter')}</dt>
                  <dd data-testid="import-delimiter">{t(`imports.file.delimiters.${preview.delimiter}`)}</dd>
                </div>
              )}
              <div>
                <dt>{t('imports.file.columns')}</dt>
                <dd className="num">{preview.headers.length}</dd>
              </div>
            </dl>
            <label className="field imports-file__source">
              <span>{t('imports.source')}</span>
              <input
                value={source}
                list="import-sources"
                maxLength={60}
                onChange={(e) => setSource(e.target.value)}
                onBlur={() => void applySource()}
                disabled={busy}
                data-testid="import-source"
              />
              <datalist id="import-sources">
                {preview.sources.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
              <small className="field__hint">{t('imports.sourceHint')}</small>
            </label>
          </div>

          <MappingPanel />

          <div className="panel">
            <div className="panel__header">
              <h2>{t('imports.preview.title', { count: preview.rows.length })}</h2>
            </div>
            <div className="table-scroll imports-preview">
              <table className="table table--compact" data-testid="import-preview">
                <thead>
                  <tr>
                    {preview.headers.map((h, i) => (
                      <th key={i}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, r) => (
                    <tr key={r}>
                      {preview.headers.map((_, c) => (
                        <td key={c}>{row[c] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>

          <div className="imports-actions">
            <button type="button" className="button" onClick={() => void start('dry_run')} disabled={busy || !source.trim()} data-testid="import-validate">
              {t('imports.validate')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void start('valid_rows')} disabled={busy || !validated} data-testid="import-valid-rows">
              {t('imports.importValid')}
            </button>
            <button type="button" className="button" onClick={() => void start('all_or_nothing')} disabled={busy || !validated} data-testid="import-all-or-nothing">
              {t('imports.importAll')}
            </button>
            <span className="field__hint">{t('imports.modesHint')}</span>
          </div>

          {running && (
            <div className="panel imports-progress" role="status" data-testid="import-progress">
              <span>{running.mode === 'dry_run' ? t('imports.progress.validating') : t('imports.progress.label')}</span>
              <progress max={1} value={running.fraction} aria-label={t('imports.progress.label')} />
              <span className="num">{Math.round(running.fraction * 100)}%</span>
              <span className="text-muted">{t('imports.progress.rows', { rows: integer(running.rowsDone) })}</span>
              <button type="button" className="button button--small" onClick={() => void cancel()} data-testid="import-cancel">
                {t('imports.progress.cancel')}
              </button>
            </div>
          )}

          {result && !running && <ImportResultPanel result={result} />}
        </>
      )}

      <div className="panel" data-testid="import-history">
        <div className="panel__header">
          <h2>{t('imports.history.title')}</h2>
        </div>
        {history.length === 0 ? (
          <p className="panel__empty">{t('imports.history.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('imports.history.when')}</th>
                  <th>{t('imports.history.source')}</th>
                  <th>{t('imports.history.file')}</th>
                  <th className="num">{t('imports.history.rows')}</th>
                  <th className="num">{t('imports.history.titles')}</th>
                  <th className="num">{t('imports.history.rejected')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td>{dateTime(h.finishedAt)}</td>
                    <td>{h.source}</td>
                    <td>{h.fileName}</td>
                    <td className="num">{integer(h.totalRows)}</td>
                    <td className="num">
                      {integer(h.titlesNew)} / {integer(h.titlesUpdated)}
                    </td>
                    <td className="num">{integer(h.rejectedRows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
