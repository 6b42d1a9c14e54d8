/** Params of the report methods (see reports.contract.ts). */
import { z } from 'zod';
import { diffDays, isIsoDate } from '../domain/dates';
import { id, isoDate } from './schema-kit';

const format = z.enum(['pdf', 'csv'], { error: 'Formato inválido: use PDF ou CSV' });
const optionalFilter = (label: string) =>
  z
    .string()
    .trim()
    .max(100, `${label}: no máximo 100 caracteres`)
    .nullish()
    .transform((v) => (v ? v : null));

/** The longest period the activity report covers in one file. */
export const ACTIVITY_MAX_DAYS = 366;

export const reportsSchemas = {
  'reports.aging': z.object({
    format,
    segment: optionalFilter('Segmento'),
    uf: optionalFilter('UF').transform((v) => (v ? v.toUpperCase() : null)),
    salesRep: optionalFilter('Vendedor'),
  }),
  'reports.statement': z.object({
    customerId: id,
    /** Values are updated to this date (default: today). */
    asOf: isoDate.optional(),
  }),
  'reports.activity': z.object({ format, from: isoDate, to: isoDate }).superRefine((v, ctx) => {
    // zod runs this even when a date failed above: compare only two valid dates.
    if (!isIsoDate(v.from) || !isIsoDate(v.to)) return;
    const days = diffDays(v.to, v.from);
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A data final deve ser igual ou posterior à inicial' });
    else if (days >= ACTIVITY_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Período de no máximo ${ACTIVITY_MAX_DAYS} dias` });
  }),
} satisfies Record<string, z.ZodType>;
