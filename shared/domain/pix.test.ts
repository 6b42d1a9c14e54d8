import { generatePixPayload, getPixPayloadInfo } from '@brazilian-utils/brazilian-utils';
import { describe, expect, it } from 'vitest';
import { PixError, buildPixCode, crc16CcittFalse, parsePixCode, pixTxid, validatePixKey } from './pix';

/** An independent, table-driven CRC-16/CCITT-FALSE to check the bitwise one against. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = (c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1) & 0xffff;
  return c;
});
function tableCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'ascii')) crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >> 8) ^ byte) & 0xff] ?? 0);
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** The static example of the BCB BR Code manual (random key, no amount, no txid). */
const BCB_EXAMPLE =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000' +
  '5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

describe('crc16CcittFalse', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });
  it('agrees with a table-driven implementation', () => {
    for (const s of ['', 'A', BCB_EXAMPLE.slice(0, -4), '000201010212']) expect(crc16CcittFalse(s)).toBe(tableCrc(s));
  });
});

describe('buildPixCode', () => {
  it('reproduces the BCB manual example byte for byte', () => {
    expect(
      buildPixCode({ key: '123E4567-E12B-12D1-A456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' }),
    ).toBe(BCB_EXAMPLE);
  });

  it('writes amount, txid, folded name and city, and a CRC that an independent computation confirms', () => {
    const code = buildPixCode({
      key: '12.345.678/0001-95',
      merchantName: 'Distribuidora São João de Alimentos Ltda',
      merchantCity: 'São José dos Campos',
      amountCents: 123450,
      txid: 'EXT42',
    });
    expect(code).toContain('0114123456780001955204000053039865407' + '1234.50');
    expect(code).toContain('5925Distribuidora Sao Joao d');
    expect(code).toContain('6015Sao Jose dos Ca');
    expect(code).toContain('62090505EXT42');
    expect(code.slice(-4)).toBe(tableCrc(code.slice(0, -4)));
  });

  it('matches @brazilian-utils generatePixPayload for each key type', () => {
    const keys = ['529.982.247-25', '12ABC34501DE35', 'Cobranca@Empresa.com.br', '+55 (11) 98765-4321', '71c7d9be-4b85-4e43-9f1c-1f3b8b4e9a2d'];
    for (const key of keys) {
      const mine = buildPixCode({ key, merchantName: 'Acme Atacado', merchantCity: 'Campinas', amountCents: 99, txid: 'TIT7' });
      const theirs = generatePixPayload({ key, merchantName: 'Acme Atacado', merchantCity: 'Campinas', amount: 0.99, txid: 'TIT7' });
      expect(mine).toBe(theirs);
      expect(getPixPayloadInfo(mine)).toMatchObject({ merchantName: 'Acme Atacado', merchantCity: 'Campinas', amount: 0.99, txid: 'TIT7' });
    }
  });

  it('refuses bad input with pt-BR messages', () => {
    const base = { key: 'cobranca@empresa.com.br', merchantName: 'Acme', merchantCity: 'Campinas' };
    expect(() => buildPixCode({ ...base, amountCents: 0 })).toThrow('Valor do Pix deve ser maior que zero');
    expect(() => buildPixCode({ ...base, txid: 'TIT-1' })).toThrow(/txid.*inválido/);
    expect(() => buildPixCode({ ...base, txid: 'A'.repeat(26) })).toThrow(PixError);
    expect(() => buildPixCode({ ...base, merchantName: '  ' })).toThrow('Nome do recebedor do Pix não informado');
    expect(() => buildPixCode({ ...base, merchantCity: '東京' })).toThrow('Cidade do recebedor');
    expect(() => buildPixCode({ ...base, key: '123' })).toThrow(/Chave Pix inválida/);
  });
});

describe('validatePixKey', () => {
  it.each([
    ['529.982.247-25', 'CPF', '52998224725'],
    ['11.222.333/0001-81', 'CNPJ', '11222333000181'],
    ['12.abc.345/01de-35', 'CNPJ', '12ABC34501DE35'],
    [' Cobranca@Empresa.COM.br ', 'EMAIL', 'cobranca@empresa.com.br'],
    ['+55 (11) 98765-4321', 'PHONE', '+5511987654321'],
    ['71C7D9BE-4B85-4E43-9F1C-1F3B8B4E9A2D', 'EVP', '71c7d9be-4b85-4e43-9f1c-1f3b8b4e9a2d'],
  ])('accepts %s as %s', (input, type, value) => {
    expect(validatePixKey(input)).toEqual({ ok: true, type, value });
  });

  it.each([
    ['', 'Chave Pix não informada'],
    ['529.982.247-26', 'CPF inválido: dígito verificador não confere'],
    ['11.222.333/0001-82', 'CNPJ inválido'],
    ['cobranca@', 'Chave Pix (e-mail) inválida'],
    ['+1 415 555 0100', 'celular do Brasil (+55)'],
    ['+55 11 3456-7890', 'celular de 9 dígitos'],
    ['71c7d9be-4b85-4e43-9f1c1f3b8b4e9a2d-', 'Chave Pix aleatória inválida'],
  ])('refuses %j', (input, message) => {
    const r = validatePixKey(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('parsePixCode', () => {
  it('reads back what buildPixCode writes', () => {
    const code = buildPixCode({ key: '+5511987654321', merchantName: 'Acme', merchantCity: 'Santos', amountCents: 1_000_050, txid: 'ACD9P2', description: 'Parcela 2' });
    expect(parsePixCode(code)).toEqual({
      key: '+5511987654321',
      keyType: 'PHONE',
      merchantName: 'Acme',
      merchantCity: 'Santos',
      amountCents: 1_000_050,
      txid: 'ACD9P2',
      description: 'Parcela 2',
    });
  });

  it('reads the BCB example (no amount, "***" txid)', () => {
    expect(parsePixCode(BCB_EXAMPLE)).toMatchObject({ keyType: 'EVP', amountCents: null, txid: null, merchantCity: 'BRASILIA' });
  });

  it('refuses a code whose CRC does not match, or that was cut short', () => {
    const tampered = BCB_EXAMPLE.replace('Fulano', 'Fulana');
    expect(() => parsePixCode(tampered)).toThrow(/CRC incorreto \(1D3D, esperado [0-9A-F]{4}\)/);
    expect(() => parsePixCode(BCB_EXAMPLE.slice(0, 40))).toThrow(PixError);
    expect(() => parsePixCode('')).toThrow('Código Pix vazio');
  });
});

describe('pixTxid', () => {
  it('joins prefix, id and installment within 25 [A-Za-z0-9]', () => {
    expect(pixTxid('tit', 123)).toBe('TIT123');
    expect(pixTxid('ACD', 42, 3)).toBe('ACD42P3');
    expect(pixTxid('EXT', '2026-11-26')).toBe('EXT20261126');
  });
  it('refuses what would not fit', () => {
    expect(() => pixTxid('TIT', '9'.repeat(23))).toThrow(/passa de 25/);
    expect(() => pixTxid('T-1', 1)).toThrow(/Prefixo/);
    expect(() => pixTxid('ACD', 1, 0)).toThrow(/parcela/);
  });
});
