// Builds a well-formed boleto for the demo data: 44-digit barcode and 47-digit linha digitável with correct
// mod-10 field digits, mod-11 general digit and the due-date factor (restarted at 1000 on 2025-02-22).
import { isoToEpochDay } from '../../../shared/domain/dates';

const FACTOR_BASE = isoToEpochDay('1997-10-07');
const FACTOR_RESET = isoToEpochDay('2025-02-22');

export function dueFactor(dueEpochDay: number): string {
  const f = dueEpochDay >= FACTOR_RESET ? 1000 + ((dueEpochDay - FACTOR_RESET) % 9000) : dueEpochDay - FACTOR_BASE;
  return String(Math.max(1000, Math.min(9999, f)));
}

/** Mod 10 (weights 2,1,2,1… from the right, products' digits summed). */
export function mod10(digits: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    let p = (digits.charCodeAt(i) - 48) * weight;
    if (p > 9) p -= 9;
    sum += p;
    weight = weight === 2 ? 1 : 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** The barcode's general check digit: mod 11, weights 2..9 from the right; 0, 10, 11 → 1. */
export function mod11Barcode(digits: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return dv === 0 || dv === 10 || dv === 11 ? 1 : dv;
}

/** bank (3 digits), due (epoch day), amount in centavos (≤ 99.999.999,99), free field (25 digits). */
export function boletoLine(bank: string, dueEpochDay: number, amountCents: number, freeField: string): string {
  const factorValue = dueFactor(dueEpochDay) + String(amountCents).padStart(10, '0');
  const head = `${bank}9`;
  const dv = mod11Barcode(head + factorValue + freeField);
  const f1 = head + freeField.slice(0, 5);
  const f2 = freeField.slice(5, 15);
  const f3 = freeField.slice(15, 25);
  return `${f1}${mod10(f1)}${f2}${mod10(f2)}${f3}${mod10(f3)}${dv}${factorValue}`;
}

/** The 44-digit barcode behind a 47-digit line. */
export function barcodeOfLine(line: string): string {
  return line.slice(0, 4) + line.charAt(32) + line.slice(33, 47) + line.slice(4, 9) + line.slice(10, 20) + line.slice(21, 31);
}
