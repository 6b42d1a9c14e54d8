// When the creditor (Configurações › Empresa) is identified well enough to sign a collection document:
// every collection document and message must carry the creditor's name and CNPJ (CDC art. 42-A), and the
// city is what the Pix code and the place of signature need.

/** The parts of the company settings that identify the creditor. */
export interface CreditorIdentification {
  legalName: string;
  cnpj: string;
  address: { city: string | null };
}

export function isCompanyConfigured(c: CreditorIdentification): boolean {
  return c.legalName !== '' && c.cnpj !== '' && c.address.city !== null;
}
