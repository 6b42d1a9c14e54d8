// Which título a return movement is about: the company's own id first (what the company sent in "uso da
// empresa"), then the nosso número, then the document number. A key that points at more than one título
// matches none of them: settling the wrong título is worse than reporting "not found".
import { nossoNumeroKeys, paddedVariants, unpadded } from '../../../shared/domain/cnab/nosso-numero';
import type { ParsedReturnFile, ReturnItem } from '../../../shared/domain/cnab/parse-return';
import type { InvoiceMatch, MatchedBy } from '../../../shared/domain/cnab/settle';
import type { BankReturnsRepo, MatchableInvoice } from '../db/repos/bank-returns.repo';

/** An Adimple invoice id: at most 12 digits (a longer numeric reference is an ERP code, not an id). */
const INVOICE_ID = /^\d{1,12}$/;

export function invoiceMatcher(repo: BankReturnsRepo, file: Pick<ParsedReturnFile, 'format' | 'bankCode'>) {
  /** One título, or the only one of several whose boleto is from this file's bank. */
  function single(candidates: MatchableInvoice[]): MatchableInvoice | null {
    if (candidates.length === 1) return candidates[0]!;
    const ofBank = candidates.filter((c) => c.boletoBank === file.bankCode);
    return ofBank.length === 1 ? ofBank[0]! : null;
  }

  function sameTitle(inv: MatchableInvoice, item: ReturnItem, keys: string[]): boolean {
    if (item.documentNumber !== '' && inv.documentNumber === item.documentNumber) return true;
    return inv.nossoNumero !== null && keys.some((k) => unpadded(k) === unpadded(inv.nossoNumero!));
  }

  function byCompanyRef(item: ReturnItem, keys: string[]): MatchableInvoice | null {
    const ref = item.companyRef;
    if (ref === '') return null;
    const byExternal = repo.invoicesByExternalId(ref);
    if (byExternal.length === 1) return byExternal[0]!;
    // An Adimple invoice id, accepted only when the movement's nosso número or document agrees with it.
    if (!INVOICE_ID.test(ref)) return null;
    const inv = repo.invoiceById(Number(ref));
    return inv && sameTitle(inv, item, keys) ? inv : null;
  }

  function byNossoNumero(keys: string[]): MatchableInvoice | null {
    for (const key of keys) {
      const exact = single(repo.invoicesByNossoNumero(key));
      if (exact) return exact;
    }
    for (const key of keys) {
      for (const variant of paddedVariants(key)) {
        const loose = single(repo.invoicesByNossoNumero(variant));
        if (loose) return loose;
      }
    }
    return null;
  }

  function byDocumentNumber(item: ReturnItem): MatchableInvoice | null {
    if (item.documentNumber === '') return null;
    const candidates = repo.invoicesByDocumentNumber(item.documentNumber);
    if (candidates.length === 1) return candidates[0]!;
    const open = candidates.filter((c) => c.openCents > 0);
    return open.length === 1 ? open[0]! : null;
  }

  return (item: ReturnItem): InvoiceMatch<MatchableInvoice> | null => {
    const keys = nossoNumeroKeys(file.format, file.bankCode, item.nossoNumero);
    const found = (invoice: MatchableInvoice | null, matchedBy: MatchedBy) => (invoice ? { invoice, matchedBy } : null);
    return found(byCompanyRef(item, keys), 'company_ref') ?? found(byNossoNumero(keys), 'nosso_numero') ?? found(byDocumentNumber(item), 'document_number');
  };
}
