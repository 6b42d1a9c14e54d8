import { describe, expect, it } from 'vitest';
import { dateFromCell, parseAmount, parseDate, parseDocument } from './br-parse';

const cents = (s: string) => {
  const r = parseAmount(s);
  return r.ok ? r.value : r.message;
};

describe('parseAmount', () => {
  it('reads pt-BR, machine and US formats exactly', () => {
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('1234,56')).toBe(123456);
    expect(cents('1234.56')).toBe(123456);
    expect(cents('R$ 1.234,56')).toBe(123456);
    expect(cents('R$\u00a01.234.567,8')).toBe(123456780);
    expect(cents('1,234.56')).toBe(123456);
    expect(cents('1.234')).toBe(123400);
    expect(cents(' 0,01 ')).toBe(1);
    expect(cents('90071992547409,91')).toBe(9007199254740991);
  });
  it('reads long amounts exactly, with or without thousands dots, on both sides of the 13-digit fast path', () => {
    expect(cents('9.999.999.999.999,99')).toBe(999_999_999_999_999);
    expect(cents('0001234,05')).toBe(123_405);
    expect(cents('0,01')).toBe(1);
    expect(cents('12345678901234,56')).toBe(1_234_567_890_123_456);
    expect(cents('123456789012345678,90')).toBe('Valor "123456789012345678,90" não é um número (use 1.234,56)');
  });
  it('keeps the sign of negatives, including accounting parentheses', () => {
    expect(cents('-10,00')).toBe(-1000);
    expect(cents('-R$ 10,00')).toBe(-1000);
    expect(cents('R$ -10,00')).toBe(-1000);
    expect(cents('(1.000,50)')).toBe(-100050);
  });
  it('explains what it cannot read', () => {
    expect(cents('')).toBe('Valor não informado');
    expect(cents('abc')).toBe('Valor "abc" não é um número (use 1.234,56)');
    expect(cents('1,2,3')).toMatch(/não é um número/);
    expect(cents('12.3456')).toMatch(/não é um número/);
  });
});

describe('parseDate', () => {
  const d = (s: string) => {
    const r = parseDate(s);
    return r.ok ? r.value : r.message;
  };
  it('reads dd/mm/aaaa, dd/mm/aa, dashes, dots and ISO', () => {
    expect(d('25/11/2026')).toBe('2026-11-25');
    expect(d('5/3/2026')).toBe('2026-03-05');
    expect(d('25-11-26')).toBe('2026-11-25');
    expect(d('25.11.2026')).toBe('2026-11-25');
    expect(d('01/01/99')).toBe('1999-01-01');
    expect(d('2026-11-25')).toBe('2026-11-25');
    expect(d('2026-11-25 00:00:00')).toBe('2026-11-25');
    expect(d('2026-11-25T10:00:00Z')).toBe('2026-11-25');
    expect(d('25/11/2026 00:00')).toBe('2026-11-25');
  });
  it('refuses impossible or unreadable dates', () => {
    expect(d('31/02/2026')).toBe('Data "31/02/2026" não existe');
    expect(d('29/02/2025')).toMatch(/não existe/);
    expect(d('2026-13-01')).toMatch(/não existe/);
    expect(d('11/25')).toBe('Data "11/25" inválida (use dd/mm/aaaa)');
    expect(d('')).toBe('Data não informada');
  });
  it('reads a spreadsheet date cell in UTC', () => {
    expect(dateFromCell(new Date(Date.UTC(2026, 10, 25)))).toEqual({ ok: true, value: '2026-11-25' });
  });
});

describe('parseDocument', () => {
  it('accepts CNPJ and CPF with or without mask', () => {
    expect(parseDocument('11.222.333/0001-81')).toEqual({ ok: true, value: { document: '11222333000181', type: 'CNPJ' } });
    expect(parseDocument('11222333000181')).toMatchObject({ ok: true, value: { type: 'CNPJ' } });
    expect(parseDocument('529.982.247-25')).toEqual({ ok: true, value: { document: '52998224725', type: 'CPF' } });
  });
  it('restores the leading zeros a spreadsheet dropped', () => {
    // 04.252.011/0001-10 stored as a number.
    expect(parseDocument('4252011000110')).toEqual({ ok: true, value: { document: '04252011000110', type: 'CNPJ' } });
    // CPF 012.345.678-90 stored as a number.
    expect(parseDocument('1234567890')).toEqual({ ok: true, value: { document: '01234567890', type: 'CPF' } });
  });
  it('gives the reason for an invalid document', () => {
    expect(parseDocument('11.222.333/0001-82')).toEqual({ ok: false, message: 'CNPJ inválido: dígito verificador não confere' });
    expect(parseDocument('')).toEqual({ ok: false, message: 'Documento não informado' });
    expect(parseDocument('123')).toMatchObject({ ok: false });
  });
});
