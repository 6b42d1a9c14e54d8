import { describe, it, expect } from 'vitest';
import { VALID_DDDS, formatPhone, isValidDdd, isValidEmail, normalizePhone, validateEmail, waMeLink } from './contact-info';

describe('validateEmail', () => {
  it.each([
    ['financeiro@distribuidora.com.br', 'financeiro@distribuidora.com.br'],
    ['  Joao.Silva+cobranca@Empresa.COM ', 'joao.silva+cobranca@empresa.com'],
    ['a@b.co', 'a@b.co'],
    ["o'neil@mail-server.example.org", "o'neil@mail-server.example.org"],
  ])('accepts %j', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'E-mail não informado'],
    ['   ', 'E-mail não informado'],
    ['joao.empresa.com', 'E-mail sem @'],
    ['joao@@empresa.com', 'E-mail com mais de um @'],
    ['a@b@c.com', 'E-mail com mais de um @'],
    ['@empresa.com', 'E-mail sem o nome antes do @'],
    ['joao@', 'E-mail sem domínio depois do @'],
    ['joao silva@empresa.com', 'E-mail não pode conter espaços'],
    ['.joao@empresa.com', 'E-mail com caracteres inválidos antes do @'],
    ['joao..silva@empresa.com', 'E-mail com caracteres inválidos antes do @'],
    ['joão@empresa.com', 'E-mail com caracteres inválidos antes do @'],
    ['joao@empresa', 'E-mail com domínio inválido: "empresa"'],
    ['joao@empresa.c', 'E-mail com domínio inválido: "empresa.c"'],
    ['joao@-empresa.com', 'E-mail com domínio inválido: "-empresa.com"'],
    ['joao@empresa..com', 'E-mail com domínio inválido: "empresa..com"'],
    ['joao@empresa.com.', 'E-mail com domínio inválido: "empresa.com."'],
    ['joao@empresa.123', 'E-mail com domínio inválido: "empresa.123"'],
  ])('rejects %j', (input, message) => {
    expect(validateEmail(input)).toEqual({ ok: false, message });
  });

  it('isValidEmail is the boolean shortcut', () => {
    expect(isValidEmail('a@b.co')).toBe(true);
    expect(isValidEmail('a@b')).toBe(false);
  });

  it('rejects over-long addresses', () => {
    expect(validateEmail(`${'a'.repeat(65)}@x.com`).ok).toBe(false);
    expect(validateEmail(`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`)).toEqual({
      ok: false,
      message: 'E-mail longo demais',
    });
  });
});

describe('DDDs', () => {
  it('has the 67 DDDs in use', () => {
    expect(VALID_DDDS).toHaveLength(67);
    for (const ok of ['11', '19', '21', '22', '24', '27', '28', '55', '61', '69', '79', '99']) {
      expect(isValidDdd(ok)).toBe(true);
    }
    for (const bad of ['10', '20', '23', '25', '26', '29', '30', '36', '39', '40', '50', '52', '56', '60', '70', '72', '76', '78', '80', '90']) {
      expect(isValidDdd(bad)).toBe(false);
    }
  });
});

describe('normalizePhone', () => {
  it.each([
    ['(11) 98765-4321', '5511987654321', '11'],
    ['11987654321', '5511987654321', '11'],
    ['+55 11 98765-4321', '5511987654321', '11'],
    ['+5511987654321', '5511987654321', '11'],
    ['55 11 98765 4321', '5511987654321', '11'],
    ['011 98765-4321', '5511987654321', '11'],
    ['0 21 11 98765-4321', '5511987654321', '11'], // carrier code 21
    ['(0xx11) 3456-7890', '551134567890', '11'],
    ['(11) 3456-7890', '551134567890', '11'],
    ['11 3456.7890', '551134567890', '11'],
    ['+55 (21) 2345-6789', '552123456789', '21'],
    ['(55) 99876-5432', '5555998765432', '55'], // DDD 55 (RS), not the country code
    ['(55) 3222-1234', '555532221234', '55'],
    ['555532221234', '555532221234', '55'], // country code + DDD 55
    ['00 21 55 11 98765-4321', '5511987654321', '11'],
    ['(61) 99999-0000', '5561999990000', '61'],
  ])('%s → %s', (input, value, ddd) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value, ddd });
  });

  it.each([
    ['', 'Telefone não informado'],
    ['98765-4321', 'Telefone sem DDD'],
    ['3456-7890', 'Telefone sem DDD'],
    ['(20) 98765-4321', 'DDD 20 não existe'],
    ['(10) 3456-7890', 'DDD 10 não existe'],
    ['(11) 88765-4321', 'Celular deve começar com 9 depois do DDD'],
    ['(11) 8765-4321', 'Celular sem o nono dígito: acrescente 9 depois do DDD'],
    ['(11) 1234-5678', 'Telefone fixo deve começar com 2, 3, 4 ou 5 depois do DDD'],
    ['+1 415 555 0100', 'Somente telefones do Brasil (+55)'],
    ['0800 123 4567', 'Números 0800/0300/0500/0900 não são aceitos'],
    ['(11) 9876-54321-1', 'Telefone deve ter DDD + 8 dígitos (fixo) ou DDD + 9 dígitos (celular)'],
    ['123', 'Telefone deve ter DDD + 8 dígitos (fixo) ou DDD + 9 dígitos (celular)'],
    ['(11) 98765-432a', 'Telefone contém caracteres inválidos'],
    ['11 +98765-4321', 'Telefone contém caracteres inválidos'],
  ])('rejects %j with %j', (input, message) => {
    expect(normalizePhone(input)).toEqual({ ok: false, message });
  });
});

describe('formatPhone', () => {
  it('formats mobiles and landlines from E.164 or national digits', () => {
    expect(formatPhone('5511987654321')).toBe('(11) 98765-4321');
    expect(formatPhone('551134567890')).toBe('(11) 3456-7890');
    expect(formatPhone('11987654321')).toBe('(11) 98765-4321');
    expect(formatPhone('+55 11 98765 4321')).toBe('(11) 98765-4321');
    expect(formatPhone('5555998765432')).toBe('(55) 99876-5432');
  });
  it('leaves other shapes unchanged', () => {
    expect(formatPhone('123')).toBe('123');
    expect(formatPhone('')).toBe('');
  });
  it('round-trips with normalizePhone', () => {
    const r = normalizePhone(formatPhone('5521998765432'));
    expect(r).toEqual({ ok: true, value: '5521998765432', ddd: '21' });
  });
});

describe('waMeLink', () => {
  it('builds a click-to-chat link with an encoded text', () => {
    expect(waMeLink('5511987654321', 'Olá, João! Boleto de R$ 1.234,56 vence hoje & segue o Pix?')).toBe(
      'https://wa.me/5511987654321?text=Ol%C3%A1%2C%20Jo%C3%A3o!%20Boleto%20de%20R%24%201.234%2C56%20vence%20hoje%20%26%20segue%20o%20Pix%3F',
    );
  });
  it('encodes line breaks and strips non-digits from the number', () => {
    expect(waMeLink('+55 11 98765-4321', 'a\nb')).toBe('https://wa.me/5511987654321?text=a%0Ab');
  });
  it('omits text when empty', () => {
    expect(waMeLink('5511987654321', '')).toBe('https://wa.me/5511987654321');
  });
});
