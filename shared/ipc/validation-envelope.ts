import type { z } from 'zod';
import type { Envelope, FieldError } from './envelope';

/** A zod failure as the clerk reads it: every field listed, the first one named in the message. */
export function validationFailure(error: z.ZodError): Envelope<never> {
  const fields: FieldError[] = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = fields[0];
  const message = first
    ? fields.length === 1
      ? `Dados inválidos em ${first.path || 'parâmetros'}: ${first.message}`
      : `Dados inválidos em ${fields.length} campos; o primeiro é ${first.path || 'parâmetros'}: ${first.message}`
    : 'Dados inválidos';
  return { ok: false, error: { code: 'VALIDATION', message, details: { fields } } };
}
