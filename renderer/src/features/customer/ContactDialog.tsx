import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactChannel } from '../../../../shared/ipc/contract';
import { schemas } from '../../../../shared/ipc/schemas';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../components/form-errors';

const CHANNELS: ContactChannel[] = ['email', 'whatsapp', 'phone', 'sms', 'letter'];

export function ContactDialog({ customerId, onClose }: { customerId: number; onClose(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', role: '', phone: '', whatsapp: '', email: '', preferredChannel: 'email' as ContactChannel });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const params = { ...form, customerId };
    const local = schemas['contacts.create'].safeParse(params);
    if (!local.success) return setErrors(zodFieldErrors(local.error));
    try {
      await api.invoke('contacts.create', params);
      onClose();
    } catch (err) {
      const r = apiFieldErrors(err);
      setErrors(r.fields);
      setBanner(r.message);
    }
  }

  return (
    <Dialog
      title={t('customer.addContact')}
      onClose={onClose}
      testId="contact-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="contact-form" className="button button--primary">
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id="contact-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        {banner && (
          <div className="alert alert--error" role="alert">
            {banner}
          </div>
        )}
        <div className="form-grid form-grid--2">
          <Field label={t('form.contactName')} error={errors.name} required>
            <input value={form.name} onChange={set('name')} autoFocus />
          </Field>
          <Field label={t('form.contactRole')} error={errors.role}>
            <input value={form.role} onChange={set('role')} />
          </Field>
          <Field label={t('form.phone')} error={errors.phone}>
            <input value={form.phone} onChange={set('phone')} inputMode="tel" />
          </Field>
          <Field label={t('form.whatsapp')} error={errors.whatsapp}>
            <input value={form.whatsapp} onChange={set('whatsapp')} inputMode="tel" />
          </Field>
          <Field label={t('form.email')} error={errors.email}>
            <input value={form.email} onChange={set('email')} inputMode="email" />
          </Field>
          <Field label={t('form.preferredChannel')}>
            <select value={form.preferredChannel} onChange={set('preferredChannel')}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
