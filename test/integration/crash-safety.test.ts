/**
 * Crash safety (issue 8): a child process writes in a loop on a real demo database (scheduler passes,
 * agreement creation, payment registration) and is SIGKILLed at a seeded moment, several times; after each
 * kill the database is reopened and must pass its integrity checks with every total consistent, nothing
 * half-written and no message delivered twice. The kill moment may vary from run to run; the invariants may not.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { createRng } from '../../electron/backend/demo/rng';
import { CRASH_COMPANY, recordingSender } from '../helpers/crash-sender';
import { makeTempDir, openTestBackend, removeAllTempDirs, removeTempDir } from '../helpers/backend';

const ROOT = resolve(__dirname, '../..');
const CHILD = join(ROOT, 'test/helpers/crash-child.ts');
const START_DAY = '2026-11-25';

type Mode = 'scheduler' | 'agreements' | 'payments';

const running = new Set<ReturnType<typeof spawn>>();
let demoDir = '';
let demoDb = '';

beforeAll(async () => {
  // One small demo portfolio, copied for each scenario.
  demoDir = makeTempDir();
  const tb = openTestBackend({ dir: demoDir });
  await tb.call('demo.load', { customers: 300, invoices: 6000, seed: 5 });
  tb.close();
  demoDb = tb.dbPath;
});
afterEach(() => {
  for (const proc of running) proc.kill('SIGKILL');
});
afterAll(removeAllTempDirs);

/**
 * Starts the child on `dbPath`, waits until it announced loop `atLoop`, sleeps `delayMs` and SIGKILLs it.
 * Resolves with the last day it reported (where the scheduler should resume).
 */
function runAndKill(mode: Mode, dbPath: string, startDay: string, deliveredLog: string, atLoop: number, delayMs: number): Promise<string> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dbPath, startDay, deliveredLog], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(proc);
  let lastDay = startDay;
  let stderr = '';
  let buffered = '';
  let armed = false;
  return new Promise((done, fail) => {
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const m = /^LOOP (\d+) (\S+)$/.exec(line);
        if (!m) continue;
        lastDay = m[2]!;
        if (!armed && Number(m[1]) >= atLoop) {
          armed = true;
          setTimeout(() => proc.kill('SIGKILL'), delayMs);
        }
      }
    });
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      if (signal === 'SIGKILL') done(lastDay);
      else fail(new Error(`crash-child (${mode}) ended by itself (code ${code}) before the kill:\n${stderr}`));
    });
  });
}

/** Reopens the file with the backend (recovery runs on open), closes it, then reads it raw. */
function reopen(dbPath: string): Database.Database {
  createBackend({ dbPath, clock: { now: () => new Date(`${START_DAY}T15:00:00.000Z`) }, log: () => {} }).close();
  return new Database(dbPath, { readonly: true });
}

const one = (db: Database.Database, sql: string): unknown => db.prepare(sql).pluck().get();
const column = (db: Database.Database, sql: string): unknown[] => db.prepare(sql).pluck().all();

/** Integrity and the money invariants every scenario must keep. */
function expectSoundPortfolio(db: Database.Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(one(db, `SELECT COUNT(*) FROM invoices i WHERE paid_cents <> (SELECT COALESCE(SUM(amount_cents), 0) FROM payments p WHERE p.invoice_id = i.id)`)).toBe(0);
  expect(
    one(
      db,
      `SELECT COUNT(*) FROM invoices WHERE status IN ('open', 'partial', 'paid')
         AND status <> CASE WHEN paid_cents = 0 THEN 'open' WHEN paid_cents < amount_cents THEN 'partial' ELSE 'paid' END`,
    ),
  ).toBe(0);
  expect(one(db, `SELECT COUNT(*) FROM invoices i WHERE first_paid_on IS NOT (SELECT MIN(paid_on) FROM payments p WHERE p.invoice_id = i.id)`)).toBe(0);
}

/** A fresh copy of the demo database in its own temp dir, with an empty delivery log beside it. */
function scenario() {
  const dir = makeTempDir();
  const dbPath = join(dir, 'adimple.db');
  copyFileSync(demoDb, dbPath);
  writeFileSync(join(dir, 'delivered.log'), '');
  return { dir, dbPath, log: join(dir, 'delivered.log') };
}

const seededKills = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => ({ atLoop: rng.int(1, 3), delayMs: rng.int(0, 120) }));
};

describe('crash safety: SIGKILL mid-write, then reopen', () => {
  it('scheduler passes: no half-written pass, no duplicate action, no message delivered twice; a clean pass adds no duplicates', async () => {
    const { dir, dbPath, log: delivered } = scenario();
    const deliveredKeys = () => readFileSync(delivered, 'utf8').split('\n').filter(Boolean);

    const checkDunning = (db: Database.Database) => {
      expectSoundPortfolio(db);
      expect(one(db, `SELECT COUNT(*) FROM job_runs WHERE status = 'running'`)).toBe(0);
      for (const table of ['outbox_messages', 'dunning_tasks']) {
        expect(column(db, `SELECT idempotency_key FROM ${table} WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1`)).toEqual([]);
        // Every row was written by a recorded run (the child's clock stands still during a pass)...
        expect(one(db, `SELECT COUNT(*) FROM ${table} WHERE created_at NOT IN (SELECT started_at FROM job_runs)`)).toBe(0);
        // ...together with the step log that stops the step from acting again, and never twice per título.
        expect(
          one(
            db,
            `SELECT COUNT(*) FROM ${table} t, json_each(t.invoice_ids) j WHERE t.step_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM dunning_step_log l WHERE l.invoice_id = j.value AND l.step_id = t.step_id)`,
          ),
        ).toBe(0);
        expect(one(db, `SELECT COUNT(*) FROM (SELECT t.step_id, j.value FROM ${table} t, json_each(t.invoice_ids) j WHERE t.step_id IS NOT NULL GROUP BY 1, 2 HAVING COUNT(*) > 1)`)).toBe(0);
      }
      const keys = deliveredKeys();
      expect(keys.length - new Set(keys).size).toBe(0);
      const statusOf = new Map(db.prepare(`SELECT idempotency_key, status FROM outbox_messages`).raw().all() as [string, string][]);
      for (const key of keys) expect(['sending', 'sent', 'failed']).toContain(statusOf.get(key));
      const sent = column(db, `SELECT idempotency_key FROM outbox_messages WHERE status = 'sent'`) as string[];
      const deliveredSet = new Set(keys);
      expect(sent.filter((k) => !deliveredSet.has(k))).toEqual([]);
      expect(one(db, `SELECT COUNT(*) FROM activity_log WHERE action = 'dunning.message_sent'`)).toBe(sent.length);
    };

    let day = START_DAY;
    for (const kill of seededKills(8, 3)) {
      day = await runAndKill('scheduler', dbPath, day, delivered, kill.atLoop, kill.delayMs);
      const db = reopen(dbPath);
      try {
        checkDunning(db);
      } finally {
        db.close();
      }
    }
    expect(deliveredKeys().length).toBeGreaterThan(0);

    // A clean restart on the day the child died: it finishes that day; running it again adds nothing.
    const sender = recordingSender(delivered, 0);
    const backend = createBackend({ dbPath, clock: { now: () => new Date(`${day}T15:00:00.000Z`) }, log: () => {}, company: async () => CRASH_COMPANY, mailer: sender, gateway: sender });
    const counts = () => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return [one(db, 'SELECT COUNT(*) FROM outbox_messages'), one(db, 'SELECT COUNT(*) FROM dunning_tasks'), one(db, 'SELECT COUNT(*) FROM dunning_step_log')];
      } finally {
        db.close();
      }
    };
    try {
      await backend.scheduler.runOnce({ force: true });
      const afterFirst = counts();
      await backend.scheduler.runOnce({ force: true });
      expect(counts()).toEqual(afterFirst);
    } finally {
      backend.close();
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      checkDunning(db);
      expect(one(db, `SELECT COUNT(*) FROM outbox_messages WHERE status = 'sending'`)).toBe(0);
    } finally {
      db.close();
    }
    removeTempDir(dir);
  }, 60_000);

  it('agreement creation: every agreement is whole (originals renegotiated and linked, installments summing to its total), nothing outside one', async () => {
    const { dir, dbPath, log } = scenario();
    const baseline = new Database(dbPath, { readonly: true });
    const renegotiatedBefore = column(baseline, `SELECT id FROM invoices WHERE status = 'renegotiated'`) as number[];
    baseline.close();
    const ids = (xs: unknown[]) => (xs.length === 0 ? '0' : xs.join(','));

    for (const kill of seededKills(21, 3)) {
      await runAndKill('agreements', dbPath, START_DAY, log, kill.atLoop, kill.delayMs);
      const db = reopen(dbPath);
      try {
        expectSoundPortfolio(db);
        expect(one(db, 'SELECT COUNT(*) FROM agreements')).toBeGreaterThan(0);
        expect(one(db, `SELECT COUNT(*) FROM agreements WHERE offer_kind = 'installments'`)).toBeGreaterThan(0);
        // Each agreement: originals, installments whose títulos exist and sum to the total, and its activity entry.
        expect(column(db, `SELECT id FROM agreements a WHERE NOT EXISTS (SELECT 1 FROM agreement_invoices x WHERE x.agreement_id = a.id)`)).toEqual([]);
        expect(
          column(
            db,
            `SELECT a.id FROM agreements a WHERE a.total_to_pay_cents IS NOT
               (SELECT SUM(i.amount_cents) FROM agreement_installments n JOIN invoices i ON i.id = n.invoice_id WHERE n.agreement_id = a.id)`,
          ),
        ).toEqual([]);
        expect(column(db, `SELECT agreement_id FROM agreement_installments WHERE kind = 'installment' GROUP BY agreement_id HAVING COUNT(*) <> MAX(of_count)`)).toEqual([]);
        expect(column(db, `SELECT agreement_id FROM agreement_installments n JOIN invoices i ON i.id = n.invoice_id WHERE i.amount_cents <> n.amount_cents`)).toEqual([]);
        expect(column(db, `SELECT x.invoice_id FROM agreement_invoices x JOIN invoices i ON i.id = x.invoice_id WHERE i.status <> 'renegotiated'`)).toEqual([]);
        expect(one(db, `SELECT COUNT(*) FROM activity_log WHERE action = 'agreement.created'`)).toBe(one(db, 'SELECT COUNT(*) FROM agreements'));
        // Nothing outside an agreement: no installment título without one, no newly renegotiated original without one.
        expect(column(db, `SELECT id FROM invoices i WHERE document_number LIKE 'ACD-%' AND NOT EXISTS (SELECT 1 FROM agreement_installments n WHERE n.invoice_id = i.id)`)).toEqual([]);
        expect(
          column(
            db,
            `SELECT id FROM invoices i WHERE status = 'renegotiated' AND id NOT IN (${ids(renegotiatedBefore)})
               AND NOT EXISTS (SELECT 1 FROM agreement_invoices x WHERE x.invoice_id = i.id)`,
          ),
        ).toEqual([]);
      } finally {
        db.close();
      }
    }
    removeTempDir(dir);
  }, 60_000);

  it('payment registration: paid_cents is the sum of the payments and the status follows, each payment logged once', async () => {
    const { dir, dbPath, log } = scenario();
    const baseline = new Database(dbPath, { readonly: true });
    const paymentsBefore = one(baseline, 'SELECT COUNT(*) FROM payments') as number;
    baseline.close();

    for (const kill of seededKills(34, 2)) {
      await runAndKill('payments', dbPath, START_DAY, log, kill.atLoop, kill.delayMs);
      const db = reopen(dbPath);
      try {
        expectSoundPortfolio(db);
        const newPayments = (one(db, 'SELECT COUNT(*) FROM payments') as number) - paymentsBefore;
        expect(newPayments).toBeGreaterThan(0);
        expect(one(db, `SELECT COUNT(*) FROM activity_log WHERE action IN ('payment.partial', 'payment.settled')`)).toBe(newPayments);
      } finally {
        db.close();
      }
    }
    removeTempDir(dir);
  }, 60_000);
});
