import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/ipc/envelope';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export interface OpenResult {
  db: Db;
  applied: number[];
  backupPath: string | null;
}

export function openDatabase(dbPath: string, opts: { migrations?: readonly Migration[]; now?: () => Date } = {}): OpenResult {
  const migrations = opts.migrations ?? MIGRATIONS;
  const now = opts.now ?? (() => new Date());
  if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // A 32 MB page cache keeps the portfolio's indexes in memory on a million-título file; temp tables in RAM.
    db.pragma('cache_size = -32768');
    db.pragma('temp_store = MEMORY');
    const { applied, backupPath } = migrate(db, dbPath, migrations, now);
    return { db, applied, backupPath };
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: Db, dbPath: string, migrations: readonly Migration[], now: () => Date) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...done].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Este banco de dados foi atualizado por uma versão mais nova do Adimple (migração ${Math.max(...unknown)}). Atualize o aplicativo para abri-lo.`,
    );
  }
  const pending = migrations.filter((m) => !done.has(m.id)).sort((a, b) => a.id - b.id);
  if (pending.length === 0) return { applied: [], backupPath: null };

  const backupPath = done.size > 0 && dbPath !== ':memory:' ? backupBeforeMigrating(db, dbPath, now()) : null;
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.up);
      record.run(m.id, m.name, now().toISOString());
    })();
  }
  return { applied: pending.map((m) => m.id), backupPath };
}

/** VACUUM INTO writes a consistent snapshot even while another connection holds a read transaction,
 * which a checkpoint followed by a file copy does not. */
function backupBeforeMigrating(db: Db, dbPath: string, at: Date): string {
  const dir = join(dirname(dbPath), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = join(dir, `${basename(dbPath)}.pre-migration-${stamp}`);
  for (let i = 1; existsSync(target); i++) target = `${target}-${i}`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
