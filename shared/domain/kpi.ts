// Collection KPIs (DOMAIN.md "KPIs") as pure functions of aggregates the backend sums in SQL, plus the
// periods they are measured over and their definitions in the clerk's words (the dashboard's hover help).
// Ratios are plain numbers (0.125 = 12,5 %) and null when the denominator is zero: "no data" is not 0 %.
import { addDays, addMonths, partsOrThrow, daysInMonth, pad } from './dates';
import type { Cents } from './money';

/** DSO/PMR and realised PMR look at the trailing 90 days: long enough to smooth a month's spikes. */
export const DSO_PERIOD_DAYS = 90;

/** numerator ÷ denominator, or null when there is nothing to divide by. */
function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Inadimplência % = overdue ÷ open (by value, or by count of títulos). */
export function delinquencyRatio(overdue: number, open: number): number | null {
  return ratio(overdue, open);
}

/** PMR/DSO in days = open receivables ÷ credit sales of the period × days in the period. */
export function daysSalesOutstanding(receivablesCents: Cents, creditSalesCents: Cents, periodDays = DSO_PERIOD_DAYS): number | null {
  const r = ratio(receivablesCents, creditSalesCents);
  return r === null ? null : r * periodDays;
}

/** Realised PMR in days = Σ(amount × (paid − issued)) ÷ Σ amount over the títulos settled in the period. */
export function realisedPmr(weightedDayCents: number, paidCents: Cents): number | null {
  return ratio(weightedDayCents, paidCents);
}

export interface CeiInput {
  openingArCents: Cents;
  creditSalesCents: Cents;
  closingArCents: Cents;
  /** The part of the closing AR that is not yet due (a vencer). */
  closingCurrentArCents: Cents;
}

/** CEI % = (opening AR + credit sales − closing AR) ÷ (opening AR + credit sales − closing current AR) × 100. */
export function collectionEffectivenessIndex(i: CeiInput): number | null {
  const collectable = i.openingArCents + i.creditSalesCents - i.closingCurrentArCents;
  const r = ratio(i.openingArCents + i.creditSalesCents - i.closingArCents, collectable);
  return r === null ? null : r * 100;
}

/** Recovery rate = recovered in the period on títulos overdue at its start ÷ overdue at its start. */
export function recoveryRate(recoveredCents: Cents, overdueAtStartCents: Cents): number | null {
  return ratio(recoveredCents, overdueAtStartCents);
}

/**
 * Roll rate of a bucket = balance still open at the period's end of the títulos that were in that bucket at its
 * start ÷ that bucket's balance at the start. An unpaid título can only age, so what is not paid rolls on.
 */
export function rollRate(stillOpenAtEndCents: Cents, bucketAtStartCents: Cents): number | null {
  return ratio(stillOpenAtEndCents, bucketAtStartCents);
}

/** The last day of the month before `asOf`'s month: the opening date of "the month" KPIs (CEI, recovery). */
export function previousMonthEnd(asOf: string): string {
  const [y, m] = partsOrThrow(asOf);
  return addDays(`${pad(y, 4)}-${pad(m, 2)}-01`, -1);
}

export function monthEnd(iso: string): string {
  const [y, m] = partsOrThrow(iso);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(daysInMonth(y, m), 2)}`;
}

/** The trend's dates, oldest first: the last `count` month-ends before `asOf`'s month (each a finished month). */
export function trendDates(asOf: string, count = 12): string[] {
  const last = previousMonthEnd(asOf);
  const dates: string[] = [];
  for (let k = count - 1; k >= 0; k--) dates.push(monthEnd(addMonths(last, -k)));
  return dates;
}

export type KpiKey =
  | 'openReceivables'
  | 'overdue'
  | 'delinquencyValue'
  | 'delinquencyCount'
  | 'dso'
  | 'realisedPmr'
  | 'cei'
  | 'recoveryRate'
  | 'rollRate'
  | 'recovered';

export interface KpiDefinition {
  label: { 'pt-BR': string; en: string };
  definition: { 'pt-BR': string; en: string };
}

/** What each figure means, one hover away on the dashboard (both UI languages). */
export const KPI_DEFINITIONS: Record<KpiKey, KpiDefinition> = {
  openReceivables: {
    label: { 'pt-BR': 'Carteira em aberto', en: 'Open receivables' },
    definition: {
      'pt-BR': 'Saldo ainda não pago dos títulos emitidos até a data de referência (vencidos e a vencer), sem multa nem juros.',
      en: 'Unpaid balance of the títulos issued up to the reference date (overdue and not yet due), before late fees and interest.',
    },
  },
  overdue: {
    label: { 'pt-BR': 'Vencido', en: 'Overdue' },
    definition: {
      'pt-BR': 'Saldo em aberto dos títulos cujo vencimento é anterior à data de referência.',
      en: 'Open balance of the títulos whose due date is before the reference date.',
    },
  },
  delinquencyValue: {
    label: { 'pt-BR': 'Inadimplência (valor)', en: 'Delinquency (value)' },
    definition: {
      'pt-BR': 'Saldo vencido ÷ carteira em aberto total.',
      en: 'Overdue balance ÷ total open receivables.',
    },
  },
  delinquencyCount: {
    label: { 'pt-BR': 'Inadimplência (quantidade)', en: 'Delinquency (count)' },
    definition: {
      'pt-BR': 'Títulos vencidos ÷ títulos em aberto (em número de títulos, não de clientes).',
      en: 'Overdue títulos ÷ open títulos (counting títulos, not customers).',
    },
  },
  dso: {
    label: { 'pt-BR': 'PMR / DSO', en: 'DSO' },
    definition: {
      'pt-BR': `Prazo médio de recebimento: carteira em aberto ÷ vendas a prazo dos últimos ${DSO_PERIOD_DAYS} dias × ${DSO_PERIOD_DAYS} dias.`,
      en: `Days sales outstanding: open receivables ÷ credit sales of the last ${DSO_PERIOD_DAYS} days × ${DSO_PERIOD_DAYS} days.`,
    },
  },
  realisedPmr: {
    label: { 'pt-BR': 'PMR realizado', en: 'Realised collection period' },
    definition: {
      'pt-BR': `Média, ponderada pelo valor, de dias entre a emissão e a quitação dos títulos quitados nos últimos ${DSO_PERIOD_DAYS} dias.`,
      en: `Value-weighted average of days from issue to full payment, over the títulos settled in the last ${DSO_PERIOD_DAYS} days.`,
    },
  },
  cei: {
    label: { 'pt-BR': 'CEI', en: 'CEI' },
    definition: {
      'pt-BR':
        'Índice de eficácia da cobrança no mês: (carteira no início + vendas a prazo − carteira no fim) ÷ (carteira no início + vendas a prazo − carteira a vencer no fim) × 100. 100 = tudo o que podia ser cobrado foi.',
      en: 'Collection effectiveness index for the month: (opening AR + credit sales − closing AR) ÷ (opening AR + credit sales − closing current AR) × 100. 100 = everything collectable was collected.',
    },
  },
  recoveryRate: {
    label: { 'pt-BR': 'Taxa de recuperação do mês', en: 'Recovery rate (month)' },
    definition: {
      'pt-BR': 'Quanto foi pago no mês dos títulos que já estavam vencidos no início do mês ÷ o saldo vencido no início do mês.',
      en: 'Paid during the month on títulos already overdue at its start ÷ the overdue balance at its start.',
    },
  },
  rollRate: {
    label: { 'pt-BR': 'Rolagem', en: 'Roll rate' },
    definition: {
      'pt-BR': 'Dos títulos de uma faixa no fim do mês anterior, a parte do saldo que continuou sem pagamento e passou para a faixa seguinte.',
      en: 'Of the títulos in a bucket at the previous month-end, the share of the balance still unpaid a month later (rolled to a later bucket).',
    },
  },
  recovered: {
    label: { 'pt-BR': 'Recuperado no mês', en: 'Recovered in the month' },
    definition: {
      'pt-BR': 'Pagamentos recebidos no mês em títulos que já estavam vencidos no início do mês.',
      en: 'Payments received during the month on títulos already overdue at its start.',
    },
  },
};
