import { describe, expect, it } from 'vitest';
import { buildCnab240, buildCnab400, cnab240Lines, cnab400Lines, joinLines, type TitleMovement } from '../../../test/fixtures/cnab-writer';
import type { Cnab400Bank } from './cnab400.layout';
import { CnabFormatError } from './layout';
import { parseReturnFile, splitLines } from './parse-return';

const paid: TitleMovement = {
  movementCode: '06',
  nossoNumero: '00000000123',
  documentNumber: 'NF 1001-1',
  companyRef: 'ERP000000123',
  dueDate: '2026-11-10',
  nominalCents: 150_000,
  paidCents: 151_500,
  chargesCents: 1_500,
  feeCents: 250,
  occurrenceDate: '2026-11-23',
  creditDate: '2026-11-24',
};
const rejected: TitleMovement = { movementCode: '03', nossoNumero: '00000000124', documentNumber: 'NF 1002-1', nominalCents: 80_000, reasons: '0809' };

function refusal(text: string): CnabFormatError {
  try {
    parseReturnFile(text);
  } catch (err) {
    if (err instanceof CnabFormatError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('CNAB 240 (FEBRABAN v10, segments T/U)', () => {
  it.each(['001', '033', '104', '237', '341', '756'])('bank %s: header, T+U pairs and trailers read into movements', (bank) => {
    const file = parseReturnFile(buildCnab240({ bank, convenio: '0012345', sequence: 42, generatedOn: '2026-11-25', titles: [paid, rejected] }));
    expect(file).toMatchObject({ format: 'CNAB240', bankCode: bank, convenio: '0012345', sequence: 42, generatedOn: '2026-11-25', recordCount: 8 });
    expect(file.items).toHaveLength(2);
    expect(file.items[0]).toEqual({
      line: 3,
      movementCode: '06',
      movementKind: 'settlement',
      movementDescription: 'Liquidação',
      nossoNumero: '00000000123',
      documentNumber: 'NF 1001-1',
      companyRef: 'ERP000000123',
      dueDate: '2026-11-10',
      nominalCents: 150_000,
      paidCents: 151_500,
      chargesCents: 1_500,
      discountCents: 0,
      rebateCents: 0,
      feeCents: 250,
      netCreditCents: 151_250,
      occurrenceDate: '2026-11-23',
      creditDate: '2026-11-24',
      reasons: '',
    });
    expect(file.items[1]).toMatchObject({ line: 5, movementCode: '03', movementKind: 'rejected', reasons: '0809', paidCents: 0, occurrenceDate: null });
  });

  it('reads the published columns: movement 16–17, nosso número 38–57, paid 78–92, payment date 138–145', () => {
    const lines = cnab240Lines({ bank: '341', titles: [paid] });
    const [t, u] = [lines[2]!, lines[3]!];
    expect([t[7], t[13], t.slice(15, 17), t.slice(37, 48)]).toEqual(['3', 'T', '06', '00000000123']);
    expect([u[13], u.slice(77, 92), u.slice(137, 145), u.slice(145, 153)]).toEqual(['U', '000000000151500', '23112026', '24112026']);
    expect(lines[0]!.slice(142, 143)).toBe('2');
  });

  it('tolerates LF or CRLF line ends, a BOM, blank lines and a DOS end-of-file character at the end', () => {
    const lines = cnab240Lines({ bank: '001', titles: [paid] });
    for (const text of [lines.join('\n'), `\uFEFF${lines.join('\r\n')}\r\n\r\n`, `${lines.join('\r\n')}\r\n\u001a`, `${lines.join('\n')}\u001a`]) {
      expect(parseReturnFile(text).items).toHaveLength(1);
    }
    expect(splitLines('a\r\nb\n\u001a')).toEqual(['a', 'b']);
  });

  it('refuses a line of the wrong length with its number', () => {
    const lines = cnab240Lines({ bank: '001', titles: [paid, rejected] });
    lines[3] = `${lines[3]!}X`;
    expect(refusal(joinLines(lines)).message).toBe('Linha 4: a linha tem 241 caracteres; num arquivo CNAB 240 todas têm 240.');
    expect(refusal('abc\r\n').message).toBe('Linha 1: a linha tem 3 caracteres: um retorno CNAB tem 240 ou 400 por linha.');
    expect(refusal('').message).toBe('O arquivo está vazio.');
  });

  it('refuses a remessa, a U without its T, a T without its U and an unknown record type', () => {
    const remessa = cnab240Lines({ bank: '001', titles: [paid] });
    remessa[0] = `${remessa[0]!.slice(0, 142)}1${remessa[0]!.slice(143)}`;
    expect(refusal(joinLines(remessa)).message).toMatch(/^Linha 1: este é um arquivo de remessa/);

    const lines = cnab240Lines({ bank: '001', titles: [paid, rejected] });
    const swapped = [...lines];
    [swapped[2], swapped[3]] = [lines[3]!.replace(/^(.{8})00002/, '$100001'), lines[2]!.replace(/^(.{8})00001/, '$100002')];
    expect(refusal(joinLines(swapped)).message).toBe('Linha 3: segmento U sem o segmento T que deveria precedê-lo.');

    const noU = [...lines.slice(0, 3), ...lines.slice(4)].map((l, i) => (i === 3 ? l.replace(/^(.{8})00003/, '$100002') : l));
    expect(refusal(joinLines(noU)).message).toBe('Linha 4: dois segmentos T seguidos: o da linha 3 ficou sem o segmento U.');

    const strange = [...lines];
    strange[2] = `${lines[2]!.slice(0, 7)}7${lines[2]!.slice(8)}`;
    expect(refusal(joinLines(strange)).message).toBe('Linha 3: registro tipo 7 dentro do lote 1: esperado detalhe (3) ou trailer de lote (5).');
  });

  it('refuses trailers whose counts or totals do not match the file', () => {
    const lines = cnab240Lines({ bank: '237', titles: [paid, rejected] });
    const lotTrailer = lines.length - 2;
    const tamper = (i: number, start: number, text: string) => {
      const copy = [...lines];
      copy[i] = `${lines[i]!.slice(0, start - 1)}${text}${lines[i]!.slice(start - 1 + text.length)}`;
      return joinLines(copy);
    };
    expect(refusal(tamper(lotTrailer, 18, '000005')).message).toBe('Linha 7: o trailer do lote 1 declara 5 registros, mas o lote tem 6.');
    expect(refusal(tamper(lotTrailer, 24, '000003')).message).toBe('Linha 7: o trailer do lote 1 declara 3 título(s), mas o lote tem 2.');
    expect(refusal(tamper(lotTrailer, 30, '00000000000230001')).message).toMatch(/^Linha 7: o total do trailer do lote 1 \(R\$\s2\.300,01\) difere da soma dos títulos \(R\$\s2\.300,00\)/);
    expect(refusal(tamper(lines.length - 1, 24, '000009')).message).toBe('Linha 8: o trailer do arquivo declara 9 registros, mas o arquivo tem 8.');
    expect(refusal(tamper(lines.length - 1, 18, '000002')).message).toBe('Linha 8: o trailer do arquivo declara 2 lote(s), mas o arquivo tem 1.');
    expect(refusal(joinLines(lines.slice(0, -1))).message).toMatch(/^Linha 7: o arquivo termina sem o trailer de arquivo/);
  });

  it('a trailer without per-wallet totals (zeros) is accepted; letters in an amount are refused naming the field', () => {
    const lines = cnab240Lines({ bank: '104', titles: [paid] });
    const t = lines.length - 2;
    lines[t] = `${lines[t]!.slice(0, 23)}${'0'.repeat(92)}${lines[t]!.slice(115)}`;
    expect(parseReturnFile(joinLines(lines)).items).toHaveLength(1);
    lines[3] = `${lines[3]!.slice(0, 77)}00000000015X500${lines[3]!.slice(92)}`;
    expect(refusal(joinLines(lines)).message).toBe('Linha 4: Valor pago (posições 78–92) deveria ter só dígitos e tem "00000000015X500".');
  });
});

describe('CNAB 400, layouts per bank', () => {
  const banks: Cnab400Bank[] = ['001', '033', '104', '237', '341', '756'];
  /** Itaú and Santander carry an 8-digit nosso número in CNAB 400. */
  const nn = (bank: Cnab400Bank) => (bank === '341' || bank === '033' ? '00000123' : '00000000123');
  const paidAt = (bank: Cnab400Bank, movementCode = '06'): TitleMovement => ({ ...paid, movementCode, nossoNumero: nn(bank) });

  it.each(banks)('bank %s: header, details and trailer read into movements', (bank) => {
    const settle = bank === '104' ? '21' : '06';
    const file = parseReturnFile(buildCnab400({ bank, convenio: '7654321', sequence: 17, titles: [paidAt(bank, settle), { ...rejected, nossoNumero: nn(bank), movementCode: bank === '104' ? '99' : '03' }] }));
    // Santander's file sequence is not relied on: its files are told apart by content hash alone.
    expect(file).toMatchObject({ format: 'CNAB400', bankCode: bank, convenio: '7654321', sequence: bank === '033' ? null : 17, generatedOn: '2026-11-25', recordCount: 4 });
    expect(file.items[0]).toMatchObject({
      line: 2,
      movementCode: settle,
      movementKind: 'settlement',
      nossoNumero: nn(bank),
      documentNumber: 'NF 1001-1',
      companyRef: 'ERP000000123',
      dueDate: '2026-11-10',
      nominalCents: 150_000,
      paidCents: 151_500,
      chargesCents: 1_500,
      feeCents: 250,
      occurrenceDate: '2026-11-23',
      creditDate: '2026-11-24',
      netCreditCents: null,
    });
    expect(file.items[1]).toMatchObject({ line: 3, movementKind: 'rejected' });
  });

  it('puts the fields where each bank publishes them', () => {
    const col = (line: string, start: number, end: number) => line.slice(start - 1, end);
    const detail = (bank: Cnab400Bank) => cnab400Lines({ bank, titles: [paidAt(bank)] })[1]!;
    // Common frame: code 109–110, paid 254–266, charges 267–279.
    for (const bank of banks) expect([col(detail(bank), 109, 110), col(detail(bank), 254, 266), col(detail(bank), 267, 279)]).toEqual(['06', '0000000151500', '0000000001500']);
    expect([col(detail('237'), 71, 81), col(detail('237'), 296, 301), col(detail('237'), 38, 49)]).toEqual(['00000000123', '241126', 'ERP000000123']);
    expect([col(detail('001'), 1, 1), col(detail('001'), 64, 74), col(detail('001'), 176, 181), col(detail('001'), 39, 50)]).toEqual(['7', '00000000123', '241126', 'ERP000000123']);
    expect([col(detail('756'), 63, 73), col(detail('756'), 176, 181)]).toEqual(['00000000123', '241126']);
    expect([col(detail('104'), 59, 69), col(detail('104'), 294, 299), col(detail('104'), 32, 43)]).toEqual(['00000000123', '241126', 'ERP000000123']);
  });

  it('maps the same code differently per bank and keeps the raw code', () => {
    const kindOf = (bank: Cnab400Bank, code: string) => parseReturnFile(buildCnab400({ bank, titles: [paidAt(bank, code)] })).items[0]!;
    expect(kindOf('237', '17')).toMatchObject({ movementCode: '17', movementKind: 'settlement_after_write_off' });
    expect(kindOf('341', '17')).toMatchObject({ movementCode: '17', movementKind: 'rejected' });
    expect(kindOf('104', '21')).toMatchObject({ movementKind: 'settlement' });
    expect(kindOf('104', '06')).toMatchObject({ movementKind: 'other' });
    expect(kindOf('237', '09')).toMatchObject({ movementKind: 'write_off' });
    expect(kindOf('001', '77')).toMatchObject({ movementCode: '77', movementKind: 'other', movementDescription: 'Ocorrência 77 (código não mapeado)' });
  });

  it('refuses a wrong record sequence, a missing trailer, an unknown bank and a remessa', () => {
    const lines = cnab400Lines({ bank: '237', titles: [paid, rejected] });
    const swapped = [lines[0]!, lines[2]!, lines[1]!, lines[3]!];
    expect(refusal(joinLines(swapped)).message).toBe('Linha 2: número sequencial do registro 3; esperado 2 (posições 395–400).');
    expect(refusal(joinLines(lines.slice(0, 3))).message).toBe('Linha 3: o arquivo termina sem o trailer (registro tipo 9): pode estar incompleto.');
    const otherBank = [`${lines[0]!.slice(0, 76)}422${lines[0]!.slice(79)}`, ...lines.slice(1)];
    expect(refusal(joinLines(otherBank)).message).toMatch(/^Linha 1: o banco 422 não tem layout CNAB 400 no Adimple \(disponíveis: 001 Banco do Brasil, /);
    const remessa = [`01REMESSA${lines[0]!.slice(9)}`, ...lines.slice(1)];
    expect(refusal(joinLines(remessa)).message).toMatch(/^Linha 1: não é um arquivo de retorno/);
    const shortLine = [...lines];
    shortLine[2] = `${lines[2]!}X`;
    expect(refusal(joinLines(shortLine)).message).toBe('Linha 3: a linha tem 401 caracteres; num arquivo CNAB 400 todas têm 400.');
  });

  it('refuses an impossible date naming the field and columns', () => {
    const lines = cnab400Lines({ bank: '341', titles: [paidAt('341')] });
    lines[1] = `${lines[1]!.slice(0, 110)}311126${lines[1]!.slice(116)}`;
    expect(refusal(joinLines(lines)).message).toBe('Linha 2: Data da ocorrência (posições 111–116) não é uma data válida (311126).');
  });
});

describe('CNAB 240 with several lots', () => {
  it('each lot is checked against its own trailer, and the file trailer counts the lots', () => {
    const titles = Array.from({ length: 5 }, (_, i) => ({ ...paid, nossoNumero: String(i + 1) }));
    const lines = cnab240Lines({ bank: '237', titles, pairsPerLot: 2 });
    expect(lines).toHaveLength(1 + 3 * 2 + 5 * 2 + 1);
    const file = parseReturnFile(joinLines(lines));
    expect(file.items.map((i) => [i.nossoNumero, i.line])).toEqual([
      ['1', 3],
      ['2', 5],
      ['3', 9],
      ['4', 11],
      ['5', 15],
    ]);
    const wrongLot = [...lines];
    wrongLot[8] = `${lines[8]!.slice(0, 3)}0001${lines[8]!.slice(7)}`;
    expect(refusal(joinLines(wrongLot)).message).toBe('Linha 9: o número do lote difere do header de lote (2).');
  });
});
