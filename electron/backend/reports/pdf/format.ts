// pt-BR formats for printed documents: R$ 1.234,56, dd/mm/aaaa, "26/11/2026 14:05" in São Paulo time.
import { formatDocument } from '../../../../shared/domain/documents';
import { formatBrDate } from '../../../../shared/domain/dates';
import { formatBrl } from '../../../../shared/domain/money';
import type { CompanyAddress } from '../../../../shared/ipc/settings.contract';

export const brl = (cents: number): string => formatBrl(cents).replace(/\u00a0/g, ' ');
export const brDate = (iso: string): string => formatBrDate(iso.slice(0, 10));
export const cnpjOrCpf = formatDocument;

const timestampFormat = new Intl.DateTimeFormat('pt-BR', {
  timeZone: 'America/Sao_Paulo',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "26/11/2026 14:05" in São Paulo time, whatever the machine's zone. */
export function brDateTime(instant: Date): string {
  return timestampFormat.format(instant).replace(',', '');
}

/** 200 bp → "2%", 150 bp → "1,5%", 33 bp → "0,33%". */
export function percentFromBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${frac ? `,${frac}` : ''}%`;
}

export const integerBr = (n: number): string => n.toLocaleString('pt-BR');

/** "Rua das Flores, 120, sala 3 – Centro – Campinas/SP – CEP 13010-000", skipping what is missing. */
export function addressLine(a: CompanyAddress): string {
  const street = [a.street, a.streetNumber, a.complement].filter(Boolean).join(', ');
  const cityUf = [a.city, a.uf].filter(Boolean).join('/');
  const cep = a.postalCode ? `CEP ${a.postalCode.slice(0, 5)}-${a.postalCode.slice(5)}` : '';
  return [street, a.district, cityUf, cep].filter(Boolean).join(' – ');
}
