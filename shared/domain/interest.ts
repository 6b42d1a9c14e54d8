// Updated debt (DOMAIN.md "Updated debt"): multa once on the corrected principal, simple juros de mora pro rata
// die on a 30-day month, optional correção monetária as an exact factor. Each part is rounded half-up to the
// centavo, then summed.
import { assertCents, divHalfUp, mulBasisPointsHalfUp, mulRatioHalfUp, type Cents } from './money';
import { diffDays } from './dates';

export type CustomerKind = 'PJ' | 'EMPRESARIO_INDIVIDUAL' | 'PF';

/** An exact factor: {num, den} (e.g. {num: 10123n, den: 10000n}) or a decimal string ('1.0123' / '1,0123'). */
export type CorrectionFactor = { num: bigint; den: bigint } | string;

export interface UpdateDebtInput {
  principalCents: Cents;
  /** Original due date, ISO. */
  dueDate: string;
  /** Date of the calculation, ISO (the clock is a parameter). */
  asOf: string;
  /** Late fine in basis points (200 = 2%). */
  finePercentBp: number;
  /** Juros de mora per month in basis points (100 = 1% a.m.). */
  monthlyInterestBp: number;
  correctionFactor?: CorrectionFactor;
  discountsCents?: Cents;
  /** When given, a due date on a weekend/bank holiday moves to the next business day (Lei 7.089/83). */
  calendar?: { nextBusinessDay(iso: string): string };
}

export interface UpdatedDebt {
  daysLate: number;
  /** The due date after moving it to a business day (equals dueDate without a calendar). */
  effectiveDueDate: string;
  correctedPrincipalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  discountsCents: Cents;
  totalCents: Cents;
}

/** Parses '1.0123' / '1,0123' / '1' into an exact positive fraction. */
export function parseFactor(f: CorrectionFactor): { num: bigint; den: bigint } {
  if (typeof f !== 'string') {
    if (f.den <= 0n || f.num <= 0n) throw new RangeError('fator de correção deve ser positivo');
    return f;
  }
  const m = /^(\d+)(?:[.,](\d+))?$/.exec(f.trim());
  if (!m) throw new RangeError(`fator de correção inválido: "${f}"`);
  const frac = m[2] ?? '';
  const num = BigInt((m[1] ?? '') + frac);
  if (num === 0n) throw new RangeError('fator de correção deve ser positivo');
  return { num, den: 10n ** BigInt(frac.length) };
}

function assertBp(bp: number, label: string): void {
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`${label} deve ser inteiro ≥ 0 em pontos-base`);
}

export function updateDebt(input: UpdateDebtInput): UpdatedDebt {
  const { principalCents, dueDate, asOf, finePercentBp, monthlyInterestBp } = input;
  assertCents(principalCents, 'principalCents');
  if (principalCents < 0) throw new RangeError('principalCents não pode ser negativo');
  assertBp(finePercentBp, 'finePercentBp');
  assertBp(monthlyInterestBp, 'monthlyInterestBp');
  const discountsCents = input.discountsCents ?? 0;
  assertCents(discountsCents, 'discountsCents');
  if (discountsCents < 0) throw new RangeError('discountsCents não pode ser negativo');

  const effectiveDueDate = input.calendar ? input.calendar.nextBusinessDay(dueDate) : dueDate;
  // Choice: paying up to the effective (business-day) due date costs nothing; once past it, days are counted
  // from the ORIGINAL due date (the postponement only protects payment on that next business day).
  const daysLate = diffDays(asOf, effectiveDueDate) <= 0 ? 0 : diffDays(asOf, dueDate);

  let correctedPrincipalCents = principalCents;
  if (input.correctionFactor !== undefined) {
    const { num, den } = parseFactor(input.correctionFactor);
    correctedPrincipalCents = mulRatioHalfUp(principalCents, num, den);
  }
  const fineCents = daysLate > 0 ? mulBasisPointsHalfUp(correctedPrincipalCents, finePercentBp) : 0;
  // Pc × (bp / 10 000) / 30 × d, in one exact division.
  const interestCents = Number(
    divHalfUp(BigInt(correctedPrincipalCents) * BigInt(monthlyInterestBp) * BigInt(daysLate), 300_000n),
  );
  assertCents(interestCents, 'interestCents');
  const totalCents = correctedPrincipalCents + fineCents + interestCents - discountsCents;
  assertCents(totalCents, 'totalCents');
  return {
    daysLate,
    effectiveDueDate,
    correctedPrincipalCents,
    fineCents,
    interestCents,
    discountsCents,
    totalCents,
  };
}

export type FineValidation = { ok: true; warning: string | null } | { ok: false; message: string };

export const MSG_FINE_PF_ABOVE_2 = 'Multa acima de 2% é vedada para consumidor pessoa física (CDC art. 52 §1º)';
export const MSG_FINE_COMPANY_ABOVE_10 =
  'Multa acima de 10%: entre empresas vale o contrato, mas confirme que ele prevê esse percentual';

/** PF: at most 2% (blocked above). Companies (PJ, empresário individual): the contract rules; warn above 10%. */
export function validateFine(args: { kind: CustomerKind; finePercentBp: number }): FineValidation {
  const { kind, finePercentBp } = args;
  if (!Number.isSafeInteger(finePercentBp) || finePercentBp < 0) {
    return { ok: false, message: 'Multa deve ser um percentual válido (0% ou mais)' };
  }
  if (kind === 'PF') return finePercentBp > 200 ? { ok: false, message: MSG_FINE_PF_ABOVE_2 } : { ok: true, warning: null };
  return { ok: true, warning: finePercentBp > 1000 ? MSG_FINE_COMPANY_ABOVE_10 : null };
}
