/**
 * The one IPC contract both processes are typed from. Every method takes one JSON-safe object (ISO date
 * strings, integer centavos) validated by its zod schema in ./schemas, and answers an Envelope.
 */
import type { AgingBucketKey } from '../domain/aging';
import type { AuditApi } from './audit.contract';
import type { BackupApi } from './backup.contract';
import type { BankReturnsApi, BankReturnTable } from './bank-returns.contract';
import type { CreditApi, CreditTable } from './credit.contract';
import type { DashboardApi } from './dashboard.contract';
import type { NegotiationApi } from './negotiation.contract';
import type { DunningApi, DunningTable } from './dunning.contract';
import type { ImportProgress, ImportsApi, ImportsTable } from './imports.contract';
import type { Params } from './schemas';
import type { ReportsApi } from './reports.contract';
import type { SettingsApi } from './settings.contract';
import type { UsersApi, UsersTable } from './users.contract';

export type CustomerKind = 'PJ' | 'EMPRESARIO_INDIVIDUAL' | 'PF';
export type CustomerStatus = 'active' | 'blocked' | 'inactive';
export type InvoiceStatus = 'open' | 'partial' | 'paid' | 'renegotiated' | 'written_off' | 'disputed';
export type PaymentMethod = 'boleto' | 'pix' | 'cartao' | 'cheque' | 'dinheiro' | 'transferencia';
export type PaymentSource = 'manual' | 'import' | 'bank_file';
export type ContactChannel = 'email' | 'whatsapp' | 'sms' | 'phone' | 'letter';
/** What the clerk sees: `open` splits into a vencer / vencido by the as-of date. */
export type InvoiceDisplayStatus = 'due' | 'overdue' | 'partial' | 'paid' | 'renegotiated' | 'written_off' | 'disputed';
export type Table = BankReturnTable | 'customers' | 'contacts' | 'invoices' | 'payments' | 'activity_log' | 'settings' | 'cash_obligations'
  | DunningTable
  | CreditTable
  | ImportsTable
  | 'promises' | 'disputes' | 'customer_notes' | 'agreements'
  | UsersTable;

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface CustomerRow {
  id: number;
  legalName: string;
  tradeName: string | null;
  document: string;
  kind: CustomerKind;
  segment: string | null;
  salesRep: string | null;
  city: string | null;
  uf: string | null;
  status: CustomerStatus;
  openCents: number;
  overdueCents: number;
  /** Days since the oldest overdue título's due date; null when nothing is overdue. */
  oldestOverdueDays: number | null;
}

export interface PortfolioTotals {
  count: number;
  openCents: number;
  overdueCents: number;
}

export interface CustomerListResult extends Page<CustomerRow> {
  totals: PortfolioTotals;
  asOf: string;
}

export interface Address {
  street: string | null;
  streetNumber: string | null;
  complement: string | null;
  district: string | null;
  city: string | null;
  uf: string | null;
  postalCode: string | null;
}

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  role: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  preferredChannel: ContactChannel;
  isValid: boolean;
  optedOut: boolean;
  updatedAt: string;
}

export interface Customer {
  id: number;
  legalName: string;
  tradeName: string | null;
  document: string;
  kind: CustomerKind;
  segment: string | null;
  salesRep: string | null;
  address: Address;
  creditLimitCents: number;
  paymentTermsDays: number | null;
  status: CustomerStatus;
  tags: string[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerDetail {
  customer: Customer;
  contacts: Contact[];
  balance: { openCents: number; overdueCents: number; oldestOverdueDays: number | null; openCount: number; overdueCount: number };
  asOf: string;
}

export interface InvoiceRow {
  id: number;
  customerId: number;
  externalId: string | null;
  documentNumber: string;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  openCents: number;
  paymentMethod: PaymentMethod;
  boletoLine: string | null;
  nossoNumero: string | null;
  status: InvoiceStatus;
  displayStatus: InvoiceDisplayStatus;
  daysOverdue: number;
  writeOffReason: string | null;
  updatedAt: string;
}

export interface Payment {
  id: number;
  invoiceId: number;
  paidOn: string;
  amountCents: number;
  method: PaymentMethod;
  source: PaymentSource;
  reference: string | null;
  createdAt: string;
  createdBy: string;
}

export interface ActivityEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  customerId: number | null;
  invoiceId: number | null;
  details: Record<string, unknown>;
}

export interface FilterOptions {
  segments: string[];
  ufs: string[];
  salesReps: string[];
}

export interface AppInfo {
  version: string;
  customerCount: number;
  invoiceCount: number;
  asOf: string;
  companyName: string | null;
}

export interface CsvFile {
  fileName: string;
  content: string;
  rowCount: number;
}

export interface DemoLoadResult {
  customers: number;
  invoices: number;
  payments: number;
}

export type { AgingBucketKey };

/** The foundation's methods: portfolio, customers, contacts, títulos, payments. */
export interface CoreApi {
  'app.info': { params: Params<'app.info'>; result: AppInfo };
  'demo.load': { params: Params<'demo.load'>; result: DemoLoadResult };
  'customers.list': { params: Params<'customers.list'>; result: CustomerListResult };
  'customers.get': { params: Params<'customers.get'>; result: CustomerDetail };
  'customers.create': { params: Params<'customers.create'>; result: Customer };
  'customers.update': { params: Params<'customers.update'>; result: Customer };
  'customers.filterOptions': { params: Params<'customers.filterOptions'>; result: FilterOptions };
  'customers.exportCsv': { params: Params<'customers.exportCsv'>; result: CsvFile };
  'contacts.create': { params: Params<'contacts.create'>; result: Contact };
  'contacts.update': { params: Params<'contacts.update'>; result: Contact };
  'invoices.list': { params: Params<'invoices.list'>; result: Page<InvoiceRow> };
  'invoices.create': { params: Params<'invoices.create'>; result: InvoiceRow };
  'invoices.update': { params: Params<'invoices.update'>; result: InvoiceRow };
  'invoices.writeOff': { params: Params<'invoices.writeOff'>; result: InvoiceRow };
  'payments.register': { params: Params<'payments.register'>; result: { payment: Payment; invoice: InvoiceRow } };
  'payments.list': { params: Params<'payments.list'>; result: Payment[] };
  'activity.list': { params: Params<'activity.list'>; result: Page<ActivityEntry> };
}

/**
 * Methods the backend answers (electron/backend/handlers). Each feature declares its own interface in
 * `<feature>.contract.ts` and joins it here.
 */
export type Api = CoreApi & ImportsApi & BankReturnsApi & DashboardApi & CreditApi & SettingsApi & ReportsApi & DunningApi & NegotiationApi & AuditApi & BackupApi & UsersApi;

/** What a picked file is for: it decides the open dialog's title and filters. */
export type FilePurpose = 'erp-import' | 'bank-return' | 'image' | 'backup';

/** A file the user picked, known to the backend by its token (the renderer never holds a path). */
export interface PickedFile {
  token: string;
  fileName: string;
  sizeBytes: number;
}

/** Methods only the Electron shell answers (native dialogs, the OS); the web platform does them itself. */
export interface ShellApi {
  'platform.saveFile': { params: { suggestedName: string; content: string; mimeType?: string; encoding?: 'utf8' | 'base64' }; result: { saved: boolean; fileName?: string } };
  'platform.openExternal': { params: { url: string }; result: { opened: boolean } };
  /** Main shows the open dialog and registers the chosen file with the backend; null when cancelled. */
  'platform.openFile': { params: { purpose: FilePurpose }; result: PickedFile | null };
}

export type Method = keyof Api;
export type ApiParams<M extends Method> = Api[M]['params'];
export type ApiResult<M extends Method> = Api[M]['result'];

export interface Events {
  'data.changed': { tables: Table[] };
  'import.progress': ImportProgress;
}
export type EventName = keyof Events;
