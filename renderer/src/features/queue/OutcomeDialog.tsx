import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBrDate } from '../../../../shared/domain/dates';
import { parseBrlToCents } from '../../../../shared/domain/money';
import type { DelayReason, TaskOutcome, TaskView } from '../../../../shared/ipc/dunning.contract';
import { ApiCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { useQueue } from './queue.store';

const OUTCOMES: readonly TaskOutcome[] = ['reached', 'not_reached', 'promise', 'done', 'not_needed'];
const REASONS: readonly DelayReason[] = ['financial_difficulty', 'forgot', 'delivery_problem', 'strategic'];

/** Records how a task went (reached or not, why the customer is late, a promise) and moves on. */
export function OutcomeDialog({ task, onClose }: { task: TaskView; onClose(): void }) {
  const { t } = useTranslation();
  const complete = useQueue((s) => s.complete);
  const [outcome, setOutcome] = useState<TaskOutcome>(task.type === 'call' || task.type === 'whatsapp' ? 'reached' : 'done');
  const [reason, setReason] = useState<DelayReason | ''>('');
  const [promiseDate, setPromiseDate] = useState('');
  const [promiseAmount, setPromiseAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  // 1–5 picks an outcome anywhere in the dialog except while typing in a field.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const picked = OUTCOMES[Number(e.key) - 1];
      const el = document.activeElement;
      const typing = el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && el.type !== 'radio');
      if (!picked || typing || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      setOutcome(picked);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  async function save() {
    const date = promiseDate.trim() === '' ? null : parseBrDate(promiseDate);
    const cents = promiseAmount.trim() === '' ? null : parseBrlToCents(promiseAmount);
    const local: Record<string, string> = {};
    if (promiseDate.trim() !== '' && date === null) local.promiseDate = 'Data inválida (use dd/mm/aaaa)';
    if (promiseAmount.trim() !== '' && cents === null) local.promiseCents = 'Valor inválido (ex.: 1.234,56)';
    if (Object.keys(local).length > 0) return setErrors(local);
    try {
      await complete({ id: task.id, outcome, delayReason: reason === '' ? null : reason, promiseDate: date, promiseCents: cents, note });
      toast.success(t('dunning.outcome.saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiCallError) setErrors({ ...e.fieldErrors(), form: e.message });
      else setErrors({ form: String(e) });
    }
  }

  return (
    <Dialog
      title={t('dunning.outcome.title', { task: task.title })}
      onClose={onClose}
      testId="outcome-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="outcome-form" className="button button--primary" data-testid="outcome-save">
            {t('dunning.outcome.save')}
          </button>
        </>
      }
    >
      <form
        id="outcome-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }

        }}
      >
        {errors.form && (
          <div className="alert alert--error" role="alert">
            {errors.form}
          </div>
        )}
        <fieldset className="segmented" data-testid="outcome-options">
          <legend>{t('dunning.outcome.outcome')}</legend>
          {OUTCOMES.map((o, i) => (
            <label key={o} className="choice">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} data-testid={`outcome-${o}`} />
              <span>
                {i + 1}. {t(`dunning.outcome.${o}`)}
              </span>
            </label>
          ))}
        </fieldset>
        <Field label={t('dunning.outcome.delayReason')} error={errors.delayReason}>
          <select value={reason} onChange={(e) => setReason(e.target.value as DelayReason | '')} data-testid="outcome-reason">
            <option value="">{t('dunning.outcome.noReason')}</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`dunning.outcome.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {outcome === 'promise' && (
          <div className="form-grid form-grid--2">
            <Field label={t('dunning.outcome.promiseDate')} error={errors.promiseDate} required>
              <input value={promiseDate} onChange={(e) => setPromiseDate(e.target.value)} placeholder="dd/mm/aaaa" inputMode="numeric" data-testid="outcome-promise-date" />
            </Field>
            <Field label={t('dunning.outcome.promiseAmount')} error={errors.promiseCents}>
              <input value={promiseAmount} onChange={(e) => setPromiseAmount(e.target.value)} inputMode="decimal" className="num" data-testid="outcome-promise-amount" />
            </Field>
          </div>
        )}
        <Field label={t('dunning.outcome.note')} error={errors.note}>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} data-testid="outcome-note" />
        </Field>
      </form>
    </Dialog>
  );
}
