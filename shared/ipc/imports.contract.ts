/**
 * Importing customers, títulos and payments from an ERP export (CSV or XLSX): preview, column mapping,
 * a validating dry run, the import itself (one transaction, off the main thread) and its cancel.
 */
import type { Params } from './schemas';

/** The Adimple fields a file's columns can feed. */
export const IMPORT_FIELDS = [
  'externalId',
  'document',
  'legalName',
  'tradeName',
  'segment',
  'salesRep',
  'city',
  'uf',
  'email',
  'phone',
  'documentNumber',
  'issueDate',
  'dueDate',
  'amount',
  'balance',
  'paidAmount',
  'paidOn',
  'paymentMethod',
  'nossoNumero',
  'boletoLine',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Target field → the header text of the file column that feeds it (headers, not positions, so a
 * reordered export still maps). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export type ImportMode = 'dry_run' | 'valid_rows' | 'all_or_nothing';

export interface ImportProfile {
  source: string;
  mapping: ColumnMapping;
  updatedAt: string;
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** Null for XLSX. */
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | null;
  delimiter: ';' | ',' | '\t' | '|' | null;
  headers: string[];
  /** The first data rows, as text. */
  rows: string[][];
  suggestedMapping: ColumnMapping;
  /** The saved mapping of the chosen source, when there is one. */
  profile: ImportProfile | null;
  /** Sources with a saved mapping. */
  sources: string[];
}

export interface ImportRowError {
  /** File line (CSV) or sheet row (XLSX); 1 is the header. */
  line: number;
  /** The file's column header, or '' when the error is about the whole row. */
  column: string;
  message: string;
}

export interface DisappearedTitle {
  invoiceId: number;
  customerId: number;
  customerName: string;
  documentNumber: string;
  externalId: string | null;
  dueDate: string;
  openCents: number;
}

export interface ImportCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  mode: ImportMode;
  /** True when the changes were saved (never for a dry run or a refused all-or-nothing import). */
  committed: boolean;
  runId: number | null;
  totalRows: number;
  validRows: number;
  rejectedRows: number;
  customers: ImportCounts;
  titles: ImportCounts;
  paymentsCreated: number;
  paymentsCents: number;
  /**
   * Payments the file gave no date for (a Saldo / Valor pago without Data pagamento): dated `paymentsDatedOn`,
   * the import day, so lateness measures (credit score, recovery) read them as paid that day.
   */
  undatedPayments: number;
  paymentsDatedOn: string;
  /** At most 1000; `errorCount` has them all. */
  errors: ImportRowError[];
  errorCount: number;
  /** Títulos of this source seen in its previous import and missing from this file (flagged, kept). */
  disappeared: DisappearedTitle[];
  disappearedCount: number;
}

export interface ImportRun {
  id: number;
  source: string;
  fileName: string;
  fileSha256: string;
  mode: ImportMode;
  actor: string;
  startedAt: string;
  finishedAt: string;
  totalRows: number;
  rejectedRows: number;
  customersNew: number;
  customersUpdated: number;
  titlesNew: number;
  titlesUpdated: number;
  titlesUnchanged: number;
  disappeared: number;
}

export interface ImportProgress {
  jobId: string;
  rowsDone: number;
  /** 0..1, from bytes read (CSV) or rows done (XLSX). */
  fraction: number;
}

export interface ImportsApi {
  'imports.preview': { params: Params<'imports.preview'>; result: ImportPreview };
  'imports.run': { params: Params<'imports.run'>; result: ImportResult };
  'imports.cancel': { params: Params<'imports.cancel'>; result: { cancelled: boolean } };
  'imports.history': { params: Params<'imports.history'>; result: ImportRun[] };
}

export type ImportsTable = 'import_runs';
