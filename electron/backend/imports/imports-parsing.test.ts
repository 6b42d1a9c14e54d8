import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-reader';
import { paymentMethodOf, resolveColumns, suggestMapping } from './row-parser';
import { detectDelimiter, detectEncoding } from './text-detect';

const dir = mkdtempSync(join(tmpdir(), 'adimple-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function records(content: string | Buffer, delimiter: ';' | ',' = ';', encoding: 'utf-8' | 'windows-1252' = 'utf-8') {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  return [...readCsvRecords(path, { encoding, bomLength: 0, delimiter })];
}

describe('detectEncoding', () => {
  it('trusts a BOM, then UTF-8 validity, else Windows-1252', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa;b', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from('São João', 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(Buffer.from('São João', 'latin1'))).toEqual({ encoding: 'windows-1252', bomLength: 0 });
  });
  it('ignores a multi-byte character cut at the end of the sample', () => {
    const bytes = Buffer.from('Razão ç', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits every line alike', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1.5,2.5,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('nome,cidade\n"Silva; Filhos",Recife\n')).toBe(',');
    expect(detectDelimiter('só uma coluna\n')).toBe(';');
  });
});

describe('readCsvRecords', () => {
  it('handles quotes, embedded delimiters and line breaks, CRLF, CR and blank lines', () => {
    expect(records('a;b\r\n"x;y";"he said ""hi"""\r\n\r\n"multi\r\nline";z\rlast;1')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x;y', 'he said "hi"'] },
      { line: 4, fields: ['multi\r\nline', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });
  it('keeps an empty last field and text after a closing quote', () => {
    expect(records('a;b;\n"q"x;2;\n')).toEqual([
      { line: 1, fields: ['a', 'b', ''] },
      { line: 2, fields: ['qx', '2', ''] },
    ]);
  });
  it('reads records that straddle the 1 MiB chunk boundary', () => {
    const filler = 'x'.repeat(1000);
    const lines = ['h1;h2'];
    for (let i = 0; i < 1100; i++) lines.push(`"${filler}\n${i}";"q""${i}"`);
    const out = records(lines.join('\n'));
    expect(out).toHaveLength(1101);
    expect(out[1050]).toEqual({ line: 2 + 1049 * 2, fields: [`${filler}\n1049`, 'q"1049'] });
  });
  it('decodes Windows-1252 and refuses invalid UTF-8 with the byte position', () => {
    expect(records(Buffer.from('Razão;Cidade\nJoão;Niterói\n', 'latin1'), ';', 'windows-1252')[1]!.fields).toEqual(['João', 'Niterói']);
    expect(() => records(Buffer.from('a;b\nJoão;1\n', 'latin1'))).toThrow(/não é UTF-8 válido perto do byte 0/);
  });
});

describe('column mapping', () => {
  it('suggests fields from common ERP headers', () => {
    expect(
      suggestMapping(['Razão Social', 'Nome Fantasia', 'CNPJ/CPF', 'Nº NF', 'Emissão', 'Vencimento', 'Valor', 'Saldo', 'Vendedor', 'UF', 'Cidade', 'E-mail', 'Telefone', 'Segmento', 'Forma de pagamento', 'Nosso número', 'Linha digitável', 'ID externo', 'Data pagamento', 'Valor pago']),
    ).toEqual({
      externalId: 'ID externo',
      document: 'CNPJ/CPF',
      legalName: 'Razão Social',
      tradeName: 'Nome Fantasia',
      segment: 'Segmento',
      salesRep: 'Vendedor',
      city: 'Cidade',
      uf: 'UF',
      email: 'E-mail',
      phone: 'Telefone',
      documentNumber: 'Nº NF',
      issueDate: 'Emissão',
      dueDate: 'Vencimento',
      amount: 'Valor',
      balance: 'Saldo',
      paidAmount: 'Valor pago',
      paidOn: 'Data pagamento',
      paymentMethod: 'Forma de pagamento',
      nossoNumero: 'Nosso número',
      boletoLine: 'Linha digitável',
    });
  });
  it('tells a customer file from a título file and names what is missing', () => {
    expect(resolveColumns({ document: 'CNPJ', legalName: 'Nome' }, ['CNPJ', 'Nome'])).toMatchObject({ ok: true, columns: { kind: 'customers' } });
    expect(resolveColumns({ document: 'CNPJ', amount: 'Valor' }, ['CNPJ', 'Valor'])).toEqual({
      ok: false,
      problems: ['Escolha a coluna de Nº do documento.', 'Escolha a coluna de Vencimento.'],
    });
  });
  it('reads payment methods as clerks write them', () => {
    expect(paymentMethodOf('Boleto Bancário')).toBe('boleto');
    expect(paymentMethodOf('CARTÃO DE CRÉDITO')).toBe('cartao');
    expect(paymentMethodOf('TED')).toBe('transferencia');
    expect(paymentMethodOf('permuta')).toBeNull();
  });
});
