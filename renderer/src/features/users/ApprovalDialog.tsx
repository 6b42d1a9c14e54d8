import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { DialogFooter } from '../../components/form-dialog';
import { useFormCall } from './AuthScreens';

export interface ApprovalCredentials {
  login: string;
  password: string;
}

interface ApprovalDialogProps {
  title: string;
  /** What needs approval and why (the reasons the backend gave). */
  children: ReactNode;
  confirmLabel: string;
  onClose(): void;
  /** Sends the approver's login and password with the action; a refusal keeps the dialog open with its message. */
  onApprove(credentials: ApprovalCredentials): Promise<unknown>;
}

/**
 * A supervisor (or admin) approves on someone else's screen by typing their own login and password, like
 * the "senha do supervisor" at a till. The backend checks them like a login, with the same attempt limit.
 */
export function ApprovalDialog({ title, children, confirmLabel, onClose, onApprove }: ApprovalDialogProps) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { busy, fieldErrors, error, submit } = useFormCall();
  async function approve(e: FormEvent) {
    e.preventDefault();
    const ok = await submit(() => onApprove({ login: login.trim(), password }));
    // A refused password is typed again from scratch.
    if (!ok) setPassword('');
  }
  const loginError = fieldErrors['approval.login'];
  const passwordError = fieldErrors['approval.password'];
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="approval-dialog"
      footer={
        <DialogFooter
          onClose={onClose}
          formId="approval-form"
          saving={busy}
          incomplete={!login.trim() || !password}
          label={confirmLabel}
          savingLabel={t('users.approval.checking')}
          submitTestId="approval-confirm"
        />
      }
    >
      <form id="approval-form" className="form" onSubmit={(e) => void approve(e)} noValidate autoComplete="off">
        {children}
        <p className="dialog__lead">{t('users.approval.lead')}</p>
        <Field label={t('users.approval.login')} error={loginError} required>
          <input value={login} onChange={(e) => setLogin(e.target.value)} autoFocus autoComplete="off" spellCheck={false} data-testid="approval-login" />
        </Field>
        <Field label={t('users.approval.password')} error={passwordError} required>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="approval-password" />
        </Field>
        {error && !loginError && !passwordError && (
          <div className="alert alert--error" role="alert" data-testid="approval-error">
            {error}
          </div>
        )}
      </form>
    </Dialog>
  );
}
