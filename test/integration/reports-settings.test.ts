import QRCode from 'qrcode';
import { afterEach, describe, expect, it } from 'vitest';
import type { Params } from '../../shared/ipc/schemas';
import { ALNUM_CNPJS, CPFS, expectError, openTestBackend, removeAllTempDirs, type TestBackend } from '../helpers/backend';

afterEach(removeAllTempDirs);

async function pngBase64(): Promise<string> {
  return (await QRCode.toBuffer('logo', { type: 'png', width: 48 })).toString('base64');
}

function company(overrides: Partial<Params<'settings.updateCompany'>> = {}): Params<'settings.updateCompany'> {
  return {
    legalName: 'Distribuidora Exemplo Ltda',
    tradeName: 'Exemplo Atacado',
    cnpj: '11.222.333/0001-81',
    address: { street: 'Rua das Flores', streetNumber: '120', complement: null, district: 'Centro', city: 'Campinas', uf: 'sp', postalCode: '13010-000' },
    phone: '(19) 3234-5678',
    email: 'Cobranca@Exemplo.com.br',
    pixKey: '+55 (19) 99876-5432',
    logo: null,
    defaultFineBp: 200,
    defaultMonthlyInterestBp: 100,
    ...overrides,
  };
}

function fieldMessages(t: TestBackend, params: Params<'settings.updateCompany'>) {
  return t.callRaw('settings.updateCompany', params).then((env) => expectError(env).details?.fields ?? []);
}

describe('company settings', () => {
  it('starts empty with the default charges, then saves normalised values and logs the change', async () => {
    const t = openTestBackend();
    try {
      const empty = await t.call('settings.getCompany', {});
      expect(empty).toMatchObject({ legalName: '', cnpj: '', defaultFineBp: 200, defaultMonthlyInterestBp: 100, updatedAt: null, logo: null });

      const logo = await pngBase64();
      const saved = await t.call('settings.updateCompany', company({ logo: { mimeType: 'image/png', base64: logo } }));
      expect(saved).toMatchObject({
        cnpj: '11222333000181',
        email: 'Cobranca@Exemplo.com.br',
        phone: '551932345678',
        pixKey: '+5519998765432',
        address: { uf: 'SP', postalCode: '13010000', city: 'Campinas' },
        logo: { mimeType: 'image/png', base64: logo },
      });
      expect(saved.updatedAt).toBe('2026-11-25T15:00:00.000Z');
      expect(await t.call('settings.getCompany', {})).toEqual(saved);
      expect(t.events.at(-1)).toEqual({ name: 'data.changed', payload: { tables: ['settings', 'activity_log'] } });
      const log = t.raw().prepare(`SELECT action, details FROM activity_log WHERE action = 'settings.company_updated'`).all() as { details: string }[];
      expect(log).toHaveLength(1);
      expect(JSON.parse(log[0]!.details).changed).toEqual(expect.arrayContaining(['legalName', 'cnpj', 'pixKey', 'logo']));
    } finally {
      t.close();
    }
  });

  it('accepts an alphanumeric CNPJ and a CNPJ or e-mail or random Pix key', async () => {
    const t = openTestBackend();
    try {
      const saved = await t.call('settings.updateCompany', company({ cnpj: ALNUM_CNPJS[0]!.toLowerCase(), pixKey: '71C7D9BE-4B85-4E43-9F1C-1F3B8B4E9A2D' }));
      expect(saved.cnpj).toBe(ALNUM_CNPJS[0]);
      expect(saved.pixKey).toBe('71c7d9be-4b85-4e43-9f1c-1f3b8b4e9a2d');
      expect((await t.call('settings.updateCompany', company({ pixKey: '' }))).pixKey).toBeNull();
    } finally {
      t.close();
    }
  });

  it('refuses bad values with pt-BR messages on the right field, and changes nothing', async () => {
    const t = openTestBackend();
    try {
      expect(await fieldMessages(t, company({ cnpj: '11.222.333/0001-82' }))).toEqual([{ path: 'cnpj', message: 'CNPJ inválido: dígito verificador não confere' }]);
      expect(await fieldMessages(t, company({ cnpj: CPFS[0]! }))).toEqual([{ path: 'cnpj', message: 'A empresa credora deve ter CNPJ' }]);
      expect((await fieldMessages(t, company({ pixKey: '+55 19 3234-5678' })))[0]).toMatchObject({ path: 'pixKey', message: expect.stringContaining('celular') });
      expect((await fieldMessages(t, company({ defaultFineBp: 201 })))[0]).toMatchObject({ path: 'defaultFineBp', message: expect.stringContaining('no máximo 2%') });
      expect((await fieldMessages(t, company({ defaultMonthlyInterestBp: 1001 })))[0]?.path).toBe('defaultMonthlyInterestBp');
      expect((await fieldMessages(t, company({ legalName: ' ' })))[0]).toEqual({ path: 'legalName', message: 'Informe a razão social da empresa' });
      expect((await fieldMessages(t, company({ address: { ...company().address, city: '' } })))[0]?.path).toBe('address.city');

      const png = await pngBase64();
      expect(await fieldMessages(t, company({ logo: { mimeType: 'image/jpeg', base64: png } }))).toEqual([
        { path: 'logo.base64', message: 'Logotipo: o arquivo não é JPEG de verdade' },
      ]);
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1').toString('base64');
      expect((await fieldMessages(t, company({ logo: { mimeType: 'image/png', base64: gif } })))[0]?.message).toBe('Logotipo: o arquivo não é PNG de verdade');
      const big = Buffer.concat([Buffer.from(png, 'base64'), Buffer.alloc(512 * 1024)]).toString('base64');
      expect((await fieldMessages(t, company({ logo: { mimeType: 'image/png', base64: big } })))[0]?.message).toBe('Logotipo maior que 512 KB: reduza a imagem');
      expect((await fieldMessages(t, company({ logo: { mimeType: 'image/png', base64: 'não é base64!' } })))[0]?.message).toBe('Logotipo: conteúdo inválido (base64)');

      expect((await t.call('settings.getCompany', {})).updatedAt).toBeNull();
    } finally {
      t.close();
    }
  });
});
