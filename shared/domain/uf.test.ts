import { describe, it, expect } from 'vitest';
import { UFS, UF_CODES, isUf, ufName } from './uf';

describe('UFS', () => {
  it('lists the 27 units once each', () => {
    expect(UFS).toHaveLength(27);
    expect(new Set(UF_CODES).size).toBe(27);
    for (const u of UFS) expect(u.code).toMatch(/^[A-Z]{2}$/);
  });
  it('has the right names', () => {
    expect(ufName('SP')).toBe('São Paulo');
    expect(ufName('DF')).toBe('Distrito Federal');
    expect(ufName('RN')).toBe('Rio Grande do Norte');
    expect(ufName('TO')).toBe('Tocantins');
  });
});

describe('isUf', () => {
  it('accepts valid codes', () => {
    expect(isUf('SP')).toBe(true);
    expect(isUf('AC')).toBe(true);
    expect(isUf('DF')).toBe(true);
  });
  it('rejects others (case-sensitive)', () => {
    expect(isUf('sp')).toBe(false);
    expect(isUf('XX')).toBe(false);
    expect(isUf('')).toBe(false);
    expect(isUf('SPX')).toBe(false);
    expect(isUf('GB')).toBe(false); // former Guanabara
  });
});
