// Reading the values of a Brazilian ERP export: amounts, dates and CNPJ/CPF as the clerk's spreadsheet
// writes them. Every parser answers either a normalised value or a pt-BR reason that the import lists
// beside the line and column, so nothing is guessed silently.
import { isIsoDate, pad } from './dates';
import { documentKind, validateDocument, type DocumentType } from './documents';
import { parseBrlToCents, type Cents } from './money';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const PLAIN_BR_AMOUNT_RE = /^(\d{1,3}(?:\.\d{3})*|\d+),(\d{2})$/;
const US_GROUPED_RE = /^(\d{1,3}(?:,\d{3})+)\.(\d{1,2})$/;

/**
 * "1.234,56", "1234,56", "1234.56", "R$ 1.234,56", "-10,00", "(10,00)" and the US "1,234.56" → centavos,
 * exactly (digits are read as text, never through a float). "1.234" is R$ 1.234,00 (thousands dot).
 */
export function parseAmount(text: string): Parsed<Cents> {
  const plain = PLAIN_BR_AMOUNT_RE.exec(text);
  // The common case, "1.234,56" or "1234,56" up to 13 integer digits, is exact in a double: no BigInt needed.
  if (plain) {
    const reais = plain[1]!.replace(/\./g, '');
    if (reais.length <= 13) return { ok: true, value: Number(reais) * 100 + Number(plain[2]) };
  }
  let s = text.trim().replace(/[\s\u00a0]+/g, ' ');
  if (s === '') return { ok: false, message: 'Valor não informado' };
  // Accounting exports write negatives in parentheses.
  const parenthesized = /^\((.*)\)$/.exec(s);
  if (parenthesized) s = `-${parenthesized[1]}`;
  s = s.replace(/^(-?)\s*R\$\s*/i, '$1').replace(/^R\$\s*-/i, '-');
  let cents = parseBrlToCents(s);
  if (cents === null) {
    const us = US_GROUPED_RE.exec(s.replace(/^-/, ''));
    if (us) cents = parseBrlToCents(`${s.startsWith('-') ? '-' : ''}${us[1]!.replace(/,/g, '')}.${us[2]}`);
  }
  if (cents === null) return { ok: false, message: `Valor "${text.trim()}" não é um número (use 1.234,56)` };
  return { ok: true, value: cents };
}

const BR_DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO_DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * dd/mm/aaaa, dd/mm/aa (20aa below 70, else 19aa), d/m/aaaa, with / . or -, and ISO aaaa-mm-dd (an ERP's
 * trailing " 00:00:00" time is dropped) → ISO 'YYYY-MM-DD'.
 */
export function parseDate(text: string): Parsed<string> {
  const s = text.trim();
  if (s === '') return { ok: false, message: 'Data não informada' };
  const iso = ISO_DATE_TIME_RE.exec(s);
  if (iso) return isIsoDate(iso[1]!) ? { ok: true, value: iso[1]! } : { ok: false, message: `Data "${s}" não existe` };
  const br = BR_DATE_RE.exec(s.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, ''));
  if (!br) return { ok: false, message: `Data "${s}" inválida (use dd/mm/aaaa)` };
  const yy = Number(br[3]);
  const year = br[3]!.length === 2 ? (yy < 70 ? 2000 + yy : 1900 + yy) : yy;
  const value = `${pad(year, 4)}-${pad(Number(br[2]), 2)}-${pad(Number(br[1]), 2)}`;
  return isIsoDate(value) ? { ok: true, value } : { ok: false, message: `Data "${s}" não existe` };
}

/** A spreadsheet date cell (a JS Date at UTC midnight, as XLSX readers give it) → ISO. */
export function dateFromCell(d: Date): Parsed<string> {
  if (Number.isNaN(d.getTime())) return { ok: false, message: 'Data inválida' };
  return { ok: true, value: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}` };
}

/**
 * CNPJ or CPF, with or without mask. A spreadsheet that stored the number as a number loses its leading
 * zeros ("1234567000195"): a digits-only value shorter than 14 is padded back, as a CPF first when it fits
 * in 11 digits, then as a CNPJ, and accepted only if the check digits then match.
 */
export function parseDocument(text: string): Parsed<{ document: string; type: DocumentType }> {
  const direct = validateDocument(text);
  if (direct.ok) return { ok: true, value: { document: direct.value, type: direct.type } };
  const digits = text.replace(/[./\-\s]/g, '');
  if (/^\d{1,13}$/.test(digits) && documentKind(digits) === null) {
    for (const width of digits.length <= 11 ? [11, 14] : [14]) {
      const padded = validateDocument(digits.padStart(width, '0'));
      if (padded.ok) return { ok: true, value: { document: padded.value, type: padded.type } };
    }
  }
  return { ok: false, message: direct.message };
}
