import { createBankCalendar } from '../../../shared/domain/bank-calendar';
import { addDays, formatBrDate } from '../../../shared/domain/dates';
import {
  NegotiationInputError,
  checkPolicy,
  evaluateOffer,
  reinstateAfterBreach,
  updateDebtLines,
  type Offer,
  type OfferResult,
  type ScheduleEntry,
  type UpdatedDebtSummary,
} from '../../../shared/domain/negotiation';
import { pixTxid } from '../../../shared/domain/pix';
import type { InvoiceRow } from '../../../shared/ipc/contract';
import type { AgreementDetail, AgreementDocument, AgreementMessage, NegotiationReviewResult, NegotiationSimulation, OfferEvaluation } from '../../../shared/ipc/negotiation.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { CompanySettings } from '../../../shared/ipc/settings.contract';
import type { Context } from '../context';
import { agreementDocument, agreementMessage } from '../reports/agreement.report';
import { renderPdf } from '../reports/pdf/kit';
import { APPROVER_ROLES, credentialsService } from '../users/credentials';
import { promisesService } from './promises.service';
import { isCompanyConfigured } from '../../../shared/domain/company';
import { settingsService } from './settings.service';
import { readNegotiationSettings } from './negotiation-settings';

type DebtSelection = Pick<ParsedParams<'negotiation.simulate'>, 'customerId' | 'invoiceIds' | 'asOf' | 'correctionFactor'>;

/** "ACD-12-03/06", "ACD-12-ENT" (down payment): the installment títulos' own document numbers. */
export function installmentDocumentNumber(agreementId: number, e: ScheduleEntry): string {
  if (e.kind === 'down') return `ACD-${agreementId}-ENT`;
  const width = Math.max(2, String(e.of).length);
  return `ACD-${agreementId}-${String(e.number).padStart(width, '0')}/${String(e.of).padStart(width, '0')}`;
}

/** Each installment's own Pix txid: ACD12P3 for installment 3, ACDENT12 for the down payment. */
export function installmentTxid(agreementId: number, e: ScheduleEntry): string {
  return e.kind === 'down' ? pixTxid('ACDENT', agreementId) : pixTxid('ACD', agreementId, e.number);
}

export function negotiationService(ctx: Context) {
  const { customers, invoices, activity } = ctx.repos;
  const { agreements } = ctx.repos.negotiation;
  const promises = promisesService(ctx);
  const credentials = credentialsService(ctx);
  /** A supervisor or admin acting works under the supervisor's limits and approves their own agreements. */
  const actingApprover = () => {
    const user = ctx.user();
    return user && APPROVER_ROLES.has(user.role) ? user : null;
  };

  /** The chosen títulos, checked (this customer's, still open, not disputed), updated to the as-of date on the customer's bank calendar. */
  function loadDebt(sel: DebtSelection, charges = readNegotiationSettings(ctx).charges): { debt: UpdatedDebtSummary; rows: InvoiceRow[] } {
    const customer = customers.get(sel.customerId);
    if (!customer) throw new AppError('NOT_FOUND', `Cliente ${sel.customerId} não encontrado.`);
    const today = ctx.asOf();
    if (sel.asOf < today) {
      throw new AppError('VALIDATION', `A data-base não pode ser anterior a hoje (${formatBrDate(today)}): multa e juros já correram até hoje.`, {
        fields: [{ path: 'asOf', message: 'Anterior a hoje' }],
      });
    }
    const rows = [...new Set(sel.invoiceIds)].map((id) => {
      const inv = invoices.get(id, today);
      if (!inv || inv.customerId !== sel.customerId) throw new AppError('NOT_FOUND', `Título ${id} não pertence a este cliente. Atualize a tela.`);
      if (inv.status === 'disputed') throw new AppError('CONFLICT', `O título ${inv.documentNumber} está contestado: resolva a contestação antes de negociá-lo.`);
      if (inv.status !== 'open' && inv.status !== 'partial') throw new AppError('CONFLICT', `O título ${inv.documentNumber} não está mais em aberto. Atualize a tela.`);
      return inv;
    });
    const items = rows.map((inv) => ({
      invoiceId: inv.id,
      documentNumber: inv.documentNumber,
      dueDate: inv.dueDate,
      openCents: inv.openCents,
      ...(sel.correctionFactor ? { correctionFactor: sel.correctionFactor } : {}),
    }));
    const calendar = createBankCalendar(customer.address.uf ?? undefined, customer.address.city ?? undefined);
    return { debt: updateDebtLines(items, charges, sel.asOf, calendar), rows };
  }

  function evaluate(debt: UpdatedDebtSummary, offer: Offer): OfferEvaluation {
    const { policies } = readNegotiationSettings(ctx);
    try {
      const result = evaluateOffer(debt.totals, offer, debt.asOf);
      const clerkPolicy = checkPolicy(result, offer, policies.clerk);
      const beyondSupervisor = checkPolicy(result, offer, policies.supervisor);
      return { ok: true, result, policy: actingApprover() ? beyondSupervisor : clerkPolicy, clerkPolicy, beyondSupervisor };
    } catch (e) {
      if (e instanceof NegotiationInputError) return { ok: false, field: e.field, message: e.message };
      throw e;
    }
  }

  /** Whether this offer, as it stands now, needs a supervisor's approval a clerk can get (not refused whatever the approval). */
  function clerkNeedsApproval(p: ParsedParams<'agreements.create'>): boolean {
    const evaluation = evaluate(loadDebt(p).debt, p.offer);
    return evaluation.ok && evaluation.clerkPolicy.needsApproval && !evaluation.beyondSupervisor.needsApproval;
  }

  /** The creditor, refusing a collection document that could not identify it (CDC art. 42-A). */
  function configuredCompany(what: string): CompanySettings {
    const company = settingsService(ctx).getCompany();
    if (!isCompanyConfigured(company)) {
      throw new AppError(
        'CONFLICT',
        `Cadastre os dados da empresa em Configurações › Empresa antes de gerar ${what}: razão social, CNPJ e cidade identificam o credor no documento (CDC art. 42-A).`,
      );
    }
    return company;
  }

  function mustGetDetail(id: number): AgreementDetail {
    const a = agreements.get(id);
    if (!a) throw new AppError('NOT_FOUND', `Acordo ${id} não encontrado. Atualize a tela.`);
    const { terms, principalCents, correctionCents, fineCents, interestCents, debtTotalCents, ...rest } = a;
    return {
      ...rest,
      customerName: customers.get(a.customerId)?.legalName ?? '',
      offer: terms.offer,
      charges: terms.charges,
      totals: { principalCents, correctionCents, fineCents, interestCents, totalCents: debtTotalCents },
      originals: agreements.originals(id),
      installments: agreements.installments(id, ctx.asOf()),
      reinstated: agreements.reinstated(id),
    };
  }

  /**
   * Breaks an agreement in one transaction: open installments are written off, what was paid abates the
   * originals' principal (oldest first) and what is left of each original comes back as a new título with the
   * original due date, so multa and juros run again from there (reinstateAfterBreach).
   */
  function breakAgreement(id: number, reason: string, actor: string): void {
    const a = agreements.get(id);
    if (!a) throw new AppError('NOT_FOUND', `Acordo ${id} não encontrado. Atualize a tela.`);
    if (a.status !== 'active') throw new AppError('CONFLICT', `O acordo ACD-${id} não está ativo (situação: ${a.status === 'broken' ? 'rompido' : 'quitado'}).`);
    const at = ctx.nowIso();
    const installments = agreements.installments(id, ctx.asOf());
    const cancelled = installments.filter((i) => i.invoiceStatus === 'open' || i.invoiceStatus === 'partial');
    for (const i of cancelled) agreements.cancelInstallment(id, i.invoiceId, `Parcela cancelada: acordo ACD-${id} rompido`, at);
    const paidCents = installments.reduce((s, i) => s + i.paidCents, 0);
    const originals = agreements.originals(id);
    let reinstatedCents = 0;
    for (const r of reinstateAfterBreach(originals, paidCents)) {
      if (r.remainingCents === 0) continue;
      const orig = invoices.get(r.invoiceId, ctx.asOf())!;
      const newId = invoices.insert(
        {
          customerId: a.customerId,
          externalId: null,
          documentNumber: `${orig.documentNumber}-R`.slice(0, 40),
          issueDate: orig.issueDate,
          dueDate: orig.dueDate,
          amountCents: r.remainingCents,
          paymentMethod: orig.paymentMethod,
          boletoLine: null,
          nossoNumero: null,
        },
        at,
      );
      agreements.insertReinstatement(id, orig.id, newId, r.remainingCents);
      reinstatedCents += r.remainingCents;
    }
    agreements.setStatus(id, 'broken', reason, at);
    activity.append(
      {
        actor,
        action: 'agreement.broken',
        customerId: a.customerId,
        details: { agreementId: id, reason, paidCents, amountCents: reinstatedCents, cancelledInstallments: cancelled.length },
      },
      at,
    );
  }

  return {
    settings: () => readNegotiationSettings(ctx),

    simulate(p: ParsedParams<'negotiation.simulate'>): NegotiationSimulation {
      const { charges } = readNegotiationSettings(ctx);
      const { debt } = loadDebt(p, charges);
      return { asOf: debt.asOf, charges, lines: debt.lines, totals: debt.totals, offers: p.offers.map((o) => evaluate(debt, o)) };
    },

    /**
     * One transaction: the agreement, its originals turned 'renegotiated' and linked, the installment títulos
     * (with their own document numbers and Pix txids) and the activity log land together or not at all.
     * Beyond a clerk's limits it needs a supervisor: the one logged in, or one who typed login and password.
     */
    async create(p: ParsedParams<'agreements.create'>): Promise<AgreementDetail> {
      const acting = ctx.user();
      const supervisorActing = actingApprover();
      // Checked before the transaction: scrypt is asynchronous, and a wrong password counts even when nothing else is written.
      // Only when the offer needs it: a typed approval on an offer within the clerk's limits (or one refused anyway) is
      // ignored, so a mistyped password neither refuses it nor counts towards the supervisor's lockout.
      const approver =
        supervisorActing ??
        (p.approval && clerkNeedsApproval(p)
          ? await credentials.approver(p.approval, {
              label: 'Aprovação do supervisor',
              excluded: (u) => u.id === acting?.id,
              excludedMessage: 'quem aprova deve ser outra pessoa, não quem está fazendo o acordo.',
            })
          : null);
      return ctx.tx(() => {
        const { charges } = readNegotiationSettings(ctx);
        const { debt, rows } = loadDebt(p, charges);
        const evaluation = evaluate(debt, p.offer);
        if (!evaluation.ok) {
          throw new AppError('VALIDATION', evaluation.message, { fields: [{ path: `offer.${evaluation.field}`, message: evaluation.message }] });
        }
        const { result, clerkPolicy, beyondSupervisor } = evaluation;
        if (beyondSupervisor.needsApproval) {
          throw new AppError('FORBIDDEN', `Oferta fora da política mesmo com aprovação do supervisor: ${beyondSupervisor.reasons.join('; ')}.`, { reasons: beyondSupervisor.reasons });
        }
        if (clerkPolicy.needsApproval && !approver) {
          throw new AppError('FORBIDDEN', `Este acordo precisa da aprovação de um supervisor: ${clerkPolicy.reasons.join('; ')}.`, { reasons: clerkPolicy.reasons, needsApproval: true });
        }
        // A supervisor acting is always the approver; a clerk's typed approval counts only where it was needed.
        const approvedBy = supervisorActing ?? (clerkPolicy.needsApproval ? approver : null);
        const at = ctx.nowIso();
        const by = ctx.actor();
        const id = agreements.insert(
          {
            customerId: p.customerId,
            asOf: p.asOf,
            terms: { offer: p.offer, charges, correctionFactor: p.correctionFactor },
            result,
            debt: debt.totals,
            approvalReasons: clerkPolicy.reasons,
            approvedBy: approvedBy && { userId: approvedBy.id, name: approvedBy.name },
            by,
          },
          at,
        );
        const statusById = new Map(rows.map((r) => [r.id, r.status]));
        for (const line of debt.lines) {
          if (!agreements.renegotiate(id, line, statusById.get(line.invoiceId)!, at)) {
            throw new AppError('CONFLICT', `O título ${line.documentNumber} mudou enquanto o acordo era criado. Atualize a tela e tente de novo.`);
          }
          activity.append({ actor: by, action: 'invoice.renegotiated', customerId: p.customerId, invoiceId: line.invoiceId, details: { agreementId: id, amountCents: line.totalCents } }, at);
        }
        createInstallments(id, p.customerId, result, at);
        activity.append(
          {
            actor: by,
            action: 'agreement.created',
            customerId: p.customerId,
            details: { agreementId: id, amountCents: result.totalToPayCents, negotiatedCents: result.negotiatedCents, installments: result.schedule.length, approvedBy: approvedBy?.name ?? null, approverUserId: approvedBy?.id ?? null, approvalReasons: clerkPolicy.reasons },
          },
          at,
        );
        return mustGetDetail(id);
      });
    },

    get: mustGetDetail,

    /** The termo de acordo / confissão de dívida as a PDF, with a Pix per open installment. */
    async document(id: number): Promise<AgreementDocument> {
      const company = configuredCompany('o termo de acordo');
      const agreement = mustGetDetail(id);
      const doc = await agreementDocument({
        agreement,
        customer: customers.get(agreement.customerId)!,
        company,
        breachToleranceDays: readNegotiationSettings(ctx).breachToleranceDays,
        generatedAt: ctx.clock.now(),
      });
      return { fileName: `acordo-ACD-${id}.pdf`, base64: (await renderPdf(doc)).toString('base64') };
    },

    /** The WhatsApp / e-mail text with the schedule and the next installment's Pix. */
    message(id: number): AgreementMessage {
      const company = configuredCompany('a mensagem ao cliente');
      const agreement = mustGetDetail(id);
      return agreementMessage({
        agreement,
        company,
        contacts: ctx.repos.contacts.listByCustomer(agreement.customerId),
        breachToleranceDays: readNegotiationSettings(ctx).breachToleranceDays,
      });
    },
    list: (customerId: number) => agreements.listByCustomer(customerId),

    markBroken(p: ParsedParams<'agreements.markBroken'>): AgreementDetail {
      return ctx.tx(() => {
        breakAgreement(p.id, p.reason, ctx.actor());
        return mustGetDetail(p.id);
      });
    },

    /**
     * The daily pass (idempotent): promises past their date are kept or broken; active agreements are
     * completed when every installment is paid, or broken when one is late beyond the tolerance.
     */
    review(): NegotiationReviewResult {
      return ctx.tx(() => {
        const { kept, broken } = promises.reviewDue();
        const out: NegotiationReviewResult = { promisesKept: kept, promisesBroken: broken, agreementsCompleted: 0, agreementsBroken: 0 };
        const { breachToleranceDays } = readNegotiationSettings(ctx);
        const today = ctx.asOf();
        for (const id of agreements.listActiveIds()) {
          const live = agreements.installments(id, ctx.asOf()).filter((i) => i.cancelledAt === null);
          if (live.every((i) => i.invoiceStatus === 'paid')) {
            agreements.setStatus(id, 'completed', null, ctx.nowIso());
            activity.append({ actor: 'sistema', action: 'agreement.completed', customerId: agreements.get(id)!.customerId, details: { agreementId: id } }, ctx.nowIso());
            out.agreementsCompleted++;
            continue;
          }
          const late = live.find((i) => (i.invoiceStatus === 'open' || i.invoiceStatus === 'partial') && addDays(i.dueDate, breachToleranceDays) < today);
          if (late) {
            breakAgreement(id, `Parcela ${late.documentNumber} vencida em ${formatBrDate(late.dueDate)}, além da tolerância de ${breachToleranceDays} dias`, 'sistema');
            out.agreementsBroken++;
          }
        }
        return out;
      });
    },
  };

  function createInstallments(agreementId: number, customerId: number, result: OfferResult, at: string) {
    const today = ctx.asOf();
    for (const e of result.schedule) {
      const invoiceId = invoices.insert(
        {
          customerId,
          externalId: null,
          documentNumber: installmentDocumentNumber(agreementId, e),
          issueDate: today,
          dueDate: e.dueDate,
          amountCents: e.amountCents,
          paymentMethod: 'pix',
          boletoLine: null,
          nossoNumero: null,
        },
        at,
      );
      agreements.insertInstallment(agreementId, invoiceId, e, installmentTxid(agreementId, e));
    }
  }
}

export type NegotiationService = ReturnType<typeof negotiationService>;
