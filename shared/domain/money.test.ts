import { describe, it, expect } from 'vitest';
import {
  assertCents,
  centsToDecimalString,
  divHalfUp,
  formatBrl,
  mulBasisPointsHalfUp,
  mulRatioHalfUp,
  parseBrlToCents,
  splitEvenly,
} from './money';

const norm = (s: string) => s.replace(/\s/g, ' ');

describe('assertCents', () => {
  it('accepts safe integers', () => {
    expect(() => assertCents(0)).not.toThrow();
    expect(() => assertCents(-150)).not.toThrow();
    expect(() => assertCents(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });
  it('rejects fractions, NaN, unsafe and non-numbers, naming the label', () => {
    expect(() => assertCents(1.5, 'principal')).toThrow(/principal/);
    expect(() => assertCents(Number.NaN)).toThrow();
    expect(() => assertCents(Infinity)).toThrow();
    expect(() => assertCents(Number.MAX_SAFE_INTEGER + 1)).toThrow();
    expect(() => assertCents('100')).toThrow();
  });
});

describe('divHalfUp', () => {
  it('rounds half away from zero', () => {
    expect(divHalfUp(5n, 2n)).toBe(3n);
    expect(divHalfUp(-5n, 2n)).toBe(-3n);
    expect(divHalfUp(5n, -2n)).toBe(-3n);
    expect(divHalfUp(7n, 3n)).toBe(2n);
    expect(divHalfUp(8n, 3n)).toBe(3n);
    expect(divHalfUp(-7n, 3n)).toBe(-2n);
    expect(divHalfUp(0n, 7n)).toBe(0n);
  });
  it('throws on zero denominator', () => {
    expect(() => divHalfUp(1n, 0n)).toThrow();
  });
});

describe('mulBasisPointsHalfUp', () => {
  it('computes percentages of centavos', () => {
    expect(mulBasisPointsHalfUp(1_000_000, 200)).toBe(20_000); // 2% of R$ 10.000,00
    expect(mulBasisPointsHalfUp(1_012_300, 200)).toBe(20_246);
    expect(mulBasisPointsHalfUp(0, 200)).toBe(0);
    expect(mulBasisPointsHalfUp(12345, 0)).toBe(0);
  });
  it('rounds exactly half up', () => {
    expect(mulBasisPointsHalfUp(25, 200)).toBe(1); // 0.5 → 1
    expect(mulBasisPointsHalfUp(24, 200)).toBe(0); // 0.48 → 0
    expect(mulBasisPointsHalfUp(75, 200)).toBe(2); // 1.5 → 2
    expect(mulBasisPointsHalfUp(-25, 200)).toBe(-1); // −0.5 → −1 (away from zero)
    expect(mulBasisPointsHalfUp(-24, 200)).toBe(0);
    expect(Object.is(mulBasisPointsHalfUp(-24, 200), -0)).toBe(false);
  });
  it('stays exact on large values where floats would drift', () => {
    // 9 007 199 254 740 991 × 100 / 10 000 = 90 071 992 547 409.91 → 90 071 992 547 410
    expect(mulBasisPointsHalfUp(9_007_199_254_740_991, 100)).toBe(90_071_992_547_410);
  });
  it('rejects non-integer inputs', () => {
    expect(() => mulBasisPointsHalfUp(10.5, 100)).toThrow();
    expect(() => mulBasisPointsHalfUp(100, 1.5)).toThrow();
  });
});

describe('mulRatioHalfUp', () => {
  it('multiplies by an exact ratio', () => {
    expect(mulRatioHalfUp(1_000_000, 10123n, 10000n)).toBe(1_012_300);
    expect(mulRatioHalfUp(100, 1, 3)).toBe(33);
    expect(mulRatioHalfUp(200, 1, 3)).toBe(67); // 66.67
    expect(mulRatioHalfUp(150, 1, 100)).toBe(2); // 1.5 → 2
    expect(mulRatioHalfUp(-150, 1, 100)).toBe(-2);
    expect(mulRatioHalfUp(1, 1, -2)).toBe(-1);
  });
  it('throws on zero denominator and unsafe results', () => {
    expect(() => mulRatioHalfUp(100, 1, 0)).toThrow();
    expect(() => mulRatioHalfUp(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow();
  });
});

describe('parseBrlToCents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['R$ 1.234,56', 123456],
    ['R$1.234,56', 123456],
    ['R$\u00a01.234,56', 123456],
    ['  r$ 10,00 ', 1000],
    ['-10,5', -1050],
    ['-R$ 10,50', -1050],
    ['R$ -10,50', -1050],
    ['1234', 123400],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['12.345,6', 1234560],
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['1.23', 123],
    ['0,01', 1],
    ['0', 0],
    ['-0,00', 0],
    ['007,50', 750],
  ])('%s → %d', (text, cents) => {
    const r = parseBrlToCents(text);
    expect(r).toBe(cents);
    expect(Object.is(r, -0)).toBe(false);
  });

  it.each([
    '',
    'abc',
    'R$',
    '1,234', // three decimals
    '1,2345',
    '1.234.56',
    '12.34.567',
    '1234.567', // dot followed by 3 digits with a 4-digit head: not grouping, not decimals
    '1.2345',
    '1,234,56',
    '1,',
    ',50',
    '1.234,',
    '--10',
    '10-',
    '1e3',
    '1 234,56',
    'R$ 12a',
    '99999999999999999999,00', // beyond safe integer
  ])('rejects %j', (text) => {
    expect(parseBrlToCents(text)).toBeNull();
  });
});

describe('centsToDecimalString', () => {
  it('formats with a dot and two decimals', () => {
    expect(centsToDecimalString(123456)).toBe('1234.56');
    expect(centsToDecimalString(5)).toBe('0.05');
    expect(centsToDecimalString(100)).toBe('1.00');
    expect(centsToDecimalString(0)).toBe('0.00');
    expect(centsToDecimalString(-5)).toBe('-0.05');
    expect(centsToDecimalString(-123450)).toBe('-1234.50');
  });
  it('is exact at the edge of safe integers', () => {
    expect(centsToDecimalString(9_007_199_254_740_991)).toBe('90071992547409.91');
    expect(centsToDecimalString(9_007_199_254_740_899)).toBe('90071992547408.99');
  });
});

describe('formatBrl', () => {
  it('formats pt-BR currency', () => {
    expect(norm(formatBrl(123456))).toBe('R$ 1.234,56');
    expect(norm(formatBrl(0))).toBe('R$ 0,00');
    expect(norm(formatBrl(5))).toBe('R$ 0,05');
    expect(norm(formatBrl(100000000))).toBe('R$ 1.000.000,00');
  });
  it('is exact for large amounts', () => {
    expect(norm(formatBrl(123456789012))).toBe('R$ 1.234.567.890,12');
    expect(norm(formatBrl(9_007_199_254_740_991))).toBe('R$ 90.071.992.547.409,91');
  });
  it('formats negatives', () => {
    expect(norm(formatBrl(-123456))).toBe('-R$ 1.234,56');
  });
  it('honours another locale', () => {
    expect(norm(formatBrl(123456, 'en-US'))).toBe('R$1,234.56');
  });
});

describe('splitEvenly', () => {
  it('splits summing exactly, last part absorbing the remainder', () => {
    expect(splitEvenly(10000, 3)).toEqual([3333, 3333, 3334]);
    expect(splitEvenly(10000, 4)).toEqual([2500, 2500, 2500, 2500]);
    expect(splitEvenly(2, 3)).toEqual([0, 0, 2]);
    expect(splitEvenly(500, 1)).toEqual([500]);
    expect(splitEvenly(0, 2)).toEqual([0, 0]);
    expect(splitEvenly(-100, 3)).toEqual([-33, -33, -34]);
  });
  it('always sums to the total', () => {
    for (const [total, n] of [[123457, 7], [1, 12], [99999, 10], [-7, 2]] as const) {
      const parts = splitEvenly(total, n);
      expect(parts).toHaveLength(n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
  it('rejects invalid part counts', () => {
    expect(() => splitEvenly(100, 0)).toThrow();
    expect(() => splitEvenly(100, 1.5)).toThrow();
    expect(() => splitEvenly(100.5, 2)).toThrow();
  });
});
