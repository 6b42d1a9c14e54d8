// Negotiation maths (DOMAIN.md "Updated debt"; issue 6): the updated debt per título, offers (pay at once with a
// discount, or a down payment plus installments), the installment schedule and the policy check. Pure: the
// as-of date is a parameter, money is integer centavos, every rounding is explicit half-up, and a schedule
// always sums exactly (the last installment absorbs the rounding remainder).
import { addDays, addMonths, diffDays } from './dates';
import { updateDebt, type CorrectionFactor, type UpdateDebtInput } from './interest';
import { assertCents, divHalfUp, mulBasisPointsHalfUp, splitEvenly, type Cents } from './money';

/** A título to renegotiate: its open balance (amount − paid) is the principal. */
export interface DebtItem {
  invoiceId: number;
  documentNumber: string;
  dueDate: string;
  openCents: Cents;
  /** Accumulated index (e.g. IPCA) from the due date to the as-of date; omitted = no correção. */
  correctionFactor?: CorrectionFactor;
}

/** The contract's charges (DOMAIN.md defaults: multa 2%, juros 1% a.m.). */
export interface ChargeTerms {
  finePercentBp: number;
  monthlyInterestBp: number;
}

export interface DebtLine {
  invoiceId: number;
  documentNumber: string;
  dueDate: string;
  daysLate: number;
  principalCents: Cents;
  correctionCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  totalCents: Cents;
}

export interface DebtTotals {
  principalCents: Cents;
  correctionCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  totalCents: Cents;
}

export interface UpdatedDebtSummary {
  asOf: string;
  lines: DebtLine[];
  totals: DebtTotals;
}

/** A bad offer input, naming the field (the backend turns it into a VALIDATION envelope). */
export class NegotiationInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'NegotiationInputError';
  }
}

/**
 * Updates each título with shared/domain/interest.ts (the same formula the rest of the app uses) and sums. With
 * the customer's bank calendar, a due date on a weekend or holiday moves to the next business day (Lei 7.089/83).
 */
export function updateDebtLines(items: readonly DebtItem[], charges: ChargeTerms, asOf: string, calendar?: UpdateDebtInput['calendar']): UpdatedDebtSummary {
  const lines = items.map((item): DebtLine => {
    const u = updateDebt({
      principalCents: item.openCents,
      dueDate: item.dueDate,
      asOf,
      finePercentBp: charges.finePercentBp,
      monthlyInterestBp: charges.monthlyInterestBp,
      ...(item.correctionFactor !== undefined ? { correctionFactor: item.correctionFactor } : {}),
      ...(calendar ? { calendar } : {}),
    });
    return {
      invoiceId: item.invoiceId,
      documentNumber: item.documentNumber,
      dueDate: item.dueDate,
      daysLate: u.daysLate,
      principalCents: item.openCents,
      correctionCents: u.correctedPrincipalCents - item.openCents,
      fineCents: u.fineCents,
      interestCents: u.interestCents,
      totalCents: u.totalCents,
    };
  });
  const totals: DebtTotals = { principalCents: 0, correctionCents: 0, fineCents: 0, interestCents: 0, totalCents: 0 };
  for (const l of lines) {
    totals.principalCents += l.principalCents;
    totals.correctionCents += l.correctionCents;
    totals.fineCents += l.fineCents;
    totals.interestCents += l.interestCents;
    totals.totalCents += l.totalCents;
  }
  return { asOf, lines, totals };
}

// ---------------------------------------------------------------------------------------------------------
// Offers

/** What is given up on the updated debt; shared by both kinds of offer. */
export interface OfferDiscount {
  waiveFine: boolean;
  waiveInterest: boolean;
  /** % off what remains after the waivers, in basis points (1000 = 10%). */
  discountBp: number;
}

export type InstallmentInterval = { unit: 'months' } | { unit: 'days'; days: number };

export type Offer =
  | (OfferDiscount & { kind: 'cash'; dueDate: string })
  | (OfferDiscount & {
      kind: 'installments';
      /** 0 = no down payment. */
      downPaymentCents: Cents;
      downPaymentDate: string;
      installmentCount: number;
      interval: InstallmentInterval;
      /**
       * Interest on the financed balance, per month, in basis points. Method: Tabela Price (compound, equal
       * payments). With a day interval the period rate is the proportional rate, monthly × days / 30.
       */
      monthlyRateBp: number;
      firstDueDate: string;
    });

export type ScheduleKind = 'cash' | 'down' | 'installment';

export interface ScheduleEntry {
  kind: ScheduleKind;
  /** 1-based among the entries of the same kind (the down payment is 1 of 1). */
  number: number;
  /** How many entries of this kind there are. */
  of: number;
  dueDate: string;
  amountCents: Cents;
  /** Part of the amount that pays down the negotiated debt. */
  principalCents: Cents;
  /** Part of the amount that is financing interest (0 for the down payment and a cash payment). */
  interestCents: Cents;
}

export interface OfferResult {
  debtTotalCents: Cents;
  waivedFineCents: Cents;
  waivedInterestCents: Cents;
  percentDiscountCents: Cents;
  /** Waivers + % off. */
  discountCents: Cents;
  /** discountCents ÷ debt total, in basis points (rounded half-up). */
  discountBp: number;
  /** What the customer owes under the deal before financing interest. */
  negotiatedCents: Cents;
  downPaymentCents: Cents;
  financedCents: Cents;
  financingInterestCents: Cents;
  /** Sum of the schedule = negotiated + financing interest, exactly. */
  totalToPayCents: Cents;
  schedule: ScheduleEntry[];
}

function assertBp(bp: number, field: string, label: string, max = 10_000): void {
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > max) {
    throw new NegotiationInputError(field, `${label} deve estar entre 0% e ${max / 100}%`);
  }
}

function assertDateNotBefore(date: string, asOf: string, field: string, label: string): void {
  if (diffDays(date, asOf) < 0) throw new NegotiationInputError(field, `${label} não pode ser anterior à data-base da negociação`);
}

/** The rate of one period as an exact fraction num/den. */
function periodRate(monthlyRateBp: number, interval: InstallmentInterval): { num: bigint; den: bigint } {
  return interval.unit === 'months'
    ? { num: BigInt(monthlyRateBp), den: 10_000n }
    : { num: BigInt(monthlyRateBp) * BigInt(interval.days), den: 300_000n };
}

/**
 * Tabela Price: payment = PV × r(1+r)^n / ((1+r)^n − 1) with r = num/den, computed exactly in BigInt and rounded
 * half-up. Each period's interest is the balance × r (half-up); the last payment clears the balance, so the
 * principal parts sum to PV exactly and the payments to PV + interest exactly.
 */
export function priceSchedule(financedCents: Cents, count: number, rate: { num: bigint; den: bigint }): { amountCents: Cents; principalCents: Cents; interestCents: Cents }[] {
  assertCents(financedCents, 'financedCents');
  if (rate.num === 0n) return splitEvenly(financedCents, count).map((p) => ({ amountCents: p, principalCents: p, interestCents: 0 }));
  const { num, den } = rate;
  const growth = (num + den) ** BigInt(count);
  const base = den ** BigInt(count);
  const payment = divHalfUp(BigInt(financedCents) * num * growth, den * (growth - base));
  const rows: { amountCents: Cents; principalCents: Cents; interestCents: Cents }[] = [];
  let balance = BigInt(financedCents);
  for (let k = 1; k <= count; k++) {
    const interest = divHalfUp(balance * num, den);
    const principal = k === count ? balance : payment - interest;
    balance -= principal;
    rows.push({ amountCents: Number(principal + interest), principalCents: Number(principal), interestCents: Number(interest) });
  }
  return rows;
}

function installmentDueDate(first: string, interval: InstallmentInterval, index: number): string {
  // Always from the first date, so a 31st clamped to February does not drift the later months.
  return interval.unit === 'months' ? addMonths(first, index) : addDays(first, interval.days * index);
}

/** Evaluates an offer on the updated debt; throws NegotiationInputError on an input a clerk must fix. */
export function evaluateOffer(debt: DebtTotals, offer: Offer, asOf: string): OfferResult {
  assertBp(offer.discountBp, 'discountBp', 'O desconto');
  const waivedFineCents = offer.waiveFine ? debt.fineCents : 0;
  const waivedInterestCents = offer.waiveInterest ? debt.interestCents : 0;
  const afterWaivers = debt.totalCents - waivedFineCents - waivedInterestCents;
  const percentDiscountCents = mulBasisPointsHalfUp(afterWaivers, offer.discountBp);
  const discountCents = waivedFineCents + waivedInterestCents + percentDiscountCents;
  const negotiatedCents = debt.totalCents - discountCents;
  const discountBp = debt.totalCents > 0 ? Number(divHalfUp(BigInt(discountCents) * 10_000n, BigInt(debt.totalCents))) : 0;
  if (negotiatedCents <= 0) throw new NegotiationInputError('discountBp', 'O acordo precisa ter um valor a pagar maior que zero');
  const common = { debtTotalCents: debt.totalCents, waivedFineCents, waivedInterestCents, percentDiscountCents, discountCents, discountBp, negotiatedCents };

  if (offer.kind === 'cash') {
    assertDateNotBefore(offer.dueDate, asOf, 'dueDate', 'A data do pagamento');
    return {
      ...common,
      downPaymentCents: 0,
      financedCents: 0,
      financingInterestCents: 0,
      totalToPayCents: negotiatedCents,
      schedule: [{ kind: 'cash', number: 1, of: 1, dueDate: offer.dueDate, amountCents: negotiatedCents, principalCents: negotiatedCents, interestCents: 0 }],
    };
  }

  const { downPaymentCents, installmentCount, interval, monthlyRateBp } = offer;
  if (!Number.isSafeInteger(installmentCount) || installmentCount < 1 || installmentCount > 120) {
    throw new NegotiationInputError('installmentCount', 'O número de parcelas deve estar entre 1 e 120');
  }
  if (interval.unit === 'days' && (!Number.isSafeInteger(interval.days) || interval.days < 1 || interval.days > 365)) {
    throw new NegotiationInputError('interval', 'O intervalo entre parcelas deve estar entre 1 e 365 dias');
  }
  assertBp(monthlyRateBp, 'monthlyRateBp', 'Os juros do parcelamento', 2_000);
  if (!Number.isSafeInteger(downPaymentCents) || downPaymentCents < 0) throw new NegotiationInputError('downPaymentCents', 'A entrada não pode ser negativa');
  if (downPaymentCents >= negotiatedCents) {
    throw new NegotiationInputError('downPaymentCents', 'A entrada deve ser menor que o valor negociado; para pagar tudo de uma vez use a oferta à vista');
  }
  const financedCents = negotiatedCents - downPaymentCents;
  if (financedCents < installmentCount * 100) {
    throw new NegotiationInputError('installmentCount', 'Cada parcela deve ser de pelo menos R$ 1,00: reduza o número de parcelas');
  }
  if (downPaymentCents > 0) assertDateNotBefore(offer.downPaymentDate, asOf, 'downPaymentDate', 'A data da entrada');
  assertDateNotBefore(offer.firstDueDate, asOf, 'firstDueDate', 'O primeiro vencimento');
  if (downPaymentCents > 0 && offer.firstDueDate <= offer.downPaymentDate) {
    throw new NegotiationInputError('firstDueDate', 'O primeiro vencimento deve ser depois da data da entrada');
  }

  const rows = priceSchedule(financedCents, installmentCount, periodRate(monthlyRateBp, interval));
  const schedule: ScheduleEntry[] = [];
  if (downPaymentCents > 0) {
    schedule.push({ kind: 'down', number: 1, of: 1, dueDate: offer.downPaymentDate, amountCents: downPaymentCents, principalCents: downPaymentCents, interestCents: 0 });
  }
  rows.forEach((r, i) =>
    schedule.push({ kind: 'installment', number: i + 1, of: installmentCount, dueDate: installmentDueDate(offer.firstDueDate, interval, i), ...r }),
  );
  const financingInterestCents = rows.reduce((s, r) => s + r.interestCents, 0);
  return {
    ...common,
    downPaymentCents,
    financedCents,
    financingInterestCents,
    totalToPayCents: negotiatedCents + financingInterestCents,
    schedule,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Policy

export type NegotiationRole = 'clerk' | 'supervisor';

export interface NegotiationPolicy {
  /** Largest total discount (waivers + % off) over the updated debt, in basis points. */
  maxDiscountBp: number;
  maxInstallments: number;
  /** Smallest down payment over the negotiated value for an installment offer, in basis points. */
  minDownPaymentBp: number;
}

/** Defaults (editable settings): a clerk closes ordinary deals alone; a supervisor approves the rest. */
export const DEFAULT_POLICIES: Record<NegotiationRole, NegotiationPolicy> = {
  clerk: { maxDiscountBp: 1_000, maxInstallments: 6, minDownPaymentBp: 1_000 },
  supervisor: { maxDiscountBp: 3_000, maxInstallments: 12, minDownPaymentBp: 0 },
};

export interface PolicyCheck {
  /** Beyond the acting role's limits: a supervisor must approve (name and time are recorded). */
  needsApproval: boolean;
  reasons: string[];
}

/** 1050 → "10,5%", 1000 → "10%" (pt-BR). */
export function formatBasisPoints(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? `${whole}%` : `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

/** The reasons (pt-BR, for the clerk) an offer exceeds the role's limits. */
export function checkPolicy(result: OfferResult, offer: Offer, policy: NegotiationPolicy): PolicyCheck {
  const reasons: string[] = [];
  if (result.discountBp > policy.maxDiscountBp) {
    reasons.push(`Desconto de ${formatBasisPoints(result.discountBp)} acima do limite de ${formatBasisPoints(policy.maxDiscountBp)}`);
  }
  if (offer.kind === 'installments') {
    if (offer.installmentCount > policy.maxInstallments) {
      reasons.push(`${offer.installmentCount} parcelas acima do limite de ${policy.maxInstallments}`);
    }
    const downBp = Number(divHalfUp(BigInt(result.downPaymentCents) * 10_000n, BigInt(result.negotiatedCents)));
    if (downBp < policy.minDownPaymentBp) {
      reasons.push(`Entrada de ${formatBasisPoints(downBp)} abaixo do mínimo de ${formatBasisPoints(policy.minDownPaymentBp)}`);
    }
  }
  return { needsApproval: reasons.length > 0, reasons };
}

// ---------------------------------------------------------------------------------------------------------
// Broken agreements

export interface RenegotiatedOriginal {
  invoiceId: number;
  dueDate: string;
  /** The título's open balance when it was renegotiated. */
  principalCents: Cents;
}

/**
 * The rule when an agreement breaks: everything paid under it abates the original títulos' principal, oldest
 * due date first; each original keeps what is left, with its original due date, so multa and juros run again
 * from there and the agreement's discounts are lost. Returns what each original has left (0 = settled).
 */
export function reinstateAfterBreach(originals: readonly RenegotiatedOriginal[], paidUnderAgreementCents: Cents): { invoiceId: number; remainingCents: Cents }[] {
  assertCents(paidUnderAgreementCents, 'paidUnderAgreementCents');
  let credit = Math.max(0, paidUnderAgreementCents);
  const oldestFirst = [...originals].sort((a, b) => (a.dueDate === b.dueDate ? a.invoiceId - b.invoiceId : a.dueDate < b.dueDate ? -1 : 1));
  return oldestFirst.map((o) => {
    const used = Math.min(credit, o.principalCents);
    credit -= used;
    return { invoiceId: o.invoiceId, remainingCents: o.principalCents - used };
  });
}
