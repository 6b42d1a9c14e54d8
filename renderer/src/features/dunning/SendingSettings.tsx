import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SMTP_DEFAULT_PORT, type SmtpSecurity } from '../../../../shared/domain/smtp-security';
import type { DunningSettingsView } from '../../../../shared/ipc/dunning.contract';
import { api, ApiCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { toast } from '../../components/toast.store';
import { AdminOnlyNote } from '../users/AdminOnlyNote';
import { useCanAdminister } from '../users/session.store';
import { ContactHoursEditor } from './ContactHoursEditor';

type Smtp = NonNullable<DunningSettingsView['smtp']>;
const EMPTY_SMTP: Smtp = { host: '', port: SMTP_DEFAULT_PORT.starttls, security: 'starttls', user: null, fromEmail: '', fromName: '' };
const SECURITY_MODES: readonly SmtpSecurity[] = ['tls', 'starttls', 'none'];

/** The régua's sending settings: signature, contact caps and the SMTP server (the password goes to the vault). */
export function SendingSettings() {
  const { t } = useTranslation();
  const canEdit = useCanAdminister();
  const [view, setView] = useState<DunningSettingsView | null>(null);
  const [smtpOn, setSmtpOn] = useState(false);
  const [smtp, setSmtp] = useState<Smtp>(EMPTY_SMTP);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    void api.invoke('dunning.settings.get', {}).then((v) => {
      setView(v);
      setSmtpOn(v.smtp !== null);
      setSmtp(v.smtp ?? EMPTY_SMTP);
    });
  }, []);
  if (!view) return null;

  const setField = <K extends keyof Smtp>(key: K, value: Smtp[K]) => setSmtp((s) => ({ ...s, [key]: value }));
  /** A port still at the old mode's usual number follows the new mode; without encryption no login is sent. */
  const setSecurity = (security: SmtpSecurity) =>
    setSmtp((s) => ({ ...s, security, port: s.port === SMTP_DEFAULT_PORT[s.security] ? SMTP_DEFAULT_PORT[security] : s.port, user: security === 'none' ? null : s.user }));
  const inMemory = view.secretStorage === 'memory';

  async function save() {
    if (!view) return;
    try {
      const saved = await api.invoke('dunning.settings.save', {
        clerkName: view.clerkName,
        maxContactsPerDay: view.maxContactsPerDay,
        maxContactsPerWeek: view.maxContactsPerWeek,
        maxCatchUpDays: view.maxCatchUpDays,
        smtp: smtpOn ? smtp : null,
        gateway: view.gateway,
        contactHours: view.contactHours,
        ...(password ? { smtpPassword: password } : {}),
      });
      setView(saved);
      setPassword('');
      setErrors({});
      toast.success(t('dunning.settings.saved'));
    } catch (e) {
      if (e instanceof ApiCallError) setErrors({ ...e.fieldErrors(), form: e.message });
      else setErrors({ form: String(e) });
    }
  }

  const num = (key: 'maxContactsPerDay' | 'maxContactsPerWeek' | 'maxCatchUpDays', label: string) => (
    <Field label={label} error={errors[key]}>
      <input value={String(view[key])} onChange={(e) => setView({ ...view, [key]: Number(e.target.value.replace(/\D/g, '')) })} inputMode="numeric" className="num" />
    </Field>
  );

  return (
    <div className="panel" data-testid="sending-settings">
      <div className="panel__header">
        <h2>{t('dunning.settings.title')}</h2>
      </div>
      <form
        className="form form-grid form-grid--2 sending-settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {!canEdit && <AdminOnlyNote className="span-2" />}
        <fieldset disabled={!canEdit} className="fieldset--contents">
          {errors.form && (
            <div className="alert alert--error span-2" role="alert">
              {errors.form}
            </div>
          )}
          <Field label={t('dunning.settings.clerkName')} error={errors.clerkName} className="span-2">
            <input value={view.clerkName} onChange={(e) => setView({ ...view, clerkName: e.target.value })} data-testid="settings-clerk" />
          </Field>
          {num('maxContactsPerDay', t('dunning.settings.perDay'))}
          {num('maxContactsPerWeek', t('dunning.settings.perWeek'))}
          {num('maxCatchUpDays', t('dunning.settings.catchUp'))}
          <ContactHoursEditor value={view.contactHours} onChange={(contactHours) => setView({ ...view, contactHours })} errors={errors} />
          <label className="filter--check span-2">
            <input type="checkbox" checked={smtpOn} onChange={(e) => setSmtpOn(e.target.checked)} data-testid="settings-smtp-on" /> {t('dunning.settings.smtpEnabled')}
          </label>
          {smtpOn && (
            <>
              <Field label={t('dunning.settings.host')} error={errors['smtp.host']} required>
                <input value={smtp.host} onChange={(e) => setField('host', e.target.value)} data-testid="settings-smtp-host" />
              </Field>
              <Field label={t('dunning.settings.port')} error={errors['smtp.port']} required>
                <input value={String(smtp.port)} onChange={(e) => setField('port', Number(e.target.value.replace(/\D/g, '')))} inputMode="numeric" className="num" />
              </Field>
              <Field label={t('dunning.settings.security')} error={errors['smtp.security']} hint={t(`dunning.settings.securityHint.${smtp.security}`)} className="span-2">
                <select value={smtp.security} onChange={(e) => setSecurity(e.target.value as SmtpSecurity)} data-testid="settings-smtp-security">
                  {SECURITY_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`dunning.settings.${mode}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {smtp.security === 'none' && (
                <p className="alert alert--warn span-2" role="note" data-testid="settings-smtp-plain-warning">
                  {t('dunning.settings.plainWarning')}
                </p>
              )}
              {smtp.security !== 'none' && (
                <>
                  <Field label={t('dunning.settings.user')} error={errors['smtp.user']}>
                    <input value={smtp.user ?? ''} onChange={(e) => setField('user', e.target.value || null)} autoComplete="off" />
                  </Field>
                  <Field
                    label={t('dunning.settings.password')}
                    hint={view.hasSmtpPassword ? t('dunning.settings.passwordSaved', { where: t(`dunning.settings.storage.${view.secretStorage}`, view.secretStorage) }) : t('dunning.settings.passwordNone')}
                  >
                    <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
                  </Field>
                  {inMemory && (
                    <p className="alert alert--info span-2" role="note" data-testid="settings-secret-memory">
                      {t('dunning.settings.memoryNote')}
                    </p>
                  )}
                </>
              )}
              <Field label={t('dunning.settings.fromEmail')} error={errors['smtp.fromEmail']} required>
                <input value={smtp.fromEmail} onChange={(e) => setField('fromEmail', e.target.value)} type="email" />
              </Field>
              <Field label={t('dunning.settings.fromName')} error={errors['smtp.fromName']} required>
                <input value={smtp.fromName} onChange={(e) => setField('fromName', e.target.value)} />
              </Field>
            </>
          )}
        </fieldset>
        {canEdit && (
          <div className="span-2">
            <button type="submit" className="button button--primary" data-testid="settings-save">
              {t('dunning.settings.save')}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
