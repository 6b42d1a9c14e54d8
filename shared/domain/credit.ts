// Credit policy per risk class: how much credit, how long, which guarantees, and when to stop selling on
// credit. Pure rules; the backend feeds them the stored scores and balances.
import type { Cents } from './money';
import type { RiskClass } from './risk';

export interface ClassPolicy {
  maxLimitCents: Cents;
  maxTermDays: number;
  /** Guarantees required, in the clerk's words ('' = none). */
  guarantees: string;
  /** New orders are blocked once the oldest overdue título is at least this many days late. */
  blockAfterDaysOverdue: number;
  /** The class only buys cash in advance (à vista). */
  cashOnly: boolean;
}

export type CreditPolicy = Record<RiskClass, ClassPolicy>;

export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
  A: { maxLimitCents: 500_000_00, maxTermDays: 56, guarantees: '', blockAfterDaysOverdue: 30, cashOnly: false },
  B: { maxLimitCents: 200_000_00, maxTermDays: 42, guarantees: '', blockAfterDaysOverdue: 20, cashOnly: false },
  C: { maxLimitCents: 80_000_00, maxTermDays: 35, guarantees: 'Aval dos sócios', blockAfterDaysOverdue: 15, cashOnly: false },
  D: { maxLimitCents: 20_000_00, maxTermDays: 28, guarantees: 'Aval dos sócios e cheque caução', blockAfterDaysOverdue: 7, cashOnly: false },
  E: { maxLimitCents: 0, maxTermDays: 0, guarantees: 'Somente à vista', blockAfterDaysOverdue: 1, cashOnly: true },
};

export interface Words {
  pt: string;
  en: string;
}

export interface SalesStanding {
  riskClass: RiskClass;
  /** Days the oldest overdue título (of the whole company) is late; null when nothing is overdue. */
  oldestOverdueDays: number | null;
  /** Open balance and limit of the whole company (branches share them). */
  exposureCents: Cents;
  creditLimitCents: Cents;
  /** The customer record's own status ('blocked' set by hand). */
  status: string;
}

export interface SalesVerdict {
  /** No new orders on credit. */
  blocked: boolean;
  /** Only cash in advance (blocked implies cash only). */
  cashOnly: boolean;
  reasons: Words[];
}

const brl = (cents: Cents) => (cents / 100).toLocaleString('pt-BR', { style: 'currency', currency: 'BRL' });
const usd = (cents: Cents) => `R$ ${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Whether the sales force may sell on credit to this customer today, and why not. */
export function salesVerdict(s: SalesStanding, policy: CreditPolicy): SalesVerdict {
  const p = policy[s.riskClass];
  const reasons: Words[] = [];
  let blocked = false;
  if (s.status === 'blocked') {
    blocked = true;
    reasons.push({ pt: 'bloqueado manualmente no cadastro', en: 'blocked by hand in the customer record' });
  }
  if (s.oldestOverdueDays !== null && s.oldestOverdueDays >= p.blockAfterDaysOverdue) {
    blocked = true;
    reasons.push({
      pt: `título vencido há ${s.oldestOverdueDays} dias (a classe ${s.riskClass} bloqueia a partir de ${p.blockAfterDaysOverdue})`,
      en: `título overdue for ${s.oldestOverdueDays} days (class ${s.riskClass} blocks from ${p.blockAfterDaysOverdue})`,
    });
  }
  if (s.creditLimitCents > 0 && s.exposureCents > s.creditLimitCents) {
    blocked = true;
    reasons.push({
      pt: `saldo em aberto de ${brl(s.exposureCents)} acima do limite de ${brl(s.creditLimitCents)}`,
      en: `open balance of ${usd(s.exposureCents)} above the ${usd(s.creditLimitCents)} limit`,
    });
  }
  if (p.cashOnly) reasons.push({ pt: `classe ${s.riskClass}: somente à vista`, en: `class ${s.riskClass}: cash only` });
  return { blocked, cashOnly: blocked || p.cashOnly, reasons };
}

export type ReviewAction = 'raise' | 'lower' | 'keep';

export interface LimitReview {
  action: ReviewAction;
  suggestedLimitCents: Cents;
  reasons: Words[];
}

/** Limits move in steps of R$ 1.000,00 so suggestions read like a person's. */
const STEP = 1_000_00;
const roundUpToStep = (c: Cents) => Math.ceil(c / STEP) * STEP;

/**
 * The periodic review of one customer's limit: lower it when it exceeds what its class allows; raise it
 * (by 30% over the current use, within the class maximum) when a good customer (A or B) uses 80% or more.
 */
export function reviewLimit(s: SalesStanding & { score: number }, policy: CreditPolicy): LimitReview {
  const p = policy[s.riskClass];
  if (s.creditLimitCents > p.maxLimitCents) {
    return {
      action: 'lower',
      suggestedLimitCents: p.maxLimitCents,
      reasons: [
        {
          pt: `limite de ${brl(s.creditLimitCents)} acima do máximo da classe ${s.riskClass} (${brl(p.maxLimitCents)}); score ${s.score}`,
          en: `limit of ${usd(s.creditLimitCents)} above class ${s.riskClass}'s maximum (${usd(p.maxLimitCents)}); score ${s.score}`,
        },
      ],
    };
  }
  const use = s.creditLimitCents > 0 ? s.exposureCents / s.creditLimitCents : 0;
  const goodClass = s.riskClass === 'A' || s.riskClass === 'B';
  if (goodClass && use >= 0.8 && s.oldestOverdueDays === null && s.creditLimitCents < p.maxLimitCents) {
    const target = Math.min(p.maxLimitCents, roundUpToStep(s.exposureCents * 1.3));
    if (target > s.creditLimitCents) {
      const usePct = Math.round(use * 100);
      return {
        action: 'raise',
        suggestedLimitCents: target,
        reasons: [
          {
            pt: `usa ${usePct}% do limite, classe ${s.riskClass} (score ${s.score}) e nada vencido`,
            en: `uses ${usePct}% of the limit, class ${s.riskClass} (score ${s.score}) and nothing overdue`,
          },
        ],
      };
    }
  }
  return { action: 'keep', suggestedLimitCents: s.creditLimitCents, reasons: [] };
}

// ---------------------------------------------------------------------------------------------------------
// New-customer credit analysis

/** Documents asked of a new company; the first four are required before any credit. */
export const CHECKLIST_ITEMS = ['cnpjCard', 'articles', 'addressProof', 'partnerIds', 'financialStatements'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
const REQUIRED_ITEMS: readonly ChecklistItem[] = ['cnpjCard', 'articles', 'addressProof', 'partnerIds'];
const CHECKLIST_PT: Record<ChecklistItem, string> = {
  cnpjCard: 'cartão CNPJ',
  articles: 'contrato social',
  addressProof: 'comprovante de endereço',
  partnerIds: 'documentos dos sócios',
  financialStatements: 'balanço ou faturamento',
};
const CHECKLIST_EN: Record<ChecklistItem, string> = {
  cnpjCard: 'CNPJ card',
  articles: 'articles of association',
  addressProof: 'proof of address',
  partnerIds: "partners' IDs",
  financialStatements: 'financial statements or revenue',
};

export interface CommercialReference {
  company: string;
  /** Did the supplier say the customer pays on time? */
  paysOnTime: boolean;
  /** Highest credit that supplier grants the customer. */
  highestCreditCents: Cents;
}

export interface CreditApplication {
  requestedLimitCents: Cents;
  bureauScore: number | null;
  checklist: Partial<Record<ChecklistItem, boolean>>;
  references: readonly CommercialReference[];
}

export interface LimitSuggestion {
  provisionalClass: RiskClass;
  suggestedLimitCents: Cents;
  reasons: Words[];
}

/** Without statements, a new customer gets at most this much. */
export const NO_STATEMENTS_CAP_CENTS = 50_000_00;
/** A decision above this needs a second approver (the credit committee), unless settings say otherwise. */
export const DEFAULT_SECOND_APPROVAL_ABOVE_CENTS = 50_000_00;

const CLASS_ORDER: readonly RiskClass[] = ['A', 'B', 'C', 'D', 'E'];

/** A provisional class from the bureau score; a new customer starts at B at best (no history with us yet). */
function classFromBureau(score: number | null): RiskClass {
  if (score === null) return 'D';
  return score >= 650 ? 'B' : score >= 500 ? 'C' : score >= 350 ? 'D' : 'E';
}

/** Suggested first limit for a new customer, with the reasons behind every cut. */
export function suggestNewCustomerLimit(app: CreditApplication, policy: CreditPolicy): LimitSuggestion {
  const reasons: Words[] = [];
  let cls = classFromBureau(app.bureauScore);
  reasons.push(
    app.bureauScore === null
      ? { pt: 'sem score de bureau: classe provisória D', en: 'no bureau score: provisional class D' }
      : { pt: `score de bureau ${app.bureauScore}: classe provisória ${cls}`, en: `bureau score ${app.bureauScore}: provisional class ${cls}` },
  );
  const negative = app.references.filter((r) => !r.paysOnTime);
  if (negative.length > 0) {
    cls = CLASS_ORDER[Math.min(CLASS_ORDER.length - 1, CLASS_ORDER.indexOf(cls) + negative.length)]!;
    reasons.push({
      pt: `${negative.length} referência(s) comercial(is) negativa(s): classe ${cls}`,
      en: `${negative.length} negative commercial reference(s): class ${cls}`,
    });
  }
  let limit = Math.min(app.requestedLimitCents, policy[cls].maxLimitCents);
  if (limit < app.requestedLimitCents) {
    reasons.push({ pt: `limite máximo da classe ${cls}: ${brl(policy[cls].maxLimitCents)}`, en: `class ${cls} maximum: ${usd(policy[cls].maxLimitCents)}` });
  }
  const positive = app.references.filter((r) => r.paysOnTime);
  if (positive.length > 0) {
    const highest = Math.max(...positive.map((r) => r.highestCreditCents));
    if (highest < limit) {
      limit = highest;
      reasons.push({ pt: `maior crédito nas referências: ${brl(highest)}`, en: `highest credit in the references: ${usd(highest)}` });
    }
  } else {
    limit = Math.min(limit, Math.floor(limit / 2));
    reasons.push({ pt: 'nenhuma referência comercial positiva: metade do valor', en: 'no positive commercial reference: half the amount' });
  }
  if (!app.checklist.financialStatements && limit > NO_STATEMENTS_CAP_CENTS) {
    limit = NO_STATEMENTS_CAP_CENTS;
    reasons.push({ pt: `sem balanço ou faturamento: até ${brl(NO_STATEMENTS_CAP_CENTS)}`, en: `no financial statements: up to ${usd(NO_STATEMENTS_CAP_CENTS)}` });
  }
  const missing = REQUIRED_ITEMS.filter((i) => !app.checklist[i]);
  if (missing.length > 0) {
    limit = 0;
    reasons.push({
      pt: `documentos pendentes (${missing.map((i) => CHECKLIST_PT[i]).join(', ')}): somente à vista até completar`,
      en: `missing documents (${missing.map((i) => CHECKLIST_EN[i]).join(', ')}): cash only until complete`,
    });
  }
  return { provisionalClass: cls, suggestedLimitCents: Math.floor(limit / STEP) * STEP, reasons };
}
