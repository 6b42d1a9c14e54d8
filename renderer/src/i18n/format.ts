import i18next from 'i18next';
import { formatDocument } from '../../../shared/domain/documents';
import { formatPhone } from '../../../shared/domain/contact-info';
import { formatBrDate } from '../../../shared/domain/dates';

/** Money is shown in reais in both languages; only the number format follows the UI language. */
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(lng: string) {
  let f = moneyFormats.get(lng);
  if (!f) moneyFormats.set(lng, (f = new Intl.NumberFormat(lng, { style: 'currency', currency: 'BRL' })));
  return f;
}

export function money(cents: number): string {
  // Intl takes a decimal string exactly, so no float division touches the value.
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const decimal = `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return moneyFormat(i18next.language).format(decimal as unknown as number);
}

/** dd/mm/aaaa in both languages: the clerk's documents and inputs all use it. */
export function date(iso: string | null): string {
  return iso ? formatBrDate(iso.slice(0, 10)) : '—';
}

export function dateTime(isoTimestamp: string): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(isoTimestamp));
}

const compactMoneyFormats = new Map<string, Intl.NumberFormat>();

/** Short money for chart axes and tight cells: R$ 1,2 mi, R$ 350 mil (full value in the tables). */
export function compactMoney(cents: number): string {
  const lng = i18next.language;
  let f = compactMoneyFormats.get(lng);
  if (!f) compactMoneyFormats.set(lng, (f = new Intl.NumberFormat(lng, { style: 'currency', currency: 'BRL', notation: 'compact', maximumFractionDigits: 1 })));
  return f.format(cents / 100);
}

export function integer(n: number): string {
  return new Intl.NumberFormat(i18next.language).format(n);
}

export const doc = formatDocument;
export const phone = formatPhone;
