import { centsToDecimalString, parseBrlToCents } from '../../../../shared/domain/money';

/** '10,5' / '10.5' / '10' → 1050 basis points; null when it is not a percentage with at most 2 decimals. */
export function parsePercentToBp(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1050 → '10,5' (what the clerk typed back, without the % sign). */
export function bpToInput(bp: number): string {
  const frac = bp % 100;
  return frac === 0 ? String(bp / 100) : `${Math.trunc(bp / 100)},${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** 123456 → '1234,56' for a money input. */
export function centsToInput(cents: number): string {
  return centsToDecimalString(cents).replace('.', ',');
}

export { parseBrlToCents };

/** Keyboard shortcuts only fire when the clerk is not typing in a field or a dialog is open. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog') !== null;
}
