// The nosso número a return file carries, in the forms a título may have been stored with. CNAB 240 gives
// each bank a 20-character "identificação do título no banco" that some fill with more than the number
// itself: Itaú puts the carteira first (38–40) and the DAC after (49); Bradesco the carteira and zeros
// before (38–45) and the check digit after (57).
import type { CnabFormat } from './parse-return';

/** Bank → [from, to) of the nosso número proper inside the 20-character CNAB 240 field. */
const CNAB240_INNER: Readonly<Record<string, readonly [number, number]>> = {
  '341': [3, 11],
  '237': [8, 19],
};

/** Candidate keys, most specific first, each also tried without leading zeros by the lookup. */
export function nossoNumeroKeys(format: CnabFormat, bank: string, raw: string): string[] {
  const keys = [raw.trim()];
  const inner = format === 'CNAB240' ? CNAB240_INNER[bank] : undefined;
  if (inner && raw.length >= inner[1]) keys.push(raw.slice(inner[0], inner[1]).trim());
  return [...new Set(keys)].filter((k) => /[1-9A-Za-z]/.test(k));
}

/** "000123" → "123": banks pad the same number to different widths. */
export function unpadded(key: string): string {
  return key.replace(/^0+/, '');
}
