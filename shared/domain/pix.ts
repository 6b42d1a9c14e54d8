// Static Pix BR Code ("Pix copia e cola"), EMV TLV per the BCB manual (DOMAIN.md "Payment means"):
// 00 01 · 26{00 br.gov.bcb.pix, 01 key, 02 info} · 52 0000 · 53 986 · 54 amount · 58 BR · 59 name · 60 city ·
// 62{05 txid} · 63 CRC-16/CCITT-FALSE over everything before it, including "6304".
// Written here rather than wrapping a library so every refusal says what is wrong, in pt-BR; the tests
// cross-check the output against @brazilian-utils/brazilian-utils and an independent CRC.
import { centsToDecimalString, type Cents } from './money';
import { validateEmail } from './contact-info';
import { validateDocument } from './documents';

export type PixKeyType = 'CPF' | 'CNPJ' | 'EMAIL' | 'PHONE' | 'EVP';

export type PixKeyValidation = { ok: true; type: PixKeyType; value: string } | { ok: false; message: string };

/** A refusal to build or parse a code; `message` is the clerk's, in pt-BR. */
export class PixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PixError';
  }
}

const GUI = 'br.gov.bcb.pix';
const KEY_MAX = 77;
const NAME_MAX = 25;
const CITY_MAX = 15;
const TXID_RE = /^[A-Za-z0-9]{1,25}$/;
/** The "no txid" marker of a static code. */
const NO_TXID = '***';
const EVP_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// A mobile number: +55, a two-digit DDD (no leading 0) and 9 + 8 digits.
const PHONE_KEY_RE = /^\+55[1-9]\d9\d{8}$/;

/**
 * Recognises a Pix key and returns it in the DICT's canonical form: CPF 11 digits, CNPJ 14 upper-case
 * characters (alphanumeric allowed), e-mail lower-case, phone `+55DDD9XXXXXXXX`, random key (EVP) a
 * lower-case UUID. A phone must be written with +55: eleven bare digits are read as a CPF.
 */
export function validatePixKey(input: string): PixKeyValidation {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'Chave Pix não informada' };
  if (raw.includes('@')) {
    const email = validateEmail(raw);
    if (!email.ok) return { ok: false, message: `Chave Pix (e-mail) inválida: ${email.message}` };
    if (email.value.length > KEY_MAX) return { ok: false, message: `Chave Pix (e-mail) com mais de ${KEY_MAX} caracteres` };
    return { ok: true, type: 'EMAIL', value: email.value };
  }
  if (raw.startsWith('+')) {
    const phone = `+${raw.replace(/[\s().-]/g, '').slice(1)}`;
    if (!/^\+\d+$/.test(phone)) return { ok: false, message: 'Chave Pix (telefone) deve conter apenas dígitos após o +' };
    if (!phone.startsWith('+55')) return { ok: false, message: 'Chave Pix (telefone) deve ser um celular do Brasil (+55)' };
    if (!PHONE_KEY_RE.test(phone)) {
      return { ok: false, message: 'Chave Pix (telefone) deve ser +55, DDD e celular de 9 dígitos, ex.: +55 11 98765-4321' };
    }
    return { ok: true, type: 'PHONE', value: phone };
  }
  const lower = raw.toLowerCase();
  if (/^[0-9a-f-]{36}$/.test(lower) && lower.includes('-')) {
    return EVP_RE.test(lower)
      ? { ok: true, type: 'EVP', value: lower }
      : { ok: false, message: 'Chave Pix aleatória inválida: use o formato xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' };
  }
  const doc = validateDocument(raw);
  if (doc.ok) return { ok: true, type: doc.type, value: doc.value };
  return {
    ok: false,
    message: `Chave Pix inválida: informe CPF, CNPJ, e-mail, celular com +55 ou chave aleatória (${doc.message})`,
  };
}

/** Folds to printable ASCII (accents dropped), collapses spaces and cuts to `max` characters. */
export function toPixAscii(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/\s/g, ' ')
    .replace(/[^\u0020-\u007E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) as 4 upper-case hex digits. */
export function crc16CcittFalse(payload: string): string {
  let crc = 0xffff;
  for (let i = 0; i < payload.length; i++) {
    crc ^= (payload.charCodeAt(i) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tlv(id: string, value: string): string {
  if (value.length > 99) throw new PixError(`Campo ${id} do código Pix passa de 99 caracteres`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

export interface PixCodeInput {
  /** The receiver's key, in any accepted form (validated and normalised). */
  key: string;
  /** Receiver's name: folded to ASCII and cut to 25 characters. */
  merchantName: string;
  /** Receiver's city: folded to ASCII and cut to 15 characters. */
  merchantCity: string;
  /** Amount in centavos (> 0); omit to let the payer type it. */
  amountCents?: Cents;
  /** 1–25 characters [A-Za-z0-9] identifying what is paid (see pixTxid); omit for "***". */
  txid?: string;
  /** Free text shown to the payer; folded to ASCII and cut to what the field holds. */
  description?: string;
}

/** Builds the "copia e cola" string; throws PixError with a pt-BR message on bad input. */
export function buildPixCode(input: PixCodeInput): string {
  const key = validatePixKey(input.key);
  if (!key.ok) throw new PixError(key.message);
  const name = toPixAscii(input.merchantName, NAME_MAX);
  if (name === '') throw new PixError('Nome do recebedor do Pix não informado (razão social da empresa)');
  const city = toPixAscii(input.merchantCity, CITY_MAX);
  if (city === '') throw new PixError('Cidade do recebedor do Pix não informada (endereço da empresa)');
  const txid = input.txid ?? NO_TXID;
  if (input.txid !== undefined && !TXID_RE.test(txid)) {
    throw new PixError(`Identificador (txid) do Pix inválido: "${txid}"; use de 1 a 25 letras ou números, sem espaços`);
  }
  let amount = '';
  if (input.amountCents !== undefined) {
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
      throw new PixError('Valor do Pix deve ser maior que zero');
    }
    amount = centsToDecimalString(input.amountCents);
    if (amount.length > 13) throw new PixError('Valor do Pix grande demais (máximo de 13 caracteres)');
  }
  const gui = tlv('00', GUI);
  const keyField = tlv('01', key.value);
  // The account template holds at most 99 characters; the description takes what is left.
  const room = 99 - gui.length - keyField.length - 4;
  const description = input.description ? toPixAscii(input.description, Math.max(room, 0)) : '';
  const account = gui + keyField + (description ? tlv('02', description) : '');
  const body =
    tlv('00', '01') +
    tlv('26', account) +
    tlv('52', '0000') +
    tlv('53', '986') +
    (amount ? tlv('54', amount) : '') +
    tlv('58', 'BR') +
    tlv('59', name) +
    tlv('60', city) +
    tlv('62', tlv('05', txid)) +
    '6304';
  return body + crc16CcittFalse(body);
}

export interface ParsedPixCode {
  key: string;
  keyType: PixKeyType | null;
  merchantName: string;
  merchantCity: string;
  amountCents: Cents | null;
  txid: string | null;
  description: string | null;
}

function readTlv(text: string, where: string): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const lenText = text.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(lenText)) {
      throw new PixError(`Código Pix malformado ${where} (posição ${i + 1})`);
    }
    const len = Number(lenText);
    const value = text.slice(i + 4, i + 4 + len);
    if (value.length !== len) throw new PixError(`Código Pix truncado ${where}: campo ${id} incompleto`);
    fields.set(id, value);
    i += 4 + len;
  }
  return fields;
}

/** Reads a static "copia e cola" back, checking the structure and the CRC; throws PixError when invalid. */
export function parsePixCode(code: string): ParsedPixCode {
  const text = code.trim();
  if (text.length < 8) throw new PixError('Código Pix vazio ou curto demais');
  const crcAt = text.length - 8;
  if (text.slice(crcAt, crcAt + 4) !== '6304') throw new PixError('Código Pix sem o campo de verificação (CRC) no final');
  const expected = crc16CcittFalse(text.slice(0, crcAt + 4));
  const found = text.slice(crcAt + 4).toUpperCase();
  if (found !== expected) {
    throw new PixError(`Código Pix com CRC incorreto (${found}, esperado ${expected}): o código foi alterado ou copiado pela metade`);
  }
  const top = readTlv(text.slice(0, crcAt), 'no código');
  if (top.get('00') !== '01') throw new PixError('Código Pix com versão de formato desconhecida (campo 00)');
  const account = top.get('26');
  if (account === undefined) throw new PixError('Código Pix sem os dados da conta (campo 26)');
  const accountFields = readTlv(account, 'nos dados da conta');
  if (accountFields.get('00')?.toLowerCase() !== GUI) throw new PixError('O código não é um Pix (falta br.gov.bcb.pix)');
  const key = accountFields.get('01');
  if (key === undefined) throw new PixError('Código Pix sem chave: códigos dinâmicos (com URL) não são aceitos aqui');
  if (top.get('53') !== '986') throw new PixError('Código Pix com moeda diferente de real (campo 53)');
  const amountText = top.get('54');
  let amountCents: Cents | null = null;
  if (amountText !== undefined) {
    const m = /^(\d+)\.(\d{2})$/.exec(amountText);
    if (!m) throw new PixError(`Valor do código Pix inválido: "${amountText}"`);
    amountCents = Number(m[1]) * 100 + Number(m[2]);
  }
  const merchantName = top.get('59');
  const merchantCity = top.get('60');
  if (!merchantName) throw new PixError('Código Pix sem nome do recebedor (campo 59)');
  if (!merchantCity) throw new PixError('Código Pix sem cidade do recebedor (campo 60)');
  const extra = top.get('62');
  const txid = extra === undefined ? undefined : readTlv(extra, 'nos dados adicionais').get('05');
  const keyInfo = validatePixKey(key);
  return {
    key,
    keyType: keyInfo.ok ? keyInfo.type : null,
    merchantName,
    merchantCity,
    amountCents,
    txid: txid === undefined || txid === NO_TXID ? null : txid,
    description: accountFields.get('02') ?? null,
  };
}

/**
 * A txid naming what is paid: `prefix` (letters/digits, e.g. "TIT", "EXT", "ACD") followed by the id
 * parts without separators, e.g. pixTxid('ACD', 42, 3) → "ACD42P3" for installment 3 of agreement 42.
 * Throws PixError when the result would not fit the 25 characters a txid allows.
 */
export function pixTxid(prefix: string, id: number | string, installment?: number): string {
  if (!/^[A-Za-z]{1,8}$/.test(prefix)) throw new PixError(`Prefixo de txid inválido: "${prefix}" (1 a 8 letras)`);
  const idPart = String(id).replace(/[^A-Za-z0-9]/g, '');
  if (idPart === '') throw new PixError('Identificador do txid vazio');
  if (installment !== undefined && (!Number.isSafeInteger(installment) || installment < 1)) {
    throw new PixError(`Número de parcela do txid inválido: ${installment}`);
  }
  const txid = `${prefix.toUpperCase()}${idPart}${installment === undefined ? '' : `P${installment}`}`;
  if (!TXID_RE.test(txid)) throw new PixError(`txid "${txid}" passa de 25 caracteres`);
  return txid;
}
