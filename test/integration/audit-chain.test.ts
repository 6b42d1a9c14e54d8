import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH } from '../../electron/backend/audit/audit-chain';
import { openDatabase } from '../../electron/backend/db/connection';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { AS_OF, makeTempDir, minusDays, openTestBackend, removeAllTempDirs, validCustomer, validInvoice, type TestBackend } from '../helpers/backend';

let tb: TestBackend;

beforeEach(() => {
  tb = openTestBackend();
});
afterEach(() => {
  tb.close();
  removeAllTempDirs();
});

/** A small day of work: customers, títulos, a payment, a write-off, a contact: a dozen log entries. */
async function workload(backend: TestBackend = tb) {
  for (let i = 0; i < 3; i++) {
    const customer = await backend.call('customers.create', validCustomer());
    const inv = await backend.call('invoices.create', validInvoice(customer.id, { amountCents: 50_000, dueDate: minusDays(AS_OF, 5) }));
    await backend.call('payments.register', { invoiceId: inv.id, amountCents: 20_000, paidOn: AS_OF, method: 'pix' });
    await backend.call('contacts.create', { customerId: customer.id, name: 'Maria Compras', email: 'maria@example.com' });
    const other = await backend.call('invoices.create', validInvoice(customer.id));
    await backend.call('invoices.writeOff', { id: other.id, reason: 'Acordo comercial com o vendedor' });
  }
}

function activityCount(): number {
  return tb.raw().prepare('SELECT COUNT(*) FROM activity_log').pluck().get() as number;
}

/** Simulates someone editing the file with a database tool: the app's triggers are dropped first. */
function tamper(sql: string, ...params: unknown[]) {
  const raw = tb.raw();
  raw.exec('DROP TRIGGER IF EXISTS activity_log_no_update; DROP TRIGGER IF EXISTS activity_log_no_delete;');
  raw.prepare(sql).run(...params);
}

describe('audit trail hash chain', () => {
  it('a normal workload verifies ok, every entry linked to the one before', async () => {
    await workload();
    const check = await tb.call('audit.verify', {});
    const count = activityCount();
    expect(count).toBeGreaterThanOrEqual(15);
    expect(check).toMatchObject({ ok: true, entries: count, lastId: count });
    const rows = tb.raw().prepare('SELECT id, prev_hash AS prevHash, hash FROM activity_log ORDER BY id').all() as { id: number; prevHash: string; hash: string }[];
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
  });

  it('the hash is SHA-256 of the canonical entry plus the previous hash, recomputable outside the app', async () => {
    await workload();
    const row = tb
      .raw()
      .prepare('SELECT id, at, actor, action, customer_id AS customerId, invoice_id AS invoiceId, details, prev_hash AS prevHash, hash FROM activity_log WHERE id = 4')
      .get() as Parameters<typeof entryHash>[0] & { prevHash: string; hash: string };
    const { createHash } = await import('node:crypto');
    const canonical = JSON.stringify([row.id, row.at, row.actor, row.action, row.customerId, row.invoiceId, row.details, row.prevHash]);
    expect(createHash('sha256').update(canonical).digest('hex')).toBe(row.hash);
  });

  it('an edited entry is detected at that entry', async () => {
    await workload();
    tamper(`UPDATE activity_log SET details = '{"amountCents":1}' WHERE id = 5`);
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: false, brokenEntryId: 5, problem: 'altered', entries: 5 });
  });

  it('an edited entry with its own hash recomputed is detected at the next entry', async () => {
    await workload();
    const raw = tb.raw();
    const row = raw.prepare('SELECT id, at, actor, action, customer_id AS customerId, invoice_id AS invoiceId, details, prev_hash AS prevHash FROM activity_log WHERE id = 5').get() as Parameters<typeof entryHash>[0] & { prevHash: string };
    const forged = { ...row, actor: 'outra pessoa' };
    tamper('UPDATE activity_log SET actor = ?, hash = ? WHERE id = 5', forged.actor, entryHash(forged, row.prevHash));
    const check = await tb.call('audit.verify', {});
    expect(check).toMatchObject({ ok: false, brokenEntryId: 6, problem: 'chain-broken' });
    if (!check.ok) expect(check.message).toContain('anterior à nº 6');
  });

  it('a deleted entry is detected at the entry after it', async () => {
    await workload();
    tamper('DELETE FROM activity_log WHERE id = 7');
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: false, brokenEntryId: 8, problem: 'chain-broken' });
  });

  it('deleting the newest entries is detected, and stays detected after later appends', async () => {
    await workload();
    const last = activityCount();
    tamper('DELETE FROM activity_log WHERE id >= ?', last - 1);
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: false, brokenEntryId: last, problem: 'tail-missing' });
    await tb.call('customers.create', validCustomer());
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: false, brokenEntryId: last - 1, problem: 'chain-broken' });
  });

  it('an entry slipped in around the app is reported as unsealed', async () => {
    await workload();
    tb.raw().prepare(`INSERT INTO activity_log (at, actor, action, details) VALUES ('2026-11-25T16:00:00Z', 'x', 'payment.registered', '{}')`).run();
    const count = activityCount();
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: false, brokenEntryId: count, problem: 'unsealed' });
  });

  it('the triggers refuse edits (unsealing included) and deletes through a plain connection', async () => {
    await workload();
    const raw = tb.raw();
    expect(() => raw.prepare(`UPDATE activity_log SET actor = 'x' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`UPDATE activity_log SET hash = NULL WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM activity_log WHERE id = 1').run()).toThrow(/append-only/);
    expect((await tb.call('audit.verify', {})).ok).toBe(true);
  });

  it('the demo bulk loader appends through the chain', async () => {
    await tb.call('demo.load', { customers: 20, invoices: 200, seed: 3 });
    await workload();
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: true, entries: activityCount() });
  });

  it('an empty log verifies ok', async () => {
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: true, entries: 0, lastId: null });
  });
});

describe('entries written before migration 0009', () => {
  it('are sealed in id order when the backend opens, and new entries continue the chain', async () => {
    const dir = makeTempDir();
    const dbPath = join(dir, 'adimple.db');
    const { db } = openDatabase(dbPath, { migrations: MIGRATIONS.filter((m) => m.id < 9) });
    const insert = db.prepare(`INSERT INTO activity_log (at, actor, action, details) VALUES (?, 'antigo', ?, '{}')`);
    for (let i = 1; i <= 4; i++) insert.run(`2026-11-2${i}T12:00:00Z`, `legacy.${i}`);
    db.close();

    const reopened = openTestBackend({ dir });
    try {
      const sealed = reopened.raw().prepare('SELECT id, prev_hash AS prevHash, hash FROM activity_log ORDER BY id').all() as { id: number; prevHash: string; hash: string }[];
      expect(sealed.map((r) => r.id)).toEqual([1, 2, 3, 4]);
      expect(sealed[0]!.prevHash).toBe(GENESIS_HASH);
      expect(sealed[3]!.prevHash).toBe(sealed[2]!.hash);
      await workload(reopened);
      const check = await reopened.call('audit.verify', {});
      expect(check.ok).toBe(true);
      const fifth = reopened.raw().prepare('SELECT prev_hash FROM activity_log WHERE id = 5').pluck().get();
      expect(fifth).toBe(sealed[3]!.hash);
    } finally {
      reopened.close();
    }
  });
});
