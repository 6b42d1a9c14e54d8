// Money as integer centavos. No floating point touches an amount: products go through BigInt and are
// rounded half-up (half away from zero) explicitly.

/** An amount in centavos (integer). */
export type Cents = number;

/** Throws unless `n` is a safe integer (a valid amount in centavos). */
export function assertCents(n: unknown, label = 'valor'): asserts n is Cents {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RangeError(`${label} deve ser um número inteiro de centavos (recebido: ${String(n)})`);
  }
}

function toBigIntInteger(v: bigint | number, label: string): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new RangeError(`${label} deve ser inteiro (recebido: ${String(v)})`);
  return BigInt(v);
}

/** num / den rounded half away from zero (exact, BigInt). */
export function divHalfUp(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('divisão por zero');
  const negative = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

function bigToCents(v: bigint): Cents {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`resultado fora do intervalo seguro: ${v.toString()}`);
  // Avoid -0 leaking out of rounding a small negative.
  return n === 0 ? 0 : n;
}

/** cents × bp / 10 000, half-up (200 bp = 2%). */
export function mulBasisPointsHalfUp(cents: Cents, bp: number): Cents {
  assertCents(cents, 'cents');
  const b = toBigIntInteger(bp, 'bp');
  return bigToCents(divHalfUp(BigInt(cents) * b, 10_000n));
}

/** cents × numerator / denominator, half-up, exact. */
export function mulRatioHalfUp(cents: Cents, numerator: bigint | number, denominator: bigint | number): Cents {
  assertCents(cents, 'cents');
  const num = toBigIntInteger(numerator, 'numerator');
  const den = toBigIntInteger(denominator, 'denominator');
  return bigToCents(divHalfUp(BigInt(cents) * num, den));
}

// pt-BR with thousands dots (1.234.567,89), plain with comma decimals (1234,56),
// or machine format with a dot followed by exactly 1–2 digits (1234.56).
const GROUPED_RE = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;
const PLAIN_COMMA_RE = /^(\d+)(?:,(\d{1,2}))?$/;
const PLAIN_DOT_RE = /^(\d+)\.(\d{1,2})$/;

/**
 * Parses a typed BRL amount to centavos; null when the text is not an unambiguous amount.
 * "1.234" is read as thousands grouping (R$ 1.234,00), "1.23" as a decimal point.
 */
export function parseBrlToCents(text: string): Cents | null {
  let s = text.trim();
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (/^R\$/i.test(s)) s = s.slice(2).trim();
  if (!negative && s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trim();
  }
  const m = GROUPED_RE.exec(s) ?? PLAIN_COMMA_RE.exec(s) ?? PLAIN_DOT_RE.exec(s);
  if (!m) return null;
  const intDigits = (m[1] ?? '').replace(/\./g, '');
  const fracDigits = (m[2] ?? '').padEnd(2, '0');
  const value = BigInt(intDigits) * 100n + BigInt(fracDigits);
  const n = Number(negative ? -value : value);
  if (!Number.isSafeInteger(n)) return null;
  return n === 0 ? 0 : n;
}

/** 123456 → "1234.56", -5 → "-0.05" (Pix amount / machine formats). */
export function centsToDecimalString(cents: Cents): string {
  assertCents(cents, 'cents');
  const abs = Math.abs(cents);
  const frac = abs % 100;
  const int = (abs - frac) / 100; // exact: abs - frac is a multiple of 100
  return `${cents < 0 ? '-' : ''}${int}.${String(frac).padStart(2, '0')}`;
}

const brlFormatters = new Map<string, Intl.NumberFormat>();

/**
 * "R$ 1.234,56" (Intl puts a non-breaking space after R$). The amount is handed to Intl as an exact
 * decimal string, so even values beyond 2^53 / 100 format without float error.
 */
export function formatBrl(cents: Cents, locale = 'pt-BR'): string {
  let nf = brlFormatters.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' });
    brlFormatters.set(locale, nf);
  }
  return nf.format(centsToDecimalString(cents) as Intl.StringNumericLiteral);
}

/** n parts summing exactly to total; the first n−1 get the truncated share, the last absorbs the rest. */
export function splitEvenly(totalCents: Cents, n: number): Cents[] {
  assertCents(totalCents, 'totalCents');
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`número de parcelas inválido: ${n}`);
  const rest = totalCents % n;
  const base = (totalCents - rest) / n;
  const parts: Cents[] = new Array<Cents>(n).fill(base === 0 ? 0 : base);
  parts[n - 1] = totalCents - base * (n - 1);
  return parts;
}
