/** Params of the régua de cobrança, the clerk's queue and the outbox (see dunning.contract.ts). */
import { z } from 'zod';
import { isLocalRelayHost } from '../domain/smtp-security';
import { isUf } from '../domain/uf';
import { cents, id, isoDate, limit, offset, optionalText, requiredText } from './schema-kit';

export const stepChannel = z.enum(['email', 'whatsapp', 'sms', 'phone', 'letter', 'internal'], { error: 'Canal inválido' });
export const taskOutcome = z.enum(['reached', 'not_reached', 'promise', 'done', 'not_needed'], { error: 'Resultado inválido' });
export const delayReason = z.enum(['financial_difficulty', 'forgot', 'delivery_problem', 'strategic'], { error: 'Motivo do atraso inválido' });
export const outboxStatus = z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled'], { error: 'Situação inválida' });

const positiveInt = (what: string, max: number) =>
  z.number({ error: `Informe ${what}` }).int(`${what}: use um número inteiro`).min(1, `${what}: no mínimo 1`).max(max, `${what}: no máximo ${max}`);

/** The server's certificate is always verified; 'none' (no encryption) only for a relay on the local network. */
const smtpSettings = z
  .object({
    host: requiredText(200, 'o servidor SMTP'),
    port: z.number({ error: 'Porta SMTP inválida' }).int('Porta SMTP inválida').min(1, 'Porta SMTP inválida').max(65535, 'Porta SMTP inválida'),
    security: z.enum(['tls', 'starttls', 'none'], { error: 'Segurança SMTP inválida (SSL/TLS, STARTTLS ou nenhuma)' }),
    user: optionalText(200),
    fromEmail: z.string().trim().email('E-mail do remetente inválido'),
    fromName: requiredText(120, 'o nome do remetente'),
  })
  .superRefine((v, ctx) => {
    if (v.security !== 'none') return;
    if (!isLocalRelayHost(v.host)) {
      ctx.addIssue({ code: 'custom', path: ['host'], message: `Sem criptografia só é permitido um servidor local ou da rede interna, indicado pelo endereço IP (ex.: 192.168.0.10) ou localhost; para ${v.host} escolha SSL/TLS ou STARTTLS` });
    }
    if (v.user !== null) {
      ctx.addIssue({ code: 'custom', path: ['user'], message: 'Sem criptografia a senha passaria em texto aberto: deixe o usuário vazio ou escolha SSL/TLS ou STARTTLS' });
    }
  });

const WEEKDAY_NAMES = ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'] as const;
const contactWindow = z.object({
  startMinute: z.number({ error: 'Horário de contato: informe o início' }).int().min(0, 'Horário de contato inválido').max(1439, 'Horário de contato inválido'),
  endMinute: z.number({ error: 'Horário de contato: informe o fim' }).int().min(1, 'Horário de contato inválido').max(1440, 'Horário de contato inválido'),
});
/** Per-UF contact hours: each UF once, 7 days, each open day ending after it starts. */
const contactHoursSettings = z
  .array(
    z.object({
      uf: z.string().trim().toUpperCase().refine(isUf, 'Horário de contato: UF inválida'),
      byWeekday: z.array(contactWindow.nullable()).length(7, 'Horário de contato: informe os 7 dias da semana'),
    }),
  )
  .max(27, 'Horário de contato: no máximo uma regra por UF')
  .default([])
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.uf)) ctx.addIssue({ code: 'custom', path: [i, 'uf'], message: `Horário de contato: a UF ${row.uf} aparece mais de uma vez` });
      seen.add(row.uf);
      row.byWeekday.forEach((w, day) => {
        if (w && w.endMinute <= w.startMinute) {
          ctx.addIssue({ code: 'custom', path: [i, 'byWeekday', day], message: `Horário de contato de ${row.uf}, ${WEEKDAY_NAMES[day]}: o fim deve ser depois do início` });
        }
      });
    });
  });

const gatewaySettings = z.object({
  url: z
    .string()
    .trim()
    .url('Endereço do gateway inválido')
    .refine((u) => /^https?:\/\//.test(u), 'O gateway deve usar http:// ou https://'),
  authHeaderName: optionalText(100),
  /** JSON body with {{to}}, {{text}} and {{channel}}; values are JSON-escaped when filled in. */
  bodyTemplate: requiredText(4000, 'o modelo do corpo da requisição'),
});

/** `days` up to `asOf` (included; absent = today), so the dashboard shows the window ending at its own reference date. */
const effectivenessPeriod = z.object({
  days: z.number().int().min(7, 'Período: no mínimo 7 dias').max(365, 'Período: no máximo 365 dias').default(90),
  asOf: isoDate.optional(),
});

export const dunningSchemas = {
  'dunning.ladders.list': z.object({}),
  'dunning.steps.save': z.object({
    id: id.optional(),
    ladderId: id,
    name: requiredText(120, 'o nome da etapa'),
    offsetDays: z.number({ error: 'Informe o dia da etapa' }).int('Dia da etapa: use um número inteiro').min(-60, 'Dia da etapa: no mínimo D-60').max(365, 'Dia da etapa: no máximo D+365'),
    dayKind: z.enum(['calendar', 'business'], { error: 'Tipo de dia inválido (corridos ou úteis)' }),
    channel: stepChannel,
    templateId: id.nullable(),
    automatic: z.boolean(),
    minAmountCents: cents.min(0, 'Valor mínimo não pode ser negativo').default(0),
    segment: optionalText(100),
    payerCondition: z.enum(['late_payers', 'not_good_payers'], { error: 'Condição de pagador inválida (quem costuma atrasar ou exceto bons pagadores)' }).nullable().default(null),
    riskClassFrom: z.enum(['A', 'B', 'C', 'D', 'E'], { error: 'Classe de risco inválida (A a E)' }).nullable().default(null),
    active: z.boolean().default(true),
  }),
  'dunning.templates.save': z.object({
    id,
    subject: z.string().trim().max(200, 'Assunto: no máximo 200 caracteres'),
    body: requiredText(8000, 'o texto da mensagem'),
  }),
  'dunning.preview': z.object({ templateId: id, customerId: id }),
  'dunning.assign': z.object({ customerId: id, ladderId: id.nullable() }),
  'dunning.pause': z.object({
    customerId: id,
    invoiceId: id.nullish().transform((v) => v ?? null),
    reason: z.string().trim().min(3, 'Descreva o motivo da pausa (mínimo 3 caracteres)').max(300, 'Motivo: no máximo 300 caracteres'),
    untilDate: isoDate.nullish().transform((v) => v ?? null),
  }),
  'dunning.resume': z.object({ customerId: id }),
  'dunning.pauses.list': z.object({ customerId: id.optional() }),
  'dunning.runNow': z.object({}),
  'dunning.effectiveness': effectivenessPeriod,
  'dunning.effectivenessCsv': effectivenessPeriod,
  'dunning.settings.get': z.object({}),
  'dunning.settings.save': z.object({
    clerkName: requiredText(120, 'o nome de quem assina as mensagens'),
    maxContactsPerDay: positiveInt('Contatos por dia', 5),
    maxContactsPerWeek: positiveInt('Contatos por semana', 20),
    maxCatchUpDays: positiveInt('Dias de recuperação', 30),
    smtp: smtpSettings.nullable(),
    /** Written only when given; never read back. */
    smtpPassword: z.string().max(500).optional(),
    gateway: gatewaySettings.nullable(),
    gatewayAuthValue: z.string().max(1000).optional(),
    contactHours: contactHoursSettings,
  }),
  'queue.list': z.object({ offset, limit: limit(500, 100) }),
  'queue.complete': z
    .object({
      id,
      outcome: taskOutcome,
      delayReason: delayReason.nullish().transform((v) => v ?? null),
      promiseDate: isoDate.nullish().transform((v) => v ?? null),
      promiseCents: cents.positive('Valor prometido deve ser maior que zero').nullish().transform((v) => v ?? null),
      note: optionalText(2000),
    })
    .superRefine((v, ctx) => {
      if (v.outcome === 'promise' && v.promiseDate === null) ctx.addIssue({ code: 'custom', path: ['promiseDate'], message: 'Informe a data prometida' });
    }),
  'queue.snooze': z.object({ id, untilDate: isoDate }),
  'queue.lettersPdf': z.object({}),
  'outbox.list': z.object({ status: outboxStatus.optional(), offset, limit: limit(500, 100) }),
  'outbox.retry': z.object({ id }),
} satisfies Record<string, z.ZodType>;
