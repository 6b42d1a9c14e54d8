import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CnabFormatError } from '../../../shared/domain/cnab/layout';
import { isPayment } from '../../../shared/domain/cnab/movement-codes';
import { parseReturnFile, type ParsedReturnFile } from '../../../shared/domain/cnab/parse-return';
import { paidOnOf, planFile, SETTLEMENT_RESULTS, type PlannedItem, type SettlementResult } from '../../../shared/domain/cnab/settle';
import { formatBrl } from '../../../shared/domain/money';
import type { BankReturnFile, BankReturnItemRow, BankReturnPreview, BankReturnSummary } from '../../../shared/ipc/bank-returns.contract';
import type { CsvFile } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import type { MatchableInvoice } from '../db/repos/bank-returns.repo';
import { bankReturnsCsv } from './reconciliation.report';
import { invoiceMatcher } from './invoice-matcher';

interface LoadedReturnFile {
  fileName: string;
  sha256: string;
  parsed: ParsedReturnFile;
}

/** Banks send CNAB in Latin-1 (accented payer names); a UTF-8 file is read as UTF-8. */
function decodeReturnBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Parses a return file's bytes; a malformed one is refused naming the line and the reason. */
function parseReturnBytes(bytes: Uint8Array, fileName: string): ParsedReturnFile {
  try {
    return parseReturnFile(decodeReturnBytes(bytes));
  } catch (err) {
    if (err instanceof CnabFormatError) {
      throw new AppError('VALIDATION', `Arquivo de retorno "${fileName}" recusado. ${err.message}`, { line: err.line, reason: err.reason });
    }
    throw err;
  }
}

function summarize(loaded: LoadedReturnFile, plan: readonly PlannedItem[]): BankReturnSummary {
  const { parsed } = loaded;
  const counts = Object.fromEntries(SETTLEMENT_RESULTS.map((r) => [r, 0])) as Record<SettlementResult, number>;
  let paidTotalCents = 0;
  let appliedTotalCents = 0;
  let chargesTotalCents = 0;
  let from: string | null = null;
  let to: string | null = null;
  for (const p of plan) {
    counts[p.result]++;
    if (isPayment(p.item.movementKind)) paidTotalCents += p.item.paidCents;
    appliedTotalCents += p.appliedCents;
    chargesTotalCents += p.chargesCents;
    const d = p.item.occurrenceDate;
    if (d && (!from || d < from)) from = d;
    if (d && (!to || d > to)) to = d;
  }
  return {
    fileName: loaded.fileName,
    format: parsed.format,
    bankCode: parsed.bankCode,
    bankName: parsed.bankName,
    convenio: parsed.convenio,
    sequence: parsed.sequence,
    generatedOn: parsed.generatedOn,
    companyName: parsed.companyName,
    paymentDates: from && to ? { from, to } : null,
    itemCount: plan.length,
    counts,
    paidTotalCents,
    appliedTotalCents,
    chargesTotalCents,
  };
}

function toItemRow(p: PlannedItem<MatchableInvoice>): BankReturnItemRow {
  const it = p.item;
  const inv = p.match?.invoice ?? null;
  return {
    line: it.line,
    movementCode: it.movementCode,
    movementKind: it.movementKind,
    movementDescription: it.movementDescription,
    nossoNumero: it.nossoNumero,
    documentNumber: it.documentNumber,
    companyRef: it.companyRef,
    dueDate: it.dueDate,
    nominalCents: it.nominalCents,
    paidCents: it.paidCents,
    bankChargesCents: it.chargesCents,
    occurrenceDate: it.occurrenceDate,
    creditDate: it.creditDate,
    reasons: it.reasons,
    result: p.result,
    matchedBy: p.match?.matchedBy ?? null,
    invoiceId: inv?.id ?? null,
    invoiceDocumentNumber: inv?.documentNumber ?? null,
    customerId: inv?.customerId ?? null,
    customerName: inv?.customerName ?? null,
    appliedCents: p.appliedCents,
    chargesCents: p.chargesCents,
    note: p.note,
  };
}

/** The payment reference: which file and line settled the título. */
function paymentReference(fileName: string, line: number): string {
  const suffix = ` linha ${line}`;
  return `${fileName.slice(0, 100 - suffix.length)}${suffix}`;
}

export function bankReturnsService(ctx: Context) {
  const repo = ctx.repos.bankReturns;

  /**
   * The last file read and planned, reused while its bytes, the database and the day are unchanged: paging through a
   * 100k-movement preview, and then importing it, do not parse and match the whole file again.
   */
  let lastPlan: { dbVersion: string; today: string; loaded: LoadedReturnFile; planned: PlannedItem<MatchableInvoice>[] } | null = null;

  function readPicked(fileToken: string): { fileName: string; bytes: Uint8Array; sha256: string } {
    const file = ctx.files.resolve(fileToken);
    const bytes = readFileSync(file.path);
    return { fileName: file.fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Parses and plans the picked file against the database as it is now (inside the caller's transaction, if any). */
  function loadAndPlan(fileToken: string): { loaded: LoadedReturnFile; planned: PlannedItem<MatchableInvoice>[] } {
    const { fileName, bytes, sha256 } = readPicked(fileToken);
    const dbVersion = repo.dataVersion();
    const today = ctx.asOf();
    if (lastPlan && lastPlan.loaded.sha256 === sha256 && lastPlan.loaded.fileName === fileName && lastPlan.dbVersion === dbVersion && lastPlan.today === today) return lastPlan;
    const parsed = parseReturnBytes(bytes, fileName);
    const planned = planFile(parsed.items, invoiceMatcher(repo, parsed), { today, fileDate: fileDateOf(parsed) });
    lastPlan = { dbVersion, today, loaded: { fileName, sha256, parsed }, planned };
    return lastPlan;
  }

  /** The date a movement without its own dates was paid: the file's generation date, else today. */
  function fileDateOf(parsed: ParsedReturnFile): string {
    return parsed.generatedOn ?? ctx.asOf();
  }

  function previousImport(loaded: LoadedReturnFile) {
    const { parsed } = loaded;
    return repo.findByHash(loaded.sha256) ?? (parsed.sequence === null ? null : repo.findBySequence(parsed.bankCode, parsed.convenio, parsed.sequence));
  }

  function mustGetFile(id: number): BankReturnFile {
    const file = repo.getFile(id);
    if (!file) throw new AppError('NOT_FOUND', `Arquivo de retorno ${id} não encontrado. Atualize a tela.`);
    return file;
  }

  /** Records the payment a planned movement settles and logs it on the customer's history. */
  function settle(p: PlannedItem<MatchableInvoice>, fileId: number, fileName: string, paidOn: string, at: string): number {
    const inv = p.match!.invoice;
    const paymentId = ctx.repos.payments.insert(
      {
        invoiceId: inv.id,
        paidOn,
        amountCents: p.appliedCents,
        method: 'boleto',
        source: 'bank_file',
        reference: paymentReference(fileName, p.item.line),
        createdBy: ctx.actor(),
      },
      at,
    );
    ctx.repos.invoices.applyPayment(inv.id, p.appliedCents, at);
    ctx.repos.activity.append(
      {
        actor: ctx.actor(),
        action: p.result === 'settled' ? 'payment.settled' : 'payment.partial',
        customerId: inv.customerId,
        invoiceId: inv.id,
        details: {
          amountCents: p.appliedCents,
          chargesCents: p.chargesCents,
          paidOn,
          method: 'boleto',
          source: 'bank_file',
          bankReturnFileId: fileId,
          line: p.item.line,
          remainingCents: inv.openCents - p.appliedCents,
        },
      },
      at,
    );
    return paymentId;
  }

  return {
    preview(p: ParsedParams<'bankReturns.preview'>): BankReturnPreview {
      const { loaded, planned } = loadAndPlan(p.fileToken);
      const shown = p.result ? planned.filter((x) => x.result === p.result) : planned;
      return {
        summary: summarize(loaded, planned),
        alreadyImported: previousImport(loaded),
        items: { rows: shown.slice(p.offset, p.offset + p.limit).map(toItemRow), total: shown.length, offset: p.offset, limit: p.limit },
      };
    },

    /** One file, one transaction: every payment and item lands, or nothing does. */
    import(p: ParsedParams<'bankReturns.import'>): BankReturnFile {
      const fileId = ctx.tx(() => {
        const { loaded, planned } = loadAndPlan(p.fileToken);
        const { parsed } = loaded;
        const before = previousImport(loaded);
        if (before) {
          throw new AppError(
            'CONFLICT',
            `Este retorno já foi importado em ${before.importedAt.slice(8, 10)}/${before.importedAt.slice(5, 7)}/${before.importedAt.slice(0, 4)} (arquivo "${before.fileName}"): ${parsed.bankName}, convênio ${parsed.convenio}, sequência ${parsed.sequence ?? 'não informada'}. Nada foi lançado de novo.`,
            { fileId: before.id },
          );
        }
        const at = ctx.nowIso();
        const summary = summarize(loaded, planned);
        const id = repo.insertFile({ summary, sha256: loaded.sha256, importedAt: at, importedBy: ctx.actor() });
        const fileDate = fileDateOf(parsed);
        for (const item of planned) {
          const paymentId = item.appliedCents > 0 ? settle(item, id, loaded.fileName, paidOnOf(item.item, fileDate), at) : null;
          repo.insertItem(id, item, paymentId);
        }
        ctx.repos.activity.append(
          {
            actor: ctx.actor(),
            action: 'bank_return.imported',
            details: {
              fileId: id,
              fileName: loaded.fileName,
              bank: parsed.bankCode,
              convenio: parsed.convenio,
              sequence: parsed.sequence,
              counts: summary.counts,
              appliedTotal: formatBrl(summary.appliedTotalCents),
            },
          },
          at,
        );
        return id;
      });
      return mustGetFile(fileId);
    },

    listFiles(p: ParsedParams<'bankReturns.listFiles'>) {
      return { ...repo.listFiles(p.offset, p.limit), offset: p.offset, limit: p.limit };
    },

    getFileItems(p: ParsedParams<'bankReturns.getFileItems'>) {
      const file = mustGetFile(p.fileId);
      return { file, items: { ...repo.listItems(p.fileId, p.result, p.offset, p.limit), offset: p.offset, limit: p.limit } };
    },

    exportCsv(p: ParsedParams<'bankReturns.exportCsv'>): CsvFile {
      const file = mustGetFile(p.fileId);
      return bankReturnsCsv(file, repo.iterateItems(p.fileId));
    },
  };
}
