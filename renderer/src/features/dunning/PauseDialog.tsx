import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBrDate } from '../../../../shared/domain/dates';
import { api, ApiCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';

/** Pauses the whole ladder of a customer, with a reason and an optional last day. */
export function PauseDialog({ customerId, customerName, onClose }: { customerId: number; customerName: string; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  async function save() {
    const untilDate = until.trim() === '' ? null : parseBrDate(until);
    if (until.trim() !== '' && untilDate === null) return setErrors({ untilDate: 'Data inválida (use dd/mm/aaaa)' });
    try {
      await api.invoke('dunning.pause', { customerId, reason, untilDate });
      toast.success(t('dunning.pause.done', { customer: customerName }));
      onClose();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors({ ...e.fieldErrors(), form: e.message });
      else setErrors({ form: String(e) });
    }
  }
  return (
    <Dialog
      title={t('dunning.pause.title', { customer: customerName })}
      onClose={onClose}
      testId="pause-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()} data-testid="pause-confirm">
            {t('dunning.pause.confirm')}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errors.form && (
          <div className="alert alert--error" role="alert">
            {errors.form}
          </div>
        )}
        <Field label={t('dunning.pause.reason')} hint={t('dunning.pause.reasonHint')} error={errors.reason} required>
          <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="pause-reason" />
        </Field>
        <Field label={t('dunning.pause.until')} hint={t('dunning.pause.untilHint')} error={errors.untilDate}>
          <input value={until} onChange={(e) => setUntil(e.target.value)} placeholder="dd/mm/aaaa" inputMode="numeric" data-testid="pause-until" />
        </Field>
      </form>
    </Dialog>
  );
}
