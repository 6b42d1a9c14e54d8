import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDocument } from '../../../../shared/domain/documents';
import { formatPhone } from '../../../../shared/domain/contact-info';
import { schemas } from '../../../../shared/ipc/schemas';
import type { CompanyLogo, CompanySettings } from '../../../../shared/ipc/settings.contract';
import { LOGO_MAX_BYTES } from '../../../../shared/ipc/settings.schemas';
import { api } from '../../api/client';
import { AddressFields } from '../../components/AddressFields';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { dateTime } from '../../i18n/format';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../components/form-errors';
import { AdminOnlyNote } from '../users/AdminOnlyNote';
import { useCanAdminister } from '../users/session.store';

interface FormState {
  legalName: string;
  tradeName: string;
  cnpj: string;
  phone: string;
  email: string;
  street: string;
  streetNumber: string;
  complement: string;
  district: string;
  city: string;
  uf: string;
  postalCode: string;
  pixKey: string;
  fine: string;
  interest: string;
}

/** 200 → "2", 150 → "1,5". */
function bpToPercentText(bp: number): string {
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${Math.trunc(bp / 100)}${frac ? `,${frac}` : ''}`;
}

/** "2" / "1,5" / "0.25" → basis points; null when not a percentage with at most two decimals. */
function percentTextToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function initialState(c: CompanySettings): FormState {
  const a = c.address;
  return {
    legalName: c.legalName,
    tradeName: c.tradeName ?? '',
    cnpj: c.cnpj ? formatDocument(c.cnpj) : '',
    phone: c.phone ? formatPhone(c.phone) : '',
    email: c.email ?? '',
    street: a.street ?? '',
    streetNumber: a.streetNumber ?? '',
    complement: a.complement ?? '',
    district: a.district ?? '',
    city: a.city ?? '',
    uf: a.uf ?? '',
    postalCode: a.postalCode ?? '',
    pixKey: c.pixKey ?? '',
    fine: bpToPercentText(c.defaultFineBp),
    interest: bpToPercentText(c.defaultMonthlyInterestBp),
  };
}

/** Reads a picked image as base64 (without the data-URL prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Falha ao ler a imagem'));
    reader.readAsDataURL(file);
  });
}

export function CompanySettingsPage() {
  const { t } = useTranslation();
  const canEdit = useCanAdminister();
  const [saved, setSaved] = useState<CompanySettings | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [logo, setLogo] = useState<CompanyLogo | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.invoke('settings.getCompany', {}).then(
      (c) => {
        setSaved(c);
        setForm(initialState(c));
        setLogo(c.logo);
      },
      (e: unknown) => setBanner(e instanceof Error ? e.message : String(e)),
    );
  }, []);

  if (!form) return <section className="page page--loading">{banner ?? t('common.loading')}</section>;

  const set = (key: keyof FormState) => (e: { target: { value: string } }) => setForm((f) => (f ? { ...f, [key]: e.target.value } : f));
  const err = (path: string) => errors[path];

  async function pickLogo(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      setErrors((x) => ({ ...x, 'logo.base64': t('settings.logoWrongType') }));
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors((x) => ({ ...x, 'logo.base64': t('settings.logoTooBig') }));
      return;
    }
    setErrors(({ 'logo.base64': _, ...rest }) => rest);
    setLogo({ mimeType: file.type, base64: await readBase64(file) });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const fineBp = percentTextToBp(form.fine);
    const interestBp = percentTextToBp(form.interest);
    const params = {
      legalName: form.legalName,
      tradeName: form.tradeName,
      cnpj: form.cnpj,
      phone: form.phone,
      email: form.email,
      address: {
        street: form.street,
        streetNumber: form.streetNumber,
        complement: form.complement,
        district: form.district,
        city: form.city,
        uf: form.uf || null,
        postalCode: form.postalCode,
      },
      pixKey: form.pixKey,
      logo,
      defaultFineBp: fineBp ?? 0,
      defaultMonthlyInterestBp: interestBp ?? 0,
    };
    const local = schemas['settings.updateCompany'].safeParse(params);
    const localErrors = local.success ? {} : zodFieldErrors(local.error);
    if (fineBp === null) localErrors.defaultFineBp = t('settings.invalidPercent');
    if (interestBp === null) localErrors.defaultMonthlyInterestBp = t('settings.invalidPercent');
    if (Object.keys(localErrors).length > 0) {
      setErrors(localErrors);
      setBanner(t('settings.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const c = await api.invoke('settings.updateCompany', params);
      setSaved(c);
      setForm(initialState(c));
      setLogo(c.logo);
      setErrors({});
      setBanner(null);
      toast.success(t('settings.saved'));
    } catch (error) {
      const { fields, message } = apiFieldErrors(error);
      setErrors(fields);
      setBanner(message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="page page--settings" aria-labelledby="settings-title" data-testid="company-settings-page">
      <header className="page__header">
        <div>
          <h1 id="settings-title">{t('settings.title')}</h1>
          <p className="page__subtitle">{t('settings.subtitle')}</p>
        </div>
        <p className="text-muted settings__stamp">{saved?.updatedAt ? t('settings.lastSaved', { when: dateTime(saved.updatedAt) }) : t('settings.neverSaved')}</p>
      </header>

      <form className="form panel settings-form" onSubmit={(e) => void submit(e)} noValidate>
        {!canEdit && <AdminOnlyNote />}
        {banner && (
          <div className="alert alert--error" role="alert" data-testid="settings-error">
            {banner}
          </div>
        )}
        <fieldset disabled={!canEdit} className="fieldset--contents">
          <fieldset>
            <legend>{t('settings.identification')}</legend>
            <div className="form-grid">
              <Field label={t('settings.legalName')} error={err('legalName')} required className="span-2">
                <input value={form.legalName} onChange={set('legalName')} autoFocus data-testid="settings-legalName" />
              </Field>
              <Field label={t('settings.tradeName')} error={err('tradeName')}>
                <input value={form.tradeName} onChange={set('tradeName')} data-testid="settings-tradeName" />
              </Field>
              <Field label={t('settings.cnpj')} error={err('cnpj')} hint={t('settings.cnpjHint')} required>
                <input value={form.cnpj} onChange={set('cnpj')} className="mono" data-testid="settings-cnpj" />
              </Field>
              <Field label={t('settings.phone')} error={err('phone')}>
                <input value={form.phone} onChange={set('phone')} inputMode="tel" data-testid="settings-phone" />
              </Field>
              <Field label={t('settings.email')} error={err('email')}>
                <input value={form.email} onChange={set('email')} inputMode="email" data-testid="settings-email" />
              </Field>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('settings.address')}</legend>
            <AddressFields values={form} onChange={set} error={err} testIdPrefix="settings-" city={{ required: true, hint: t('settings.cityHint') }} />
          </fieldset>

          <fieldset>
            <legend>{t('settings.pix')}</legend>
            <div className="form-grid">
              <Field label={t('settings.pixKey')} error={err('pixKey')} hint={t('settings.pixKeyHint')} className="span-2">
                <input value={form.pixKey} onChange={set('pixKey')} className="mono" data-testid="settings-pixKey" />
              </Field>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('settings.logo')}</legend>
            <div className="settings-logo">
              <div className="settings-logo__preview">
                {logo ? <img src={`data:${logo.mimeType};base64,${logo.base64}`} alt={t('settings.logoAlt')} data-testid="settings-logo-preview" /> : <span className="text-muted">{t('settings.logoNone')}</span>}
              </div>
              <div className="settings-logo__actions">
                <label className="button settings-logo__pick">
                  {t('settings.logoPick')}
                  <input type="file" accept="image/png,image/jpeg" onChange={(e) => void pickLogo(e)} className="visually-hidden" data-testid="settings-logo-input" />
                </label>
                {logo && (
                  <button type="button" className="button button--ghost-danger" onClick={() => setLogo(null)} data-testid="settings-logo-remove">
                    {t('settings.logoRemove')}
                  </button>
                )}
                <small className={err('logo.base64') ? 'field__error' : 'field__hint'} role={err('logo.base64') ? 'alert' : undefined}>
                  {err('logo.base64') ?? t('settings.logoHint')}
                </small>
              </div>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('settings.charges')}</legend>
            <p className="text-muted settings__note">{t('settings.chargesHint')}</p>
            <div className="form-grid">
              <Field label={t('settings.fine')} error={err('defaultFineBp')} hint={t('settings.fineHint')}>
                <input value={form.fine} onChange={set('fine')} inputMode="decimal" className="num" data-testid="settings-fine" />
              </Field>
              <Field label={t('settings.interest')} error={err('defaultMonthlyInterestBp')} hint={t('settings.interestHint')}>
                <input value={form.interest} onChange={set('interest')} inputMode="decimal" className="num" data-testid="settings-interest" />
              </Field>
            </div>
          </fieldset>
        </fieldset>

        {canEdit && (
          <div className="settings-form__footer">
            <button type="submit" className="button button--primary" disabled={saving} data-testid="settings-save">
              {saving ? t('common.saving') : t('settings.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
