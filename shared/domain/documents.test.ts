import { describe, it, expect } from 'vitest';
import {
  MSG_DOCUMENT_LENGTH,
  cnpjRoot,
  documentKind,
  formatDocument,
  generateCnpj,
  generateCpf,
  normalizeDocument,
  validateDocument,
} from './documents';

// Independent mod-11 with the explicit weights of DOMAIN.md (value = ASCII − 48), to cross-check the library.
function cnpjCheckDigits(base12: string): string {
  const dv = (s: string, weights: number[]) => {
    const sum = [...s].reduce((acc, c, i) => acc + (c.charCodeAt(0) - 48) * (weights[i] ?? 0), 0);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = dv(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = dv(base12 + d1, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${d1}${d2}`;
}
function cpfCheckDigits(base9: string): string {
  const dv = (s: string) => {
    const sum = [...s].reduce((acc, c, i) => acc + Number(c) * (s.length + 1 - i), 0);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = dv(base9);
  return `${d1}${dv(base9 + d1)}`;
}

function seeded(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('normalizeDocument', () => {
  it('strips the mask and upper-cases', () => {
    expect(normalizeDocument('12.345.678/0001-95')).toBe('12345678000195');
    expect(normalizeDocument(' 123.456.789-09 ')).toBe('12345678909');
    expect(normalizeDocument('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(normalizeDocument('529 982 247 25')).toBe('52998224725');
  });
  it('keeps other characters so validation can name them', () => {
    expect(normalizeDocument('529*982')).toBe('529*982');
  });
});

describe('documentKind', () => {
  it('classifies by shape', () => {
    expect(documentKind('52998224725')).toBe('CPF');
    expect(documentKind('11222333000181')).toBe('CNPJ');
    expect(documentKind('12ABC34501DE35')).toBe('CNPJ');
    expect(documentKind('12ABC34501DE3A')).toBeNull(); // check digits must be numeric
    expect(documentKind('5299822472')).toBeNull();
    expect(documentKind('5299822472A')).toBeNull();
    expect(documentKind('12abc34501de35')).toBeNull(); // expects normalised input
    expect(documentKind('')).toBeNull();
  });
});

describe('validateDocument: CPF', () => {
  it.each(['529.982.247-25', '52998224725', '111.444.777-35', '  111 444 777 35 '])('accepts %s', (input) => {
    const r = validateDocument(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.type).toBe('CPF');
      expect(r.value).toBe(normalizeDocument(input));
    }
  });
  it('rejects a wrong check digit', () => {
    expect(validateDocument('529.982.247-26')).toEqual({
      ok: false,
      message: 'CPF inválido: dígito verificador não confere',
    });
    expect(validateDocument('529.982.247-15')).toMatchObject({ ok: false });
  });
  it('rejects all-same digits even though their check digits match', () => {
    expect(cpfCheckDigits('111111111')).toBe('11');
    const r = validateDocument('111.111.111-11');
    expect(r).toEqual({ ok: false, message: 'CPF inválido: todos os dígitos são iguais' });
    expect(validateDocument('00000000000').ok).toBe(false);
  });
  it('rejects the 123.456.789-09 placeholder', () => {
    expect(cpfCheckDigits('123456789')).toBe('09');
    const r = validateDocument('123.456.789-09');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^CPF inválido: /);
  });
});

describe('validateDocument: CNPJ', () => {
  it.each(['11.222.333/0001-81', '12.345.678/0001-95', '54.550.752/0001-55', '11222333000181'])(
    'accepts numeric %s',
    (input) => {
      expect(validateDocument(input)).toEqual({ ok: true, value: normalizeDocument(input), type: 'CNPJ' });
    },
  );
  it('hand mod-11 agrees with the numeric vectors', () => {
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(cnpjCheckDigits('123456780001')).toBe('95');
  });
  it('accepts the RFB alphanumeric example 12.ABC.345/01DE-35 (hand check: DV 3 and 5)', () => {
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
    expect(validateDocument('12.ABC.345/01DE-35')).toEqual({ ok: true, value: '12ABC34501DE35', type: 'CNPJ' });
    expect(validateDocument('12.abc.345/01de-35')).toEqual({ ok: true, value: '12ABC34501DE35', type: 'CNPJ' });
  });
  it.each(['12.ABC.345/01DE-36', '12.ABC.345/01DE-45', '12.ABC.345/01DF-35', '11.222.333/0001-82'])(
    'rejects a changed digit: %s',
    (input) => {
      expect(validateDocument(input)).toEqual({ ok: false, message: 'CNPJ inválido: dígito verificador não confere' });
    },
  );
  it('accepts other RFB alphanumeric combinations', () => {
    for (const base of ['AA3456780001', 'AA345678000A', '12345678000A']) {
      const doc = base + cnpjCheckDigits(base);
      expect(validateDocument(doc)).toEqual({ ok: true, value: doc, type: 'CNPJ' });
    }
    expect(cnpjCheckDigits('AA3456780001')).toBe('14');
    expect(cnpjCheckDigits('AA345678000A')).toBe('29');
    expect(cnpjCheckDigits('12345678000A')).toBe('08');
  });
  it('rejects letters in the check digits', () => {
    const r = validateDocument('12.ABC.345/01DE-3A');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^CNPJ inválido: .*dígitos verificadores/);
  });
  it('rejects all-same digits', () => {
    expect(validateDocument('00.000.000/0000-00')).toEqual({
      ok: false,
      message: 'CNPJ inválido: todos os dígitos são iguais',
    });
    expect(validateDocument('11111111111111').ok).toBe(false);
  });
});

describe('validateDocument: shape', () => {
  it.each(['123', '5299822472', '529982247250', '1122233300018', '112223330001810'])('length of %s', (input) => {
    expect(validateDocument(input)).toEqual({ ok: false, message: MSG_DOCUMENT_LENGTH });
  });
  it('says exactly the length message', () => {
    expect(MSG_DOCUMENT_LENGTH).toBe('Documento deve ter 11 dígitos (CPF) ou 14 caracteres (CNPJ)');
  });
  it('empty and invalid characters', () => {
    expect(validateDocument('  ')).toEqual({ ok: false, message: 'Documento não informado' });
    expect(validateDocument('529*982.247-25')).toEqual({
      ok: false,
      message: 'Documento contém caractere inválido: "*"',
    });
  });
  it('11 characters with letters is a CPF error', () => {
    const r = validateDocument('5299822472A');
    expect(r).toEqual({ ok: false, message: 'CPF inválido: deve conter apenas dígitos' });
  });
});

describe('formatDocument', () => {
  it('applies masks', () => {
    expect(formatDocument('12345678000195')).toBe('12.345.678/0001-95');
    expect(formatDocument('12345678909')).toBe('123.456.789-09');
    expect(formatDocument('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(formatDocument('12.345.678/0001-95')).toBe('12.345.678/0001-95'); // idempotent
  });
  it('leaves unknown shapes unchanged', () => {
    expect(formatDocument('123')).toBe('123');
    expect(formatDocument('')).toBe('');
  });
});

describe('cnpjRoot', () => {
  it('returns the first 8 characters of a CNPJ', () => {
    expect(cnpjRoot('12345678000195')).toBe('12345678');
    expect(cnpjRoot('12ABC34501DE35')).toBe('12ABC345');
    expect(cnpjRoot('12.345.678/0002-76')).toBe('12345678');
  });
  it('returns a CPF whole', () => {
    expect(cnpjRoot('52998224725')).toBe('52998224725');
  });
});

describe('generateCnpj / generateCpf', () => {
  it('generates valid, deterministic numeric CNPJs', () => {
    const a = seeded(42);
    const b = seeded(42);
    const xs = Array.from({ length: 200 }, () => generateCnpj(a));
    const ys = Array.from({ length: 200 }, () => generateCnpj(b));
    expect(xs).toEqual(ys);
    for (const x of xs) {
      expect(x).toMatch(/^\d{8}0001\d{2}$/);
      expect(x.slice(12)).toBe(cnpjCheckDigits(x.slice(0, 12)));
      expect(validateDocument(x).ok).toBe(true);
    }
    expect(new Set(xs).size).toBeGreaterThan(190);
  });
  it('generates valid alphanumeric CNPJs', () => {
    const r = seeded(7);
    const xs = Array.from({ length: 200 }, () => generateCnpj(r, true));
    for (const x of xs) {
      expect(x).toMatch(/^[0-9A-Z]{8}0001\d{2}$/);
      expect(x.slice(12)).toBe(cnpjCheckDigits(x.slice(0, 12)));
      expect(validateDocument(x)).toEqual({ ok: true, value: x, type: 'CNPJ' });
    }
    expect(xs.some((x) => /[A-Z]/.test(x.slice(0, 8)))).toBe(true);
  });
  it('generates valid, deterministic CPFs', () => {
    const a = seeded(1);
    const b = seeded(1);
    const xs = Array.from({ length: 200 }, () => generateCpf(a));
    expect(xs).toEqual(Array.from({ length: 200 }, () => generateCpf(b)));
    for (const x of xs) {
      expect(x).toMatch(/^\d{11}$/);
      expect(x.slice(9)).toBe(cpfCheckDigits(x.slice(0, 9)));
      expect(validateDocument(x)).toEqual({ ok: true, value: x, type: 'CPF' });
    }
  });
  it('survives degenerate random sources', () => {
    for (const rnd of [() => 0, () => 0.99999, () => 1, () => 0.5]) {
      expect(validateDocument(generateCnpj(rnd)).ok).toBe(true);
      expect(validateDocument(generateCnpj(rnd, true)).ok).toBe(true);
      expect(validateDocument(generateCpf(rnd)).ok).toBe(true);
    }
    expect(generateCpf(() => 0)).toBe('000000001' + cpfCheckDigits('000000001'));
  });
});
