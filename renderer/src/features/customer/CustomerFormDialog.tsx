import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDocument, normalizeDocument } from '../../../../shared/domain/documents';
import { centsToDecimalString, parseBrlToCents } from '../../../../shared/domain/money';
import type { Customer, CustomerKind, CustomerStatus } from '../../../../shared/ipc/contract';
import { schemas } from '../../../../shared/ipc/schemas';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { AddressFields } from '../../components/AddressFields';
import { FormBanner } from '../../components/form-dialog';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../components/form-errors';

const KINDS: CustomerKind[] = ['PJ', 'EMPRESARIO_INDIVIDUAL', 'PF'];
const STATUSES: CustomerStatus[] = ['active', 'blocked', 'inactive'];

interface FormState {
  legalName: string;
  tradeName: string;
  document: string;
  kind: CustomerKind;
  segment: string;
  salesRep: string;
  status: CustomerStatus;
  street: string;
  streetNumber: string;
  complement: string;
  district: string;
  city: string;
  uf: string;
  postalCode: string;
  creditLimit: string;
  paymentTermsDays: string;
  notes: string;
}

function initialState(c?: Customer): FormState {
  return {
    legalName: c?.legalName ?? '',
    tradeName: c?.tradeName ?? '',
    document: c ? formatDocument(c.document) : '',
    kind: c?.kind ?? 'PJ',
    segment: c?.segment ?? '',
    salesRep: c?.salesRep ?? '',
    status: c?.status ?? 'active',
    street: c?.address.street ?? '',
    streetNumber: c?.address.streetNumber ?? '',
    complement: c?.address.complement ?? '',
    district: c?.address.district ?? '',
    city: c?.address.city ?? '',
    uf: c?.address.uf ?? '',
    postalCode: c?.address.postalCode ?? '',
    creditLimit: c ? centsToDecimalString(c.creditLimitCents).replace('.', ',') : '',
    paymentTermsDays: c?.paymentTermsDays?.toString() ?? '',
    notes: c?.notes ?? '',
  };
}

export function CustomerFormDialog({ customer, onClose, onSaved }: { customer?: Customer; onClose(): void; onSaved(c: Customer): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => initialState(customer));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  function buildParams() {
    const creditLimitCents = form.creditLimit.trim() ? parseBrlToCents(form.creditLimit) : 0;
    const terms = form.paymentTermsDays.trim();
    return {
      creditLimitOk: creditLimitCents !== null,
      params: {
        legalName: form.legalName,
        tradeName: form.tradeName,
        document: form.document,
        kind: form.kind,
        segment: form.segment,
        salesRep: form.salesRep,
        status: form.status,
        address: {
          street: form.street,
          streetNumber: form.streetNumber,
          complement: form.complement,
          district: form.district,
          city: form.city,
          uf: form.uf || null,
          postalCode: form.postalCode,
        },
        creditLimitCents: creditLimitCents ?? 0,
        paymentTermsDays: terms ? Number(terms) : null,
        tags: customer?.tags ?? [],
        notes: form.notes,
      },
    };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { params, creditLimitOk } = buildParams();
    const local = schemas['customers.create'].safeParse(params);
    const localErrors = local.success ? {} : zodFieldErrors(local.error);
    if (!creditLimitOk) localErrors.creditLimitCents = t('form.invalidMoney');
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setBanner(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const saved = customer
        ? await api.invoke('customers.update', { ...params, id: customer.id, expectedUpdatedAt: customer.updatedAt })
        : await api.invoke('customers.create', params);
      toast.success(customer ? t('form.updated') : t('form.created'));
      onSaved(saved);
    } catch (err) {
      const { fields, message } = apiFieldErrors(err);
      setErrors(fields);
      setBanner(message);
    } finally {
      setSaving(false);
    }
  }

  const err = (path: string) => errors[path];

  return (
    <Dialog
      title={customer ? t('form.editTitle') : t('form.newTitle')}
      onClose={onClose}
      wide
      testId="customer-form"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="customer-form" className="button button--primary" disabled={saving} data-testid="customer-save">
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <form id="customer-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormBanner text={banner} />
        <fieldset>
          <legend>{t('form.identification')}</legend>
          <div className="form-grid">
            <Field label={t('form.legalName')} error={err('legalName')} required className="span-2">
              <input value={form.legalName} onChange={set('legalName')} autoFocus data-testid="field-legalName" />
            </Field>
            <Field label={t('form.tradeName')} error={err('tradeName')}>
              <input value={form.tradeName} onChange={set('tradeName')} />
            </Field>
            <Field label={t('form.kind')} error={err('kind')} required>
              <select value={form.kind} onChange={set('kind')} data-testid="field-kind">
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('form.document')} error={err('document')} hint={t('form.documentHint')} required>
              <input
                value={form.document}
                onChange={set('document')}
                onBlur={() => setForm((f) => ({ ...f, document: tidyDocument(f.document) }))}
                className="mono"
                data-testid="field-document"
              />
            </Field>
            <Field label={t('form.status')} error={err('status')}>
              <select value={form.status} onChange={set('status')}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('form.segment')} error={err('segment')}>
              <input value={form.segment} onChange={set('segment')} />
            </Field>
            <Field label={t('form.salesRep')} error={err('salesRep')}>
              <input value={form.salesRep} onChange={set('salesRep')} />
            </Field>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('form.addressSection')}</legend>
          <AddressFields values={form} onChange={set} error={err} testIdPrefix="field-" />
        </fieldset>
        <fieldset>
          <legend>{t('form.credit')}</legend>
          <div className="form-grid">
            <Field label={t('form.creditLimit')} error={err('creditLimitCents')}>
              <input value={form.creditLimit} onChange={set('creditLimit')} inputMode="decimal" className="num" />
            </Field>
            <Field label={t('form.paymentTerms')} error={err('paymentTermsDays')}>
              <input value={form.paymentTermsDays} onChange={set('paymentTermsDays')} inputMode="numeric" className="num" />
            </Field>
            <Field label={t('form.notes')} error={err('notes')} className="span-3">
              <textarea value={form.notes} onChange={set('notes')} rows={2} />
            </Field>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}

/** Shows the document with its mask once it is complete; leaves partial input alone. */
function tidyDocument(input: string): string {
  const n = normalizeDocument(input);
  return n.length === 11 || n.length === 14 ? formatDocument(n) : input;
}
