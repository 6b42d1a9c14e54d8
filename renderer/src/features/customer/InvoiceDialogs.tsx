import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { centsToDecimalString, parseBrlToCents } from '../../../../shared/domain/money';
import { parseBrDate } from '../../../../shared/domain/dates';
import type { InvoiceRow, PaymentMethod } from '../../../../shared/ipc/contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { date, money } from '../../i18n/format';
import { DialogFooter, FormBanner, useFormSubmit } from '../../components/form-dialog';
import type { FieldErrors } from '../../components/form-errors';

const METHODS: PaymentMethod[] = ['boleto', 'pix', 'transferencia', 'dinheiro', 'cheque', 'cartao'];

function toInputMoney(cents: number) {
  return centsToDecimalString(cents).replace('.', ',');
}

export function PaymentDialog({ invoice, asOf, onClose }: { invoice: InvoiceRow; asOf: string; onClose(): void }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(toInputMoney(invoice.openCents));
  const [paidOn, setPaidOn] = useState(date(asOf));
  const [method, setMethod] = useState<PaymentMethod>(invoice.paymentMethod);
  const [reference, setReference] = useState('');
  const { errors, banner, saving, run } = useFormSubmit(onClose);
  const cents = parseBrlToCents(amount);

  let hint: string | undefined;
  if (cents !== null && cents > 0) {
    if (cents === invoice.openCents) hint = t('payment.fullHint');
    else if (cents < invoice.openCents) hint = t('payment.partialHint', { rest: money(invoice.openCents - cents) });
  }
  const excess = cents !== null && cents > invoice.openCents;

  function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (cents === null || cents <= 0) local.amountCents = t('form.invalidMoney');
    else if (excess) local.amountCents = t('payment.excessHint', { open: money(invoice.openCents) });
    const iso = parseBrDate(paidOn);
    if (!iso) local.paidOn = t('form.invalidDate');
    void run(local, async () => {
      const r = await api.invoke('payments.register', { invoiceId: invoice.id, amountCents: cents!, paidOn: iso!, method, reference });
      toast.success(t('payment.done', { amount: money(r.payment.amountCents) }));
    });
  }

  return (
    <Dialog title={t('payment.title')} onClose={onClose} testId="payment-dialog" footer={<DialogFooter onClose={onClose} formId="payment-form" saving={saving} label={t('payment.title')} />}>
      <form id="payment-form" className="form" onSubmit={submit} noValidate>
        <p className="dialog__lead">{t('payment.invoice', { number: invoice.documentNumber, open: money(invoice.openCents) })}</p>
        <FormBanner text={banner} />
        <div className="form-grid form-grid--2">
          <Field label={t('payment.amount')} error={errors.amountCents ?? (excess ? t('payment.excessHint', { open: money(invoice.openCents) }) : undefined)} hint={hint} required>
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className="num" autoFocus data-testid="payment-amount" />
          </Field>
          <Field label={t('payment.paidOn')} error={errors.paidOn} required>
            <input value={paidOn} onChange={(e) => setPaidOn(e.target.value)} placeholder="dd/mm/aaaa" data-testid="payment-date" />
          </Field>
          <Field label={t('payment.method')} error={errors.method}>
            <select value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`paymentMethod.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('payment.reference')} error={errors.reference}>
            <input value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
        </div>
      </form>
    </Dialog>
  );
}

export function InvoiceEditDialog({ invoice, onClose }: { invoice: InvoiceRow; onClose(): void }) {
  const { t } = useTranslation();
  const [documentNumber, setDocumentNumber] = useState(invoice.documentNumber);
  const [dueDate, setDueDate] = useState(date(invoice.dueDate));
  const [amount, setAmount] = useState(toInputMoney(invoice.amountCents));
  const [method, setMethod] = useState<PaymentMethod>(invoice.paymentMethod);
  const [boletoLine, setBoletoLine] = useState(invoice.boletoLine ?? '');
  const [nossoNumero, setNossoNumero] = useState(invoice.nossoNumero ?? '');
  const { errors, banner, saving, run } = useFormSubmit(onClose);

  function submit(e: FormEvent) {
    e.preventDefault();
    const cents = parseBrlToCents(amount);
    const iso = parseBrDate(dueDate);
    const local: FieldErrors = {};
    if (cents === null || cents <= 0) local.amountCents = t('form.invalidMoney');
    if (!iso) local.dueDate = t('form.invalidDate');
    void run(local, () =>
      api.invoke('invoices.update', {
        id: invoice.id,
        expectedUpdatedAt: invoice.updatedAt,
        documentNumber,
        dueDate: iso!,
        amountCents: cents!,
        paymentMethod: method,
        boletoLine,
        nossoNumero,
      }),
    );
  }

  return (
    <Dialog title={t('invoice.edit')} onClose={onClose} testId="invoice-dialog" footer={<DialogFooter onClose={onClose} formId="invoice-form" saving={saving} label={t('common.save')} />}>
      <form id="invoice-form" className="form" onSubmit={submit} noValidate>
        <FormBanner text={banner} />
        <div className="form-grid form-grid--2">
          <Field label={t('invoice.documentNumber')} error={errors.documentNumber} required>
            <input value={documentNumber} onChange={(e) => setDocumentNumber(e.target.value)} autoFocus />
          </Field>
          <Field label={t('invoice.dueDate')} error={errors.dueDate} required>
            <input value={dueDate} onChange={(e) => setDueDate(e.target.value)} placeholder="dd/mm/aaaa" data-testid="invoice-due" />
          </Field>
          <Field label={t('invoice.amount')} error={errors.amountCents} required>
            <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" className="num" data-testid="invoice-amount" />
          </Field>
          <Field label={t('invoice.method')} error={errors.paymentMethod}>
            <select value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`paymentMethod.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('invoice.boletoLine')} error={errors.boletoLine} className="span-2">
            <input value={boletoLine} onChange={(e) => setBoletoLine(e.target.value)} className="mono" />
          </Field>
          <Field label={t('invoice.nossoNumero')} error={errors.nossoNumero}>
            <input value={nossoNumero} onChange={(e) => setNossoNumero(e.target.value)} className="mono" />
          </Field>
        </div>
      </form>
    </Dialog>
  );
}

export function WriteOffDialog({ invoice, onClose }: { invoice: InvoiceRow; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { errors, banner, saving, run } = useFormSubmit(onClose);

  function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = reason.trim().length < 5 ? { reason: t('form.reasonTooShort') } : {};
    void run(local, () => api.invoke('invoices.writeOff', { id: invoice.id, reason }));
  }

  return (
    <Dialog
      title={t('writeOff.title')}
      onClose={onClose}
      testId="writeoff-dialog"
      footer={<DialogFooter onClose={onClose} formId="writeoff-form" saving={saving} label={t('writeOff.confirm')} danger />}
    >
      <form id="writeoff-form" className="form" onSubmit={submit} noValidate>
        <p className="dialog__lead">{t('writeOff.warning', { number: invoice.documentNumber, open: money(invoice.openCents) })}</p>
        <FormBanner text={banner} />
        <Field label={t('writeOff.reason')} error={errors.reason} required>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} autoFocus data-testid="writeoff-reason" />
        </Field>
      </form>
    </Dialog>
  );
}
