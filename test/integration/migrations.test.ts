import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { openDatabase, type Db } from '../../electron/backend/db/connection';
import { MIGRATIONS, type Migration } from '../../electron/backend/db/migrations/index';
import { AppError } from '../../shared/ipc/envelope';
import { makeTempDir, removeAllTempDirs, testClock, validCustomer } from '../helpers/backend';

const NOW = () => new Date('2026-11-25T15:00:00Z');
const open: Db[] = [];
function openDb(path: string, migrations?: readonly Migration[]) {
  const r = openDatabase(path, { now: NOW, ...(migrations ? { migrations } : {}) });
  open.push(r.db);
  return r;
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  removeAllTempDirs();
});

const tables = (db: Database.Database) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];

/** Test migrations come after the app's own, whatever their number. */
const NEXT_ID = Math.max(...MIGRATIONS.map((m) => m.id)) + 1;
const extra: Migration = { id: NEXT_ID, name: 'add_notes_table', up: `CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);` };

describe('openDatabase: migrations', () => {
  it('a fresh file gets every migration recorded, in order, and no backup', () => {
    const dir = makeTempDir();
    const path = join(dir, 'fresh.db');
    const { db, applied, backupPath } = openDb(path);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    expect(backupPath).toBeNull();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const recorded = db.prepare('SELECT id, name, applied_at AS appliedAt FROM schema_migrations ORDER BY id').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name, appliedAt: '2026-11-25T15:00:00.000Z' })));
    expect(tables(db)).toEqual(expect.arrayContaining(['customers', 'contacts', 'invoices', 'payments', 'activity_log', 'settings', 'schema_migrations']));
  });

  it('migration ids are unique and increasing', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('reopening applies nothing and makes no backup', () => {
    const dir = makeTempDir();
    const path = join(dir, 'a.db');
    openDb(path).db.close();
    const again = openDb(path);
    expect(again.applied).toEqual([]);
    expect(again.backupPath).toBeNull();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(again.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
  });

  it('a pending migration on an existing database backs the file up first, with the pre-migration schema and data', async () => {
    const dir = makeTempDir();
    const path = join(dir, 'adimple.db');
    // Real data through the backend, so the backup must carry it (the WAL has to be checkpointed first).
    const backend = createBackend({ dbPath: path, clock: testClock(), log: () => {} });
    const created = await backend.dispatch('customers.create', validCustomer({ legalName: 'Antes da Migração Ltda' }));
    expect(created.ok).toBe(true);
    backend.close();

    const { db, applied, backupPath } = openDb(path, [...MIGRATIONS, extra]);
    expect(applied).toEqual([NEXT_ID]);
    expect(backupPath).not.toBeNull();
    expect(readdirSync(join(dir, 'backups'))).toEqual([backupPath!.slice(join(dir, 'backups').length + 1)]);
    expect(backupPath!.startsWith(join(dir, 'backups', 'adimple.db.pre-migration-'))).toBe(true);
    expect(tables(db)).toContain('test_notes');

    const bk = new Database(backupPath!, { readonly: true });
    try {
      expect(bk.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(tables(bk)).not.toContain('test_notes');
      expect(tables(bk)).toContain('customers');
      expect(bk.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
      expect(bk.prepare('SELECT legal_name FROM customers').pluck().all()).toEqual(['Antes da Migração Ltda']);
    } finally {
      bk.close();
    }
  });

  it('the backup is complete and readable even when another connection holds a read transaction', () => {
    // E.g. a second app instance still closing, or a DB viewer left open: the WAL checkpoint cannot finish,
    // so a plain file copy of the main database misses (or tears) what only the WAL holds.
    const dir = makeTempDir();
    const path = join(dir, 'adimple.db');
    const first = openDb(path);
    first.db.prepare(`INSERT INTO settings (key, value) VALUES ('a', '1')`).run();
    const reader = new Database(path);
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM settings').get();
      first.db.prepare(`INSERT INTO settings (key, value) VALUES ('b', '2')`).run();
      first.db.close();

      const { backupPath } = openDb(path, [...MIGRATIONS, extra]);
      const bk = new Database(backupPath!, { readonly: true });
      try {
        expect(bk.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(bk.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['a', 'b']);
        expect(bk.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
      } finally {
        bk.close();
      }
    } finally {
      if (reader.inTransaction) reader.exec('ROLLBACK');
      reader.close();
    }
  });

  it('two backups at the same instant do not overwrite each other', () => {
    const dir = makeTempDir();
    const path = join(dir, 'adimple.db');
    openDb(path).db.close();
    const first = openDb(path, [...MIGRATIONS, extra]);
    first.db.close();
    const third: Migration = { id: NEXT_ID + 1, name: 'more', up: 'CREATE TABLE test_more (x INTEGER);' };
    const second = openDb(path, [...MIGRATIONS, extra, third]);
    expect(second.backupPath).not.toBe(first.backupPath);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(2);
    const bk = new Database(second.backupPath!, { readonly: true });
    try {
      expect(tables(bk)).toContain('test_notes');
      expect(tables(bk)).not.toContain('test_more');
    } finally {
      bk.close();
    }
  });

  it('refuses a database that has a migration this build does not know, with CONFLICT asking to update', () => {
    const dir = makeTempDir();
    const path = join(dir, 'newer.db');
    openDb(path, [...MIGRATIONS, { id: NEXT_ID + 50, name: 'from_the_future', up: 'CREATE TABLE future (x);' }]).db.close();

    let caught: unknown;
    try {
      openDb(path);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/Atualize o aplicativo/);
    expect(err.message).toContain(String(NEXT_ID + 50));
    // Nothing touched: no backup, the future migration still recorded.
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    const check = new Database(path, { readonly: true });
    try {
      expect(check.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual([...MIGRATIONS.map((m) => m.id), NEXT_ID + 50]);
    } finally {
      check.close();
    }
    // createBackend surfaces the same refusal.
    expect(() => createBackend({ dbPath: path, clock: testClock(), log: () => {} })).toThrow(/Atualize o aplicativo/);
  });

  it('a migration that fails midway leaves no trace and the error surfaces', () => {
    const dir = makeTempDir();
    const path = join(dir, 'a.db');
    openDb(path).db.close();
    const bad: Migration = {
      id: NEXT_ID,
      name: 'broken',
      up: `CREATE TABLE half_done (id INTEGER PRIMARY KEY);
           INSERT INTO half_done (id) VALUES (1);
           ALTER TABLE customers ADD COLUMN ;`,
    };
    expect(() => openDb(path, [...MIGRATIONS, bad])).toThrow(/syntax error/);

    const check = new Database(path, { readonly: true });
    try {
      expect(tables(check)).not.toContain('half_done');
      expect(check.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      check.close();
    }
    // The file is still usable by this build.
    const again = openDb(path);
    expect(again.applied).toEqual([]);
  });

  it('on a fresh file, a failing later migration keeps the earlier ones and rolls back only itself', () => {
    const dir = makeTempDir();
    const path = join(dir, 'fresh.db');
    const bad: Migration = { id: NEXT_ID, name: 'broken', up: `CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);` };
    expect(() => openDb(path, [...MIGRATIONS, bad])).toThrow(/no such table: no_such_table/);
    const check = new Database(path, { readonly: true });
    try {
      expect(tables(check)).not.toContain('half_done');
      expect(tables(check)).toContain('customers');
      expect(check.prepare('SELECT id FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      check.close();
    }
  });

  it('sets the pragmas: WAL, foreign keys, busy timeout, synchronous NORMAL', () => {
    const dir = makeTempDir();
    const { db } = openDb(join(dir, 'p.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('foreign keys are enforced on the backend connection', () => {
    const dir = makeTempDir();
    const { db } = openDb(join(dir, 'fk.db'));
    expect(() =>
      db
        .prepare(
          `INSERT INTO invoices (customer_id, document_number, issue_date, due_date, amount_cents, payment_method, created_at, updated_at)
           VALUES (12345, 'X', '2026-01-01', '2026-02-01', 100, 'pix', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('creates the parent directory of a new database file', () => {
    const dir = makeTempDir();
    const path = join(dir, 'nested', 'deeper', 'a.db');
    openDb(path);
    expect(existsSync(path)).toBe(true);
  });
});

describe('migration 0015: compact stored credit features', () => {
  it('scores stored before it keep their features (object → array) and the card reads them', async () => {
    const dir = makeTempDir();
    const path = join(dir, 'adimple.db');
    const before = openDb(path, MIGRATIONS.filter((m) => m.id < 15)).db;
    const features = {
      maturedCount: 12, lateCount: 3, avgDaysLate: 4.5, maxDaysLate: 31, recentAvgDaysLate: null, earlierAvgDaysLate: 2.5,
      openCents: 150_000, overdueCents: 20_000, exposureCents: 150_000, creditLimitCents: 500_000, tenureDays: 800,
      brokenPromises: 1, brokenAgreements: 0, openDisputes: 0, bureauScore: 640,
    };
    const now = '2026-11-25T12:00:00.000Z';
    const customerId = Number(
      before
        .prepare(`INSERT INTO customers (document, kind, legal_name, sort_name, search_text, created_at, updated_at)
           VALUES ('11222333000181', 'PJ', 'Antiga Ltda', 'antiga ltda', 'antiga ltda', ?, ?)`)
        .run(now, now).lastInsertRowid,
    );
    before
      .prepare(`INSERT INTO credit_scores (customer_id, score, risk_class, behaviour, reasons, features, as_of, computed_at) VALUES (?, 700, 'B', 'sometimes_late', '[]', ?, '2026-11-25', ?)`)
      .run(customerId, JSON.stringify(features), now);
    before.close();

    const backend = createBackend({ dbPath: path, clock: testClock(), log: () => {} });
    try {
      const env = await backend.dispatch('credit.customer', { customerId });
      expect(env.ok).toBe(true);
      if (env.ok) expect((env.data as { features: unknown }).features).toEqual(features);
    } finally {
      backend.close();
    }
  });
});
