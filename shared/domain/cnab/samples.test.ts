// The sample files in resources/samples were written from the banks' published position tables, not from
// the app's layouts: reading them checks the layouts against the manuals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nossoNumeroKeys } from './nosso-numero';
import { parseReturnFile } from './parse-return';

const sample = (name: string) => parseReturnFile(readFileSync(join(__dirname, '../../../resources/samples', name), 'latin1'));

describe('sample return files', () => {
  it('Bradesco CNAB 240: 8 títulos, with the nosso número inside the carteira/zeros/DV field', () => {
    const f = sample('cnab-240-bradesco-retorno.ret');
    expect(f).toMatchObject({ format: 'CNAB240', bankCode: '237', convenio: '0001234567', sequence: 1021, generatedOn: '2026-11-25', recordCount: 20 });
    expect(f.items.map((i) => [i.movementCode, i.movementKind])).toEqual([
      ['06', 'settlement'],
      ['06', 'settlement'],
      ['06', 'settlement'],
      ['02', 'registered'],
      ['03', 'rejected'],
      ['09', 'write_off'],
      ['17', 'settlement_after_write_off'],
      ['06', 'settlement'],
    ]);
    expect(f.items[1]).toMatchObject({ documentNumber: 'NF2026-0002', companyRef: 'ERP000000102', nominalCents: 98_000, paidCents: 100_352, chargesCents: 2_352, occurrenceDate: '2026-11-21', creditDate: '2026-11-24', dueDate: '2026-11-05' });
    expect(nossoNumeroKeys('CNAB240', '237', f.items[0]!.nossoNumero)).toContain('00000012345');
    expect(f.items[4]!.reasons).toBe('0810');
  });

  it('Itaú CNAB 240: carteira 109 before the nosso número', () => {
    const f = sample('cnab-240-itau-retorno.ret');
    expect(f).toMatchObject({ bankCode: '341', sequence: 77, convenio: '0000000000001234567' });
    expect(f.items.map((i) => [i.movementCode, i.paidCents])).toEqual([
      ['06', 151_800],
      ['06', 30_000],
      ['03', 0],
      ['06', 20_000],
    ]);
    expect(nossoNumeroKeys('CNAB240', '341', f.items[0]!.nossoNumero)).toContain('00012345');
  });

  it('Bradesco CNAB 400: nosso número 71–81, credit date 296–301, aviso (NSA) 109–113', () => {
    const f = sample('cnab-400-bradesco-retorno.ret');
    expect(f).toMatchObject({ format: 'CNAB400', bankCode: '237', convenio: '00000000000004455667', sequence: 512, recordCount: 7 });
    expect(f.items[0]).toMatchObject({ line: 2, nossoNumero: '00000012345', companyRef: 'ERP000000101', documentNumber: 'NF26-0001', paidCents: 125_000, feeCents: 250, creditDate: '2026-11-24', occurrenceDate: '2026-11-21' });
    expect(f.items.map((i) => i.movementKind)).toEqual(['settlement', 'settlement', 'settlement_after_write_off', 'rejected', 'write_off']);
  });

  it('Itaú CNAB 400: nosso número 63–70; its code 17 is a rejection, not a payment', () => {
    const f = sample('cnab-400-itau-retorno.ret');
    expect(f).toMatchObject({ bankCode: '341', convenio: '123400567893', sequence: 78 });
    expect(f.items[0]).toMatchObject({ nossoNumero: '00012345', paidCents: 151_800, chargesCents: 1_800, creditDate: '2026-11-24' });
    expect(f.items.map((i) => [i.movementCode, i.movementKind])).toEqual([
      ['06', 'settlement'],
      ['06', 'settlement'],
      ['17', 'rejected'],
      ['09', 'write_off'],
    ]);
  });
});
