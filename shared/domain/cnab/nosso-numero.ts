// The nosso número a return file carries, in the forms a título may have been stored with. CNAB 240 gives
// each bank a 20-character "identificação do título no banco" that some fill with more than the number
// itself: Itaú puts the carteira first (38–40) and the DAC after (49); Bradesco the carteira and zeros
// before (38–45) and the check digit after (57); Sicoob its number with the check digit (38–47, the digits proper at 40–46) before parcela, modalidade and
// form (48–52).
import type { CnabFormat } from './parse-return';

/** Bank → [from, to) slices of the nosso número proper inside the 20-character CNAB 240 field. */
const CNAB240_INNER: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  '341': [[3, 11]],
  '237': [[8, 19]],
  '756': [[0, 10], [2, 9]],
};

/** Candidate keys, most specific first; the lookup also tries each in its other paddings. */
export function nossoNumeroKeys(format: CnabFormat, bank: string, raw: string): string[] {
  const keys = [raw.trim()];
  const inner = format === 'CNAB240' ? (CNAB240_INNER[bank] ?? []) : [];
  for (const [from, to] of inner) if (raw.length >= to) keys.push(raw.slice(from, to).trim());
  return [...new Set(keys)].filter((k) => /[1-9A-Za-z]/.test(k));
}

/** "000123" → "123": banks pad the same number to different widths. */
export function unpadded(key: string): string {
  return key.replace(/^0+/, '');
}

/** Widths banks give the nosso número (Itaú/Santander 8, Sicoob 10–12, Bradesco 11, Caixa 15, BB 17). */
const NOSSO_NUMERO_WIDTHS = [8, 10, 11, 12, 13, 15, 17];

/** The same number unpadded and zero-padded to each usual width, other than `key` itself. */
export function paddedVariants(key: string): string[] {
  const bare = unpadded(key);
  if (!/^\d+$/.test(bare)) return [];
  const variants = [bare, ...NOSSO_NUMERO_WIDTHS.filter((w) => w > bare.length).map((w) => bare.padStart(w, '0'))];
  return variants.filter((v) => v !== key);
}
