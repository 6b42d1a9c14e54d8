// Weekly cash-flow forecast: when the open títulos will probably be paid (due date shifted by the customer's
// usual delay) and how much of them (discounted by the customer's historical default share), beside the
// obligations the finance team must pay in the same weeks.
import { addDays, diffDays } from './dates';
import { mulRatioHalfUp, type Cents } from './money';

export const FORECAST_WEEKS = 8;

/** How a customer has paid: what the forecast assumes it will keep doing. */
export interface PaymentBehaviour {
  /** Value-weighted average of (paid on − due date) over its paid títulos; negative = pays early. */
  averageDelayDays: number;
  /** Share of its matured balance never collected (written off or still open 90+ days after due), 0..1. */
  defaultShare: number;
}

/** A customer with no paid history is assumed to pay on the due date and in full. */
export const NEUTRAL_BEHAVIOUR: PaymentBehaviour = { averageDelayDays: 0, defaultShare: 0 };

export interface OpenTitulo {
  customerId: number;
  dueDate: string;
  openCents: Cents;
}

export interface Obligation {
  dueDate: string;
  amountCents: Cents;
}

export interface ForecastWeek {
  /** First and last day of the week (inclusive); week 1 starts on the as-of date. */
  start: string;
  end: string;
  /** Nominal open balance expected to arrive this week (before the default discount). */
  scheduledCents: Cents;
  /** What is expected to be received: scheduled × (1 − default share), per título, half-up. */
  expectedCents: Cents;
  obligationsCents: Cents;
  /** expected − obligations; negative = receipts do not cover the obligations. */
  netCents: Cents;
  shortfall: boolean;
}

/**
 * Títulos more than this many days past their expected date are left out: the customer has stopped following
 * its habit, so that money belongs to the collection desk, not to next week's cash plan.
 */
export const STALE_AFTER_DAYS = 90;

/**
 * The expected payment date of a título: due date + the customer's average delay (whole days), never before
 * `asOf` (an overdue título is expected in week 1); null when it is stale (see STALE_AFTER_DAYS).
 */
export function expectedPaymentDate(dueDate: string, behaviour: PaymentBehaviour, asOf: string): string | null {
  const shifted = addDays(dueDate, Math.round(behaviour.averageDelayDays));
  if (diffDays(asOf, shifted) > STALE_AFTER_DAYS) return null;
  return shifted < asOf ? asOf : shifted;
}

/** The expected receipt of one título: its open balance discounted by the customer's default share. */
export function expectedReceiptCents(openCents: Cents, behaviour: PaymentBehaviour): Cents {
  const keptPerMillion = Math.round((1 - Math.min(1, Math.max(0, behaviour.defaultShare))) * 1_000_000);
  return mulRatioHalfUp(openCents, keptPerMillion, 1_000_000);
}

/** 0-based week of `date` counted from `asOf`, or null when outside the horizon. */
function weekIndex(date: string, asOf: string, weeks: number): number | null {
  const days = diffDays(date, asOf);
  if (days < 0) return null;
  const w = Math.floor(days / 7);
  return w < weeks ? w : null;
}

export function forecastWeeks(
  asOf: string,
  titulos: Iterable<OpenTitulo>,
  behaviourOf: (customerId: number) => PaymentBehaviour,
  obligations: Iterable<Obligation>,
  weeks = FORECAST_WEEKS,
): ForecastWeek[] {
  const out: ForecastWeek[] = Array.from({ length: weeks }, (_, w) => ({
    start: addDays(asOf, 7 * w),
    end: addDays(asOf, 7 * w + 6),
    scheduledCents: 0,
    expectedCents: 0,
    obligationsCents: 0,
    netCents: 0,
    shortfall: false,
  }));
  for (const t of titulos) {
    const behaviour = behaviourOf(t.customerId);
    const expected = expectedPaymentDate(t.dueDate, behaviour, asOf);
    const w = expected === null ? null : weekIndex(expected, asOf, weeks);
    if (w === null) continue;
    const week = out[w]!;
    week.scheduledCents += t.openCents;
    week.expectedCents += expectedReceiptCents(t.openCents, behaviour);
  }
  for (const o of obligations) {
    // One due before the as-of date is taken as paid already: the team records what is still to pay.
    const w = weekIndex(o.dueDate, asOf, weeks);
    if (w !== null) out[w]!.obligationsCents += o.amountCents;
  }
  for (const week of out) {
    week.netCents = week.expectedCents - week.obligationsCents;
    week.shortfall = week.netCents < 0;
  }
  return out;
}
