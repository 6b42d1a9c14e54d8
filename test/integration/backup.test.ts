import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupService } from '../../electron/backend/backup/backup.service';
import { createContext } from '../../electron/backend/context';
import { createBackend } from '../../electron/backend/create-backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { createFileIntake } from '../../electron/backend/files/file-intake';
import { expectError, makeTempDir, openTestBackend, removeAllTempDirs, testClock, validCustomer, type TestBackend } from '../helpers/backend';

const opened: { close(): void }[] = [];
function track<T extends { close(): void }>(t: T): T {
  opened.push(t);
  return t;
}
afterEach(() => {
  for (const o of opened.splice(0).reverse()) o.close();
  removeAllTempDirs();
});

function customerNames(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT legal_name FROM customers ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** In its own temp dir, kept after `close` so the test can reopen the same file. */
async function backendWithCustomer(name: string): Promise<TestBackend> {
  const tb = track(openTestBackend({ dir: makeTempDir() }));
  await tb.call('customers.create', validCustomer({ legalName: name }));
  return tb;
}

describe('manual backup', () => {
  it('writes a consistent, self-contained copy into backups/ beside the database and lists it', async () => {
    const tb = await backendWithCustomer('Antes do Backup Ltda');
    const file = await tb.call('backup.create', {});
    expect(file).toMatchObject({ kind: 'manual', createdAt: '2026-11-25T15:00:00.000Z' });
    expect(file.name).toMatch(/^adimple-2026-11-25T15-00-00-000Z-manual\.sqlite$/);
    const path = join(tb.dir, 'backups', file.name);
    expect(statSync(path).size).toBe(file.sizeBytes);
    expect(customerNames(path)).toEqual(['Antes do Backup Ltda']);
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(readdirSync(join(tb.dir, 'backups')).some((n) => n.endsWith('.partial'))).toBe(false);

    const overview = await tb.call('backup.list', {});
    expect(overview.backups.map((b) => b.name)).toEqual([file.name]);
    expect(overview.retention).toEqual({ daily: 7, weekly: 4 });
    const logged = tb.raw().prepare(`SELECT actor, details FROM activity_log WHERE action = 'backup.created'`).get() as { actor: string; details: string };
    expect(logged.actor).toBe('teste');
    expect(JSON.parse(logged.details)).toMatchObject({ name: file.name, kind: 'manual' });
    expect((await tb.call('audit.verify', {})).ok).toBe(true);
  });
});

describe('daily backup and retention', () => {
  it('takes one when the last automatic backup is a day old, and keeps 7 daily + 4 weekly', async () => {
    const dir = makeTempDir();
    const dbPath = join(dir, 'adimple.db');
    const clock = testClock('2026-09-01T06:00:00.000Z');
    const { db } = openDatabase(dbPath);
    const files = createFileIntake();
    track({ close: () => (files.close(), db.close()) });
    const service = backupService(createContext(db, clock, () => 'teste', files), { dbPath, files, log: () => {} });

    expect(await service.dailyIfDue()).not.toBeNull();
    expect(await service.dailyIfDue()).toBeNull();
    clock.advanceMs(23 * 3_600_000);
    expect(await service.dailyIfDue()).toBeNull();
    for (let day = 0; day < 40; day++) {
      clock.advanceMs(24 * 3_600_000);
      expect(await service.dailyIfDue()).not.toBeNull();
    }
    const auto = readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('-auto.sqlite')).sort();
    expect(auto).toHaveLength(11);
    // The newest 7 days in a row, then one per week before them.
    expect(auto.slice(-7).map((n) => n.slice(8, 18))).toEqual(['2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11', '2026-10-12']);
  });

  it('starts with the desktop app (scheduler on) and never touches manual backups', async () => {
    const dir = makeTempDir();
    const dbPath = join(dir, 'adimple.db');
    const backend = track(createBackend({ dbPath, clock: testClock(), log: () => {}, startScheduler: true, backupRetention: { daily: 1, weekly: 0 } }));
    await vi.waitFor(() => expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('-auto.sqlite'))).toHaveLength(1));
    expect((await backend.dispatch('backup.create', {})).ok).toBe(true);
    const list = await backend.dispatch('backup.list', {});
    expect(list.ok && (list.data as { backups: { kind: string }[] }).backups.map((b) => b.kind).sort()).toEqual(['auto', 'manual']);
  });
});

describe('restore', () => {
  it('from the list: applied when the backend reopens, the current file kept aside, the restore logged', async () => {
    const first = await backendWithCustomer('Cliente Antigo Ltda');
    const { dir, dbPath } = first;
    const backup = await first.call('backup.create', {});
    await first.call('customers.create', validCustomer({ legalName: 'Cliente Novo Ltda' }));

    expect(await first.call('backup.restore', { backupName: backup.name })).toEqual({ restoredFrom: backup.name, restart: 'manual' });
    // Nothing changes until the backend reopens.
    expect((await first.call('customers.list', {})).total).toBe(2);
    first.close();

    const second = track(openTestBackend({ dir }));
    expect((await second.call('customers.list', {})).rows.map((r) => r.legalName)).toEqual(['Cliente Antigo Ltda']);
    const aside = readdirSync(dir).filter((n) => /^adimple\.db\.before-restore-2026-11-25T15-00-00-000Z\.sqlite$/.test(n));
    expect(aside).toHaveLength(1);
    expect(customerNames(join(dir, aside[0]!)).sort()).toEqual(['Cliente Antigo Ltda', 'Cliente Novo Ltda']);
    expect(existsSync(`${dbPath}.restore-pending`)).toBe(false);
    const restored = second.raw().prepare(`SELECT details FROM activity_log WHERE action = 'backup.restored'`).pluck().get() as string;
    expect(JSON.parse(restored)).toEqual({ previousKeptAs: aside[0] });
    expect((await second.call('audit.verify', {})).ok).toBe(true);
  });

  it('from a picked file, and the desktop app is asked to relaunch', async () => {
    const source = await backendWithCustomer('Da Outra Máquina Ltda');
    const picked = (await source.call('backup.create', {})).name;
    const requestRestart = vi.fn();
    const dir = makeTempDir();
    const target = track(createBackend({ dbPath: join(dir, 'adimple.db'), clock: testClock(), log: () => {}, requestRestart }));
    const token = target.files.registerPath(join(source.dir, 'backups', picked), 'copia.sqlite').token;
    const env = await target.dispatch('backup.restore', { fileToken: token });
    expect(env).toEqual({ ok: true, data: { restoredFrom: 'copia.sqlite', restart: 'automatic' } });
    await vi.waitFor(() => expect(requestRestart).toHaveBeenCalledOnce());
  });

  it('refuses files that are not a whole Adimple database of this version, and stages nothing', async () => {
    const tb = await backendWithCustomer('Intocado Ltda');
    const dir = makeTempDir();
    const restoreFile = async (name: string) => {
      const token = tb.backend.files.registerPath(join(dir, name), name).token;
      return expectError(await tb.callRaw('backup.restore', { fileToken: token }));
    };

    writeFileSync(join(dir, 'planilha.sqlite'), 'nome;valor\nA;1\n');
    expect(await restoreFile('planilha.sqlite')).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('"planilha.sqlite" não pode ser restaurado: não é um banco de dados SQLite') });

    const other = new Database(join(dir, 'outro.sqlite'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect((await restoreFile('outro.sqlite')).message).toContain('não é um banco de dados do Adimple');

    const newer = (await tb.call('backup.create', {})).name;
    const future = new Database(join(tb.dir, 'backups', newer));
    future.prepare(`INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'futuro', '2027-01-01')`).run();
    future.close();
    expect(expectError(await tb.callRaw('backup.restore', { backupName: newer })).message).toContain('versão mais nova do Adimple (migração 999)');

    const damaged = (await tb.call('backup.create', {})).name;
    corruptPages(join(tb.dir, 'backups', damaged));
    expect(expectError(await tb.callRaw('backup.restore', { backupName: damaged })).message).toMatch(/corrompido|não pôde ser lido/);

    expect(expectError(await tb.callRaw('backup.restore', { backupName: '../adimple.db' })).code).toBe('NOT_FOUND');
    expect(expectError(await tb.callRaw('backup.restore', {})).code).toBe('VALIDATION');
    expect(existsSync(`${tb.dbPath}.restore-pending`)).toBe(false);
  });
});

/** Overwrites every page after the first two with garbage: the schema survives, the tables do not. */
function corruptPages(path: string) {
  const pageSize = 4096;
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(pageSize, 0xa5);
  for (let at = pageSize * 2; at < size; at += pageSize) writeSync(fd, garbage, 0, pageSize, at);
  closeSync(fd);
}

describe('integrity check at start', () => {
  it('a damaged database opens in recovery: health names the problem and the latest good backup, restoring it brings the data back', async () => {
    const tb = await backendWithCustomer('Sobrevivente Ltda');
    const good = await tb.call('backup.create', {});
    const { dir, dbPath } = tb;
    tb.close();
    corruptPages(dbPath);

    const logs: string[] = [];
    const recovery = track(createBackend({ dbPath, clock: testClock(), log: (m) => logs.push(m) }));
    const health = await recovery.dispatch('app.health', {});
    expect(health).toMatchObject({ ok: true, data: { status: 'damaged', problem: expect.any(String), latestGood: { name: good.name } } });
    const refused = expectError(await recovery.dispatch('customers.list', {}));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('restaure um backup') });
    expect((await recovery.dispatch('backup.restore', { backupName: good.name })).ok).toBe(true);
    recovery.close();

    const healed = track(openTestBackend({ dir }));
    expect(await healed.call('app.health', {})).toEqual({ status: 'ok' });
    expect((await healed.call('customers.list', {})).rows.map((r) => r.legalName)).toEqual(['Sobrevivente Ltda']);
    expect(readdirSync(dir).some((n) => n.includes('.before-restore-'))).toBe(true);
  });
});
