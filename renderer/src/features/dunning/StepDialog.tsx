import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { centsToDecimalString, parseBrlToCents } from '../../../../shared/domain/money';
import type { PayerCondition, RiskClass, StepChannel, StepView, TemplateView } from '../../../../shared/ipc/dunning.contract';
import { api, ApiCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';

const CHANNELS: readonly StepChannel[] = ['email', 'whatsapp', 'sms', 'phone', 'letter', 'internal'];
const PAYER_CONDITIONS: readonly PayerCondition[] = ['late_payers', 'not_good_payers'];
// A is the best class, so "A or worse" would be everyone: offered from B on.
const RISK_FROM: readonly RiskClass[] = ['B', 'C', 'D', 'E'];

/** Creates or edits one step of a ladder: when, by which channel, with which template, automatic or a task. */
export function StepDialog({ ladderId, step, templates, onClose }: { ladderId: number; step: StepView | null; templates: TemplateView[]; onClose(saved: boolean): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(step?.name ?? '');
  const [offset, setOffset] = useState(String(step?.offsetDays ?? 0));
  const [dayKind, setDayKind] = useState(step?.dayKind ?? 'calendar');
  const [channel, setChannel] = useState<StepChannel>(step?.channel ?? 'email');
  const [templateId, setTemplateId] = useState<number | null>(step?.templateId ?? null);
  const [automatic, setAutomatic] = useState(step?.automatic ?? true);
  const [minAmount, setMinAmount] = useState(step && step.minAmountCents > 0 ? centsToDecimalString(step.minAmountCents).replace('.', ',') : '');
  const [segment, setSegment] = useState(step?.segment ?? '');
  const [payerCondition, setPayerCondition] = useState<PayerCondition | null>(step?.payerCondition ?? null);
  const [riskClassFrom, setRiskClassFrom] = useState<RiskClass | null>(step?.riskClassFrom ?? null);
  const [active, setActive] = useState(step?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function save() {
    const offsetDays = Number(offset);
    const minAmountCents = minAmount.trim() === '' ? 0 : parseBrlToCents(minAmount);
    if (!Number.isInteger(offsetDays)) return setErrors({ offsetDays: 'Use um número inteiro de dias (ex.: -5, 0, 3)' });
    if (minAmountCents === null) return setErrors({ minAmountCents: 'Valor inválido (ex.: 1.234,56)' });
    try {
      await api.invoke('dunning.steps.save', {
        ...(step ? { id: step.id } : {}),
        ladderId,
        name,
        offsetDays,
        dayKind,
        channel,
        templateId,
        automatic: channel === 'internal' ? false : automatic,
        minAmountCents,
        segment,
        payerCondition,
        riskClassFrom,
        active,
      });
      toast.success(t('dunning.step.saved'));
      onClose(true);
    } catch (e) {
      if (e instanceof ApiCallError) setErrors({ ...e.fieldErrors(), form: e.message });
      else setErrors({ form: String(e) });
    }
  }

  return (
    <Dialog
      title={step ? t('dunning.step.titleEdit') : t('dunning.step.titleNew')}
      onClose={() => onClose(false)}
      testId="step-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="step-form" className="button button--primary" data-testid="step-save">
            {t('common.save')}
          </button>
        </>
      }
    >
      <form
        id="step-form"
        className="form form-grid form-grid--2"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errors.form && (
          <div className="alert alert--error span-2" role="alert">
            {errors.form}
          </div>
        )}
        <Field label={t('dunning.step.name')} error={errors.name} required className="span-2">
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus data-testid="step-name" />
        </Field>
        <Field label={t('dunning.step.offset')} error={errors.offsetDays} required>
          <input value={offset} onChange={(e) => setOffset(e.target.value)} inputMode="numeric" className="num" data-testid="step-offset" />
        </Field>
        <Field label={t('dunning.step.dayKind')} error={errors.dayKind}>
          <select value={dayKind} onChange={(e) => setDayKind(e.target.value as StepView['dayKind'])} data-testid="step-day-kind">
            <option value="calendar">{t('dunning.ladder.calendarDays')}</option>
            <option value="business">{t('dunning.ladder.businessDays')}</option>
          </select>
        </Field>
        <Field label={t('dunning.step.channel')} error={errors.channel}>
          <select value={channel} onChange={(e) => setChannel(e.target.value as StepChannel)} data-testid="step-channel">
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`dunning.channel.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dunning.step.template')} error={errors.templateId}>
          <select value={templateId ?? ''} onChange={(e) => setTemplateId(e.target.value === '' ? null : Number(e.target.value))} data-testid="step-template">
            <option value="">{t('dunning.ladder.noTemplate')}</option>
            {templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dunning.step.minAmount')} error={errors.minAmountCents}>
          <input value={minAmount} onChange={(e) => setMinAmount(e.target.value)} inputMode="decimal" className="num" data-testid="step-min-amount" />
        </Field>
        <Field label={t('dunning.step.segment')} error={errors.segment}>
          <input value={segment} onChange={(e) => setSegment(e.target.value)} placeholder={t('dunning.ladder.anyone')} data-testid="step-segment" />
        </Field>
        <Field label={t('dunning.step.payer')} error={errors.payerCondition} hint={t('dunning.step.payerHelp')}>
          <select value={payerCondition ?? ''} onChange={(e) => setPayerCondition(e.target.value === '' ? null : (e.target.value as PayerCondition))} data-testid="step-payer">
            <option value="">{t('dunning.step.payerAny')}</option>
            {PAYER_CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {t(`dunning.ladder.payer.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('dunning.step.riskFrom')} error={errors.riskClassFrom}>
          <select value={riskClassFrom ?? ''} onChange={(e) => setRiskClassFrom(e.target.value === '' ? null : (e.target.value as RiskClass))} data-testid="step-risk">
            <option value="">{t('dunning.step.riskAny')}</option>
            {RISK_FROM.map((r) => (
              <option key={r} value={r}>
                {t('dunning.step.riskOption', { risk: r })}
              </option>
            ))}
          </select>
        </Field>
        <label className="filter--check span-2">
          <input type="checkbox" checked={channel !== 'internal' && automatic} disabled={channel === 'internal'} onChange={(e) => setAutomatic(e.target.checked)} data-testid="step-automatic" />{' '}
          {t('dunning.step.automatic')}
        </label>
        <label className="filter--check span-2">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="step-active" /> {t('dunning.step.active')}
        </label>
      </form>
    </Dialog>
  );
}
