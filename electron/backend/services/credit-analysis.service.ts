import {
  CHECKLIST_ITEMS,
  DEFAULT_SECOND_APPROVAL_ABOVE_CENTS,
  suggestNewCustomerLimit,
  type ChecklistItem,
  type CommercialReference,
  type CreditPolicy,
  type Words,
} from '../../../shared/domain/credit';
import type { CreditAnalysis } from '../../../shared/ipc/credit.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import type { AnalysisRow } from '../db/repos/credit-analysis.repo';
import { APPROVER_ROLES, credentialsService } from '../users/credentials';

const SECOND_APPROVAL_KEY = 'credit.secondApprovalAboveCents';

/**
 * New-customer credit analysis: the clerk records documents, references, bureau score and the requested
 * limit; the app suggests a limit with reasons; a decision above the threshold waits for a second,
 * different approver (the credit committee: a supervisor or admin, logged in or typing their login and password
 * on the screen) before the limit reaches the customer record.
 */
export function creditAnalysisService(ctx: Context, policy: () => CreditPolicy) {
  const repo = ctx.repos.creditAnalysis;
  const credentials = credentialsService(ctx);

  function threshold(): number {
    const raw = ctx.repos.credit.getSetting(SECOND_APPROVAL_KEY);
    return raw ? Number(raw) : DEFAULT_SECOND_APPROVAL_ABOVE_CENTS;
  }

  function toAnalysis(r: AnalysisRow): CreditAnalysis {
    const checklist = JSON.parse(r.checklist) as Record<ChecklistItem, boolean>;
    const references = JSON.parse(r.commercialReferences) as CommercialReference[];
    return {
      id: r.id,
      customerId: r.customerId,
      legalName: r.legalName,
      requestedLimitCents: r.requestedLimitCents,
      bureauScore: r.bureauScore,
      checklist,
      references,
      // The provisional class depends only on the bureau score and the references, not on the policy.
      provisionalClass: suggestNewCustomerLimit({ requestedLimitCents: 0, bureauScore: r.bureauScore, checklist, references }, policy()).provisionalClass,
      suggestedLimitCents: r.suggestedLimitCents,
      suggestionReasons: JSON.parse(r.suggestionReasons) as Words[],
      status: r.status,
      decidedLimitCents: r.decidedLimitCents,
      decisionNote: r.decisionNote,
      decidedBy: r.decidedBy,
      decidedByUserId: r.decidedByUserId,
      decidedAt: r.decidedAt,
      secondApprover: r.secondApprover,
      secondApproverUserId: r.secondApproverUserId,
      secondApprovedAt: r.secondApprovedAt,
      secondApprovalAboveCents: threshold(),
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  function mustGet(id: number): AnalysisRow {
    const r = repo.get(id);
    if (!r) throw new AppError('NOT_FOUND', `Análise de crédito ${id} não encontrada.`);
    return r;
  }

  const stale = () => new AppError('CONFLICT', 'Esta análise foi alterada por outra pessoa ou já foi decidida; recarregue e tente de novo.');

  return {
    create(p: ParsedParams<'creditAnalysis.create'>): CreditAnalysis {
      return ctx.tx(() => {
        if (ctx.repos.credit.documentOf(p.customerId) === undefined) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        const suggestion = suggestNewCustomerLimit(p, policy());
        const at = ctx.nowIso();
        const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, p.checklist[k]]));
        const id = repo.insert(
          {
            customerId: p.customerId,
            requestedLimitCents: p.requestedLimitCents,
            bureauScore: p.bureauScore,
            checklist: JSON.stringify(checklist),
            references: JSON.stringify(p.references),
            suggestedLimitCents: suggestion.suggestedLimitCents,
            reasons: JSON.stringify(suggestion.reasons),
            actor: ctx.actor(),
          },
          at,
        );
        ctx.repos.activity.append(
          { actor: ctx.actor(), action: 'credit_analysis.created', customerId: p.customerId, details: { id, requestedLimitCents: p.requestedLimitCents, suggestedLimitCents: suggestion.suggestedLimitCents } },
          at,
        );
        return toAnalysis(mustGet(id));
      });
    },

    decide(p: ParsedParams<'creditAnalysis.decide'>): CreditAnalysis {
      return ctx.tx(() => {
        const a = mustGet(p.id);
        const at = ctx.nowIso();
        const needsSecond = p.approve && p.limitCents > threshold();
        const status = !p.approve ? 'rejected' : needsSecond ? 'awaiting_second_approval' : 'approved';
        if (!repo.decide(p.id, { status, limitCents: p.approve ? p.limitCents : 0, note: p.note, actor: ctx.actor(), actorUserId: ctx.user()?.id ?? null }, p.expectedUpdatedAt, at)) throw stale();
        if (status === 'approved') repo.setCustomerLimit(a.customerId, p.limitCents, at);
        ctx.repos.activity.append(
          { actor: ctx.actor(), action: `credit_analysis.${status}`, customerId: a.customerId, details: { id: p.id, limitCents: p.limitCents, note: p.note } },
          at,
        );
        return toAnalysis(mustGet(p.id));
      });
    },

    async secondApproval(p: ParsedParams<'creditAnalysis.secondApproval'>): Promise<CreditAnalysis> {
      const decided = mustGet(p.id);
      // The decider is known by user id when they were logged in; analyses decided without login only have the name.
      const isDecider = (u: { id: number; name: string }) => (decided.decidedByUserId !== null ? u.id === decided.decidedByUserId : u.name === decided.decidedBy);
      const sameUserMessage = 'a segunda aprovação deve ser de outra pessoa (comitê de crédito), não de quem decidiu.';
      const acting = ctx.user();
      // Checked before the transaction: scrypt is asynchronous, and a wrong password counts even when nothing else is written.
      const approver =
        acting && APPROVER_ROLES.has(acting.role) && !isDecider(acting)
          ? acting
          : p.approval
            ? await credentials.approver(p.approval, { label: 'Segunda aprovação', excluded: isDecider, excludedMessage: sameUserMessage })
            : null;
      if (!approver) {
        throw new AppError('FORBIDDEN', 'Segunda aprovação: um supervisor ou administrador que não decidiu a análise deve digitar login e senha.', {
          fields: [{ path: 'approval.login', message: 'Informe login e senha de quem aprova' }],
        });
      }
      return ctx.tx(() => {
        const a = mustGet(p.id);
        const at = ctx.nowIso();
        const status = p.approve ? 'approved' : 'rejected';
        if (!repo.secondApproval(p.id, { status, approver }, p.expectedUpdatedAt, at)) throw stale();
        if (status === 'approved') repo.setCustomerLimit(a.customerId, a.decidedLimitCents ?? 0, at);
        ctx.repos.activity.append(
          {
            actor: ctx.actor(),
            action: `credit_analysis.second_${status}`,
            customerId: a.customerId,
            details: { id: p.id, limitCents: a.decidedLimitCents, approvedBy: approver.name, approverUserId: approver.id },
          },
          at,
        );
        return toAnalysis(mustGet(p.id));
      });
    },

    list(p: ParsedParams<'creditAnalysis.list'>): CreditAnalysis[] {
      return repo.list(p.customerId ?? null, p.status ?? null, p.limit).map(toAnalysis);
    },
  };
}
