/** Params of the company settings methods (see settings.contract.ts). */
import { z } from 'zod';
import { validateDocument } from '../domain/documents';
import { validatePixKey } from '../domain/pix';
import { address, email, optionalText, phone, requiredText } from './schema-kit';

/** The logo is stored in the database and embedded in every PDF: keep it small. */
export const LOGO_MAX_BYTES = 512 * 1024;
/** Default multa applies to PF consumers too, where more than 2% is illegal (CDC art. 52 §1º). */
export const DEFAULT_FINE_MAX_BP = 200;
export const DEFAULT_INTEREST_MAX_BP = 1000;

const MAGIC = { 'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/jpeg': [0xff, 0xd8, 0xff] } as const;

function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** The first bytes of a base64 payload (atob exists in browsers and Node). */
function leadingBytes(base64: string, count: number): number[] {
  const head = atob(base64.slice(0, Math.ceil(count / 3) * 4));
  return Array.from(head.slice(0, count), (c) => c.charCodeAt(0));
}

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const logo = z
  .object({
    mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'Logotipo: use uma imagem PNG ou JPEG' }),
    base64: z.string({ error: 'Logotipo: conteúdo ausente' }).min(8, 'Logotipo: arquivo vazio').regex(BASE64_RE, 'Logotipo: conteúdo inválido (base64)'),
  })
  .superRefine((v, ctx) => {
    // zod runs this refinement even when a field failed above: only look inside a well-formed payload.
    if (!BASE64_RE.test(v.base64) || v.base64.length < 8) return;
    if (decodedLength(v.base64) > LOGO_MAX_BYTES) {
      ctx.addIssue({ code: 'custom', path: ['base64'], message: 'Logotipo maior que 512 KB: reduza a imagem' });
      return;
    }
    const magic = MAGIC[v.mimeType];
    const head = leadingBytes(v.base64, magic.length);
    if (!magic.every((byte, i) => head[i] === byte)) {
      ctx.addIssue({ code: 'custom', path: ['base64'], message: `Logotipo: o arquivo não é ${v.mimeType === 'image/png' ? 'PNG' : 'JPEG'} de verdade` });
    }
  })
  .nullable()
  .default(null);

/** The creditor's city goes on the Pix code and every document, so it is required. */
const companyAddress = address.extend({
  city: requiredText(100, 'a cidade da empresa (vai no Pix e nos documentos)'),
});

const cnpj = z.string({ error: 'Informe o CNPJ da empresa' }).transform((v, ctx) => {
  const r = validateDocument(v);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  else if (r.type !== 'CNPJ') ctx.addIssue({ code: 'custom', message: 'A empresa credora deve ter CNPJ' });
  return r.ok ? r.value : v;
});

const pixKey = z
  .string()
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const r = validatePixKey(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });

export const settingsSchemas = {
  'settings.getCompany': z.object({}),
  'settings.updateCompany': z.object({
    legalName: requiredText(200, 'a razão social da empresa'),
    tradeName: optionalText(200),
    cnpj,
    address: companyAddress,
    phone,
    email,
    pixKey,
    logo,
    defaultFineBp: z
      .number({ error: 'Multa padrão inválida' })
      .int('Multa padrão: use no máximo duas casas decimais')
      .min(0, 'Multa padrão não pode ser negativa')
      .max(DEFAULT_FINE_MAX_BP, 'Multa padrão de no máximo 2%: vale também para consumidor pessoa física (CDC art. 52 §1º)'),
    defaultMonthlyInterestBp: z
      .number({ error: 'Juros padrão inválidos' })
      .int('Juros padrão: use no máximo duas casas decimais')
      .min(0, 'Juros padrão não podem ser negativos')
      .max(DEFAULT_INTEREST_MAX_BP, 'Juros padrão de no máximo 10% ao mês'),
  }),
} satisfies Record<string, z.ZodType>;
