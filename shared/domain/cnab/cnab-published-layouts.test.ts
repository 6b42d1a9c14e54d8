// Golden lines typed from the banks' published position tables (as read by ACBr's ACBrBoleto units and
// eduardokum/laravel-boleto), not written with the project's layouts or fixture writer: each test places the
// text at the published columns and checks what the parser reads back.
import { describe, expect, it } from 'vitest';
import { nossoNumeroKeys } from './nosso-numero';
import { parseReturnFile } from './parse-return';

/** A blank record of `width` with each [first column (1-based), text] written in place. */
function at(width: number, fields: readonly (readonly [number, string])[]): string {
  const chars = Array.from({ length: width }, () => ' ');
  for (const [start, text] of fields) {
    if (start - 1 + text.length > width) throw new Error(`golden line: "${text}" at ${start} passes column ${width}`);
    for (let i = 0; i < text.length; i++) chars[start - 1 + i] = text[i]!;
  }
  return chars.join('');
}

const seq400 = (n: number) => [395, String(n).padStart(6, '0')] as const;
const header400 = (bank: string, fields: readonly (readonly [number, string])[]) =>
  at(400, [[1, '02RETORNO01COBRANCA'], [47, 'DISTRIBUIDORA EXEMPLO LTDA'], [77, bank], [95, '251126'], seq400(1), ...fields]);
/** The columns every bank shares: code 109–110, dates, document, amounts 153–165 and 228–279. */
const frame400 = (n: number, type: string, code = '06') =>
  [
    [1, type],
    [109, code],
    [111, '231126'],
    [117, 'NF 1001-1'],
    [147, '101126'],
    [153, '0000000150000'],
    [254, '0000000151500'],
    [267, '0000000001500'],
    seq400(n),
  ] as const;
const trailer400 = (n: number) => at(400, [[1, '9201'], seq400(n)]);
const file = (lines: string[], eol = '\r\n') => `${lines.join(eol)}${eol}`;

const common400 = { movementCode: '06', movementKind: 'settlement', documentNumber: 'NF 1001-1', dueDate: '2026-11-10', occurrenceDate: '2026-11-23', nominalCents: 150_000, paidCents: 151_500, chargesCents: 1_500 };

describe('CNAB 400 return lines at the published columns', () => {
  it('Banco do Brasil, 7-digit convênio: detail type 7 (company id 39–63, nosso número 64–80), convênio 150–156, NSA 101–107', () => {
    const header = header400('001BANCODOBRASIL', [[27, '1234'], [31, '5'], [32, '00012345'], [40, '6'], [41, '000000'], [101, '0000042'], [150, '2345678']]);
    const detail = at(400, [...frame400(2, '7'), [2, '02'], [4, '11222333000181'], [18, '1234'], [22, '5'], [23, '00012345'], [31, '6'], [32, '2345678'], [39, 'ERP000000123'], [64, '23456780000000123'], [107, '17'], [176, '241126'], [182, '0000250']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ bankCode: '001', convenio: '2345678', sequence: 42, generatedOn: '2026-11-25' });
    expect(parsed.items[0]).toMatchObject({ ...common400, companyRef: 'ERP000000123', nossoNumero: '23456780000000123', creditDate: '2026-11-24', feeCents: 250 });
  });

  it('Banco do Brasil, 6-digit convênio: detail type 1 (company id 38–62, nosso número 63–73 + DV 74), convênio 41–46', () => {
    const header = header400('001BANCODOBRASIL', [[27, '1234'], [31, '5'], [32, '00012345'], [40, '6'], [41, '123456'], [101, '0000043']]);
    const detail = at(400, [...frame400(2, '1'), [2, '02'], [4, '11222333000181'], [18, '1234'], [22, '5'], [23, '00012345'], [31, '6'], [32, '123456'], [38, 'ERP000000123'], [63, '12345600123'], [74, '9'], [107, '17'], [176, '241126'], [182, '0000250']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ convenio: '123456', sequence: 43 });
    expect(parsed.items[0]).toMatchObject({ ...common400, companyRef: 'ERP000000123', nossoNumero: '12345600123', creditDate: '2026-11-24', feeCents: 250 });
  });

  it('Santander: company id 38–62, nosso número with DV 63–70, fee 176–188, credit 296–301; no NSA relied on', () => {
    const header = header400('033SANTANDER', [[27, '1234'], [31, '01234567'], [39, '09876543'], [392, '058']]);
    const detail = at(400, [...frame400(2, '1'), [2, '02'], [4, '11222333000181'], [18, '1234'], [22, '01234567'], [30, '09876543'], [38, 'ERP000000123'], [63, '00001234'], [108, '5'], [127, '00001234'], [176, '0000000000250'], [296, '241126']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ bankCode: '033', convenio: '12340123456709876543', sequence: null });
    expect(parsed.items[0]).toMatchObject({ ...common400, companyRef: 'ERP000000123', nossoNumero: '00001234', creditDate: '2026-11-24', feeCents: 250 });
  });

  it('Caixa (SIGCB): uso da empresa 32–56, modalidade 57–58 then nosso número 59–73, credit 294–299, NSA 390–394', () => {
    const header = header400('104C ECON FEDERAL', [[27, '1234'], [31, '654321'], [390, '00017']]);
    const detail = at(400, [...frame400(2, '1', '21'), [2, '02'], [4, '11222333000181'], [32, 'ERP000000123'], [57, '14'], [59, '000000000000123'], [107, '01'], [176, '0000000000250'], [294, '241126']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ bankCode: '104', convenio: '1234654321', sequence: 17 });
    expect(parsed.items[0]).toMatchObject({ ...common400, movementCode: '21', companyRef: 'ERP000000123', nossoNumero: '000000000000123', creditDate: '2026-11-24', feeCents: 250 });
  });

  it('Bradesco: company code 27–46, aviso 109–113, nosso número 71–81 (DV 82 left out), credit 296–301', () => {
    const header = header400('237BRADESCO', [[27, '00000000000004567890'], [109, '01021']]);
    const detail = at(400, [...frame400(2, '1'), [2, '02'], [4, '11222333000181'], [21, '00090123400123456'], [38, 'ERP000000123'], [71, '00000000123'], [82, 'P'], [176, '0000000000250'], [296, '241126']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ bankCode: '237', convenio: '00000000000004567890', sequence: 1021 });
    expect(parsed.items[0]).toMatchObject({ ...common400, companyRef: 'ERP000000123', nossoNumero: '00000000123', creditDate: '2026-11-24', feeCents: 250 });
  });

  it('Itaú: agency/account 27–38, file sequence 109–113, nosso número 63–70, fee 176–188, credit 296–301', () => {
    const header = header400('341BANCO ITAU SA', [[27, '1234'], [31, '00'], [33, '56789'], [38, '0'], [109, '00321']]);
    const detail = at(400, [...frame400(2, '1'), [2, '02'], [4, '11222333000181'], [18, '1234'], [22, '00'], [24, '56789'], [29, '0'], [38, 'ERP000000123'], [63, '00000123'], [83, '109'], [86, '00000123'], [94, '4'], [108, 'I'], [176, '0000000000250'], [296, '241126'], [393, 'AA']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ bankCode: '341', convenio: '123400567890', sequence: 321 });
    expect(parsed.items[0]).toMatchObject({ ...common400, companyRef: 'ERP000000123', nossoNumero: '00000123', creditDate: '2026-11-24', feeCents: 250 });
  });

  it('Sicoob: cooperative/client 27–40, NSA 101–107, nosso número 63–73 (DV 74 left out), credit 176–181, fee 182–188', () => {
    const header = header400('756BANCOOBCED', [[27, '3069'], [31, '1'], [32, '00123456'], [40, '7'], [101, '0000009']]);
    const detail = at(400, [...frame400(2, '1'), [2, '02'], [4, '11222333000181'], [18, '3069'], [22, '1'], [23, '00123456'], [31, '7'], [38, 'ERP000000123'], [63, '00000012345'], [74, '6'], [75, '01'], [107, '01'], [176, '241126'], [182, '0000250']]);
    const parsed = parseReturnFile(file([header, detail, trailer400(3)]));
    expect(parsed).toMatchObject({ bankCode: '756', convenio: '30691001234567', sequence: 9 });
    expect(parsed.items[0]).toMatchObject({ ...common400, companyRef: 'ERP000000123', nossoNumero: '00000012345', creditDate: '2026-11-24', feeCents: 250 });
  });
});

// CNAB 240: file header, lot header, T, U, lot trailer, file trailer of one bank.
const header240 = (bank: string) => at(240, [[1, `${bank}00000`], [18, '2'], [19, '11222333000181'], [33, '1234567'], [73, 'DISTRIBUIDORA EXEMPLO LTDA'], [143, '225112026'], [158, '000042'], [164, '040']]);
const lotHeader240 = (bank: string) => at(240, [[1, `${bank}00011T01`]]);
const u240 = (bank: string) =>
  at(240, [[1, `${bank}000130000`], [13, '2U'], [16, '06'], [18, '000000000001500'], [78, '000000000151500'], [93, '000000000151250'], [138, '23112026'], [146, '24112026']]);
const trailers240 = (bank: string) => [
  at(240, [[1, `${bank}00015`], [18, '000004'], [24, '000001'], [30, '00000000000150000']]),
  at(240, [[1, `${bank}99999`], [18, '000001'], [24, '000006']]),
];
const paid240 = { movementCode: '06', movementKind: 'settlement', dueDate: '2026-11-10', nominalCents: 150_000, paidCents: 151_500, chargesCents: 1_500, netCreditCents: 151_250, occurrenceDate: '2026-11-23', creditDate: '2026-11-24', feeCents: 250 };

describe('CNAB 240 segments T/U at the published columns', () => {
  it('Santander: its own segment T (nosso número 41–53, document 55–69, due 70–77, value 78–92, company id 101–125, fee 194–208)', () => {
    const t = at(240, [[1, '033000130000'], [13, '1T'], [16, '06'], [18, '1234'], [22, '5'], [23, '012345678'], [32, '9'], [41, '0000000012345'], [54, '5'], [55, 'NF1001'], [70, '10112026'], [78, '000000000150000'], [93, '033'], [96, '1234'], [100, '0'], [101, 'ERP000000123'], [126, '09'], [128, '2'], [129, '011222333000181'], [144, 'CLIENTE EXEMPLO SA'], [184, '0123456789'], [194, '000000000000250'], [209, '0000000000']]);
    const parsed = parseReturnFile(file([header240('033'), lotHeader240('033'), t, u240('033'), ...trailers240('033')]));
    expect(parsed).toMatchObject({ format: 'CNAB240', bankCode: '033', sequence: 42, generatedOn: '2026-11-25' });
    expect(parsed.items[0]).toMatchObject({ ...paid240, nossoNumero: '0000000012345', documentNumber: 'NF1001', companyRef: 'ERP000000123' });
  });

  it('FEBRABAN banks (Sicoob here): nosso número 38–57, document 59–73, due 74–81, value 82–96, company id 106–130, fee 199–213', () => {
    // Sicoob's 20 columns: the number with its DV (38–47), parcela 48–49, modalidade 50–51, form 52.
    const t = at(240, [[1, '756000130000'], [13, '1T'], [16, '06'], [18, '03069'], [23, '0'], [24, '000000123456'], [36, '7'], [38, '0000123451'], [48, '01'], [50, '01'], [52, '4'], [58, '1'], [59, 'NF1001'], [74, '10112026'], [82, '000000000150000'], [97, '756'], [106, 'ERP000000123'], [133, '2'], [134, '011222333000181'], [149, 'CLIENTE EXEMPLO SA'], [199, '000000000000250']]);
    const parsed = parseReturnFile(file([header240('756'), lotHeader240('756'), t, u240('756'), ...trailers240('756')]));
    const item = parsed.items[0]!;
    expect(item).toMatchObject({ ...paid240, nossoNumero: '000012345101014', documentNumber: 'NF1001', companyRef: 'ERP000000123' });
    // The whole field, the number with its DV, and without it (ACBr reads 40–46).
    expect(nossoNumeroKeys('CNAB240', '756', item.nossoNumero)).toEqual(['000012345101014', '0000123451', '0012345']);
  });
});

describe('what real files do at the edges', () => {
  const bradesco = () => {
    const header = header400('237BRADESCO', [[27, '00000000000004567890'], [109, '01021']]);
    const detail = (fields: readonly (readonly [number, string])[]) => at(400, [...frame400(2, '1'), [38, 'ERP000000123'], [71, '00000000123'], ...fields]);
    return { header, detail };
  };

  it('a CNAB 240 file whose trailing spaces were stripped is read as if padded; CR-only line ends too', () => {
    const lines = [header240('033'), lotHeader240('033'), at(240, [[1, '033000130000'], [13, '1T'], [16, '06'], [41, '0000000012345'], [70, '10112026'], [78, '000000000150000']]), u240('033'), ...trailers240('033')];
    const stripped = lines.map((l) => l.trimEnd());
    expect(stripped.every((l) => l.length < 240)).toBe(true);
    expect(parseReturnFile(file(stripped, '\n')).items[0]).toMatchObject({ nossoNumero: '0000000012345', paidCents: 151_500 });
    expect(parseReturnFile(file(lines, '\r')).items).toHaveLength(1);
  });

  it('spaces past column 400 are dropped, a CNAB 400 line short of its sequence is refused', () => {
    const { header, detail } = bradesco();
    expect(parseReturnFile(file([`${header}   `, `${detail([])} `, trailer400(3)])).items).toHaveLength(1);
    expect(() => parseReturnFile(file([header, detail([]).slice(0, 399), trailer400(3)]))).toThrow('Linha 2: a linha tem 399 caracteres; num arquivo CNAB 400 todas têm 400.');
  });

  it('no date (000000 or blanks), a blank nosso número, leading zeros, lower-case text and a lower-case literal', () => {
    const { header, detail } = bradesco();
    const line = detail([[111, '000000'], [147, '      '], [71, '           '], [38, 'erp-000123'.padEnd(25)], [296, '000000']]);
    const parsed = parseReturnFile(file([header.replace('RETORNO', 'retorno'), line, trailer400(3)]));
    expect(parsed.items[0]).toMatchObject({ occurrenceDate: null, dueDate: null, creditDate: null, nossoNumero: '', companyRef: 'erp-000123', nominalCents: 150_000 });
    expect(nossoNumeroKeys('CNAB400', '237', parsed.items[0]!.nossoNumero)).toEqual([]);
  });

  it('DDMMAA years are 20AA: CNAB 400 files are of this century and a window would misread dates after 2050', () => {
    const { header, detail } = bradesco();
    const parsed = parseReturnFile(file([header, detail([[147, '311299'], [296, '010100']]), trailer400(3)]));
    expect(parsed.items[0]).toMatchObject({ dueDate: '2099-12-31', creditDate: '2000-01-01' });
  });
});
