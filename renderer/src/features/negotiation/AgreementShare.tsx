import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, AgreementMessage } from '../../../../shared/ipc/negotiation.contract';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { toast } from '../../components/toast.store';
import { platform } from '../../platform/platform';

/** The agreement document (PDF) and the WhatsApp / e-mail message with the schedule and the next Pix. */
export function AgreementShare({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<AgreementMessage | null>(null);
  const [busy, setBusy] = useState(false);

  async function document() {
    setBusy(true);
    try {
      const doc = await api.invoke('agreements.document', { id: agreement.id });
      const saved = await platform.saveFile(doc.fileName, doc.base64, 'application/pdf', 'base64');
      if (saved.saved) toast.success(t('negotiation.agreement.saved', { file: saved.fileName ?? doc.fileName }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function openMessage() {
    try {
      setMessage(await api.invoke('agreements.message', { id: agreement.id }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void document()} disabled={busy} data-testid="agreement-pdf">
        {t('negotiation.agreement.document')}
      </button>
      {agreement.status === 'active' && (
        <button type="button" className="button" onClick={() => void openMessage()} data-testid="agreement-message">
          {t('negotiation.agreement.message')}
        </button>
      )}
      {message && (
        <Dialog
          title={message.subject}
          wide
          onClose={() => setMessage(null)}
          testId="message-dialog"
          footer={
            <>
              <button
                type="button"
                className="button"
                onClick={() => void navigator.clipboard.writeText(message.text).then(() => toast.success(t('negotiation.agreement.copied')))}
              >
                {t('negotiation.agreement.copy')}
              </button>
              {message.mailtoUrl && (
                <button type="button" className="button" onClick={() => void platform.openExternal(message.mailtoUrl!)}>
                  {t('negotiation.agreement.email')}
                </button>
              )}
              {message.whatsappUrl && (
                <button type="button" className="button button--primary" onClick={() => void platform.openExternal(message.whatsappUrl!)} data-testid="message-whatsapp">
                  {t('negotiation.agreement.whatsapp')}
                </button>
              )}
            </>
          }
        >
          <pre className="neg-message" data-testid="message-text">
            {message.text}
          </pre>
        </Dialog>
      )}
    </>
  );
}
