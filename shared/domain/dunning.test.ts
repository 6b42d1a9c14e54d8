import { describe, expect, it } from 'vitest';
import { createBankCalendar } from './bank-calendar';
import {
  DEFAULT_DUNNING_POLICY,
  dueDateWindow,
  expectedRecoveryCents,
  idempotencyKey,
  planDunning,
  stepAppliesTo,
  stepDate,
  type DunningCustomer,
  type DunningInput,
  type DunningInvoice,
  type LadderStep,
} from './dunning';

const step = (id: number, offsetDays: number, over: Partial<LadderStep> = {}): LadderStep => ({
  id,
  ladderId: 1,
  name: `D${offsetDays}`,
  offsetDays,
  dayKind: 'calendar',
  channel: 'email',
  templateId: 1,
  automatic: true,
  minAmountCents: 0,
  segment: null,
  payerCondition: null,
  riskClassFrom: null,
  active: true,
  ...over,
});

const LADDER = [step(1, -5), step(2, 0), step(3, 3, { channel: 'phone', automatic: false }), step(4, 7), step(5, 7, { channel: 'internal', automatic: false })];
const customer = (id: number, over: Partial<DunningCustomer> = {}): DunningCustomer => ({ id, segment: 'Mercearia', uf: 'SP', city: 'Campinas', ladderId: 1, behaviour: null, riskClass: null, ...over });
const inv = (id: number, customerId: number, dueDate: string, over: Partial<DunningInvoice> = {}): DunningInvoice => ({
  id,
  customerId,
  dueDate,
  openCents: 10_000,
  status: 'open',
  ...over,
});

function input(over: Partial<DunningInput> & { invoices: DunningInvoice[] }): DunningInput {
  const customers = new Map<number, DunningCustomer>();
  for (const i of over.invoices) customers.set(i.customerId, customer(i.customerId));
  return {
    asOf: '2026-11-25',
    customers,
    stepsByLadder: new Map([[1, LADDER]]),
    pauses: [],
    optedOutCustomerIds: new Set(),
    isStepDone: () => false,
    contactDates: new Map(),
    policy: DEFAULT_DUNNING_POLICY,
    calendarFor: (uf, city) => createBankCalendar(uf ?? undefined, city ?? undefined),
    ...over,
  };
}

describe('planDunning', () => {
  it('groups all of a customer’s títulos at the same step into one action with a stable key', () => {
    // 2026-11-25 is a Wednesday. Both títulos were due 2026-11-18 → D+7 (email + internal).
    const plan = planDunning(input({ invoices: [inv(11, 1, '2026-11-18'), inv(10, 1, '2026-11-18', { openCents: 5_000 })] }));
    const email = plan.actions.find((a) => a.step.id === 4)!;
    expect(email.invoiceIds).toEqual([10, 11]);
    expect(email.totalOpenCents).toBe(15_000);
    expect(email.maxDaysOverdue).toBe(7);
    expect(email.key).toBe('1|4|10,11|2026-11-25');
    expect(email.key).toBe(idempotencyKey(1, 4, [11, 10], '2026-11-25'));
    const internal = plan.actions.find((a) => a.step.id === 5)!;
    expect(internal.isContact).toBe(false);
    expect(plan.actions).toHaveLength(2);
  });

  it('acts only at the latest reached step, never replaying skipped ones, and not on stale steps', () => {
    const plan = planDunning(
      input({
        invoices: [
          inv(1, 1, '2026-11-30'), // D-5 today
          inv(2, 2, '2026-11-22'), // D+3 today (D-5 and D0 were skipped)
          inv(3, 3, '2026-10-01'), // D+7 was 2026-10-08, long stale
          inv(4, 4, '2026-12-20'), // nothing yet
        ],
      }),
    );
    expect(plan.actions.map((a) => [a.customerId, a.step.id])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });

  it('does not repeat a step already done for a título', () => {
    const plan = planDunning(input({ invoices: [inv(1, 1, '2026-11-25'), inv(2, 1, '2026-11-25')], isStepDone: (i, s) => i === 1 && s === 2 }));
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]!.invoiceIds).toEqual([2]);
  });

  it('leaves paused customers, paused títulos and disputed customers alone', () => {
    const plan = planDunning(
      input({
        invoices: [inv(1, 1, '2026-11-25'), inv(2, 2, '2026-11-25'), inv(3, 2, '2026-11-25'), inv(4, 3, '2026-11-25'), inv(5, 3, '2026-11-01', { status: 'disputed' }), inv(6, 4, '2026-11-25')],
        pauses: [
          { customerId: 1, invoiceId: null, untilDate: '2026-11-30' },
          { customerId: 2, invoiceId: 2, untilDate: null },
          { customerId: 4, invoiceId: null, untilDate: '2026-11-24' }, // ended yesterday
        ],
      }),
    );
    expect(plan.actions.map((a) => [a.customerId, a.invoiceIds])).toEqual([
      [2, [3]],
      [4, [6]],
    ]);
    expect(plan.pausedInvoiceCount).toBe(4);
  });

  it('caps contacts per debtor per day and week across channels, keeping the most advanced step', () => {
    const invoices = [inv(1, 1, '2026-11-25'), inv(2, 1, '2026-11-18')]; // D0 and D+7 the same day
    const plan = planDunning(input({ invoices }));
    expect(plan.actions.filter((a) => a.isContact).map((a) => a.step.id)).toEqual([4]);
    expect(plan.held).toEqual([{ customerId: 1, stepId: 2, invoiceIds: [1], reason: 'frequency_cap' }]);

    const busyWeek = planDunning(input({ invoices: [inv(1, 1, '2026-11-25')], contactDates: new Map([[1, ['2026-11-20', '2026-11-23', '2026-11-24']]]) }));
    expect(busyWeek.actions).toHaveLength(0);
    expect(busyWeek.held[0]!.reason).toBe('frequency_cap');
    const oldContacts = planDunning(input({ invoices: [inv(1, 1, '2026-11-25')], contactDates: new Map([[1, ['2026-11-10', '2026-11-18', '2026-11-19']]]) }));
    expect(oldContacts.actions).toHaveLength(1);
  });

  it('an unreachable automatic step is no contact: it takes no room under the cap', () => {
    const invoices = [inv(1, 1, '2026-11-25'), inv(2, 1, '2026-11-18')]; // D0 e-mail and D+7 e-mail + internal
    const plan = planDunning(input({ invoices, canReach: () => false }));
    expect(plan.actions.map((a) => [a.step.id, a.isContact])).toEqual([
      [4, false],
      [5, false],
      [2, false],
    ]);
    expect(plan.held).toEqual([]);
  });

  it('holds contacts for customers who opted out but keeps internal actions', () => {
    const plan = planDunning(input({ invoices: [inv(1, 1, '2026-11-18')], optedOutCustomerIds: new Set([1]) }));
    expect(plan.actions.map((a) => a.step.channel)).toEqual(['internal']);
    expect(plan.held.map((h) => h.reason)).toEqual(['opted_out']);
  });

  it('applies the minimum amount to the customer’s total at the step and the segment condition', () => {
    const ladder = [step(1, 0, { minAmountCents: 15_000 }), step(2, 0, { segment: 'Farmácia', channel: 'internal' })];
    const plan = planDunning(input({ invoices: [inv(1, 1, '2026-11-25'), inv(2, 2, '2026-11-25'), inv(3, 2, '2026-11-25')], stepsByLadder: new Map([[1, ladder]]) }));
    expect(plan.actions.map((a) => a.customerId)).toEqual([2]);
    expect(plan.held).toEqual([{ customerId: 1, stepId: 1, invoiceIds: [1], reason: 'below_min_amount' }]);
  });

  it('gives late payers a pre-due contact and spares good payers the D+1 reminder; unscored customers get neither condition', () => {
    const ladder = [step(1, -7, { channel: 'whatsapp', payerCondition: 'late_payers' }), step(2, 0), step(3, 1, { payerCondition: 'not_good_payers' })];
    const customers = new Map([
      [1, customer(1, { behaviour: 'always_late', riskClass: 'D' })],
      [2, customer(2, { behaviour: 'sometimes_late', riskClass: 'C' })],
      [3, customer(3, { behaviour: 'on_time', riskClass: 'A' })],
      [4, customer(4)], // no score yet
      [5, customer(5, { behaviour: 'no_history', riskClass: 'C' })],
    ]);
    const stepsByLadder = new Map([[1, ladder]]);
    const ids = [1, 2, 3, 4, 5];
    const preDue = planDunning(input({ invoices: ids.map((c) => inv(c, c, '2026-12-02')), customers, stepsByLadder }));
    expect(preDue.actions.map((a) => [a.customerId, a.step.id])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    // D+1 with D0 done: the good payer's título stays at D0 (done), so nothing; the others get "já pagou?".
    const dayAfter = planDunning(input({ invoices: ids.map((c) => inv(c, c, '2026-11-24')), customers, stepsByLadder, isStepDone: (_i, s) => s === 2 }));
    expect(dayAfter.actions.map((a) => [a.customerId, a.step.id])).toEqual([
      [1, 3],
      [2, 3],
      [4, 3],
      [5, 3],
    ]);
  });

  it('applies a risk-class condition to that class and worse, never to an unscored customer', () => {
    const fromD = { segment: null, payerCondition: null, riskClassFrom: 'D' as const };
    expect(stepAppliesTo(fromD, { segment: null, behaviour: 'always_late', riskClass: 'E' })).toBe(true);
    expect(stepAppliesTo(fromD, { segment: null, behaviour: 'always_late', riskClass: 'D' })).toBe(true);
    expect(stepAppliesTo(fromD, { segment: null, behaviour: 'always_late', riskClass: 'C' })).toBe(false);
    expect(stepAppliesTo(fromD, { segment: null, behaviour: null, riskClass: null })).toBe(false);
    const lateInSegment = { segment: 'Farmácia', payerCondition: 'late_payers' as const, riskClassFrom: null };
    expect(stepAppliesTo(lateInSegment, { segment: 'Farmácia', behaviour: 'sometimes_late', riskClass: 'B' })).toBe(true);
    expect(stepAppliesTo(lateInSegment, { segment: 'Mercearia', behaviour: 'sometimes_late', riskClass: 'B' })).toBe(false);
  });

  it('moves contacts to the next contact day: never on Sundays or holidays', () => {
    // 2026-11-20 (Friday) is Consciência Negra, a national holiday; 2026-11-22 is a Sunday.
    const onHoliday = planDunning(input({ asOf: '2026-11-20', invoices: [inv(1, 1, '2026-11-20')] }));
    expect(onHoliday.actions[0]!.contactDate).toBe('2026-11-21'); // Saturday is allowed in SP
    const onSunday = planDunning(input({ asOf: '2026-11-22', invoices: [inv(1, 1, '2026-11-22')] }));
    expect(onSunday.actions[0]!.contactDate).toBe('2026-11-23');
    const rj = planDunning(
      input({ asOf: '2026-11-20', invoices: [inv(1, 1, '2026-11-20')], customers: new Map([[1, customer(1, { uf: 'RJ', city: 'Rio de Janeiro' })]]) }),
    );
    expect(rj.actions[0]!.contactDate).toBe('2026-11-23'); // RJ: business days only
  });

  it('counts business-day steps from the effective due date with bank holidays', () => {
    const cal = createBankCalendar('SP');
    // Due Saturday 2026-11-21 → effective Monday 23; D+1 business = Tuesday 24.
    expect(stepDate('2026-11-21', { offsetDays: 1, dayKind: 'business' }, cal)).toBe('2026-11-24');
    // Due Thursday 2026-11-19; next business day skips the 20th holiday and the weekend.
    expect(stepDate('2026-11-19', { offsetDays: 1, dayKind: 'business' }, cal)).toBe('2026-11-23');
    expect(stepDate('2026-11-19', { offsetDays: -5, dayKind: 'calendar' }, cal)).toBe('2026-11-14');
  });

  it('gives a due-date window that contains every título a step can reach', () => {
    const w = dueDateWindow(LADDER, '2026-11-25', 7)!;
    expect(w.from <= '2026-11-11').toBe(true);
    expect(w.to >= '2026-11-30').toBe(true);
    expect(dueDateWindow([], '2026-11-25', 7)).toBeNull();
  });
});

describe('expectedRecoveryCents', () => {
  it('counts not-yet-due in full and discounts as the debt ages', () => {
    expect(expectedRecoveryCents(100_000, 0)).toBe(100_000);
    expect(expectedRecoveryCents(100_000, -3)).toBe(100_000);
    expect(expectedRecoveryCents(100_000, 60)).toBe(50_000);
    expect(expectedRecoveryCents(100_000, 60)).toBeLessThan(expectedRecoveryCents(100_000, 10));
  });
});
