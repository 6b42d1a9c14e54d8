/**
 * zod schemas of every method's params. The router validates with these before any handler runs; the
 * messages are the clerk's (pt-BR) and name the field. Each feature keeps its methods in its own
 * `<feature>.schemas.ts` and is spread into `schemas` below.
 */
import { z } from 'zod';
import { validateDocument } from '../domain/documents';
import { auditSchemas } from './audit.schemas';
import { backupSchemas } from './backup.schemas';
import { bankReturnsSchemas } from './bank-returns.schemas';
import { creditSchemas } from './credit.schemas';
import { dashboardSchemas } from './dashboard.schemas';
import { negotiationSchemas } from './negotiation.schemas';
import { dunningSchemas } from './dunning.schemas';
import { importsSchemas } from './imports.schemas';
import { reportsSchemas } from './reports.schemas';
import { settingsSchemas } from './settings.schemas';
import { usersSchemas } from './users.schemas';
import {
  address,
  id,
  isoDate,
  cents,
  positiveCents,
  optionalText,
  requiredText,
  offset,
  limit,
  customerKind,
  customerStatus,
  paymentMethod,
  contactChannel,
  agingBucket,
  email,
  phone,
} from './schema-kit';

export { customerKind, customerStatus, paymentMethod, contactChannel } from './schema-kit';

export const customerQuery = z.object({
  search: z.string().trim().max(100).optional(),
  segment: z.string().max(100).optional(),
  uf: z.string().trim().toUpperCase().max(2).optional(),
  status: customerStatus.optional(),
  salesRep: z.string().max(100).optional(),
  overdueBucket: agingBucket.optional(),
  onlyOverdue: z.boolean().optional(),
  sort: z
    .object({
      field: z.enum(['legalName', 'city', 'openCents', 'overdueCents', 'oldestOverdueDays']),
      dir: z.enum(['asc', 'desc']),
    })
    .default({ field: 'overdueCents', dir: 'desc' }),
});


const customerFields = z.object({
  legalName: requiredText(200, 'a razão social ou o nome'),
  tradeName: optionalText(200),
  document: z.string({ error: 'Informe o CNPJ ou CPF' }),
  kind: customerKind,
  segment: optionalText(100),
  salesRep: optionalText(100),
  address: address.default({ street: null, streetNumber: null, complement: null, district: null, city: null, uf: null, postalCode: null }),
  creditLimitCents: cents.min(0, 'O limite de crédito não pode ser negativo').default(0),
  paymentTermsDays: z.number().int().min(0).max(365, 'Prazo de no máximo 365 dias').nullish().transform((v) => v ?? null),
  status: customerStatus.default('active'),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  notes: optionalText(4000),
});

/** The document must parse and fit the kind: PF has a CPF, companies and sole traders a CNPJ. */
function checkDocument<T extends { document: string; kind: string }>(v: T, ctx: z.RefinementCtx): T {
  const r = validateDocument(v.document);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', path: ['document'], message: r.message });
    return v;
  }
  if (v.kind === 'PF' && r.type !== 'CPF') ctx.addIssue({ code: 'custom', path: ['document'], message: 'Pessoa física deve ter CPF' });
  if (v.kind !== 'PF' && r.type !== 'CNPJ') ctx.addIssue({ code: 'custom', path: ['document'], message: 'Empresa deve ter CNPJ' });
  return { ...v, document: r.value };
}

const customerInput = customerFields.transform(checkDocument);

const contactFields = z.object({
  name: requiredText(120, 'o nome do contato'),
  role: optionalText(80),
  phone,
  whatsapp: phone,
  email,
  preferredChannel: contactChannel.default('email'),
});

const invoiceFields = z.object({
  documentNumber: requiredText(40, 'o número do documento'),
  dueDate: isoDate,
  amountCents: positiveCents,
  paymentMethod,
  boletoLine: optionalText(60),
  nossoNumero: optionalText(30),
});

export const coreSchemas = {
  'app.info': z.object({}),
  'demo.load': z.object({
    customers: z.number().int().min(1).max(100_000).default(400),
    invoices: z.number().int().min(1).max(2_000_000).default(8_000),
    seed: z.number().int().default(42),
  }),
  'customers.list': customerQuery.extend({ offset, limit: limit(500, 50) }),
  'customers.get': z.object({ id }),
  'customers.create': customerInput,
  'customers.update': customerFields
    .extend({ id, expectedUpdatedAt: z.string().min(1) })
    .transform(checkDocument),
  'customers.filterOptions': z.object({}),
  'customers.exportCsv': customerQuery,
  'contacts.create': contactFields.extend({ customerId: id }),
  'contacts.update': contactFields.extend({
    id,
    isValid: z.boolean().default(true),
    optedOut: z.boolean().default(false),
    expectedUpdatedAt: z.string().min(1),
  }),
  'invoices.list': z.object({
    customerId: id,
    scope: z.enum(['open', 'all']).default('open'),
    offset,
    limit: limit(500, 100),
  }),
  'invoices.create': invoiceFields.extend({
    customerId: id,
    externalId: optionalText(60),
    issueDate: isoDate,
  }),
  'invoices.update': invoiceFields.extend({ id, expectedUpdatedAt: z.string().min(1) }),
  'invoices.writeOff': z.object({
    id,
    reason: z.string().trim().min(5, 'Descreva o motivo da baixa (mínimo 5 caracteres)').max(500),
  }),
  'payments.register': z.object({
    invoiceId: id,
    amountCents: positiveCents,
    paidOn: isoDate,
    method: paymentMethod,
    reference: optionalText(100),
  }),
  'payments.list': z.object({ invoiceId: id }),
  'activity.list': z.object({ customerId: id, offset, limit: limit(200, 50) }),
} satisfies Record<string, z.ZodType>;

export const schemas = {
  ...coreSchemas,
  ...bankReturnsSchemas,
  ...creditSchemas,
  ...dunningSchemas,
  ...dashboardSchemas,
  ...negotiationSchemas,
  ...importsSchemas,
  ...settingsSchemas,
  ...reportsSchemas,
  ...auditSchemas,
  ...backupSchemas,
  ...usersSchemas,
} satisfies Record<string, z.ZodType>;

export type SchemaMap = typeof schemas;
export type Params<M extends keyof SchemaMap> = z.input<SchemaMap[M]>;
export type ParsedParams<M extends keyof SchemaMap> = z.output<SchemaMap[M]>;
