import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../shared/ipc/contract';
import type { MessagePreview, TemplateView } from '../../../../shared/ipc/dunning.contract';
import { api, ApiCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { money } from '../../i18n/format';

/** Edits a message template and previews it, filled with a real customer's open títulos. */
export function TemplateDialog({ template, placeholders, onClose }: { template: TemplateView; placeholders: readonly string[]; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [customers, setCustomers] = useState<CustomerRow[]>([]);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [preview, setPreview] = useState<MessagePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.invoke('customers.list', { onlyOverdue: true, limit: 100 }).then((r) => {
      setCustomers(r.rows);
      setCustomerId((c) => c ?? r.rows[0]?.id ?? null);
    });
  }, []);

  useEffect(() => {
    if (customerId === null) return;
    // The saved template is previewed: save first to see edits (the preview is what the scheduler would send).
    void api.invoke('dunning.preview', { templateId: template.id, customerId }).then(setPreview, (e: unknown) => setError(String(e)));
  }, [customerId, template.id]);

  async function save() {
    try {
      await api.invoke('dunning.templates.save', { id: template.id, subject, body });
      toast.success(t('dunning.template.saved'));
      if (customerId !== null) setPreview(await api.invoke('dunning.preview', { templateId: template.id, customerId }));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    }
  }

  return (
    <Dialog
      title={t('dunning.template.title', { name: template.name })}
      onClose={() => onClose(false)}
      wide
      testId="template-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('common.close')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()} data-testid="template-save">
            {t('dunning.template.save')}
          </button>
        </>
      }
    >
      <div className="template-editor">
        <div className="form">
          {error && (
            <div className="alert alert--error" role="alert">
              {error}
            </div>
          )}
          {template.channel === 'email' && (
            <Field label={t('dunning.template.subject')}>
              <input value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="template-subject" />
            </Field>
          )}
          <Field label={t('dunning.template.body')}>
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={16} className="template-editor__body" data-testid="template-body" />
          </Field>
          <p className="text-muted template-editor__placeholders">
            {t('dunning.template.placeholders')}:{' '}
            {placeholders.map((p) => (
              <code key={p}>{`{{${p}}}`}</code>
            ))}
          </p>
        </div>
        <div className="template-preview" data-testid="template-preview">
          <Field label={t('dunning.template.previewWith')}>
            <select value={customerId ?? ''} onChange={(e) => setCustomerId(Number(e.target.value))} data-testid="preview-customer">
              {customers.length === 0 && <option value="">{t('dunning.template.chooseCustomer')}</option>}
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.tradeName ?? c.legalName}
                </option>
              ))}
            </select>
          </Field>
          {preview && (
            <>
              {preview.warnings.map((w) => (
                <p key={w} className="alert" role="status">
                  {w}
                </p>
              ))}
              <p className="text-muted">{t('dunning.template.previewTotal', { count: preview.invoiceCount, amount: money(preview.updatedTotalCents) })}</p>
              {preview.subject && (
                <p>
                  <strong data-testid="preview-subject">{preview.subject}</strong>
                </p>
              )}
              <pre className="template-preview__text" data-testid="preview-text">
                {preview.text}
              </pre>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
