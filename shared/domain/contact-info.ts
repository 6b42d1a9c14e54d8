// E-mail and Brazilian phone numbers. Phones are stored as E.164 digits without "+": 55 + DDD + number.

export type EmailValidation = { ok: true; value: string } | { ok: false; message: string };
export type PhoneValidation = { ok: true; value: string; ddd: string } | { ok: false; message: string };

const EMAIL_LOCAL_RE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Trims and lower-cases (dedupe-friendly); practical RFC 5321 shape check, no quoted local parts. */
export function validateEmail(s: string): EmailValidation {
  const v = s.trim().toLowerCase();
  if (v === '') return { ok: false, message: 'E-mail não informado' };
  if (/\s/.test(v)) return { ok: false, message: 'E-mail não pode conter espaços' };
  const at = v.lastIndexOf('@');
  if (at < 0) return { ok: false, message: 'E-mail sem @' };
  if (v.indexOf('@') !== at) return { ok: false, message: 'E-mail com mais de um @' };
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (local === '') return { ok: false, message: 'E-mail sem o nome antes do @' };
  if (local.length > 64 || !EMAIL_LOCAL_RE.test(local)) {
    return { ok: false, message: 'E-mail com caracteres inválidos antes do @' };
  }
  if (domain === '') return { ok: false, message: 'E-mail sem domínio depois do @' };
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL_RE.test(l)) || !/^[a-z]{2,}$/.test(tld)) {
    return { ok: false, message: `E-mail com domínio inválido: "${domain}"` };
  }
  if (v.length > 254) return { ok: false, message: 'E-mail longo demais' };
  return { ok: true, value: v };
}

/** Boolean shortcut for validateEmail (e.g. a zod refine). */
export function isValidEmail(s: string): boolean {
  return validateEmail(s).ok;
}

/** DDDs in use (Anatel). */
export const VALID_DDDS: readonly string[] = [
  ...range(11, 19), 21, 22, 24, 27, 28, ...range(31, 35), 37, 38, ...range(41, 49), 51, 53, 54, 55,
  ...range(61, 69), 71, ...range(73, 75), 77, 79, ...range(81, 89), ...range(91, 99),
].map(String);

const DDD_SET: ReadonlySet<string> = new Set(VALID_DDDS);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function isValidDdd(ddd: string): boolean {
  return DDD_SET.has(ddd);
}

/** Strips +55, a trunk 0 and a carrier code (0 XX DDD …), leaving the national number; or an error message. */
function toNational(raw: string): { national: string } | { message: string } {
  const plus = raw.startsWith('+');
  let d = raw.replace(/\D/g, '');
  if (plus) {
    if (!d.startsWith('55')) return { message: 'Somente telefones do Brasil (+55)' };
    return { national: d.slice(2) };
  }
  if (/^0[3589]00/.test(d)) return { message: 'Números 0800/0300/0500/0900 não são aceitos' };
  if (d.startsWith('00')) {
    // International dialling prefix from Brazil: 00 + carrier + country.
    return d.slice(4, 6) === '55' ? { national: d.slice(6) } : { message: 'Somente telefones do Brasil (+55)' };
  }
  if (d.startsWith('0')) {
    d = d.slice(1);
    // 0 + carrier code (2 digits) + DDD + number
    if (d.length === 12 || d.length === 13) d = d.slice(2);
    return { national: d };
  }
  // 55 is also a DDD (RS), so only strip the country code when the length says it is there.
  if (d.startsWith('55') && (d.length === 12 || d.length === 13)) d = d.slice(2);
  return { national: d };
}

/**
 * Normalises a Brazilian phone typed in any common way ("(11) 98765-4321", "+55 11 98765 4321",
 * "011 3456-7890", "0 21 11 98765-4321") to E.164 digits "5511987654321".
 */
export function normalizePhone(s: string): PhoneValidation {
  // "(0xx11) 3456-7890" is an old way to write the trunk prefix + DDD.
  const raw = s.trim().replace(/^\(?0\s*x\s*x/i, (m) => m.replace(/\s*x\s*x/i, ''));
  if (raw === '') return { ok: false, message: 'Telefone não informado' };
  if (/[^\d\s()+.\-]/.test(raw)) return { ok: false, message: 'Telefone contém caracteres inválidos' };
  if (raw.lastIndexOf('+') > 0) return { ok: false, message: 'Telefone contém caracteres inválidos' };
  const n = toNational(raw);
  if ('message' in n) return { ok: false, message: n.message };
  const d = n.national;
  if (d.length === 8 || d.length === 9) return { ok: false, message: 'Telefone sem DDD' };
  if (d.length !== 10 && d.length !== 11) {
    return { ok: false, message: 'Telefone deve ter DDD + 8 dígitos (fixo) ou DDD + 9 dígitos (celular)' };
  }
  const ddd = d.slice(0, 2);
  if (!DDD_SET.has(ddd)) return { ok: false, message: `DDD ${ddd} não existe` };
  const first = d.charAt(2);
  if (d.length === 11 && first !== '9') return { ok: false, message: 'Celular deve começar com 9 depois do DDD' };
  if (d.length === 10 && !'2345'.includes(first)) {
    // Fixed lines start with 2–5; 6–9 with 8 digits is a mobile missing the ninth digit.
    return '6789'.includes(first)
      ? { ok: false, message: 'Celular sem o nono dígito: acrescente 9 depois do DDD' }
      : { ok: false, message: 'Telefone fixo deve começar com 2, 3, 4 ou 5 depois do DDD' };
  }
  return { ok: true, value: `55${d}`, ddd };
}

/** "5511987654321" → "(11) 98765-4321", "551134567890" → "(11) 3456-7890"; unknown shapes unchanged. */
export function formatPhone(value: string): string {
  let d = value.replace(/\D/g, '');
  if (d.startsWith('55') && (d.length === 12 || d.length === 13)) d = d.slice(2);
  if (d.length === 11) return `(${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}`;
  if (d.length === 10) return `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`;
  return value;
}

/** Click-to-chat link opened by the clerk (never automated sending). */
export function waMeLink(e164: string, text: string): string {
  const digits = e164.replace(/\D/g, '');
  const base = `https://wa.me/${digits}`;
  return text === '' ? base : `${base}?text=${encodeURIComponent(text)}`;
}
