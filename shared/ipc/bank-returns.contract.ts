/**
 * Bank return files (CNAB 240/400, "retorno"): preview what a file would settle, import it (one
 * transaction), the history of imported files with their items, and the reconciliation report as CSV.
 */
import type { CnabFormat } from '../domain/cnab/parse-return';
import type { MovementKind } from '../domain/cnab/movement-codes';
import type { MatchedBy, SettlementResult } from '../domain/cnab/settle';
import type { CsvFile, Page } from './contract';
import type { Params } from './schemas';

export type { CnabFormat, MatchedBy, MovementKind, SettlementResult };

export type BankReturnTable = 'bank_return_files' | 'bank_return_items';

/** What a return file holds and what it does (or did) to the portfolio. */
export interface BankReturnSummary {
  fileName: string;
  format: CnabFormat;
  bankCode: string;
  bankName: string;
  convenio: string;
  /** NSA; null when the bank sends none. */
  sequence: number | null;
  generatedOn: string | null;
  companyName: string;
  /** Earliest and latest payment (occurrence) dates of the file's movements. */
  paymentDates: { from: string; to: string } | null;
  itemCount: number;
  counts: Record<SettlementResult, number>;
  /** What payers paid, over the movements that settle títulos. */
  paidTotalCents: number;
  /** What is (or was) recorded as payments on títulos. */
  appliedTotalCents: number;
  /** Juros/multa received (and anything paid above a título's balance). */
  chargesTotalCents: number;
}

export interface BankReturnFile extends BankReturnSummary {
  id: number;
  importedAt: string;
  importedBy: string;
}

export interface BankReturnItemRow {
  line: number;
  movementCode: string;
  movementKind: MovementKind;
  movementDescription: string;
  nossoNumero: string;
  documentNumber: string;
  companyRef: string;
  dueDate: string | null;
  nominalCents: number;
  paidCents: number;
  /** Juros/multa as the bank reports them. */
  bankChargesCents: number;
  occurrenceDate: string | null;
  creditDate: string | null;
  reasons: string;
  result: SettlementResult;
  matchedBy: MatchedBy | null;
  invoiceId: number | null;
  invoiceDocumentNumber: string | null;
  customerId: number | null;
  customerName: string | null;
  appliedCents: number;
  chargesCents: number;
  note: string;
}

export interface BankReturnPreview {
  summary: BankReturnSummary;
  /** The file was already imported: importing it again is refused. */
  alreadyImported: { id: number; importedAt: string; fileName: string } | null;
  items: Page<BankReturnItemRow>;
}

export interface BankReturnsApi {
  'bankReturns.preview': { params: Params<'bankReturns.preview'>; result: BankReturnPreview };
  'bankReturns.import': { params: Params<'bankReturns.import'>; result: BankReturnFile };
  'bankReturns.listFiles': { params: Params<'bankReturns.listFiles'>; result: Page<BankReturnFile> };
  'bankReturns.getFileItems': { params: Params<'bankReturns.getFileItems'>; result: { file: BankReturnFile; items: Page<BankReturnItemRow> } };
  'bankReturns.exportCsv': { params: Params<'bankReturns.exportCsv'>; result: CsvFile };
}
