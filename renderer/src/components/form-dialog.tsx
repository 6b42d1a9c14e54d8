import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, type FieldErrors } from './form-errors';

/** The submit flow of a form dialog: local checks first, then the call, then the envelope's per-field errors. */
export function useFormSubmit(onDone: () => void) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function run(local: FieldErrors, call: () => Promise<unknown>) {
    setErrors(local);
    setBanner(null);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await call();
      onDone();
    } catch (e) {
      const { fields, message } = apiFieldErrors(e);
      setErrors(fields);
      setBanner(message);
    } finally {
      setSaving(false);
    }
  }
  return { errors, banner, saving, run };
}

interface DialogFooterProps {
  onClose(): void;
  formId: string;
  saving: boolean;
  label: string;
  danger?: boolean;
  /** Submit stays off while the form cannot be sent yet (besides while saving). */
  incomplete?: boolean;
  /** What the submit button says while the call runs (default "Salvando…"). */
  savingLabel?: string;
  /** Default `${formId}-submit`. */
  submitTestId?: string;
}

/** Cancel and submit for a dialog whose form has id `formId`. */
export function DialogFooter({ onClose, formId, saving, label, danger, incomplete, savingLabel, submitTestId }: DialogFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="submit"
        form={formId}
        className={`button ${danger ? 'button--danger' : 'button--primary'}`}
        disabled={saving || incomplete}
        data-testid={submitTestId ?? `${formId}-submit`}
      >
        {saving ? (savingLabel ?? t('common.saving')) : label}
      </button>
    </>
  );
}

/** The form-level error the backend answered (what no single field explains). */
export function FormBanner({ text }: { text: string | null }) {
  return text ? (
    <p className="alert alert--error" role="alert" data-testid="form-error">
      {text}
    </p>
  ) : null;
}
