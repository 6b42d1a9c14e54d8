import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../../../shared/ipc/imports.contract';
import { useImports } from './imports.store';

/** Target fields in the order a clerk reads an ERP export; the starred ones a título file needs. */
const GROUPS: { key: 'customer' | 'title' | 'payment'; fields: ImportField[] }[] = [
  { key: 'customer', fields: ['document', 'legalName', 'tradeName', 'segment', 'salesRep', 'city', 'uf', 'email', 'phone'] },
  { key: 'title', fields: ['externalId', 'documentNumber', 'issueDate', 'dueDate', 'amount', 'paymentMethod', 'nossoNumero', 'boletoLine'] },
  { key: 'payment', fields: ['balance', 'paidAmount', 'paidOn'] },
];
const REQUIRED: ReadonlySet<ImportField> = new Set(['document', 'legalName', 'documentNumber', 'dueDate', 'amount']);

export function MappingPanel() {
  const { t } = useTranslation();
  const { preview, mapping, running, setField } = useImports();
  if (!preview) return null;
  const profile = preview.profile ? t('imports.mapping.fromProfile', { source: preview.profile.source }) : '';

  return (
    <div className="panel" data-testid="import-mapping">
      <div className="panel__header">
        <h2>{t('imports.mapping.title')}</h2>
      </div>
      <div className="imports-mapping">
        <p className="dialog__lead">{t('imports.mapping.lead', { profile })}</p>
        {GROUPS.map((g) => (
          <fieldset key={g.key} className="imports-mapping__group">
            <legend>{t(`imports.mapping.groups.${g.key}`)}</legend>
            <div className="form-grid">
              {g.fields.map((field) => (
                <label key={field} className="field">
                  <span>
                    {t(`imports.fields.${field}`)}
                    {REQUIRED.has(field) && (
                      <span className="field__required" title={t('imports.mapping.required')}>
                        {' '}
                        *
                      </span>
                    )}
                  </span>
                  <select
                    value={mapping[field] ?? ''}
                    onChange={(e) => setField(field, e.target.value || null)}
                    disabled={running !== null}
                    data-testid={`map-${field}`}
                  >
                    <option value="">{t('imports.mapping.none')}</option>
                    {preview.headers.map((h, i) => (
                      <option key={i} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
    </div>
  );
}
