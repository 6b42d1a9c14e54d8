import { describe, expect, it } from 'vitest';
import { nossoNumeroKeys, paddedVariants, unpadded } from './nosso-numero';

describe('nossoNumeroKeys', () => {
  it('CNAB 240: the whole field, then the part Itaú and Bradesco reserve for the number', () => {
    expect(nossoNumeroKeys('CNAB240', '341', '109000001234')).toEqual(['109000001234', '00000123']);
    expect(nossoNumeroKeys('CNAB240', '237', '00900000000000012347')).toEqual(['00900000000000012347', '00000001234']);
    expect(nossoNumeroKeys('CNAB240', '001', '31285570000000042')).toEqual(['31285570000000042']);
  });

  it('CNAB 400 fields are already the number; blanks and zeros are no key', () => {
    expect(nossoNumeroKeys('CNAB400', '341', '00000123')).toEqual(['00000123']);
    expect(nossoNumeroKeys('CNAB400', '237', '')).toEqual([]);
    expect(nossoNumeroKeys('CNAB400', '237', '00000000000')).toEqual([]);
    expect(unpadded('000120')).toBe('120');
  });

  it('other paddings of the same number, for títulos stored at another width', () => {
    expect(paddedVariants('000000123')).toEqual(['123', '00000123', '0000000123', '00000000123', '000000000123', '0000000000123', '000000000000123', '00000000000000123']);
    expect(paddedVariants('31285570000000042')).toEqual([]);
    expect(paddedVariants('AB12')).toEqual([]);
  });
});
