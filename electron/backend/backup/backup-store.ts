/**
 * The backups folder beside the database: online backups (SQLite backup API), listing, retention, and the
 * validation of a file before it may replace the database.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupFile, BackupKind } from '../../../shared/ipc/backup.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { Db } from '../db/connection';
import { MIGRATIONS } from '../db/migrations/index';
import { backupsToKeep, type RetentionPolicy } from './retention';

const DAY_MS = 86_400_000;
const SQLITE_HEADER = 'SQLite format 3\0';
/** '2026-11-25T15:00:00.000Z' ↔ '2026-11-25T15-00-00-000Z' (file-name safe on every OS). */
const STAMP = '(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z';
const OWN_NAME = new RegExp(`^adimple-${STAMP}-(auto|manual)(?:-\\d+)?\\.sqlite$`);
/** Written by db/connection.ts before migrating (VACUUM INTO). */
const PRE_MIGRATION_NAME = new RegExp(`^.+\\.pre-migration-${STAMP}(?:-\\d+)?$`);

export function backupsFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function parseName(name: string): { kind: BackupKind; createdAt: string } | null {
  const own = OWN_NAME.exec(name);
  const m = own ?? PRE_MIGRATION_NAME.exec(name);
  if (!m) return null;
  const createdAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`;
  return { kind: own ? (own[6] as 'auto' | 'manual') : 'pre-migration', createdAt };
}

/** Newest first. */
export function listBackups(dbPath: string): BackupFile[] {
  const folder = backupsFolder(dbPath);
  if (!existsSync(folder)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const st = statSync(join(folder, name));
    if (st.isFile()) out.push({ name, ...parsed, sizeBytes: st.size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The path of a listed backup; anything else (another folder, a made-up name) is NOT_FOUND. */
export function backupPath(dbPath: string, name: string): string {
  if (!listBackups(dbPath).some((b) => b.name === name)) throw new AppError('NOT_FOUND', `Backup "${name.slice(0, 80)}" não encontrado na pasta de backups.`);
  return join(backupsFolder(dbPath), name);
}

function uniquePath(path: string, ext: string): string {
  let target = `${path}${ext}`;
  for (let i = 1; existsSync(target); i++) target = `${path}-${i}${ext}`;
  return target;
}

/**
 * A consistent copy through SQLite's online backup API while the app keeps working. Written under a
 * temporary name and renamed when complete, so a crash never leaves a half backup that looks whole; the copy
 * is switched to a rollback journal so it is one self-contained file.
 */
export async function createBackup(db: Db, dbPath: string, kind: 'auto' | 'manual', at: Date): Promise<BackupFile> {
  const folder = backupsFolder(dbPath);
  mkdirSync(folder, { recursive: true });
  const target = uniquePath(join(folder, `adimple-${fileStamp(at)}-${kind}`), '.sqlite');
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return { name: basename(target), kind, createdAt: at.toISOString(), sizeBytes: statSync(target).size };
}

/** Deletes automatic backups the policy no longer keeps; manual and pre-migration ones stay. Returns their names. */
export function pruneBackups(dbPath: string, policy: RetentionPolicy): string[] {
  const auto = listBackups(dbPath).filter((b) => b.kind === 'auto');
  const keep = new Set(backupsToKeep(auto, policy).map((b) => b.name));
  const removed = auto.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const name of removed) rmSync(join(backupsFolder(dbPath), name), { force: true });
  return removed;
}

export function dailyBackupDue(dbPath: string, now: Date): boolean {
  const lastAuto = listBackups(dbPath).find((b) => b.kind === 'auto');
  return !lastAuto || now.getTime() - new Date(lastAuto.createdAt).getTime() >= DAY_MS;
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, buf, 0, buf.length, 0) === buf.length && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws a VALIDATION AppError unless `path` is a whole Adimple database this build can open: the SQLite
 * header, `PRAGMA integrity_check`, and migrations this build knows.
 */
export function validateDatabaseFile(path: string, displayName: string): void {
  const refuse = (why: string) => new AppError('VALIDATION', `O arquivo "${displayName}" não pode ser restaurado: ${why}`);
  if (!hasSqliteHeader(path)) throw refuse('não é um banco de dados SQLite.');
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (check[0]?.integrity_check !== 'ok') throw refuse(`está corrompido (${check.map((r) => r.integrity_check).slice(0, 2).join('; ')}).`);
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
    if (!hasMigrations) throw refuse('não é um banco de dados do Adimple.');
    const ids = db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[];
    if (!ids.includes(1)) throw refuse('não é um banco de dados do Adimple.');
    const known = new Set(MIGRATIONS.map((m) => m.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw refuse(`foi gravado por uma versão mais nova do Adimple (migração ${Math.max(...unknown)}). Atualize o aplicativo primeiro.`);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(`não pôde ser lido como banco de dados (${err instanceof Error ? err.message : String(err)}).`);
  } finally {
    db?.close();
  }
}

function pendingRestorePath(dbPath: string): string {
  return `${dbPath}.restore-pending`;
}

/** Copies `sourcePath` next to the database and validates the copy; applied by `applyPendingRestore` at the next open. */
export function stageRestore(dbPath: string, sourcePath: string, displayName: string): void {
  const pending = pendingRestorePath(dbPath);
  rmSync(pending, { force: true });
  copyFileSync(sourcePath, pending);
  try {
    validateDatabaseFile(pending, displayName);
    // Validation may have left a journal behind; the staged file must be one whole file.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${pending}${suffix}`, { force: true });
  } catch (err) {
    rmSync(pending, { force: true });
    throw err;
  }
}

/**
 * Before the database is opened: puts a staged restore in place, keeping the current file (and its WAL) aside
 * as `<database>.before-restore-<timestamp>.sqlite`. Returns the aside path, or null when nothing was staged.
 */
export function applyPendingRestore(dbPath: string, at: Date): string | null {
  const pending = pendingRestorePath(dbPath);
  if (!existsSync(pending)) return null;
  let aside: string | null = null;
  if (existsSync(dbPath)) {
    aside = uniquePath(`${dbPath}.before-restore-${fileStamp(at)}`, '.sqlite');
    renameSync(dbPath, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${aside}${suffix}`);
  }
  renameSync(pending, dbPath);
  return aside;
}

/** `PRAGMA quick_check` on the file before the app opens it; null when healthy (or new), else the problem in pt-BR. */
export function quickCheck(dbPath: string): string | null {
  if (dbPath === ':memory:' || !existsSync(dbPath)) return null;
  let db: Database.Database | null = null;
  try {
    if (!hasSqliteHeader(dbPath) && statSync(dbPath).size > 0) return 'O arquivo do banco de dados não é um banco SQLite (cabeçalho inválido).';
    db = new Database(dbPath, { fileMustExist: true });
    const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    if (rows[0]?.quick_check === 'ok') return null;
    return `A verificação de integridade encontrou problemas: ${rows.map((r) => r.quick_check).slice(0, 3).join('; ')}`;
  } catch (err) {
    return `O banco de dados não pôde ser lido: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    db?.close();
  }
}

/** Newest backup that passes the restore validation, for the recovery screen. */
export function latestGoodBackup(dbPath: string): BackupFile | null {
  for (const b of listBackups(dbPath)) {
    try {
      validateDatabaseFile(join(backupsFolder(dbPath), b.name), b.name);
      return b;
    } catch {
      // Try the next older one.
    }
  }
  return null;
}
