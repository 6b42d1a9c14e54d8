// One ERP import on one connection, as one transaction: parse and validate every record, upsert customers
// and títulos by their keys, record what the ERP says was paid as 'import' payments (only the part Adimple
// does not know yet, so a re-import never counts a payment twice), flag títulos that vanished from the
// source, then COMMIT, or ROLLBACK for a dry run, a refused all-or-nothing import, a cancel or any error.
import type { Customer, PaymentMethod } from '../../../shared/ipc/contract';
import type { ColumnMapping, ImportCounts, ImportField, ImportMode, ImportResult, ImportRowError } from '../../../shared/ipc/imports.contract';
import { parseDocument } from '../../../shared/domain/br-parse';
import { formatBrl } from '../../../shared/domain/money';
import type { Db } from '../db/connection';
import { activityRepo } from '../db/repos/activity.repo';
import { contactsRepo } from '../db/repos/contacts.repo';
import { customersRepo } from '../db/repos/customers.repo';
import { importsRepo, type ExistingCustomer, type ExistingTitle } from '../db/repos/imports.repo';
import { invoicesRepo, OPEN_STATUSES, type InvoiceWrite } from '../db/repos/invoices.repo';
import { paymentsRepo, type PaymentWrite } from '../db/repos/payments.repo';
import { statementCache } from '../db/statements';
import type { SheetRecord } from './csv-reader';
import { createRowParser, FIELD_LABELS, type ImportRow, type ImportTitle, type ResolvedColumns, type RowIssue } from './row-parser';

export interface ImportJob {
  source: string;
  fileName: string;
  fileSha256: string;
  mode: ImportMode;
  mapping: ColumnMapping;
  columns: ResolvedColumns;
  actor: string;
  nowIso: string;
  asOf: string;
}

export interface EngineHooks {
  /** Called every few thousand rows. */
  onRows?(rowsDone: number): void;
  /** Polled between rows; true aborts the import (ROLLBACK). */
  cancelled?(): boolean;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('Importação cancelada: nada foi gravado.');
    this.name = 'ImportCancelledError';
  }
}

const MAX_ERRORS_LISTED = 1000;
const MAX_DISAPPEARED_LISTED = 200;
const HOOK_EVERY_ROWS = 2000;
// With no título there is no payment either; nothing changes a título's status during a first import, so
// the triggers of migration 0004 that look payments up by título never run and need no payment index.
const BULK_TABLES = ['customers', 'contacts', 'invoices', 'payments'] as const;
// Insert triggers whose whole effect a first import writes itself, so they need not run per row: the
// título's closed_on for a written-off or renegotiated status (an import never inserts those) and the
// first_paid_on / closed_on its import payment gives it (importsRepo.insertTitle sets them).
const BULK_BYPASSED_TRIGGERS = ['invoices_closed_on_insert', 'payments_dates_on_insert'] as const;

/** Runs the import on `db` (no transaction may be open on it) from `records` (data rows, header excluded). */
export function runImport(db: Db, job: ImportJob, records: Iterable<SheetRecord>, hooks: EngineHooks = {}): ImportResult {
  const prepare = statementCache(db);
  const repo = importsRepo(prepare);
  const customers = customersRepo(prepare);
  const contacts = contactsRepo(prepare);
  const invoices = invoicesRepo(prepare);
  const payments = paymentsRepo(prepare);
  const activity = activityRepo(prepare);
  const at = job.nowIso;
  const runMode = job.mode === 'dry_run' ? 'valid_rows' : job.mode;
  const parseRow = createRowParser(job.columns);

  const errors: ImportRowError[] = [];
  let errorCount = 0;
  let rejectedRows = 0;
  let totalRows = 0;
  const customerCounts: ImportCounts = { new: 0, updated: 0, unchanged: 0 };
  const titleCounts: ImportCounts = { new: 0, updated: 0, unchanged: 0 };
  let paymentsCreated = 0;
  let paymentsCents = 0;
  let undatedPayments = 0;

  /** Customers already handled by this run: document → id. */
  const customerIds = new Map<string, number>();
  /** Título keys already seen in this file → the line that had it. */
  const titleLines = new Map<string, number>();

  const reject = (line: number, issues: readonly RowIssue[]) => {
    rejectedRows++;
    for (const issue of issues) {
      errorCount++;
      if (errors.length < MAX_ERRORS_LISTED) {
        errors.push({ line, column: issue.field ? (job.columns.header[issue.field] ?? FIELD_LABELS[issue.field]) : '', message: issue.message });
      }
    }
  };

  db.exec('BEGIN IMMEDIATE');
  try {
    const previousRunId = repo.previousRunId(job.source);
    const runId = repo.startRun({ source: job.source, fileName: job.fileName, fileSha256: job.fileSha256, mode: runMode, actor: job.actor, at });
    // The first import into an empty portfolio (moving in from the ERP) may bring a million títulos: nothing
    // can match a row but an earlier row of the same file (the in-memory maps), so the per-row lookups, the
    // per-row "seen" marks and most index maintenance are skipped.
    const empty = repo.emptiness();
    const fresh = empty.invoices;
    const droppedSchema = fresh ? [...repo.dropSecondaryIndexes(BULK_TABLES), ...repo.dropTriggers(BULK_BYPASSED_TRIGGERS)] : [];
    const bulk = fresh ? repo.bulkTitleWriter(at) : null;

    const upsertCustomer = (row: ImportRow, existing: ExistingCustomer | null): number => {
      const known = customerIds.get(row.document);
      if (known !== undefined) return known;
      let id: number;
      if (existing === null) {
        id = customers.insert(
          {
            legalName: row.legalName!,
            tradeName: row.tradeName,
            document: row.document,
            kind: row.documentType === 'CPF' ? 'PF' : 'PJ',
            segment: row.segment,
            salesRep: row.salesRep,
            address: { street: null, streetNumber: null, complement: null, district: null, city: row.city, uf: row.uf, postalCode: null },
            creditLimitCents: 0,
            paymentTermsDays: null,
            status: 'active',
            tags: [],
            notes: null,
          },
          at,
        );
        if (row.email || row.phone) {
          contacts.insert(
            id,
            { name: row.tradeName ?? row.legalName!, role: 'Financeiro (ERP)', phone: row.phone, whatsapp: null, email: row.email, preferredChannel: row.email ? 'email' : 'phone', isValid: true, optedOut: false },
            at,
          );
        }
        customerCounts.new++;
      } else {
        id = existing.id;
        const changes = customerChanges(row, existing);
        if (changes) {
          const current = customers.get(id)!;
          customers.update(id, mergeCustomer(current, changes), at);
          customerCounts.updated++;
        } else {
          customerCounts.unchanged++;
        }
      }
      customerIds.set(row.document, id);
      return id;
    };

    for (const record of records) {
      totalRows++;
      if (totalRows % HOOK_EVERY_ROWS === 0) {
        if (hooks.cancelled?.()) throw new ImportCancelledError();
        hooks.onRows?.(totalRows);
      }
      const parsed = parseRow(record.line, record.fields);
      if (!parsed.row) {
        reject(record.line, parsed.issues);
        const named = job.columns.kind === 'titles' && !fresh ? titleNamedBy(record.fields) : null;
        if (named) repo.markSeen(named.id, job.source, runId);
        continue;
      }
      const row = parsed.row;
      const knownId = customerIds.get(row.document);
      const existingCustomer = knownId === undefined && !empty.customers ? repo.customerByDocument(row.document) : null;
      const customerId = knownId ?? existingCustomer?.id ?? null;
      if (customerId === null && !row.legalName) {
        reject(row.line, [{ field: job.columns.header.legalName ? 'legalName' : 'document', message: 'Cliente novo sem razão social: informe o nome para cadastrá-lo' }]);
        continue;
      }
      if (!row.title) {
        upsertCustomer(row, existingCustomer);
        continue;
      }

      const title = row.title;
      const key = title.externalId !== null ? `x\u0000${title.externalId}` : `d\u0000${row.document}\u0000${title.documentNumber}`;
      const firstLine = titleLines.get(key);
      if (firstLine !== undefined) {
        reject(row.line, [{ field: title.externalId !== null ? 'externalId' : 'documentNumber', message: `Título repetido no arquivo (mesmo da linha ${firstLine})` }]);
        continue;
      }
      titleLines.set(key, row.line);

      const existing = fresh ? null : findTitle(title, customerId);
      const plan = planTitle(title, existing, customerId, job.asOf);
      if (!plan.ok) {
        reject(row.line, plan.issues);
        if (existing) repo.markSeen(existing.id, job.source, runId);
        continue;
      }

      const cid = upsertCustomer(row, existingCustomer);
      const paidOn = title.paidOn ?? job.asOf;
      let invoiceId: number;
      if (existing === null) {
        // Born with what the ERP says was paid; the matching payment row follows at once (paid = SUM(payments)).
        const write: InvoiceWrite = {
          customerId: cid,
          externalId: title.externalId,
          documentNumber: title.documentNumber,
          issueDate: plan.issueDate,
          dueDate: title.dueDate,
          amountCents: title.amountCents,
          paymentMethod: title.paymentMethod ?? 'boleto',
          boletoLine: title.boletoLine,
          nossoNumero: title.nossoNumero,
        };
        invoiceId = bulk ? bulk.addTitle(write, plan.paymentCents, paidOn) : repo.insertTitle(write, plan.paymentCents, paidOn, at);
        titleCounts.new++;
      } else {
        invoiceId = existing.id;
        if (plan.update) {
          invoices.update(invoiceId, plan.update, at);
          activity.append(
            { actor: job.actor, action: 'invoice.updated', customerId: cid, invoiceId, details: { source: job.source, runId, from: plan.from, to: plan.to } },
            at,
          );
        }
        if (plan.update || plan.paymentCents > 0) titleCounts.updated++;
        else titleCounts.unchanged++;
      }
      if (plan.paymentCents > 0) {
        const payment: PaymentWrite = {
          invoiceId,
          paidOn,
          amountCents: plan.paymentCents,
          method: title.paymentMethod ?? existing?.paymentMethod ?? 'boleto',
          source: 'import',
          reference: `ERP ${job.source}`,
          createdBy: job.actor,
        };
        if (bulk) bulk.addPayment(payment);
        else payments.insert(payment, at);
        if (existing) invoices.applyPayment(invoiceId, plan.paymentCents, at);
        paymentsCreated++;
        paymentsCents += plan.paymentCents;
        if (title.paidOn === null) undatedPayments++;
      }
      if (!fresh) repo.markSeen(invoiceId, job.source, runId);
    }
    bulk?.flush();
    if (fresh) repo.markAllSeen(job.source, runId);
    hooks.onRows?.(totalRows);
    if (hooks.cancelled?.()) throw new ImportCancelledError();

    const gone = previousRunId === null ? { rows: [], count: 0 } : repo.disappeared(job.source, previousRunId, MAX_DISAPPEARED_LISTED);
    if (previousRunId !== null) repo.flagMissing(job.source, previousRunId, runId);

    const commit = job.mode === 'valid_rows' || (job.mode === 'all_or_nothing' && rejectedRows === 0);
    const result: ImportResult = {
      mode: job.mode,
      committed: commit,
      runId: commit ? runId : null,
      totalRows,
      validRows: totalRows - rejectedRows,
      rejectedRows,
      customers: customerCounts,
      titles: titleCounts,
      paymentsCreated,
      paymentsCents,
      undatedPayments,
      paymentsDatedOn: job.asOf,
      errors,
      errorCount,
      disappeared: gone.rows,
      disappearedCount: gone.count,
    };
    if (!commit) {
      db.exec('ROLLBACK');
      return result;
    }
    for (const sql of droppedSchema) db.exec(sql);
    repo.finishRun(
      runId,
      {
        totalRows,
        rejectedRows,
        customersNew: customerCounts.new,
        customersUpdated: customerCounts.updated,
        titlesNew: titleCounts.new,
        titlesUpdated: titleCounts.updated,
        titlesUnchanged: titleCounts.unchanged,
        paymentsCreated,
        disappeared: gone.count,
      },
      at,
    );
    repo.saveProfile(job.source, job.mapping, at);
    activity.append(
      { actor: job.actor, action: 'import.erp', details: { runId, source: job.source, fileName: job.fileName, totalRows, rejectedRows, customers: customerCounts, titles: titleCounts, paymentsCreated, disappeared: gone.count } },
      at,
    );
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }

  function findTitle(title: Pick<ImportTitle, 'externalId' | 'documentNumber'>, customerId: number | null): ExistingTitle | null {
    if (title.externalId !== null) return repo.titleByExternalId(title.externalId);
    return customerId === null ? null : repo.titleByDocumentNumber(customerId, title.documentNumber);
  }

  /** The título a rejected row still names, if it can be told: such a título has not disappeared from the ERP. */
  function titleNamedBy(fields: readonly string[]): ExistingTitle | null {
    const cell = (f: ImportField) => {
      const at = job.columns.index[f];
      return at === undefined ? '' : (fields[at] ?? '').trim();
    };
    const externalId = cell('externalId');
    if (externalId !== '') return findTitle({ externalId, documentNumber: '' }, null);
    const doc = parseDocument(cell('document'));
    const documentNumber = cell('documentNumber');
    if (!doc.ok || documentNumber === '') return null;
    const customer = repo.customerByDocument(doc.value.document);
    return customer ? findTitle({ externalId: null, documentNumber }, customer.id) : null;
  }
}

type TitleUpdate = { documentNumber: string; dueDate: string; amountCents: number; paymentMethod: PaymentMethod; boletoLine: string | null; nossoNumero: string | null };
type TitlePlan =
  | { ok: true; issueDate: string; update: TitleUpdate | null; from: Partial<TitleUpdate>; to: Partial<TitleUpdate>; paymentCents: number }
  | { ok: false; issues: RowIssue[] };

const STATUS_WORDS = { paid: 'pago', renegotiated: 'renegociado', written_off: 'baixado', open: 'em aberto', partial: 'parcialmente pago', disputed: 'contestado' } as const;

/** Decides, without writing, what a row does to its título: nothing, an update, a payment, or a refusal. */
function planTitle(title: ImportTitle, existing: ExistingTitle | null, customerId: number | null, asOf: string): TitlePlan {
  // Without an issue date column, a título was issued by its due date and no later than today.
  const issueDate = title.issueDate ?? existing?.issueDate ?? (title.dueDate < asOf ? title.dueDate : asOf);
  if (existing === null) {
    const paymentCents = title.erpPaidCents ?? 0;
    const paidOnIssue = paymentCents > 0 ? checkPaidOn(title, issueDate, asOf) : null;
    return paidOnIssue ? { ok: false, issues: [paidOnIssue] } : { ok: true, issueDate, update: null, from: {}, to: {}, paymentCents };
  }
  if (customerId === null || existing.customerId !== customerId) {
    return { ok: false, issues: [{ field: 'externalId', message: `ID externo já usado por um título de outro cliente (nº ${existing.documentNumber})` }] };
  }
  const next: TitleUpdate = {
    documentNumber: title.documentNumber,
    dueDate: title.dueDate,
    amountCents: title.amountCents,
    paymentMethod: title.paymentMethod ?? existing.paymentMethod,
    boletoLine: title.boletoLine ?? existing.boletoLine,
    nossoNumero: title.nossoNumero ?? existing.nossoNumero,
  };
  const changed = (Object.keys(next) as (keyof TitleUpdate)[]).filter((k) => next[k] !== existing[k]);
  const paymentCents = Math.max(0, (title.erpPaidCents ?? 0) - existing.paidCents);
  if ((changed.length > 0 || paymentCents > 0) && !OPEN_STATUSES.includes(existing.status)) {
    return { ok: false, issues: [{ field: null, message: `O título ${existing.documentNumber} está ${STATUS_WORDS[existing.status]} no Adimple; a alteração do ERP não foi aplicada` }] };
  }
  if (title.amountCents < existing.paidCents) {
    return { ok: false, issues: [{ field: 'amount', message: `Valor menor que o já pago no Adimple (${formatBrl(existing.paidCents)})` }] };
  }
  if (next.dueDate < issueDate) return { ok: false, issues: [{ field: 'dueDate', message: 'Vencimento anterior à emissão' }] };
  if (paymentCents > 0) {
    const paidOnIssue = checkPaidOn(title, issueDate, asOf);
    if (paidOnIssue) return { ok: false, issues: [paidOnIssue] };
  }
  return {
    ok: true,
    issueDate,
    update: changed.length > 0 ? next : null,
    from: Object.fromEntries(changed.map((k) => [k, existing[k]])),
    to: Object.fromEntries(changed.map((k) => [k, next[k]])),
    paymentCents,
  };
}

function checkPaidOn(title: ImportTitle, issueDate: string, asOf: string): RowIssue | null {
  if (title.paidOn === null) return null;
  if (title.paidOn < issueDate) return { field: 'paidOn', message: 'Data do pagamento anterior à emissão' };
  if (title.paidOn > asOf) return { field: 'paidOn', message: 'Data do pagamento no futuro' };
  return null;
}

type CustomerChanges = Partial<Pick<ExistingCustomer, 'legalName' | 'tradeName' | 'segment' | 'salesRep' | 'city' | 'uf'>>;

/** Only what the file says and differs: an empty or unmapped column never erases what Adimple has. */
function customerChanges(row: ImportRow, existing: ExistingCustomer): CustomerChanges | null {
  const changes: CustomerChanges = {};
  for (const k of ['legalName', 'tradeName', 'segment', 'salesRep', 'city', 'uf'] as const) {
    const v = row[k];
    if (v !== null && v !== existing[k]) changes[k] = v;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

function mergeCustomer(c: Customer, ch: CustomerChanges) {
  return {
    legalName: ch.legalName ?? c.legalName,
    tradeName: ch.tradeName ?? c.tradeName,
    document: c.document,
    kind: c.kind,
    segment: ch.segment ?? c.segment,
    salesRep: ch.salesRep ?? c.salesRep,
    address: { ...c.address, city: ch.city ?? c.address.city, uf: ch.uf ?? c.address.uf },
    creditLimitCents: c.creditLimitCents,
    paymentTermsDays: c.paymentTermsDays,
    status: c.status,
    tags: c.tags,
    notes: c.notes,
  };
}
