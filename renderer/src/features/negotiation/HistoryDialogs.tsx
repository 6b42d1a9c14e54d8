import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBrDate } from '../../../../shared/domain/dates';
import type { InvoiceRow } from '../../../../shared/ipc/contract';
import type { DelayReason, Dispute } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { date, money } from '../../i18n/format';
import { DialogFooter, FormBanner, useFormSubmit } from '../../components/form-dialog';
import type { FieldErrors } from '../../components/form-errors';
import { centsToInput, parseBrlToCents } from './negotiation-input';

const REASONS: DelayReason[] = ['financial_difficulty', 'forgot', 'delivery_problem', 'strategic'];


export function PromiseDialog({ customerId, invoices, asOf, onClose }: { customerId: number; invoices: InvoiceRow[]; asOf: string; onClose(): void }) {
  const { t } = useTranslation();
  const overdue = invoices.filter((i) => i.status !== 'disputed' && i.daysOverdue > 0);
  const [picked, setPicked] = useState<Set<number>>(new Set(overdue.map((i) => i.id)));
  const pickedTotal = invoices.filter((i) => picked.has(i.id)).reduce((s, i) => s + i.openCents, 0);
  const [promisedDate, setPromisedDate] = useState(date(asOf));
  const [amount, setAmount] = useState(pickedTotal > 0 ? centsToInput(pickedTotal) : '');
  const [delayReason, setDelayReason] = useState<DelayReason | ''>('');
  const [note, setNote] = useState('');
  const { errors, banner, saving, run } = useFormSubmit(onClose);

  function toggle(id: number) {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
    setAmount(centsToInput(invoices.filter((i) => next.has(i.id)).reduce((s, i) => s + i.openCents, 0)));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const iso = parseBrDate(promisedDate);
    const cents = parseBrlToCents(amount);
    const local: FieldErrors = {};
    if (!iso) local.promisedDate = t('form.invalidDate');
    if (cents === null || cents <= 0) local.amountCents = t('form.invalidMoney');
    void run(local, async () => {
      await api.invoke('promises.create', { customerId, promisedDate: iso!, amountCents: cents!, invoiceIds: [...picked], delayReason: delayReason || null, note });
      toast.success(t('negotiation.promise.saved', { date: date(iso!) }));
    });
  }

  return (
    <Dialog title={t('negotiation.promise.title')} onClose={onClose} testId="promise-dialog" footer={<DialogFooter onClose={onClose} formId="promise-form" saving={saving} label={t('negotiation.promise.save')} />}>
      <form id="promise-form" className="form" onSubmit={submit} noValidate>
        <FormBanner text={banner} />
        <div className="form-grid form-grid--2">
          <Field label={t('negotiation.promise.date')} error={errors.promisedDate} required>
            <input value={promisedDate} onChange={(e) => setPromisedDate(e.target.value)} placeholder="dd/mm/aaaa" autoFocus data-testid="promise-date" />
          </Field>
          <Field label={t('negotiation.promise.amount')} error={errors.amountCents} required>
            <input className="num" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="promise-amount" />
          </Field>
        </div>
        {invoices.length > 0 && (
          <fieldset>
            <legend>{t('negotiation.promise.invoices')}</legend>
            <div className="neg-checklist">
              {invoices.map((i) => (
                <label key={i.id} className="neg-checklist__item">
                  <input type="checkbox" checked={picked.has(i.id)} onChange={() => toggle(i.id)} />
                  <span className="mono">{i.documentNumber}</span>
                  <span>{date(i.dueDate)}</span>
                  <span className="num">{money(i.openCents)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <Field label={t('negotiation.promise.reason')}>
          <select value={delayReason} onChange={(e) => setDelayReason(e.target.value as DelayReason | '')} data-testid="promise-reason">
            <option value="">—</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`negotiation.reasons.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('negotiation.promise.note')} hint={t('negotiation.promise.followUp')}>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}

export function DisputeDialog({ invoices, onClose }: { invoices: InvoiceRow[]; onClose(): void }) {
  const { t } = useTranslation();
  const disputable = invoices.filter((i) => i.status === 'open' || i.status === 'partial');
  const [invoiceId, setInvoiceId] = useState<number | null>(disputable[0]?.id ?? null);
  const [reason, setReason] = useState('');
  const { errors, banner, saving, run } = useFormSubmit(onClose);

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(invoiceId === null ? { invoiceId: t('negotiation.dispute.noneOpen') } : {}, async () => {
      await api.invoke('disputes.open', { invoiceId: invoiceId!, reason });
      toast.success(t('negotiation.dispute.saved'));
    });
  }

  return (
    <Dialog title={t('negotiation.dispute.title')} onClose={onClose} testId="dispute-dialog" footer={<DialogFooter onClose={onClose} formId="dispute-form" saving={saving} label={t('negotiation.dispute.save')} />}>
      <form id="dispute-form" className="form" onSubmit={submit} noValidate>
        <FormBanner text={banner} />
        {disputable.length === 0 ? (
          <p className="dialog__lead">{t('negotiation.dispute.noneOpen')}</p>
        ) : (
          <Field label={t('negotiation.dispute.invoice')} error={errors.invoiceId} required>
            <select value={invoiceId ?? ''} onChange={(e) => setInvoiceId(Number(e.target.value))} autoFocus data-testid="dispute-invoice">
              {disputable.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.documentNumber} · {date(i.dueDate)} · {money(i.openCents)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('negotiation.dispute.reason')} error={errors.reason} required>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="dispute-reason" />
        </Field>
      </form>
    </Dialog>
  );
}

export function ResolveDisputeDialog({ dispute, onClose }: { dispute: Dispute; onClose(): void }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const { errors, banner, saving, run } = useFormSubmit(onClose);
  function submit(e: FormEvent) {
    e.preventDefault();
    void run({}, async () => {
      await api.invoke('disputes.resolve', { id: dispute.id, resolution });
      toast.success(t('negotiation.dispute.resolved'));
    });
  }
  return (
    <Dialog
      title={t('negotiation.dispute.resolveTitle', { doc: dispute.documentNumber })}
      onClose={onClose}
      testId="resolve-dispute-dialog"
      footer={<DialogFooter onClose={onClose} formId="resolve-form" saving={saving} label={t('negotiation.dispute.resolveSave')} />}
    >
      <form id="resolve-form" className="form" onSubmit={submit} noValidate>
        <FormBanner text={banner} />
        <p className="dialog__lead">{dispute.reason}</p>
        <Field label={t('negotiation.dispute.resolution')} error={errors.resolution} required>
          <textarea rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} autoFocus data-testid="dispute-resolution" />
        </Field>
      </form>
    </Dialog>
  );
}

export function NoteDialog({ customerId, onClose }: { customerId: number; onClose(): void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const { errors, banner, saving, run } = useFormSubmit(onClose);
  function submit(e: FormEvent) {
    e.preventDefault();
    void run({}, async () => {
      await api.invoke('notes.add', { customerId, body });
      toast.success(t('negotiation.note.saved'));
    });
  }
  return (
    <Dialog title={t('negotiation.note.title')} onClose={onClose} testId="note-dialog" footer={<DialogFooter onClose={onClose} formId="note-form" saving={saving} label={t('negotiation.note.save')} />}>
      <form id="note-form" className="form" onSubmit={submit} noValidate>
        <FormBanner text={banner} />
        <Field label={t('negotiation.note.body')} error={errors.body} required>
          <textarea rows={4} value={body} onChange={(e) => setBody(e.target.value)} autoFocus data-testid="note-body" />
        </Field>
      </form>
    </Dialog>
  );
}
