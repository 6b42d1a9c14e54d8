/** Params of the negotiation methods (see negotiation.contract.ts). */
import { z } from 'zod';
import { id, isoDate, cents, positiveCents, optionalText, requiredText, offset, limit } from './schema-kit';
import { approvalCredentials } from './users.schemas';

const delayReason = z.enum(['financial_difficulty', 'forgot', 'delivery_problem', 'strategic'], { error: 'Motivo do atraso inválido' });
const basisPoints = (what: string, max: number) =>
  z.number({ error: `${what}: valor inválido` }).int(`${what}: use no máximo duas casas decimais`).min(0, `${what} não pode ser negativo`).max(max, `${what}: no máximo ${max / 100}%`);

const invoiceIds = z.array(id, { error: 'Escolha os títulos' }).min(1, 'Escolha ao menos um título').max(500, 'No máximo 500 títulos por negociação');

const discount = {
  waiveFine: z.boolean().default(false),
  waiveInterest: z.boolean().default(false),
  discountBp: basisPoints('Desconto', 10_000).default(0),
};

export const offerSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('cash'), ...discount, dueDate: isoDate }),
    z.object({
      kind: z.literal('installments'),
      ...discount,
      downPaymentCents: cents.min(0, 'A entrada não pode ser negativa').default(0),
      downPaymentDate: isoDate,
      installmentCount: z.number({ error: 'Número de parcelas inválido' }).int('Número de parcelas inválido').min(1, 'Ao menos 1 parcela').max(120, 'No máximo 120 parcelas'),
      interval: z.discriminatedUnion('unit', [
        z.object({ unit: z.literal('months') }),
        z.object({ unit: z.literal('days'), days: z.number().int('Intervalo em dias inteiros').min(1, 'Intervalo de ao menos 1 dia').max(365, 'Intervalo de no máximo 365 dias') }),
      ]),
      monthlyRateBp: basisPoints('Juros do parcelamento', 2_000).default(0),
      firstDueDate: isoDate,
    }),
  ],
  { error: 'Tipo de oferta inválido (à vista ou parcelado)' },
);

/** What to negotiate: títulos of one customer, at an as-of date, optionally with a correção factor. */
const debtSelection = {
  customerId: id,
  invoiceIds,
  asOf: isoDate,
  correctionFactor: z
    .string()
    .trim()
    .regex(/^\d+(?:[.,]\d{1,8})?$/, 'Fator de correção: use um número como 1,0123')
    .nullish()
    .transform((v) => v || null),
};

export const negotiationSchemas = {
  'promises.create': z.object({
    customerId: id,
    promisedDate: isoDate,
    amountCents: positiveCents,
    invoiceIds: z.array(id).max(500).default([]),
    delayReason: delayReason.nullish().transform((v) => v ?? null),
    note: optionalText(1000),
  }),
  'promises.list': z.object({ customerId: id }),
  'promises.update': z.object({
    id,
    status: z.enum(['kept', 'broken', 'cancelled'], { error: 'Situação da promessa inválida' }),
    note: optionalText(1000),
  }),
  'disputes.open': z.object({
    invoiceId: id,
    reason: z.string({ error: 'Informe o motivo da contestação' }).trim().min(5, 'Descreva o motivo da contestação (mínimo 5 caracteres)').max(1000),
  }),
  'disputes.resolve': z.object({
    id,
    resolution: z.string({ error: 'Informe a solução' }).trim().min(5, 'Descreva a solução (mínimo 5 caracteres)').max(1000),
  }),
  'disputes.list': z.object({ customerId: id }),
  'notes.add': z.object({ customerId: id, body: requiredText(4000, 'o texto da anotação') }),
  'timeline.list': z.object({
    customerId: id,
    kinds: z.array(z.enum(['invoices', 'payments', 'messages', 'calls', 'promises', 'agreements', 'disputes', 'notes', 'other'])).max(9).optional(),
    offset,
    limit: limit(500, 100),
  }),
  'negotiation.settings': z.object({}),
  'negotiation.simulate': z.object({ ...debtSelection, offers: z.array(offerSchema).max(3, 'Compare no máximo 3 ofertas').default([]) }),
  'negotiation.review': z.object({}),
  'agreements.create': z.object({
    ...debtSelection,
    offer: offerSchema,
    /** A supervisor's login and password, when a clerk's offer exceeds the clerk's limits. */
    approval: approvalCredentials.nullish().transform((v) => v ?? null),
  }),
  'agreements.get': z.object({ id }),
  'agreements.list': z.object({ customerId: id }),
  'agreements.document': z.object({ id }),
  'agreements.message': z.object({ id }),
  'agreements.markBroken': z.object({
    id,
    reason: z.string({ error: 'Informe o motivo' }).trim().min(5, 'Descreva o motivo do rompimento (mínimo 5 caracteres)').max(500),
  }),
} satisfies Record<string, z.ZodType>;
