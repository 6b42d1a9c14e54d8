/** Params of the credit-analysis methods (see credit.contract.ts). */
import { z } from 'zod';
import { RISK_FACTOR_KEYS, type RiskFactorKey } from '../domain/risk';
import { CHECKLIST_ITEMS, type ChecklistItem } from '../domain/credit';
import { DEFAULT_MIN_DAYS_OVERDUE } from '../domain/negativacao';
import { cents, id, isoDate, optionalText, requiredText } from './schema-kit';
import { approvalCredentials } from './users.schemas';

const points = (what: string) => z.number({ error: `Peso de ${what} inválido` }).int(`Peso de ${what}: use um número inteiro`).min(0, `Peso de ${what} não pode ser negativo`).max(5000, `Peso de ${what}: no máximo 5000`);
const positive = (what: string, max: number) => z.number({ error: `${what} inválido` }).positive(`${what} deve ser maior que zero`).max(max, `${what}: no máximo ${max}`);
const share = (what: string) => z.number({ error: `${what} inválido` }).min(0, `${what} entre 0 e 1`).max(1, `${what} entre 0 e 1`);
const scoreValue = (what: string) => z.number({ error: `${what} inválido` }).int(`${what}: use um número inteiro`).min(0, `${what} entre 0 e 1000`).max(1000, `${what} entre 0 e 1000`);

const FACTOR_LABELS: Record<RiskFactorKey, string> = {
  lateShare: 'títulos vencidos pagos com atraso ou em aberto',
  avgDaysLate: 'atraso médio',
  maxDaysLate: 'maior atraso',
  trend: 'tendência',
  overdueShare: 'vencido sobre o aberto',
  exposure: 'exposição sobre o limite',
  tenure: 'tempo de cliente',
  brokenPromises: 'promessas quebradas',
  disputes: 'contestações',
  bureau: 'score de bureau',
};

export const riskWeights = z
  .object({
    factors: z.object(Object.fromEntries(RISK_FACTOR_KEYS.map((k) => [k, points(FACTOR_LABELS[k])])) as Record<RiskFactorKey, ReturnType<typeof points>>),
    avgDaysLateWorst: positive('Atraso médio máximo', 365),
    maxDaysLateWorst: positive('Maior atraso máximo', 3650),
    trendSpanDays: positive('Faixa da tendência', 365),
    exposureComfortRatio: positive('Exposição confortável', 10),
    exposureWorstRatio: positive('Exposição máxima', 20),
    tenureFullDays: positive('Tempo de cliente pleno', 7300),
    brokenPromisesWorst: positive('Promessas quebradas máximas', 100),
    disputesWorst: positive('Contestações máximas', 100),
    classFloors: z.object({ A: scoreValue('Piso da classe A'), B: scoreValue('Piso da classe B'), C: scoreValue('Piso da classe C'), D: scoreValue('Piso da classe D') }),
    behaviourOnTimeMaxLateShare: share('Limite de "paga em dia"'),
    behaviourAlwaysLateMinLateShare: share('Limite de "sempre atrasa"'),
  })
  .superRefine((w, ctx) => {
    const f = w.classFloors;
    if (!(f.A > f.B && f.B > f.C && f.C > f.D)) ctx.addIssue({ code: 'custom', path: ['classFloors'], message: 'Os pisos das classes devem decrescer de A para D' });
    if (w.exposureWorstRatio <= w.exposureComfortRatio) ctx.addIssue({ code: 'custom', path: ['exposureWorstRatio'], message: 'A exposição máxima deve ser maior que a confortável' });
    if (w.behaviourAlwaysLateMinLateShare <= w.behaviourOnTimeMaxLateShare) ctx.addIssue({ code: 'custom', path: ['behaviourAlwaysLateMinLateShare'], message: 'O limite de "sempre atrasa" deve ser maior que o de "paga em dia"' });
    if (RISK_FACTOR_KEYS.every((k) => w.factors[k] === 0)) ctx.addIssue({ code: 'custom', path: ['factors'], message: 'Dê peso a pelo menos um fator' });
  });

const classPolicy = z.object({
  maxLimitCents: cents.min(0, 'Limite máximo não pode ser negativo'),
  maxTermDays: z.number({ error: 'Prazo máximo inválido' }).int('Prazo máximo: dias inteiros').min(0, 'Prazo máximo não pode ser negativo').max(365, 'Prazo máximo: no máximo 365 dias'),
  guarantees: z.string().trim().max(200, 'Garantias: no máximo 200 caracteres'),
  blockAfterDaysOverdue: z.number({ error: 'Dias para bloqueio inválido' }).int('Dias para bloqueio: use um número inteiro').min(0, 'Dias para bloqueio não pode ser negativo').max(3650, 'Dias para bloqueio: no máximo 3650'),
  cashOnly: z.boolean(),
});

export const creditPolicy = z.object({ A: classPolicy, B: classPolicy, C: classPolicy, D: classPolicy, E: classPolicy });

const negativacaoKind = z.enum(['negativacao', 'protesto', 'agencia'], { error: 'Tipo inválido (negativação, protesto ou agência)' });
const negativacaoStatus = z.enum(['to_send', 'sent', 'inscribed', 'removal_requested', 'removed'], {
  error: 'Situação inválida (a enviar, enviado, inscrito, baixa solicitada ou baixado)',
});

const reference = z.object({
  company: requiredText(120, 'o nome da empresa da referência'),
  paysOnTime: z.boolean({ error: 'Informe se a referência diz que paga em dia' }),
  highestCreditCents: cents.min(0, 'Maior crédito não pode ser negativo'),
});

export const creditSchemas = {
  'credit.overview': z.object({}),
  'credit.recompute': z.object({}),
  'credit.customer': z.object({ customerId: id }),
  'credit.scoreCustomer': z.object({ customerId: id }),
  'credit.setBureauScore': z.object({
    customerId: id,
    score: scoreValue('Score de bureau'),
    bureau: requiredText(60, 'o nome do bureau (ex.: Serasa, Boa Vista)'),
    consultedOn: isoDate,
  }),
  'credit.previewWeights': z.object({ weights: riskWeights }),
  'credit.saveWeights': z.object({ weights: riskWeights }),
  'credit.backtest': z.object({
    asOf: isoDate.optional(),
    horizonMonths: z.number().int().min(1, 'Horizonte: pelo menos 1 mês').max(24, 'Horizonte: no máximo 24 meses').default(6),
    badDays: z.number().int().min(1, 'Dias de atraso: pelo menos 1').max(365, 'Dias de atraso: no máximo 365').default(90),
    weights: riskWeights.optional(),
  }),
  'credit.policy': z.object({}),
  'credit.savePolicy': z.object({ policy: creditPolicy }),
  'credit.reviewList': z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
  'credit.blockedList': z.object({}),
  'credit.blockedCsv': z.object({}),
  'credit.blockedPdf': z.object({}),
  'creditAnalysis.create': z.object({
    customerId: id,
    requestedLimitCents: cents.min(0, 'Limite pedido não pode ser negativo'),
    bureauScore: scoreValue('Score de bureau').nullish().transform((v) => v ?? null),
    checklist: z.object(Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, z.boolean().default(false)])) as Record<ChecklistItem, z.ZodDefault<z.ZodBoolean>>),
    references: z.array(reference).max(10, 'No máximo 10 referências').default([]),
  }),
  'creditAnalysis.decide': z.object({
    id,
    approve: z.boolean(),
    limitCents: cents.min(0, 'Limite não pode ser negativo'),
    note: optionalText(1000),
    expectedUpdatedAt: z.string().min(1, 'Versão da análise ausente'),
  }),
  'creditAnalysis.secondApproval': z.object({
    id,
    approve: z.boolean(),
    expectedUpdatedAt: z.string().min(1, 'Versão da análise ausente'),
    /** The committee member's login and password, unless a supervisor or admin other than the decider is logged in. */
    approval: approvalCredentials.nullish().transform((v) => v ?? null),
  }),
  'creditAnalysis.list': z.object({
    customerId: id.optional(),
    status: z.enum(['pending', 'awaiting_second_approval', 'approved', 'rejected']).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'negativacao.candidates': z.object({
    kind: negativacaoKind.default('negativacao'),
    minDaysOverdue: z.number().int().min(1, 'Dias mínimos de atraso: pelo menos 1').max(1825, 'Dias mínimos de atraso: no máximo 1825').default(DEFAULT_MIN_DAYS_OVERDUE),
    limit: z.number().int().min(1).max(2000).default(500),
  }),
  'negativacao.create': z.object({
    kind: negativacaoKind.default('negativacao'),
    invoiceIds: z.array(id).min(1, 'Escolha pelo menos um título').max(500, 'No máximo 500 títulos por vez'),
    minDaysOverdue: z.number().int().min(1).max(1825).default(DEFAULT_MIN_DAYS_OVERDUE),
  }),
  'negativacao.update': z.object({
    id,
    status: negativacaoStatus,
    on: isoDate,
    protocol: optionalText(60),
    expectedUpdatedAt: z.string().min(1, 'Versão do registro ausente'),
  }),
  'negativacao.list': z.object({ status: negativacaoStatus.optional(), kind: negativacaoKind.optional(), limit: z.number().int().min(1).max(2000).default(500) }),
  'negativacao.alerts': z.object({}),
  'negativacao.exportCsv': z.object({ kind: negativacaoKind.default('negativacao') }),
  'negativacao.letterPdf': z.object({ id }),
} satisfies Record<string, z.ZodType>;
