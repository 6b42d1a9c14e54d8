import type { AgreementDetail } from '../../../../shared/ipc/negotiation.contract';

/** The agreement document (PDF) and the message to the customer; filled in with the document slice. */
export function AgreementShare(_props: { agreement: AgreementDetail }) {
  return null;
}
