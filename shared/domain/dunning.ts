/**
 * The régua de cobrança's decision: given ladders, open títulos, pauses, opt-outs, what was already done
 * and the business date, which actions are due today. Pure: the clock is `asOf`, history comes in.
 *
 * Rules (DOMAIN.md "How to contact a debtor", "A typical B2B ladder"):
 * - Each título is at the ladder's latest step whose date (due date ± offset, in calendar or bank business
 *   days of the customer's place) is on or before `asOf`. Steps it skipped while the app was closed are
 *   not replayed; a step older than `maxCatchUpDays` is stale and not sent at all.
 * - One action per customer per step covering all its títulos at that step, with an idempotency key.
 * - A disputed título or an active customer pause stops the customer's ladder; a título pause stops that
 *   título. Customers who asked to stop get no contact at all (internal actions still happen).
 * - Contacts (e-mail, WhatsApp, SMS, phone, letter) are capped per debtor per day and per week across
 *   channels and land on the next day the debtor's contact-hours rule allows (never a Sunday or holiday).
 */
import type { BankCalendar } from './bank-calendar';
import { contactRuleFor, nextContactDay } from './contact-hours';
import { addDays, diffDays, isoToEpochDay } from './dates';
import { RISK_CLASSES, type BehaviourClass, type RiskClass } from './risk';

export type StepChannel = 'email' | 'whatsapp' | 'sms' | 'phone' | 'letter' | 'internal';
export type DayKind = 'calendar' | 'business';
/**
 * Who a step is for by how the customer pays (credit analysis' behaviour class): 'late_payers' = only
 * customers who are sometimes or always late (a pre-due contact); 'not_good_payers' = everyone except those
 * who pay on time (good payers get fewer messages).
 */
export type PayerCondition = 'late_payers' | 'not_good_payers';

export interface LadderStep {
  id: number;
  ladderId: number;
  name: string;
  offsetDays: number;
  dayKind: DayKind;
  channel: StepChannel;
  templateId: number | null;
  automatic: boolean;
  minAmountCents: number;
  /** Only customers of this segment; null = all. */
  segment: string | null;
  /** Only customers of this payment behaviour; null = all. */
  payerCondition: PayerCondition | null;
  /** Only customers rated this risk class or worse (A best … E worst); null = all. */
  riskClassFrom: RiskClass | null;
  active: boolean;
}

export interface DunningCustomer {
  id: number;
  segment: string | null;
  uf: string | null;
  city: string | null;
  /** The ladder that applies (customer assignment > segment assignment > default); null = none. */
  ladderId: number | null;
  /** From the stored credit score; null when the customer has not been scored yet. */
  behaviour: BehaviourClass | null;
  riskClass: RiskClass | null;
}

export interface DunningInvoice {
  id: number;
  customerId: number;
  dueDate: string;
  openCents: number;
  status: 'open' | 'partial' | 'disputed';
}

export interface DunningPause {
  customerId: number;
  /** null pauses the whole customer. */
  invoiceId: number | null;
  /** Last paused day, inclusive; null until lifted. */
  untilDate: string | null;
}

export interface DunningPolicy {
  maxContactsPerDay: number;
  maxContactsPerWeek: number;
  maxCatchUpDays: number;
}

export const DEFAULT_DUNNING_POLICY: DunningPolicy = { maxContactsPerDay: 1, maxContactsPerWeek: 3, maxCatchUpDays: 7 };

export interface DunningInput {
  asOf: string;
  customers: ReadonlyMap<number, DunningCustomer>;
  /** Steps per ladder id (any order; inactive steps are ignored). */
  stepsByLadder: ReadonlyMap<number, readonly LadderStep[]>;
  invoices: Iterable<DunningInvoice>;
  pauses: readonly DunningPause[];
  /** Customers who asked to stop being contacted. */
  optedOutCustomerIds: ReadonlySet<number>;
  /** Whether `stepId` already acted on `invoiceId`. */
  isStepDone(invoiceId: number, stepId: number): boolean;
  /** Days (ISO) with an active contact already made or queued, per customer. */
  contactDates: ReadonlyMap<number, readonly string[]>;
  policy: DunningPolicy;
  calendarFor(uf: string | null, city: string | null): BankCalendar;
  /**
   * The day a contact decided now would happen; by default the first contact day from `asOf`. The
   * backend passes one that knows the time of day (after 20h, today's window is gone).
   */
  contactDayFor?(customer: DunningCustomer): string;
  /**
   * Whether the customer has a valid, consented address for an automatic channel. An unreachable
   * automatic step becomes a "fix the contact" task, which is no contact and takes no room under the cap.
   */
  canReach?(customerId: number, channel: 'email' | 'whatsapp' | 'sms'): boolean;
}

export interface DueAction {
  /** customer | step | sorted título ids | asOf: the same action decided twice has the same key. */
  key: string;
  customerId: number;
  step: LadderStep;
  invoiceIds: number[];
  totalOpenCents: number;
  /** Days past the oldest due date among the títulos (0 when none is overdue yet). */
  maxDaysOverdue: number;
  /** The day the contact happens (next allowed contact day); `asOf` for internal actions. */
  contactDate: string;
  isContact: boolean;
}

export type HoldReason = 'frequency_cap' | 'opted_out' | 'below_min_amount';

export interface HeldAction {
  customerId: number;
  stepId: number;
  invoiceIds: number[];
  reason: HoldReason;
}

export interface DunningPlan {
  actions: DueAction[];
  held: HeldAction[];
  /** Títulos left alone because of a pause or dispute. */
  pausedInvoiceCount: number;
}

export function isContactChannel(channel: StepChannel): boolean {
  return channel !== 'internal';
}

/** The date a step falls on for a título due on `dueDate`. */
export function stepDate(dueDate: string, step: Pick<LadderStep, 'offsetDays' | 'dayKind'>, calendar: BankCalendar): string {
  if (step.dayKind === 'calendar') return addDays(dueDate, step.offsetDays);
  // Business-day steps count from the effective due date (a weekend due date moves to Monday).
  return calendar.addBusinessDays(calendar.nextBusinessDay(dueDate), step.offsetDays);
}

/**
 * Whether a step's conditions (segment, payment behaviour, risk class) hold for the customer. Nothing is
 * derived for a customer without a score (or with no payment history yet): a "late payers only" step or a
 * risk-class step does not apply to them, while a "not for good payers" step does (they are not known to
 * pay on time).
 */
export function stepAppliesTo(step: Pick<LadderStep, 'segment' | 'payerCondition' | 'riskClassFrom'>, customer: Pick<DunningCustomer, 'segment' | 'behaviour' | 'riskClass'>): boolean {
  if (step.segment !== null && step.segment !== customer.segment) return false;
  const late = customer.behaviour === 'sometimes_late' || customer.behaviour === 'always_late';
  if (step.payerCondition === 'late_payers' && !late) return false;
  if (step.payerCondition === 'not_good_payers' && customer.behaviour === 'on_time') return false;
  if (step.riskClassFrom !== null) {
    if (customer.riskClass === null || RISK_CLASSES.indexOf(customer.riskClass) < RISK_CLASSES.indexOf(step.riskClassFrom)) return false;
  }
  return true;
}

export function idempotencyKey(customerId: number, stepId: number, invoiceIds: readonly number[], asOf: string): string {
  return `${customerId}|${stepId}|${[...invoiceIds].sort((a, b) => a - b).join(',')}|${asOf}`;
}

/**
 * The calendar-day window of due dates that can have a step within the catch-up window on `asOf`, for
 * the caller's SQL pre-filter. Business offsets are widened (n business days ≤ 2n + 10 calendar days).
 */
export function dueDateWindow(steps: Iterable<Pick<LadderStep, 'offsetDays' | 'dayKind'>>, asOf: string, maxCatchUpDays: number): { from: string; to: string } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of steps) {
    const widen = (n: number) => (s.dayKind === 'business' ? 2 * n + Math.sign(n) * 10 : n);
    min = Math.min(min, widen(s.offsetDays));
    max = Math.max(max, widen(s.offsetDays));
  }
  if (min === Infinity) return null;
  // step date = due + offset ∈ [asOf − catchUp, asOf]  ⇒  due ∈ [asOf − catchUp − max, asOf − min]
  return { from: addDays(asOf, -maxCatchUpDays - max - 10), to: addDays(asOf, -min + 10) };
}

interface Group {
  customerId: number;
  step: LadderStep;
  invoiceIds: number[];
  totalOpenCents: number;
  oldestDueDate: string;
}

function activeSortedSteps(steps: readonly LadderStep[] | undefined): LadderStep[] {
  return (steps ?? []).filter((s) => s.active).sort((a, b) => b.offsetDays - a.offsetDays || a.id - b.id);
}

export function planDunning(input: DunningInput): DunningPlan {
  const { asOf, policy } = input;
  const activePause = (p: DunningPause) => p.untilDate === null || p.untilDate >= asOf;
  const pausedCustomers = new Set<number>();
  const pausedInvoices = new Set<number>();
  for (const p of input.pauses) {
    if (!activePause(p)) continue;
    if (p.invoiceId === null) pausedCustomers.add(p.customerId);
    else pausedInvoices.add(p.invoiceId);
  }
  const invoices = [...input.invoices];
  // A dispute (contestação) pauses the customer's whole ladder.
  for (const inv of invoices) if (inv.status === 'disputed') pausedCustomers.add(inv.customerId);

  const stepsCache = new Map<number, LadderStep[]>();
  const groups = new Map<string, Group>();
  let pausedInvoiceCount = 0;
  const asOfDay = isoToEpochDay(asOf);
  // Many títulos share a due date: business-day step dates are computed once per calendar, date and offset.
  const businessDays = new Map<BankCalendar, Map<number, number>>();
  const stepDay = (dueDate: string, dueDay: number, step: LadderStep, calendar: BankCalendar): number => {
    if (step.dayKind === 'calendar') return dueDay + step.offsetDays;
    let byDue = businessDays.get(calendar);
    if (!byDue) businessDays.set(calendar, (byDue = new Map()));
    const key = dueDay * 1024 + step.offsetDays + 512;
    let day = byDue.get(key);
    if (day === undefined) byDue.set(key, (day = isoToEpochDay(stepDate(dueDate, step, calendar))));
    return day;
  };

  // Tens of thousands of títulos share a few hundred due dates and their customers' places: parsed and looked up once.
  const dueDays = new Map<string, number>();
  const calendars = new Map<number, BankCalendar>();

  for (const inv of invoices) {
    if (pausedCustomers.has(inv.customerId) || pausedInvoices.has(inv.id)) {
      pausedInvoiceCount++;
      continue;
    }
    if (inv.openCents <= 0) continue;
    const customer = input.customers.get(inv.customerId);
    if (!customer || customer.ladderId === null) continue;
    let steps = stepsCache.get(customer.ladderId);
    if (!steps) {
      steps = activeSortedSteps(input.stepsByLadder.get(customer.ladderId));
      stepsCache.set(customer.ladderId, steps);
    }
    let calendar = calendars.get(customer.id);
    if (!calendar) calendars.set(customer.id, (calendar = input.calendarFor(customer.uf, customer.city)));
    let dueDay = dueDays.get(inv.dueDate);
    if (dueDay === undefined) dueDays.set(inv.dueDate, (dueDay = isoToEpochDay(inv.dueDate)));
    let currentOffset: number | null = null;
    for (const step of steps) {
      if (currentOffset !== null && step.offsetDays !== currentOffset) break;
      // A step whose conditions exclude the customer is not on their ladder at all: the título stays at the previous one.
      if (!stepAppliesTo(step, customer)) continue;
      const day = stepDay(inv.dueDate, dueDay, step, calendar);
      if (day > asOfDay) continue;
      if (currentOffset === null) {
        if (asOfDay - day > policy.maxCatchUpDays) break; // stale: the título is past its last useful step
        currentOffset = step.offsetDays;
      }
      if (input.isStepDone(inv.id, step.id)) continue;
      const gk = `${inv.customerId}|${step.id}`;
      let g = groups.get(gk);
      if (!g) {
        g = { customerId: inv.customerId, step, invoiceIds: [], totalOpenCents: 0, oldestDueDate: inv.dueDate };
        groups.set(gk, g);
      }
      g.invoiceIds.push(inv.id);
      g.totalOpenCents += inv.openCents;
      if (inv.dueDate < g.oldestDueDate) g.oldestDueDate = inv.dueDate;
    }
  }

  const actions: DueAction[] = [];
  const held: HeldAction[] = [];
  const byCustomer = new Map<number, Group[]>();
  for (const g of groups.values()) {
    const list = byCustomer.get(g.customerId) ?? [];
    list.push(g);
    byCustomer.set(g.customerId, list);
  }

  for (const [customerId, list] of byCustomer) {
    const customer = input.customers.get(customerId);
    if (!customer) continue;
    const calendar = input.calendarFor(customer.uf, customer.city);
    const contactDay = input.contactDayFor?.(customer) ?? nextContactDay(asOf, contactRuleFor(customer.uf), calendar);
    const history = [...(input.contactDates.get(customerId) ?? [])];
    // The most advanced step first: when the cap allows one contact, it should be the one that matters most.
    list.sort((a, b) => b.step.offsetDays - a.step.offsetDays || a.step.id - b.step.id);
    for (const g of list) {
      const invoiceIds = g.invoiceIds.sort((a, b) => a - b);
      const hold = (reason: HoldReason) => held.push({ customerId, stepId: g.step.id, invoiceIds, reason });
      if (g.totalOpenCents < g.step.minAmountCents) {
        hold('below_min_amount');
        continue;
      }
      const channel = g.step.channel;
      if (isContactChannel(channel) && input.optedOutCustomerIds.has(customerId)) {
        hold('opted_out');
        continue;
      }
      const unreachable = g.step.automatic && (channel === 'email' || channel === 'whatsapp' || channel === 'sms') && input.canReach?.(customerId, channel) === false;
      const isContact = isContactChannel(channel) && !unreachable;
      if (isContact) {
        const weekStart = addDays(contactDay, -6);
        const sameDay = history.filter((d) => d === contactDay).length;
        const sameWeek = history.filter((d) => d >= weekStart && d <= contactDay).length;
        if (sameDay >= policy.maxContactsPerDay || sameWeek >= policy.maxContactsPerWeek) {
          hold('frequency_cap');
          continue;
        }
        history.push(contactDay);
      }
      actions.push({
        key: idempotencyKey(customerId, g.step.id, invoiceIds, asOf),
        customerId,
        step: g.step,
        invoiceIds,
        totalOpenCents: g.totalOpenCents,
        maxDaysOverdue: Math.max(0, diffDays(asOf, g.oldestDueDate)),
        contactDate: isContact ? contactDay : asOf,
        isContact,
      });
    }
  }
  actions.sort((a, b) => a.customerId - b.customerId || b.step.offsetDays - a.step.offsetDays);
  return { actions, held, pausedInvoiceCount };
}

/**
 * Expected recovery of a task, for the queue's order: the amount, discounted as the debt ages (the older
 * a debt, the less likely it is paid). Not yet due counts in full.
 */
export function expectedRecoveryCents(openCents: number, daysOverdue: number): number {
  return Math.round((openCents * 60) / (60 + Math.max(0, daysOverdue)));
}
