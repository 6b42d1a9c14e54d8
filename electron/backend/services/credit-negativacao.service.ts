import { createBankCalendar, type BankCalendar } from '../../../shared/domain/bank-calendar';
import { addDays, diffDays } from '../../../shared/domain/dates';
import { formatDocument } from '../../../shared/domain/documents';
import {
  NEXT_STATUSES,
  alertFor,
  gateFailures,
  recordLimitDate,
  removalDueDate,
  type NegativacaoKind,
  type NegativacaoStatus,
} from '../../../shared/domain/negativacao';
import type { NegativacaoCandidate, NegativacaoRecord, PdfFile } from '../../../shared/ipc/credit.contract';
import type { CsvFile } from '../../../shared/ipc/contract';
import { AppError, type FieldError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { negativacaoLetterContent } from '../credit/negativacao-letter.report';
import type { CandidateRow, NegativacaoPatch, NegativacaoRecordRow } from '../db/repos/credit-negativacao.repo';
import { centsToCsvDecimal, toCsv } from '../reports/csv';
import { brDate } from '../reports/pdf/format';
import { renderPdf, reportDocument } from '../reports/pdf/kit';
import { isCompanyConfigured } from '../../../shared/domain/company';
import { settingsService } from './settings.service';

const STATUS_PT: Record<NegativacaoStatus, string> = {
  to_send: 'a enviar',
  sent: 'enviado',
  inscribed: 'inscrito',
  removal_requested: 'baixa solicitada',
  removed: 'baixado',
};

function addressLine(r: Pick<CandidateRow, 'street' | 'streetNumber' | 'complement' | 'district' | 'city' | 'uf' | 'postalCode'>): string {
  const cep = r.postalCode ? `CEP ${r.postalCode.slice(0, 5)}-${r.postalCode.slice(5)}` : null;
  return [
    [r.street, r.streetNumber ?? 's/n'].filter(Boolean).join(', '),
    r.complement,
    r.district,
    r.city && `${r.city}/${r.uf ?? ''}`,
    cep,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** ddmmaaaa, the bureau layout's date. */
const compactDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : '');

export function creditNegativacaoService(ctx: Context) {
  const repo = ctx.repos.negativacao;
  // Building a calendar loads holiday tables: one per place is enough.
  const calendars = new Map<string, BankCalendar>();
  const calendarOf = (uf: string | null, city: string | null): BankCalendar => {
    const key = `${uf ?? ''}|${city ?? ''}`;
    let c = calendars.get(key);
    if (!c) calendars.set(key, (c = createBankCalendar(uf ?? undefined, city ?? undefined)));
    return c;
  };

  function failuresOf(c: CandidateRow, minDaysOverdue: number) {
    return gateFailures({
      asOf: ctx.asOf(),
      dueDate: c.dueDate,
      openCents: c.openCents,
      invoiceStatus: c.invoiceStatus,
      disputed: c.disputed === 1,
      restructured: c.restructured === 1,
      address: c,
      minDaysOverdue,
    });
  }

  /** The stored record plus what today adds: the removal deadline once paid in full, the alert, next steps. */
  function toRecord(r: NegativacaoRecordRow): NegativacaoRecord {
    const paidInFullOn = r.paidInFullOn ?? (r.openCents === 0 ? r.lastPaidOn : null);
    const removalDueOn = r.removalDueOn ?? (paidInFullOn ? removalDueDate(paidInFullOn, calendarOf(r.uf, r.city)) : null);
    return {
      id: r.id,
      kind: r.kind,
      customerId: r.customerId,
      invoiceId: r.invoiceId,
      status: r.status,
      amountCents: r.amountCents,
      dueDate: r.dueDate,
      addressUsed: r.addressUsed,
      authorizedBy: r.authorizedBy,
      authorizedAt: r.authorizedAt,
      sentOn: r.sentOn,
      inscribedOn: r.inscribedOn,
      protocol: r.protocol,
      paidInFullOn,
      removalDueOn,
      removalRequestedOn: r.removalRequestedOn,
      removedOn: r.removedOn,
      recordLimitOn: recordLimitDate(r.dueDate),
      alert: alertFor({ status: r.status, dueDate: r.dueDate, paidInFullOn, removalDueOn }, ctx.asOf()),
      nextStatuses: [...NEXT_STATUSES[r.status]],
      updatedBy: r.updatedBy,
      updatedAt: r.updatedAt,
      legalName: r.legalName,
      document: r.document,
      documentNumber: r.documentNumber,
    };
  }

  function mustGet(id: number): NegativacaoRecordRow {
    const r = repo.get(id);
    if (!r) throw new AppError('NOT_FOUND', `Registro de negativação ${id} não encontrado.`);
    return r;
  }

  return {
    candidates(p: ParsedParams<'negativacao.candidates'>): { rows: NegativacaoCandidate[]; minDaysOverdue: number } {
      const asOf = ctx.asOf();
      const rows: NegativacaoCandidate[] = [];
      for (const c of repo.candidates(p.kind, addDays(asOf, -p.minDaysOverdue))) {
        if (failuresOf(c, p.minDaysOverdue).length > 0) continue;
        rows.push({
          invoiceId: c.invoiceId,
          customerId: c.customerId,
          legalName: c.legalName,
          document: c.document,
          documentNumber: c.documentNumber,
          dueDate: c.dueDate,
          daysOverdue: diffDays(asOf, c.dueDate),
          openCents: c.openCents,
          address: addressLine(c),
        });
        if (rows.length >= p.limit) break;
      }
      return { rows, minDaysOverdue: p.minDaysOverdue };
    },

    /** Authorizes sending the títulos: every gate is checked again here, and nothing is written if one fails. */
    create(p: ParsedParams<'negativacao.create'>): NegativacaoRecord[] {
      return ctx.tx(() => {
        const at = ctx.nowIso();
        const actor = ctx.actor();
        const fields: FieldError[] = [];
        const ids: number[] = [];
        p.invoiceIds.forEach((invoiceId, i) => {
          const c = repo.candidateByInvoice(invoiceId, p.kind);
          if (!c) {
            fields.push({ path: `invoiceIds.${i}`, message: `Título ${invoiceId}: sem saldo em aberto ou já enviado` });
            return;
          }
          const failures = failuresOf(c, p.minDaysOverdue);
          if (failures.length > 0) {
            fields.push({ path: `invoiceIds.${i}`, message: `Título ${c.documentNumber}: ${failures.map((f) => f.pt).join('; ')}` });
            return;
          }
          const id = repo.insert(
            { kind: p.kind, customerId: c.customerId, invoiceId, amountCents: c.openCents, dueDate: c.dueDate, addressUsed: addressLine(c), actor },
            at,
          );
          ctx.repos.activity.append({ actor, action: `${p.kind}.authorized`, customerId: c.customerId, invoiceId, details: { id, amountCents: c.openCents } }, at);
          ids.push(id);
        });
        if (fields.length > 0) {
          throw new AppError('VALIDATION', fields.length === 1 ? fields[0]!.message : `${fields.length} títulos não podem ser enviados; o primeiro: ${fields[0]!.message}`, {
            fields,
          });
        }
        return ids.map((id) => toRecord(mustGet(id)));
      });
    },

    update(p: ParsedParams<'negativacao.update'>): NegativacaoRecord {
      return ctx.tx(() => {
        const current = mustGet(p.id);
        if (!NEXT_STATUSES[current.status].includes(p.status)) {
          throw new AppError('CONFLICT', `Não é possível passar de "${STATUS_PT[current.status]}" para "${STATUS_PT[p.status]}".`);
        }
        if (p.on > ctx.asOf()) throw new AppError('VALIDATION', 'A data não pode ser futura.', { fields: [{ path: 'on', message: 'Data futura' }] });
        if (p.status === 'inscribed' && !p.protocol) {
          throw new AppError('VALIDATION', 'Informe o protocolo do bureau para registrar a inscrição.', { fields: [{ path: 'protocol', message: 'Informe o protocolo' }] });
        }
        const record = toRecord(current);
        const patch: NegativacaoPatch = { status: p.status };
        if (p.status === 'sent') patch.sentOn = p.on;
        if (p.status === 'inscribed') {
          patch.inscribedOn = p.on;
          patch.protocol = p.protocol;
        }
        if (p.status === 'removal_requested') {
          patch.removalRequestedOn = p.on;
          patch.paidInFullOn = record.paidInFullOn;
          patch.removalDueOn = record.removalDueOn;
        }
        if (p.status === 'removed') patch.removedOn = p.on;
        const at = ctx.nowIso();
        if (!repo.update(p.id, patch, p.expectedUpdatedAt, ctx.actor(), at)) {
          throw new AppError('CONFLICT', 'Este registro foi alterado por outra pessoa; recarregue e tente de novo.');
        }
        ctx.repos.activity.append(
          { actor: ctx.actor(), action: `${current.kind}.${p.status}`, customerId: current.customerId, invoiceId: current.invoiceId, details: { id: p.id, on: p.on, protocol: p.protocol } },
          at,
        );
        return toRecord(mustGet(p.id));
      });
    },

    /** The pre-negativação notice letter of one record, with the creditor's identification. */
    async letterPdf(id: number): Promise<PdfFile> {
      const company = settingsService(ctx).getCompany();
      if (!isCompanyConfigured(company)) {
        throw new AppError('VALIDATION', 'Preencha os dados da empresa (razão social, CNPJ e cidade) em Configurações › Empresa antes de emitir a carta.');
      }
      const record = toRecord(mustGet(id));
      const asOf = ctx.asOf();
      const doc = reportDocument({
        company,
        title: 'Aviso prévio de negativação',
        subtitle: `Emitido em ${brDate(asOf)}`,
        filters: [{ label: 'Título', value: record.documentNumber }],
        generatedAt: ctx.clock.now(),
        content: negativacaoLetterContent(record, company, asOf),
      });
      const pdf = await renderPdf(doc);
      return { fileName: `aviso-negativacao-${record.documentNumber.replace(/[^\w-]+/g, '_')}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64'), rowCount: 1 };
    },

    list(p: ParsedParams<'negativacao.list'>): NegativacaoRecord[] {
      return repo.list(p.status ?? null, p.kind ?? null, p.limit).map(toRecord);
    },

    alerts(): NegativacaoRecord[] {
      return repo
        .live()
        .map(toRecord)
        .filter((r) => r.alert !== null);
    },

    /**
     * The bureau upload file of the records still to send (layout in README, "Análise de crédito"): one line
     * per título, `;`-separated, dates ddmmaaaa, amount with a decimal comma.
     */
    exportCsv(kind: NegativacaoKind): CsvFile {
      const rows = repo.list('to_send', kind, 100_000);
      const header = ['tipo', 'documento_devedor', 'nome_devedor', 'endereco', 'cep', 'numero_titulo', 'vencimento', 'valor', 'natureza', 'autorizado_por', 'autorizado_em'];
      const { content, rowCount } = toCsv(
        header,
        rows.map((r) => [
          r.document.length === 11 ? 'F' : 'J',
          formatDocument(r.document),
          r.legalName,
          r.addressUsed,
          r.postalCode,
          r.documentNumber,
          compactDate(r.dueDate),
          centsToCsvDecimal(r.amountCents),
          'DM',
          r.authorizedBy,
          compactDate(r.authorizedAt.slice(0, 10)),
        ]),
      );
      return { fileName: `${kind}-a-enviar-${ctx.asOf()}.csv`, content, rowCount };
    },
  };
}
