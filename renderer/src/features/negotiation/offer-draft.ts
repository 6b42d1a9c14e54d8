import type { TFunction } from 'i18next';
import { addMonths, formatBrDate, parseBrDate } from '../../../../shared/domain/dates';
import { mulBasisPointsHalfUp } from '../../../../shared/domain/money';
import type { Offer, ScheduleEntry } from '../../../../shared/domain/negotiation';
import { bpToInput, centsToInput, parseBrlToCents, parsePercentToBp } from './negotiation-input';

/** An offer as the clerk types it (text fields), turned into an `Offer` only when every field parses. */
export interface OfferDraft {
  kind: Offer['kind'];
  waiveFine: boolean;
  waiveInterest: boolean;
  discount: string;
  payDate: string;
  down: string;
  downDate: string;
  count: string;
  intervalUnit: 'months' | 'days';
  intervalDays: string;
  rate: string;
  firstDue: string;
}

export type DraftErrors = Partial<Record<keyof OfferDraft, string>>;

/** Three starting offers to compare: cash without juros, down payment + 6× at 1% a.m., 10× with no down payment. */
export function defaultDrafts(asOf: string, debtTotalCents: number): OfferDraft[] {
  const today = formatBrDate(asOf);
  const nextMonth = formatBrDate(addMonths(asOf, 1));
  const base = { waiveFine: false, waiveInterest: false, discount: '0', payDate: today, down: '0', downDate: today, intervalUnit: 'months' as const, intervalDays: '30', firstDue: nextMonth };
  return [
    { ...base, kind: 'cash', waiveInterest: true, count: '1', rate: '0' },
    { ...base, kind: 'installments', down: centsToInput(mulBasisPointsHalfUp(debtTotalCents, 1_000)), count: '6', rate: bpToInput(100) },
    { ...base, kind: 'installments', count: '10', rate: bpToInput(150) },
  ];
}

export function draftToOffer(d: OfferDraft, invalid: { date: string; money: string; percent: string; integer: string }): { offer: Offer | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const discountBp = parsePercentToBp(d.discount || '0');
  if (discountBp === null) errors.discount = invalid.percent;
  const common = { waiveFine: d.waiveFine, waiveInterest: d.waiveInterest, discountBp: discountBp ?? 0 };
  if (d.kind === 'cash') {
    const dueDate = parseBrDate(d.payDate);
    if (!dueDate) errors.payDate = invalid.date;
    return Object.keys(errors).length ? { offer: null, errors } : { offer: { kind: 'cash', ...common, dueDate: dueDate! }, errors };
  }
  const downPaymentCents = parseBrlToCents(d.down || '0');
  if (downPaymentCents === null || downPaymentCents < 0) errors.down = invalid.money;
  const downPaymentDate = parseBrDate(d.downDate);
  if (!downPaymentDate) errors.downDate = invalid.date;
  const installmentCount = /^\d{1,3}$/.test(d.count.trim()) ? Number(d.count) : null;
  if (installmentCount === null || installmentCount < 1) errors.count = invalid.integer;
  const days = /^\d{1,3}$/.test(d.intervalDays.trim()) ? Number(d.intervalDays) : null;
  if (d.intervalUnit === 'days' && (days === null || days < 1)) errors.intervalDays = invalid.integer;
  const monthlyRateBp = parsePercentToBp(d.rate || '0');
  if (monthlyRateBp === null) errors.rate = invalid.percent;
  const firstDueDate = parseBrDate(d.firstDue);
  if (!firstDueDate) errors.firstDue = invalid.date;
  if (Object.keys(errors).length) return { offer: null, errors };
  return {
    offer: {
      kind: 'installments',
      ...common,
      downPaymentCents: downPaymentCents!,
      downPaymentDate: downPaymentDate!,
      installmentCount: installmentCount!,
      interval: d.intervalUnit === 'months' ? { unit: 'months' } : { unit: 'days', days: days! },
      monthlyRateBp: monthlyRateBp!,
      firstDueDate: firstDueDate!,
    },
    errors,
  };
}

/** "Entrada", "À vista" or "3/6" for a schedule row. */
export function scheduleLabel(t: TFunction, e: Pick<ScheduleEntry, 'kind' | 'number' | 'of'>): string {
  if (e.kind === 'down') return t('negotiation.offer.downEntry');
  if (e.kind === 'cash') return t('negotiation.offer.cashEntry');
  return t('negotiation.offer.installment', { n: e.number, of: e.of });
}
