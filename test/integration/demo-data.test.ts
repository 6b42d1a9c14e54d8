// The demo portfolio is the first thing a new user sees and the data later features are tested against:
// it must be deterministic, valid everywhere a real import would be checked, and show its profiles.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { generateDemoData, profileOfTags, type DemoOptions } from '../../electron/backend/demo/demo-data';
import { loadDemoData } from '../../electron/backend/demo/load-demo';
import { validateDocument } from '../../shared/domain/documents';
import { makeTempDir, removeAllTempDirs } from '../helpers/backend';

const AS_OF = '2026-11-25';
const OPTIONS: DemoOptions = { customers: 300, invoices: 6000, seed: 7, asOf: AS_OF };

function digest(opts: DemoOptions): string {
  const h = createHash('sha256');
  for (const row of generateDemoData(opts)) h.update(JSON.stringify(row));
  return h.digest('hex');
}

function loaded(opts: DemoOptions = OPTIONS): Db {
  const { db } = openDatabase(join(makeTempDir(), 'demo.db'));
  loadDemoData(db, { ...opts, now: () => new Date('2026-11-25T15:00:00Z') });
  return db;
}

const dbs: Db[] = [];
function open(opts?: DemoOptions): Db {
  const db = loaded(opts);
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  removeAllTempDirs();
});

describe('demo data generator', () => {
  it('is deterministic: same options, same rows; another seed, other rows', () => {
    const small = { ...OPTIONS, customers: 80, invoices: 1500 };
    expect(digest(small)).toBe(digest(small));
    expect(digest({ ...small, seed: 8 })).not.toBe(digest(small));
  });

  it('loads exactly the requested customers and títulos', () => {
    const db = open();
    expect(db.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(300);
    expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(6000);
    expect(db.prepare('SELECT COUNT(*) FROM contacts').pluck().get()).toBeGreaterThanOrEqual(300);
  });

  it('gives every customer a valid CNPJ or CPF that fits its kind, and unique', () => {
    const db = open();
    const rows = db.prepare('SELECT document, kind FROM customers').all() as { document: string; kind: string }[];
    for (const r of rows) {
      const v = validateDocument(r.document);
      expect(v.ok, r.document).toBe(true);
      if (v.ok) expect(v.type).toBe(r.kind === 'PF' ? 'CPF' : 'CNPJ');
    }
    expect(new Set(rows.map((r) => r.document)).size).toBe(rows.length);
  });

  it('keeps paid_cents equal to the sum of payments and the status consistent with it', () => {
    const db = open();
    const drift = db
      .prepare(
        `SELECT COUNT(*) FROM invoices i
         WHERE i.paid_cents <> (SELECT COALESCE(SUM(amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id)`,
      )
      .pluck()
      .get();
    expect(drift).toBe(0);
    const bad = db
      .prepare(
        `SELECT COUNT(*) FROM invoices WHERE
           (status = 'paid' AND paid_cents <> amount_cents) OR
           (status = 'open' AND paid_cents <> 0) OR
           (status = 'partial' AND NOT (paid_cents > 0 AND paid_cents < amount_cents)) OR
           paid_cents > amount_cents OR amount_cents <= 0`,
      )
      .pluck()
      .get();
    expect(bad).toBe(0);
    const statuses = db.prepare('SELECT DISTINCT status FROM invoices').pluck().all();
    expect(statuses).toEqual(expect.arrayContaining(['open', 'partial', 'paid', 'written_off']));
  });

  it('never has a título issued or a payment made after the as-of date, nor a payment before issue', () => {
    const db = open();
    const lastIssue = db.prepare('SELECT MAX(issue_date) FROM invoices').pluck().get() as string;
    const lastPayment = db.prepare('SELECT MAX(paid_on) FROM payments').pluck().get() as string;
    expect(lastIssue <= AS_OF, lastIssue).toBe(true);
    expect(lastPayment <= AS_OF, lastPayment).toBe(true);
    expect(
      db.prepare('SELECT COUNT(*) FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE p.paid_on < i.issue_date').pluck().get(),
    ).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM invoices WHERE due_date < issue_date').pluck().get()).toBe(0);
  });

  it('stores boleto lines of 47 digits on boleto títulos', () => {
    const db = open();
    const lines = db.prepare("SELECT boleto_line FROM invoices WHERE payment_method = 'boleto' AND boleto_line IS NOT NULL").pluck().all() as string[];
    expect(lines.length).toBeGreaterThan(1000);
    for (const l of lines) expect(l).toMatch(/^\d{47}$/);
  });

  it('tags each customer with its behaviour profile, and the profiles behave differently', () => {
    const db = open({ ...OPTIONS, customers: 600, invoices: 12000 });
    const customers = db.prepare('SELECT id, tags FROM customers').all() as { id: number; tags: string }[];
    const profileOf = new Map(customers.map((c) => [c.id, profileOfTags(JSON.parse(c.tags) as string[])]));
    expect([...profileOf.values()].every((p) => p !== null)).toBe(true);

    // Share of each profile's títulos due before as-of that were paid late or are still unpaid.
    const rows = db
      .prepare(
        `SELECT i.customer_id AS customerId,
                COUNT(*) AS due,
                SUM(CASE WHEN i.paid_cents < i.amount_cents OR (SELECT MAX(paid_on) FROM payments p WHERE p.invoice_id = i.id) > i.due_date
                         THEN 1 ELSE 0 END) AS late
         FROM invoices i WHERE i.due_date < @asOf AND i.status NOT IN ('renegotiated') GROUP BY i.customer_id`,
      )
      .all({ asOf: AS_OF }) as { customerId: number; due: number; late: number }[];
    const byProfile = new Map<string, { due: number; late: number }>();
    for (const r of rows) {
      const p = profileOf.get(r.customerId) ?? 'none';
      const acc = byProfile.get(p) ?? { due: 0, late: 0 };
      acc.due += r.due;
      acc.late += r.late;
      byProfile.set(p, acc);
    }
    const lateShare = (p: string) => {
      const a = byProfile.get(p);
      if (!a || a.due === 0) throw new Error(`perfil ${p} sem títulos vencidos`);
      return a.late / a.due;
    };
    expect(lateShare('on_time')).toBeLessThan(0.15);
    expect(lateShare('sometimes_late')).toBeGreaterThan(lateShare('on_time'));
    expect(lateShare('chronic_late')).toBeGreaterThan(lateShare('sometimes_late'));
    expect(lateShare('defaulted')).toBeGreaterThan(3 * lateShare('on_time'));
  });

  it('refuses to load into a portfolio that already has customers, and leaves it as it was', () => {
    const db = open();
    const before = db.prepare('SELECT COUNT(*) AS c, (SELECT COUNT(*) FROM invoices) AS i, (SELECT COUNT(*) FROM activity_log) AS a FROM customers').get();
    expect(() => loadDemoData(db, OPTIONS)).toThrow(/já tem clientes/);
    expect(db.prepare('SELECT COUNT(*) AS c, (SELECT COUNT(*) FROM invoices) AS i, (SELECT COUNT(*) FROM activity_log) AS a FROM customers').get()).toEqual(before);
  });

  it('comes back with every index and trigger of the schema, and the triggers\' dated columns filled', () => {
    const { db: empty } = openDatabase(join(makeTempDir(), 'empty.db'));
    const schemaOf = (d: Db) => d.prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const expected = schemaOf(empty);
    empty.close();
    const db = open();
    expect(schemaOf(db)).toEqual(expected);
    const undated = db
      .prepare(
        `SELECT COUNT(*) FROM invoices i WHERE
           (i.paid_cents > 0 AND i.first_paid_on IS NOT (SELECT MIN(paid_on) FROM payments p WHERE p.invoice_id = i.id)) OR
           (i.status = 'paid' AND i.closed_on IS NOT (SELECT MAX(paid_on) FROM payments p WHERE p.invoice_id = i.id)) OR
           (i.status IN ('open', 'partial', 'disputed') AND i.closed_on IS NOT NULL)`,
      )
      .pluck()
      .get();
    expect(undated).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM invoices WHERE status = 'paid'").pluck().get()).toBeGreaterThan(1000);
  });

  it('records the load in the activity log', () => {
    const db = open();
    const entry = db.prepare("SELECT actor, details FROM activity_log WHERE action = 'demo.loaded'").get() as { actor: string; details: string };
    expect(JSON.parse(entry.details)).toMatchObject({ seed: 7, asOf: AS_OF, loaded: { customers: 300, invoices: 6000 } });
  });
});
