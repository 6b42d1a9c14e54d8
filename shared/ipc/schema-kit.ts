/**
 * Building blocks of the IPC param schemas, shared by every feature's schema file: the clerk's pt-BR
 * messages and the money/date/document rules live here once.
 */
import { z } from 'zod';
import { AGING_BUCKET_KEYS } from '../domain/aging';
import { isValidEmail, normalizePhone } from '../domain/contact-info';
import { isIsoDate } from '../domain/dates';
import { isUf } from '../domain/uf';

z.config(z.locales.pt());

export const id = z.number({ error: 'Identificador inválido' }).int('Identificador inválido').positive('Identificador inválido');
export const isoDate = z.string().refine(isIsoDate, 'Data inválida (use dd/mm/aaaa)');
export const cents = z.number({ error: 'Valor inválido' }).int('Valor em centavos deve ser inteiro').max(Number.MAX_SAFE_INTEGER);
export const positiveCents = cents.positive('O valor deve ser maior que zero');
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `No máximo ${max} caracteres`)
    .nullish()
    .transform((v) => (v ? v : null));
export const requiredText = (max: number, what: string) =>
  z.string({ error: `Informe ${what}` }).trim().min(1, `Informe ${what}`).max(max, `No máximo ${max} caracteres`);
export const offset = z.number().int().min(0).default(0);
export const limit = (max: number, dflt: number) => z.number().int().min(1).max(max).default(dflt);

export const customerKind = z.enum(['PJ', 'EMPRESARIO_INDIVIDUAL', 'PF'], { error: 'Tipo de cliente inválido' });
export const customerStatus = z.enum(['active', 'blocked', 'inactive'], { error: 'Situação inválida' });
export const paymentMethod = z.enum(['boleto', 'pix', 'cartao', 'cheque', 'dinheiro', 'transferencia'], {
  error: 'Forma de pagamento inválida',
});
export const contactChannel = z.enum(['email', 'whatsapp', 'sms', 'phone', 'letter'], { error: 'Canal inválido' });
export const agingBucket = z.enum(AGING_BUCKET_KEYS);

export const uf = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isUf, 'UF inválida')
  .nullish()
  .transform((v) => v ?? null);

export const email = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isValidEmail(v), 'E-mail inválido');

export const phone = z
  .string()
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const r = normalizePhone(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });

/** A Brazilian postal address; every part optional, the CEP kept as its 8 digits. */
export const address = z.object({
  street: optionalText(200),
  streetNumber: optionalText(20),
  complement: optionalText(100),
  district: optionalText(100),
  city: optionalText(100),
  uf,
  postalCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v.replace(/\D/g, '') : null))
    .refine((v) => v === null || v.length === 8, 'CEP deve ter 8 dígitos'),
});
