/**
 * The portfolio list (customers.list), its filters, sort, paging, search, filter options and CSV export,
 * checked against balances computed by hand in this file from a small hand-made portfolio.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../electron/backend/context';
import { createFileIntake } from '../../electron/backend/files/file-intake';
import type { CustomerRow, CustomerStatus } from '../../shared/ipc/contract';
import type { Params } from '../../shared/ipc/schemas';
import { AS_OF, CNPJS, CPFS, daysBetween, maskCnpj, minusDays, openTestBackend, removeAllTempDirs, testClock, validCustomer, type TestBackend } from '../helpers/backend';

type Key = 'saoJoao' | 'bomPreco' | 'central' | 'drogaria' | 'bazar' | 'maria' | 'lojaSul' | 'padaria';

interface CustomerSpec {
  key: Key;
  legalName: string;
  tradeName?: string;
  document: string;
  kind?: 'PJ' | 'PF';
  segment: string;
  uf: string;
  salesRep: string;
  city: string;
  status: CustomerStatus;
}

const CUSTOMERS: CustomerSpec[] = [
  { key: 'saoJoao', legalName: 'São João Distribuidora Ltda', document: CNPJS[10]!, segment: 'Mercearia', uf: 'SP', salesRep: 'Ana', city: 'Santos', status: 'active' },
  { key: 'bomPreco', legalName: 'Mercado Bom Preço Ltda', tradeName: 'Bom Preço', document: CNPJS[11]!, segment: 'Farmácia', uf: 'MG', salesRep: 'Bruno', city: 'Belo Horizonte', status: 'active' },
  { key: 'central', legalName: 'Atacado Central Ltda', document: CNPJS[12]!, segment: 'Mercearia', uf: 'SP', salesRep: 'Bruno', city: 'Campinas', status: 'active' },
  { key: 'drogaria', legalName: 'drogaria vida ltda', document: CNPJS[13]!, segment: 'Farmácia', uf: 'PR', salesRep: 'Ana', city: 'Curitiba', status: 'blocked' },
  { key: 'bazar', legalName: 'Bazar Recife Ltda', document: CNPJS[14]!, segment: 'Bazar', uf: 'PE', salesRep: 'Carla', city: 'Recife', status: 'active' },
  { key: 'maria', legalName: 'Maria Aparecida Campos', document: CPFS[5]!, kind: 'PF', segment: 'Mercearia', uf: 'SP', salesRep: 'Ana', city: 'campinas', status: 'active' },
  { key: 'lojaSul', legalName: 'Loja Sul Ltda', document: CNPJS[15]!, segment: 'Bazar', uf: 'RS', salesRep: 'Carla', city: 'Porto Alegre', status: 'inactive' },
  { key: 'padaria', legalName: 'Padaria Pão Quente Ltda', document: CNPJS[16]!, segment: 'Padaria', uf: 'SP', salesRep: 'Bruno', city: 'São Paulo', status: 'active' },
];

interface InvoiceSpec {
  key: Key;
  doc: string;
  amount: number;
  /** Days before the as-of date the título falls due (negative: due in the future; 0: due today). */
  daysLate: number;
  payments: number[];
  writeOff?: boolean;
}

const INVOICES: InvoiceSpec[] = [
  { key: 'saoJoao', doc: 'NF-1001', amount: 100_000, daysLate: 10, payments: [30_000] },
  { key: 'saoJoao', doc: 'NF-1002', amount: 50_000, daysLate: -5, payments: [] },
  { key: 'bomPreco', doc: 'NF-2001', amount: 200_000, daysLate: 45, payments: [] },
  { key: 'bomPreco', doc: 'NF-2002', amount: 30_000, daysLate: 20, payments: [] },
  { key: 'bomPreco', doc: 'NF-2003', amount: 80_000, daysLate: 0, payments: [] },
  { key: 'central', doc: 'NF-3001', amount: 45_000, daysLate: -20, payments: [] },
  { key: 'drogaria', doc: 'NF-4001', amount: 500_000, daysLate: 200, payments: [] },
  { key: 'drogaria', doc: 'NF-4002', amount: 100_000, daysLate: 100, payments: [60_000, 40_000] },
  { key: 'drogaria', doc: 'NF-4003', amount: 40_000, daysLate: 70, payments: [], writeOff: true },
  { key: 'maria', doc: 'NF-6001', amount: 25_000, daysLate: 16, payments: [] },
  { key: 'maria', doc: 'NF-6002', amount: 25_000, daysLate: 75, payments: [5_000] },
  { key: 'lojaSul', doc: 'NF-7001', amount: 123_456, daysLate: 120, payments: [] },
  { key: 'padaria', doc: 'NF-8001', amount: 60_000, daysLate: 30, payments: [] },
  { key: 'padaria', doc: 'NF-8002', amount: 9_999, daysLate: 16, payments: [2_000, 3_000] },
];

// Hand computation of the expected balances (independent of the app's SQL).
interface Expected {
  openCents: number;
  overdueCents: number;
  oldestOverdueDays: number | null;
}
function expectedBalances(invoices: InvoiceSpec[]): Record<Key, Expected> {
  const out = Object.fromEntries(CUSTOMERS.map((c) => [c.key, { openCents: 0, overdueCents: 0, oldestOverdueDays: null }])) as Record<Key, Expected>;
  for (const inv of invoices) {
    const paid = inv.payments.reduce((a, b) => a + b, 0);
    if (inv.writeOff || paid >= inv.amount) continue;
    const e = out[inv.key];
    const open = inv.amount - paid;
    e.openCents += open;
    if (inv.daysLate > 0) {
      e.overdueCents += open;
      e.oldestOverdueDays = Math.max(e.oldestOverdueDays ?? 0, inv.daysLate);
    }
  }
  return out;
}

const EXPECTED = expectedBalances(INVOICES);

// A few of them written out, to be sure the hand model says what we think.
const LITERAL: Partial<Record<Key, Expected>> = {
  saoJoao: { openCents: 70_000 + 50_000, overdueCents: 70_000, oldestOverdueDays: 10 },
  bomPreco: { openCents: 310_000, overdueCents: 230_000, oldestOverdueDays: 45 },
  central: { openCents: 45_000, overdueCents: 0, oldestOverdueDays: null },
  drogaria: { openCents: 500_000, overdueCents: 500_000, oldestOverdueDays: 200 },
  bazar: { openCents: 0, overdueCents: 0, oldestOverdueDays: null },
  maria: { openCents: 45_000, overdueCents: 45_000, oldestOverdueDays: 75 },
  lojaSul: { openCents: 123_456, overdueCents: 123_456, oldestOverdueDays: 120 },
  padaria: { openCents: 64_999, overdueCents: 64_999, oldestOverdueDays: 30 },
};

/** Buckets as DOMAIN.md defines them, written here independently of shared/domain/aging. */
const BUCKETS: Record<string, (e: Expected) => boolean> = {
  current: (e) => e.openCents > 0 && e.oldestOverdueDays === null,
  d1_15: (e) => inRange(e, 1, 15),
  d16_30: (e) => inRange(e, 16, 30),
  d31_60: (e) => inRange(e, 31, 60),
  d61_90: (e) => inRange(e, 61, 90),
  d91_180: (e) => inRange(e, 91, 180),
  d180_plus: (e) => inRange(e, 181, Infinity),
};
function inRange(e: Expected, min: number, max: number) {
  return e.oldestOverdueDays !== null && e.oldestOverdueDays >= min && e.oldestOverdueDays <= max;
}

let tb: TestBackend;
const ids = {} as Record<Key, number>;
const keyOf = new Map<number, Key>();
const specOf = (k: Key) => CUSTOMERS.find((c) => c.key === k)!;
const invoiceIds = new Map<string, number>();

beforeAll(async () => {
  tb = openTestBackend();
  for (const c of CUSTOMERS) {
    const created = await tb.call(
      'customers.create',
      validCustomer({
        legalName: c.legalName,
        tradeName: c.tradeName ?? null,
        document: c.document,
        kind: c.kind ?? 'PJ',
        segment: c.segment,
        salesRep: c.salesRep,
        status: c.status,
        address: { city: c.city, uf: c.uf },
      }),
    );
    ids[c.key] = created.id;
    keyOf.set(created.id, c.key);
  }
  for (const inv of INVOICES) {
    const due = minusDays(AS_OF, inv.daysLate);
    const created = await tb.call('invoices.create', {
      customerId: ids[inv.key],
      documentNumber: inv.doc,
      issueDate: minusDays(due, 28),
      dueDate: due,
      amountCents: inv.amount,
      paymentMethod: 'boleto',
    });
    invoiceIds.set(inv.doc, created.id);
    for (const amount of inv.payments) {
      await tb.call('payments.register', { invoiceId: created.id, amountCents: amount, paidOn: minusDays(AS_OF, 1), method: 'pix' });
    }
    if (inv.writeOff) await tb.call('invoices.writeOff', { id: created.id, reason: 'Acordo comercial de desconto' });
  }
});

afterAll(() => {
  tb.close();
  removeAllTempDirs();
});

type Query = Params<'customers.list'>;

async function list(q: Query = {}) {
  return tb.call('customers.list', { limit: 500, ...q });
}
function keys(rows: CustomerRow[]): Key[] {
  return rows.map((r) => keyOf.get(r.id)!);
}
function totalsFor(ks: Key[]) {
  return {
    count: ks.length,
    openCents: ks.reduce((a, k) => a + EXPECTED[k].openCents, 0),
    overdueCents: ks.reduce((a, k) => a + EXPECTED[k].overdueCents, 0),
  };
}
const ALL = CUSTOMERS.map((c) => c.key);
const sortedKeys = (ks: Key[]) => [...ks].sort();

describe('customers.list balances', () => {
  it('the hand model agrees with the literal values', () => {
    for (const [k, v] of Object.entries(LITERAL)) expect(EXPECTED[k as Key], k).toEqual(v);
    expect(daysBetween(AS_OF, minusDays(AS_OF, 45))).toBe(45);
  });

  it('open, overdue and oldest overdue days per customer equal the hand computation', async () => {
    const r = await list();
    expect(r.asOf).toBe(AS_OF);
    expect(r.rows).toHaveLength(CUSTOMERS.length);
    for (const row of r.rows) {
      const k = keyOf.get(row.id)!;
      const spec = specOf(k);
      expect({ openCents: row.openCents, overdueCents: row.overdueCents, oldestOverdueDays: row.oldestOverdueDays }, k).toEqual(EXPECTED[k]);
      expect(row).toMatchObject({ legalName: spec.legalName, segment: spec.segment, uf: spec.uf, salesRep: spec.salesRep, city: spec.city, status: spec.status });
    }
    expect(r.totals).toEqual(totalsFor(ALL));
    expect(r.total).toBe(CUSTOMERS.length);
  });

  it('customers.get balance agrees, with counts of open and overdue títulos', async () => {
    for (const k of ALL) {
      const d = await tb.call('customers.get', { id: ids[k] });
      const mine = INVOICES.filter((i) => i.key === k && !i.writeOff && i.payments.reduce((a, b) => a + b, 0) < i.amount);
      expect(d.balance, k).toEqual({
        ...EXPECTED[k],
        openCount: mine.length,
        overdueCount: mine.filter((i) => i.daysLate > 0).length,
      });
    }
  });

  it('invoices.list shows days overdue and open balance per título', async () => {
    const r = await tb.call('invoices.list', { customerId: ids.bomPreco, scope: 'all' });
    expect(r.rows.map((i) => [i.documentNumber, i.daysOverdue, i.openCents, i.displayStatus])).toEqual([
      ['NF-2001', 45, 200_000, 'overdue'],
      ['NF-2002', 20, 30_000, 'overdue'],
      ['NF-2003', 0, 80_000, 'due'],
    ]);
    const d = await tb.call('invoices.list', { customerId: ids.drogaria, scope: 'all' });
    expect(d.rows.map((i) => [i.documentNumber, i.status, i.openCents])).toEqual([
      ['NF-4001', 'open', 500_000],
      ['NF-4002', 'paid', 0],
      ['NF-4003', 'written_off', 0],
    ]);
    const open = await tb.call('invoices.list', { customerId: ids.drogaria });
    expect(open.rows.map((i) => i.documentNumber)).toEqual(['NF-4001']);
    expect(open.total).toBe(1);
  });
});

describe('customers.list filters and totals', () => {
  const cases: [string, Query, (s: CustomerSpec) => boolean][] = [
    ['segment Mercearia', { segment: 'Mercearia' }, (s) => s.segment === 'Mercearia'],
    ['segment Farmácia', { segment: 'Farmácia' }, (s) => s.segment === 'Farmácia'],
    ['uf SP', { uf: 'SP' }, (s) => s.uf === 'SP'],
    ['uf RS', { uf: 'RS' }, (s) => s.uf === 'RS'],
    ['status blocked', { status: 'blocked' }, (s) => s.status === 'blocked'],
    ['status active', { status: 'active' }, (s) => s.status === 'active'],
    ['status inactive', { status: 'inactive' }, (s) => s.status === 'inactive'],
    ['salesRep Ana', { salesRep: 'Ana' }, (s) => s.salesRep === 'Ana'],
    ['salesRep Bruno', { salesRep: 'Bruno' }, (s) => s.salesRep === 'Bruno'],
    ['onlyOverdue', { onlyOverdue: true }, (s) => EXPECTED[s.key].overdueCents > 0],
    ['onlyOverdue false = all', { onlyOverdue: false }, () => true],
    ['segment + uf', { segment: 'Mercearia', uf: 'SP', salesRep: 'Ana' }, (s) => s.segment === 'Mercearia' && s.uf === 'SP' && s.salesRep === 'Ana'],
    ['uf + onlyOverdue', { uf: 'SP', onlyOverdue: true }, (s) => s.uf === 'SP' && EXPECTED[s.key].overdueCents > 0],
    ['no match', { segment: 'Autopeças' }, () => false],
    ...Object.entries(BUCKETS).map(
      ([bucket, pred]): [string, Query, (s: CustomerSpec) => boolean] => [`bucket ${bucket}`, { overdueBucket: bucket as Query['overdueBucket'] }, (s) => pred(EXPECTED[s.key])],
    ),
    ['bucket + segment', { overdueBucket: 'd61_90', segment: 'Mercearia' }, (s) => BUCKETS.d61_90!(EXPECTED[s.key]) && s.segment === 'Mercearia'],
  ];

  it.each(cases)('%s', async (_name, q, pred) => {
    const want = CUSTOMERS.filter(pred).map((c) => c.key);
    const r = await list(q);
    expect(sortedKeys(keys(r.rows))).toEqual(sortedKeys(want));
    expect(r.totals).toEqual(totalsFor(want));
    expect(r.total).toBe(want.length);
  });

  it('every bucket of the fixture is non-empty except none, so the bucket cases above test something', () => {
    for (const [bucket, pred] of Object.entries(BUCKETS)) {
      expect(ALL.some((k) => pred(EXPECTED[k])), bucket).toBe(true);
    }
    // A customer with nothing open is in no bucket at all.
    expect(Object.values(BUCKETS).some((pred) => pred(EXPECTED.bazar))).toBe(false);
  });

  it('an unknown bucket or status is VALIDATION', async () => {
    const e1 = await tb.callRaw('customers.list', { overdueBucket: 'd1_10' });
    expect(e1.ok).toBe(false);
    const e2 = await tb.callRaw('customers.list', { status: 'deleted' });
    expect(!e2.ok && e2.error.details?.fields?.[0]?.path).toBe('status');
  });
});

describe('customers.list sort', () => {
  const asciiFold = (s: string | null) => (s ?? '').replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  type Field = 'legalName' | 'city' | 'openCents' | 'overdueCents' | 'oldestOverdueDays';
  const value = (k: Key, f: Field): string | number | null => {
    const s = specOf(k);
    if (f === 'legalName') return asciiFold(s.legalName);
    if (f === 'city') return asciiFold(s.city);
    return EXPECTED[k][f];
  };
  function expectedOrder(field: Field, dir: 'asc' | 'desc', ks: Key[] = ALL): Key[] {
    const sign = dir === 'asc' ? 1 : -1;
    return [...ks].sort((a, b) => {
      const va = value(a, field);
      const vb = value(b, field);
      if (va === null || vb === null) {
        // Customers with nothing overdue go last in both directions.
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) return (va < vb ? -1 : 1) * sign;
      return (ids[a] - ids[b]) * sign;
    });
  }

  const fields: Field[] = ['legalName', 'city', 'openCents', 'overdueCents', 'oldestOverdueDays'];
  for (const field of fields) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`${field} ${dir}`, async () => {
        const r = await list({ sort: { field, dir } });
        expect(keys(r.rows)).toEqual(expectedOrder(field, dir));
      });
    }
  }

  it('the fixture has ties on every numeric field and on city (case-insensitively)', () => {
    for (const f of ['city', 'openCents', 'overdueCents', 'oldestOverdueDays'] as Field[]) {
      const vals = ALL.map((k) => value(k, f));
      expect(new Set(vals).size, f).toBeLessThan(vals.length);
    }
  });

  it('default sort is overdue balance, largest first', async () => {
    const r = await list();
    expect(keys(r.rows)).toEqual(expectedOrder('overdueCents', 'desc'));
  });

  it('an unsortable field is VALIDATION', async () => {
    const env = await tb.callRaw('customers.list', { sort: { field: 'document', dir: 'asc' } });
    expect(env.ok).toBe(false);
  });

  describe('paging', () => {
    for (const field of fields) {
      for (const dir of ['asc', 'desc'] as const) {
        it(`pages of 3 concatenate to the full list (${field} ${dir}), totals on every page`, async () => {
          const full = await list({ sort: { field, dir } });
          const seen: number[] = [];
          for (let offset = 0; offset < CUSTOMERS.length; offset += 3) {
            const page = await list({ sort: { field, dir }, offset, limit: 3 });
            expect(page.offset).toBe(offset);
            expect(page.limit).toBe(3);
            expect(page.totals).toEqual(full.totals);
            expect(page.total).toBe(CUSTOMERS.length);
            seen.push(...page.rows.map((r) => r.id));
          }
          expect(seen).toEqual(full.rows.map((r) => r.id));
        });
      }
    }

    it('an offset past the end gives no rows but the same totals', async () => {
      for (const q of [{}, { segment: 'Mercearia' }, { onlyOverdue: true }, { overdueBucket: 'current' }] as Query[]) {
        const all = await list(q);
        const past = await list({ ...q, offset: 100, limit: 10 });
        expect(past.rows).toEqual([]);
        expect(past.totals).toEqual(all.totals);
        expect(past.total).toBe(all.total);
        const exact = await list({ ...q, offset: all.total, limit: 10 });
        expect(exact.rows).toEqual([]);
        expect(exact.totals).toEqual(all.totals);
      }
      const none = await list({ segment: 'Nenhum', offset: 20 });
      expect(none.totals).toEqual({ count: 0, openCents: 0, overdueCents: 0 });
    });

    it('limit is bounded (1..500)', async () => {
      expect((await tb.callRaw('customers.list', { limit: 0 })).ok).toBe(false);
      expect((await tb.callRaw('customers.list', { limit: 501 })).ok).toBe(false);
      expect((await tb.callRaw('customers.list', { offset: -1 })).ok).toBe(false);
    });
  });
});

describe('customers.list search', () => {
  const search = async (s: string, q: Query = {}) => sortedKeys(keys((await list({ ...q, search: s })).rows));

  it('by part of the name, ignoring accents and case', async () => {
    expect(await search('sao joao')).toEqual(['saoJoao']);
    expect(await search('SÃO JOÃO')).toEqual(['saoJoao']);
    expect(await search('  joão distrib ')).toEqual(['saoJoao']);
    expect(await search('bom preco')).toEqual(['bomPreco']);
    expect(await search('central')).toEqual(['central']);
    expect(await search('DROGARIA')).toEqual(['drogaria']);
    expect(await search('pao quente')).toEqual(['padaria']);
    expect(await search('ltda')).toEqual(sortedKeys(CUSTOMERS.filter((c) => /ltda/i.test(c.legalName)).map((c) => c.key)));
  });

  it('by the trade name', async () => {
    expect(await search('Bom Preço')).toEqual(['bomPreco']);
  });

  it('by masked and unmasked CNPJ, and by CPF', async () => {
    const doc = specOf('bomPreco').document;
    expect(await search(doc)).toEqual(['bomPreco']);
    expect(await search(maskCnpj(doc))).toEqual(['bomPreco']);
    expect(await search(maskCnpj(doc).slice(0, 10))).toEqual(sortedKeys(CUSTOMERS.filter((c) => c.document.includes(doc.slice(0, 8))).map((c) => c.key)));
    const cpf = specOf('maria').document;
    expect(await search(`${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`)).toEqual(['maria']);
  });

  it('by exact invoice document number (also paid and written-off títulos)', async () => {
    expect(await search('NF-2002')).toEqual(['bomPreco']);
    expect(await search('NF-4003')).toEqual(['drogaria']);
    expect(await search('NF-9999')).toEqual([]);
  });

  it('search combines with filters and totals follow', async () => {
    const r = await list({ search: 'ltda', uf: 'SP' });
    const want = CUSTOMERS.filter((c) => /ltda/i.test(c.legalName) && c.uf === 'SP').map((c) => c.key);
    expect(sortedKeys(keys(r.rows))).toEqual(sortedKeys(want));
    expect(r.totals).toEqual(totalsFor(want));
  });

  it('LIKE wildcards typed by the user are literal', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('a%o')).toEqual([]);
    expect(await search('\\')).toEqual([]);
  });

  it('an empty or blank search is no filter', async () => {
    expect(await search('')).toEqual(sortedKeys(ALL));
    expect(await search('   ')).toEqual(sortedKeys(ALL));
  });
});

describe('customers.filterOptions', () => {
  it('lists distinct segments, UFs and sales reps', async () => {
    const distinct = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'pt-BR', { sensitivity: 'base' }));
    const r = await tb.call('customers.filterOptions', {});
    expect(r.segments).toEqual(distinct(CUSTOMERS.map((c) => c.segment)));
    expect(r.ufs).toEqual(distinct(CUSTOMERS.map((c) => c.uf)));
    expect(r.salesReps).toEqual(distinct(CUSTOMERS.map((c) => c.salesRep)));
    expect(r).toEqual({ segments: ['Bazar', 'Farmácia', 'Mercearia', 'Padaria'], ufs: ['MG', 'PE', 'PR', 'RS', 'SP'], salesReps: ['Ana', 'Bruno', 'Carla'] });
  });
});

/** A small RFC 4180 reader (`;` separator, CRLF), enough to check the export's structure. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('file does not end with CRLF');
  return rows;
}

const CSV_HEADER = ['Código', 'Razão social', 'Nome fantasia', 'CNPJ/CPF', 'Tipo', 'Segmento', 'Vendedor', 'Cidade', 'UF', 'Situação',
  'Saldo em aberto (R$)', 'Saldo vencido (R$)', 'Dias do título vencido mais antigo'];

/** 123456 → "1234,56", computed from the digits. */
const decimalComma = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

describe('customers.exportCsv', () => {
  it('BOM, ; separator, CRLF, pt-BR header, one row per customer of the filtered view, decimal comma', async () => {
    const q: Query = { segment: 'Mercearia', sort: { field: 'legalName', dir: 'asc' } };
    const f = await tb.call('customers.exportCsv', q);
    expect(f.content.startsWith('\uFEFF')).toBe(true);
    expect(f.content.endsWith('\r\n')).toBe(true);
    expect(f.content.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(f.fileName).toBe('carteira-25-11-2026.csv');
    const rows = parseCsv(f.content.slice(1));
    expect(rows[0]).toEqual(CSV_HEADER);
    const data = rows.slice(1);
    const listed = await list(q);
    expect(f.rowCount).toBe(listed.total);
    expect(data).toHaveLength(listed.total);
    for (const r of data) expect(r).toHaveLength(CSV_HEADER.length);
    for (const row of listed.rows) {
      const line = data.find((d) => d[0] === String(row.id))!;
      const k = keyOf.get(row.id)!;
      expect(line[1]).toBe(specOf(k).legalName);
      expect(line[10]).toBe(decimalComma(EXPECTED[k].openCents));
      expect(line[11]).toBe(decimalComma(EXPECTED[k].overdueCents));
      expect(line[12]).toBe(EXPECTED[k].oldestOverdueDays === null ? '' : String(EXPECTED[k].oldestOverdueDays));
    }
    const maria = data.find((d) => d[0] === String(ids.maria))!;
    expect(maria[3]).toBe(`${CPFS[5]!.slice(0, 3)}.${CPFS[5]!.slice(3, 6)}.${CPFS[5]!.slice(6, 9)}-${CPFS[5]!.slice(9)}`);
    expect(maria[4]).toBe('Pessoa física');
    expect(maria[9]).toBe('Ativo');
  });

  it('money with a decimal comma: R$ 1.234,56 is 1234,56', async () => {
    const f = await tb.call('customers.exportCsv', { uf: 'RS' });
    const rows = parseCsv(f.content.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]![10]).toBe('1234,56');
    expect(rows[1]![11]).toBe('1234,56');
    expect(rows[1]![9]).toBe('Inativo');
    expect(f.content).toContain(';1234,56;1234,56;120\r\n');
  });

  it('exports every customer of the view, not a page', async () => {
    const f = await tb.call('customers.exportCsv', {});
    expect(f.rowCount).toBe(CUSTOMERS.length);
  });

  for (const field of ['legalName', 'city', 'openCents', 'overdueCents', 'oldestOverdueDays'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`rows come in the same order as the list on screen (${field} ${dir})`, async () => {
        const sort = { field, dir };
        const f = await tb.call('customers.exportCsv', { sort });
        const csvIds = parseCsv(f.content.slice(1)).slice(1).map((r) => Number(r[0]));
        const listed = await list({ sort });
        expect(csvIds).toEqual(listed.rows.map((r) => r.id));
      });
    }
  }
});

describe('CSV formula injection', () => {
  it('a customer named =HYPERLINK("x") comes out neutralised and properly quoted', async () => {
    const own = openTestBackend();
    try {
      const c = await own.call('customers.create', validCustomer({ legalName: '=HYPERLINK("x")', tradeName: '+55 loja; filial', notes: null }));
      await own.call('customers.create', validCustomer({ legalName: '@SUM(1)', tradeName: '-10' }));
      const f = await own.call('customers.exportCsv', { sort: { field: 'legalName', dir: 'asc' } });
      expect(f.content).toContain(`;"'=HYPERLINK(""x"")";"'+55 loja; filial";`);
      const rows = parseCsv(f.content.slice(1));
      const row = rows.find((r) => r[0] === String(c.id))!;
      expect(row[1]).toBe(`'=HYPERLINK("x")`);
      expect(row[2]).toBe(`'+55 loja; filial`);
      const other = rows.find((r) => r[1] === `'@SUM(1)`)!;
      expect(other[2]).toBe(`'-10`);
      for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
    } finally {
      own.close();
    }
  });
});

describe('paid and written-off títulos stop counting', () => {
  it('paying one in full and writing another off moves the customer’s balances and bucket', async () => {
    const own = openTestBackend();
    try {
      const c = await own.call('customers.create', validCustomer({ legalName: 'Cliente Móvel Ltda' }));
      const mk = (doc: string, amount: number, daysLate: number) => {
        const due = minusDays(AS_OF, daysLate);
        return own.call('invoices.create', { customerId: c.id, documentNumber: doc, issueDate: minusDays(due, 30), dueDate: due, amountCents: amount, paymentMethod: 'pix' });
      };
      const old = await mk('A', 200_000, 45);
      const mid = await mk('B', 30_000, 20);
      await mk('C', 80_000, -3);
      const row = async () => (await own.call('customers.list', { search: 'movel' })).rows[0]!;
      expect(await row()).toMatchObject({ openCents: 310_000, overdueCents: 230_000, oldestOverdueDays: 45 });

      await own.call('payments.register', { invoiceId: mid.id, amountCents: 30_000, paidOn: AS_OF, method: 'pix' });
      expect(await row()).toMatchObject({ openCents: 280_000, overdueCents: 200_000, oldestOverdueDays: 45 });

      await own.call('payments.register', { invoiceId: old.id, amountCents: 50_000, paidOn: AS_OF, method: 'pix' });
      expect(await row()).toMatchObject({ openCents: 230_000, overdueCents: 150_000, oldestOverdueDays: 45 });

      await own.call('invoices.writeOff', { id: old.id, reason: 'Cliente em recuperação judicial' });
      expect(await row()).toMatchObject({ openCents: 80_000, overdueCents: 0, oldestOverdueDays: null });
      const cur = await own.call('customers.list', { overdueBucket: 'current' });
      expect(cur.rows.map((r) => r.id)).toEqual([c.id]);
      expect((await own.call('customers.list', { onlyOverdue: true })).total).toBe(0);
    } finally {
      own.close();
    }
  });

  it('bucket boundaries: 0, 1, 15, 16, 30, 31, 60, 61, 90, 91, 180, 181 days', async () => {
    const own = openTestBackend();
    try {
      const days = [0, 1, 15, 16, 30, 31, 60, 61, 90, 91, 180, 181];
      const byDays = new Map<number, number>();
      for (const [i, d] of days.entries()) {
        const c = await own.call('customers.create', validCustomer({ legalName: `Limite ${d} dias`, document: CNPJS[20 + i]! }));
        byDays.set(c.id, d);
        const due = minusDays(AS_OF, d);
        await own.call('invoices.create', { customerId: c.id, documentNumber: `L${d}`, issueDate: minusDays(due, 10), dueDate: due, amountCents: 1000, paymentMethod: 'boleto' });
      }
      const want: Record<string, number[]> = {
        current: [0], d1_15: [1, 15], d16_30: [16, 30], d31_60: [31, 60], d61_90: [61, 90], d91_180: [91, 180], d180_plus: [181],
      };
      for (const [bucket, ds] of Object.entries(want)) {
        const r = await own.call('customers.list', { overdueBucket: bucket as Query['overdueBucket'] });
        expect(r.rows.map((x) => byDays.get(x.id)).sort((a, b) => a! - b!), bucket).toEqual(ds);
      }
      const all = await own.call('customers.list', { limit: 100 });
      for (const r of all.rows) expect(r.oldestOverdueDays).toBe(byDays.get(r.id) === 0 ? null : byDays.get(r.id));
    } finally {
      own.close();
    }
  });
});

describe('names as a Brazilian clerk types them', () => {
  it('search finds an alphanumeric CNPJ masked, unmasked and in lower case', async () => {
    const own = openTestBackend();
    try {
      const c = await own.call('customers.create', validCustomer({ legalName: 'Nova Era Ltda', document: '12.ABC.345/01DE-35' }));
      for (const s of ['12.ABC.345/01DE-35', '12ABC34501DE35', '12.abc.345/01de-35', 'abc345']) {
        expect((await own.call('customers.list', { search: s })).rows.map((r) => r.id), s).toEqual([c.id]);
      }
    } finally {
      own.close();
    }
  });

  it('sorting by legal name puts accented initials with their letter (Água before Banco, Ótica before Padaria)', async () => {
    const own = openTestBackend();
    try {
      for (const legalName of ['Zeta Comércio Ltda', 'Ótica Visão Ltda', 'Banco de Alimentos Ltda', 'Água Pura Ltda', 'Padaria Ideal Ltda', 'Élite Bebidas Ltda']) {
        await own.call('customers.create', validCustomer({ legalName }));
      }
      const r = await own.call('customers.list', { sort: { field: 'legalName', dir: 'asc' } });
      const names = r.rows.map((x) => x.legalName);
      const ptBr = [...names].sort(new Intl.Collator('pt-BR', { sensitivity: 'base' }).compare);
      expect(ptBr).toEqual(['Água Pura Ltda', 'Banco de Alimentos Ltda', 'Élite Bebidas Ltda', 'Ótica Visão Ltda', 'Padaria Ideal Ltda', 'Zeta Comércio Ltda']);
      expect(names).toEqual(ptBr);
    } finally {
      own.close();
    }
  });
});

describe('cached balances follow every change', () => {
  async function oneCustomer(own: TestBackend) {
    const c = await own.call('customers.create', validCustomer({ legalName: 'Cache Conferido Ltda' }));
    const inv = await own.call('invoices.create', {
      customerId: c.id, documentNumber: 'K1', issueDate: minusDays(AS_OF, 30), dueDate: AS_OF, amountCents: 90_000, paymentMethod: 'boleto',
    });
    const row = async () => (await own.call('customers.list', { search: 'conferido' })).rows[0]!;
    return { c, inv, row };
  }

  it('a payment written by another connection shows on the next list', async () => {
    const own = openTestBackend();
    try {
      const { inv, row } = await oneCustomer(own);
      expect(await row()).toMatchObject({ openCents: 90_000, overdueCents: 0 });
      own.raw().prepare("UPDATE invoices SET paid_cents = 40000, status = 'partial' WHERE id = ?").run(inv.id);
      expect(await row()).toMatchObject({ openCents: 50_000 });
    } finally {
      own.close();
    }
  });

  it('the next business date turns a título due today into overdue without any write', async () => {
    const clock = testClock();
    const own = openTestBackend({ clock });
    try {
      const { row } = await oneCustomer(own);
      expect(await row()).toMatchObject({ overdueCents: 0, oldestOverdueDays: null });
      clock.advanceMs(24 * 3600 * 1000);
      expect(await row()).toMatchObject({ overdueCents: 90_000, oldestOverdueDays: 1 });
    } finally {
      own.close();
    }
  });

  it('a list read inside a transaction that rolls back leaves no trace in later lists', async () => {
    const own = openTestBackend();
    try {
      const { c, inv, row } = await oneCustomer(own);
      const db = new Database(own.dbPath);
      const ctx = createContext(db, own.clock, () => 'teste', createFileIntake());
      const filter = { search: 'conferido', sort: { field: 'overdueCents', dir: 'desc' } } as const;
      expect(ctx.repos.customers.list(filter, AS_OF, 0, 10).rows[0]).toMatchObject({ openCents: 90_000 });
      expect(() =>
        ctx.tx(() => {
          db.prepare("UPDATE invoices SET paid_cents = amount_cents, status = 'paid' WHERE id = ?").run(inv.id);
          expect(ctx.repos.customers.list(filter, AS_OF, 0, 10).rows[0]).toMatchObject({ id: c.id, openCents: 0 });
          throw new Error('desistiu');
        }),
      ).toThrow('desistiu');
      expect(ctx.repos.customers.list(filter, AS_OF, 0, 10).rows[0]).toMatchObject({ openCents: 90_000 });
      db.close();
      expect(await row()).toMatchObject({ openCents: 90_000 });
    } finally {
      own.close();
    }
  });
});
