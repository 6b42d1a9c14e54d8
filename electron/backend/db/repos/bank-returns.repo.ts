import { bankName } from '../../../../shared/domain/cnab/parse-return';
import type { InvoiceSnapshot, PlannedItem, SettlementResult } from '../../../../shared/domain/cnab/settle';
import type { BankReturnFile, BankReturnItemRow, BankReturnSummary } from '../../../../shared/ipc/bank-returns.contract';
import type { Prepare } from '../statements';

/** A título as return matching sees it, with what the reconciliation screen shows of it. */
export interface MatchableInvoice extends InvoiceSnapshot {
  nossoNumero: string | null;
  /** The bank of its boleto (first 3 digits of the line), to tell apart equal nossos números of two banks. */
  boletoBank: string | null;
  customerName: string;
}

const INVOICE_SELECT = `SELECT i.id, i.customer_id AS customerId, i.document_number AS documentNumber, i.status,
    CASE WHEN i.status IN ('open', 'partial', 'disputed') THEN i.amount_cents - i.paid_cents ELSE 0 END AS openCents,
    i.nosso_numero AS nossoNumero, substr(i.boleto_line, 1, 3) AS boletoBank, c.legal_name AS customerName
  FROM invoices i JOIN customers c ON c.id = i.customer_id`;

/** At most this many candidates per key: more means the key does not identify a título. */
const CANDIDATES = 5;

interface FileDbRow {
  id: number;
  format: BankReturnFile['format'];
  bank_code: string;
  convenio: string;
  sequence: number | null;
  file_name: string;
  company_name: string;
  generated_on: string | null;
  imported_at: string;
  imported_by: string;
  item_count: number;
  settled_count: number;
  partial_count: number;
  not_found_count: number;
  already_paid_count: number;
  rejected_count: number;
  other_count: number;
  paid_total_cents: number;
  applied_total_cents: number;
  charges_total_cents: number;
  payment_from: string | null;
  payment_to: string | null;
}


export interface FileWrite {
  summary: BankReturnSummary;
  sha256: string;
  importedAt: string;
  importedBy: string;
}

const ITEM_SELECT = `SELECT b.line_no AS line, b.movement_code AS movementCode, b.movement_kind AS movementKind,
    b.movement_description AS movementDescription, b.nosso_numero AS nossoNumero, b.document_number AS documentNumber,
    b.company_ref AS companyRef, b.due_date AS dueDate, b.nominal_cents AS nominalCents, b.paid_cents AS paidCents,
    b.bank_charges_cents AS bankChargesCents, b.occurrence_date AS occurrenceDate, b.credit_date AS creditDate,
    b.reasons, b.result, b.matched_by AS matchedBy, b.invoice_id AS invoiceId, i.document_number AS invoiceDocumentNumber,
    i.customer_id AS customerId, c.legal_name AS customerName, b.applied_cents AS appliedCents, b.charges_cents AS chargesCents, b.note
  FROM bank_return_items b
  LEFT JOIN invoices i ON i.id = b.invoice_id
  LEFT JOIN customers c ON c.id = i.customer_id`;

export function bankReturnsRepo(prepare: Prepare) {
  function toFile(r: FileDbRow): BankReturnFile {
    return {
      id: r.id,
      fileName: r.file_name,
      format: r.format,
      bankCode: r.bank_code,
      bankName: bankName(r.bank_code),
      convenio: r.convenio,
      sequence: r.sequence,
      generatedOn: r.generated_on,
      companyName: r.company_name,
      paymentDates: r.payment_from && r.payment_to ? { from: r.payment_from, to: r.payment_to } : null,
      itemCount: r.item_count,
      counts: {
        settled: r.settled_count,
        partial: r.partial_count,
        not_found: r.not_found_count,
        already_paid: r.already_paid_count,
        rejected: r.rejected_count,
        other: r.other_count,
      },
      paidTotalCents: r.paid_total_cents,
      appliedTotalCents: r.applied_total_cents,
      chargesTotalCents: r.charges_total_cents,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
    };
  }

  const FILE_SELECT = 'SELECT f.* FROM bank_return_files f';

  return {
    invoicesByExternalId(externalId: string): MatchableInvoice[] {
      return prepare(`${INVOICE_SELECT} WHERE i.external_id = ?`).all(externalId) as MatchableInvoice[];
    },
    invoiceById(id: number): MatchableInvoice | null {
      return (prepare(`${INVOICE_SELECT} WHERE i.id = ?`).get(id) as MatchableInvoice | undefined) ?? null;
    },
    invoicesByNossoNumero(key: string): MatchableInvoice[] {
      return prepare(`${INVOICE_SELECT} WHERE i.nosso_numero = ? LIMIT ${CANDIDATES}`).all(key) as MatchableInvoice[];
    },
    invoicesByDocumentNumber(documentNumber: string): MatchableInvoice[] {
      return prepare(`${INVOICE_SELECT} WHERE i.document_number = ? LIMIT ${CANDIDATES}`).all(documentNumber) as MatchableInvoice[];
    },

    /**
     * Changes when anything was written: by this connection (total_changes) or committed by another one
     * (data_version), so a cached plan is known to be stale.
     */
    dataVersion(): string {
      return String(prepare('SELECT total_changes()').pluck().get()) + ':' + String(prepare('PRAGMA data_version').pluck().get());
    },
    findByHash(sha256: string): { id: number; importedAt: string; fileName: string } | null {
      return (
        (prepare(`SELECT id, imported_at AS importedAt, file_name AS fileName FROM bank_return_files WHERE content_sha256 = ?`).get(sha256) as
          | { id: number; importedAt: string; fileName: string }
          | undefined) ?? null
      );
    },
    findBySequence(bankCode: string, convenio: string, sequence: number): { id: number; importedAt: string; fileName: string } | null {
      return (
        (prepare(
          `SELECT id, imported_at AS importedAt, file_name AS fileName FROM bank_return_files WHERE bank_code = ? AND convenio = ? AND sequence = ?`,
        ).get(bankCode, convenio, sequence) as { id: number; importedAt: string; fileName: string } | undefined) ?? null
      );
    },

    insertFile(w: FileWrite): number {
      const s = w.summary;
      const info = prepare(
        `INSERT INTO bank_return_files (format, bank_code, convenio, sequence, content_sha256, file_name, company_name, generated_on,
           payment_from, payment_to, imported_at, imported_by, item_count, settled_count, partial_count, not_found_count, already_paid_count, rejected_count,
           other_count, paid_total_cents, applied_total_cents, charges_total_cents)
         VALUES (@format, @bankCode, @convenio, @sequence, @sha256, @fileName, @companyName, @generatedOn,
           @paymentFrom, @paymentTo, @importedAt, @importedBy,
           @itemCount, @settled, @partial, @notFound, @alreadyPaid, @rejected, @other, @paidTotalCents, @appliedTotalCents, @chargesTotalCents)`,
      ).run({
        format: s.format,
        bankCode: s.bankCode,
        convenio: s.convenio,
        sequence: s.sequence,
        sha256: w.sha256,
        fileName: s.fileName,
        companyName: s.companyName,
        generatedOn: s.generatedOn,
        paymentFrom: s.paymentDates?.from ?? null,
        paymentTo: s.paymentDates?.to ?? null,
        importedAt: w.importedAt,
        importedBy: w.importedBy,
        itemCount: s.itemCount,
        settled: s.counts.settled,
        partial: s.counts.partial,
        notFound: s.counts.not_found,
        alreadyPaid: s.counts.already_paid,
        rejected: s.counts.rejected,
        other: s.counts.other,
        paidTotalCents: s.paidTotalCents,
        appliedTotalCents: s.appliedTotalCents,
        chargesTotalCents: s.chargesTotalCents,
      });
      return Number(info.lastInsertRowid);
    },

    insertItem(fileId: number, p: PlannedItem<MatchableInvoice>, paymentId: number | null): void {
      const it = p.item;
      prepare(
        `INSERT INTO bank_return_items (file_id, line_no, movement_code, movement_kind, movement_description, nosso_numero,
           document_number, company_ref, due_date, nominal_cents, paid_cents, bank_charges_cents, discount_cents, rebate_cents,
           fee_cents, net_credit_cents, occurrence_date, credit_date, reasons, result, invoice_id, matched_by, payment_id,
           applied_cents, charges_cents, note)
         VALUES (@fileId, @line, @movementCode, @movementKind, @movementDescription, @nossoNumero, @documentNumber, @companyRef,
           @dueDate, @nominalCents, @paidCents, @chargesCents, @discountCents, @rebateCents, @feeCents, @netCreditCents,
           @occurrenceDate, @creditDate, @reasons, @result, @invoiceId, @matchedBy, @paymentId, @appliedCents, @plannedCharges, @note)`,
      ).run({
        ...it,
        fileId,
        result: p.result,
        invoiceId: p.match?.invoice.id ?? null,
        matchedBy: p.match?.matchedBy ?? null,
        paymentId,
        appliedCents: p.appliedCents,
        plannedCharges: p.chargesCents,
        note: p.note,
      });
    },

    getFile(id: number): BankReturnFile | null {
      const r = prepare(`${FILE_SELECT} WHERE f.id = ?`).get(id) as FileDbRow | undefined;
      return r ? toFile(r) : null;
    },
    listFiles(offset: number, limit: number): { rows: BankReturnFile[]; total: number } {
      const rows = prepare(`${FILE_SELECT} ORDER BY f.imported_at DESC, f.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as FileDbRow[];
      const total = prepare('SELECT COUNT(*) FROM bank_return_files').pluck().get() as number;
      return { rows: rows.map(toFile), total };
    },
    listItems(fileId: number, result: SettlementResult | undefined, offset: number, limit: number): { rows: BankReturnItemRow[]; total: number } {
      const where = result ? 'b.file_id = @fileId AND b.result = @result' : 'b.file_id = @fileId';
      const filter = result ? { fileId, result } : { fileId };
      const rows = prepare(`${ITEM_SELECT} WHERE ${where} ORDER BY b.line_no LIMIT @limit OFFSET @offset`).all({
        ...filter,
        limit,
        offset,
      }) as BankReturnItemRow[];
      const total = prepare(`SELECT COUNT(*) FROM bank_return_items b WHERE ${where}`).pluck().get(filter) as number;
      return { rows, total };
    },
    /** Every item of a file in line order, for the CSV report. */
    iterateItems(fileId: number): IterableIterator<BankReturnItemRow> {
      return prepare(`${ITEM_SELECT} WHERE b.file_id = ? ORDER BY b.line_no`).iterate(fileId) as IterableIterator<BankReturnItemRow>;
    },
  };
}

export type BankReturnsRepo = ReturnType<typeof bankReturnsRepo>;
