/**
 * Backups and restore as the app uses them: the check before opening (pending restore, quick_check), the
 * daily backup with retention, "Fazer backup agora" and "Restaurar".
 */
import { basename } from 'node:path';
import type { BackupFile, BackupOverview, RestoreStaged } from '../../../shared/ipc/backup.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { Context } from '../context';
import { openDatabase, type OpenResult } from '../db/connection';
import type { FileIntake } from '../files/file-intake';
import {
  applyPendingRestore,
  backupPath,
  backupsFolder,
  createBackup,
  dailyBackupDue,
  listBackups,
  pruneBackups,
  quickCheck,
  stageRestore,
} from './backup-store';
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention';

const HOUR_MS = 3_600_000;

export interface BackupOptions {
  dbPath: string;
  files: FileIntake;
  retention?: RetentionPolicy;
  /** Reopens the backend after a staged restore (the desktop app relaunches); without it the user restarts. */
  requestRestart?: () => void;
  log: (msg: string) => void;
}

export type CheckedOpen = (OpenResult & { restoredAside: string | null }) | { problem: string };

/**
 * Applies a staged restore, runs `PRAGMA quick_check`, then opens and migrates. A damaged or unreadable file
 * comes back as a problem for the recovery screen instead of an exception. A file from a newer Adimple (an
 * AppError from openDatabase) still throws: it is healthy, and the answer is updating the app, not a backup.
 */
export function openChecked(dbPath: string, now: () => Date, log: (msg: string) => void): CheckedOpen {
  try {
    const restoredAside = applyPendingRestore(dbPath, now());
    if (restoredAside) log(`Backup restaurado; o banco anterior foi guardado em ${restoredAside}`);
    const problem = quickCheck(dbPath);
    if (problem) return { problem };
    return { ...openDatabase(dbPath, { now }), restoredAside };
  } catch (err) {
    if (err instanceof AppError) throw err;
    log(`Database open failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

/** What both the normal and the recovery backend answer: the list and staging a restore. */
export function backupCatalog(opts: BackupOptions) {
  const retention = opts.retention ?? DEFAULT_RETENTION;
  return {
    overview(): BackupOverview {
      return { folder: backupsFolder(opts.dbPath), backups: listBackups(opts.dbPath), retention };
    },
    restore(p: { fileToken?: string | undefined; backupName?: string | undefined }): RestoreStaged {
      const source = p.backupName !== undefined ? { path: backupPath(opts.dbPath, p.backupName), fileName: p.backupName } : opts.files.resolve(p.fileToken ?? '');
      stageRestore(opts.dbPath, source.path, source.fileName);
      opts.log(`Restauração preparada a partir de ${source.fileName}`);
      if (opts.requestRestart) {
        // After the answer reached the window.
        setTimeout(opts.requestRestart, 300).unref?.();
        return { restoredFrom: source.fileName, restart: 'automatic' };
      }
      return { restoredFrom: source.fileName, restart: 'manual' };
    },
  };
}

/** Backups of the open database: manual ones now, the daily one when due (and retention after it). */
export function backupService(ctx: Context, opts: BackupOptions) {
  const retention = opts.retention ?? DEFAULT_RETENTION;
  let running: Promise<BackupFile> | null = null;

  async function backup(kind: 'auto' | 'manual'): Promise<BackupFile> {
    if (running) throw new AppError('CONFLICT', 'Um backup já está em andamento; aguarde alguns segundos.');
    running = createBackup(ctx.db, opts.dbPath, kind, ctx.clock.now());
    try {
      const file = await running;
      ctx.tx(() => ctx.repos.activity.append({ actor: kind === 'auto' ? 'sistema' : ctx.actor(), action: 'backup.created', details: { name: file.name, kind, sizeBytes: file.sizeBytes } }, ctx.nowIso()));
      if (kind === 'auto') {
        const removed = pruneBackups(opts.dbPath, retention);
        if (removed.length > 0) opts.log(`Backups antigos removidos pela retenção: ${removed.join(', ')}`);
      }
      return file;
    } finally {
      running = null;
    }
  }

  /** The daily backup, if the last automatic one is a day old or missing. Resolves null when not due. */
  async function dailyIfDue(): Promise<BackupFile | null> {
    if (!dailyBackupDue(opts.dbPath, ctx.clock.now())) return null;
    return backup('auto');
  }

  return {
    createManual: () => backup('manual'),
    dailyIfDue,
    /**
     * Takes the daily backup now if due, then checks every hour (the app may stay open for days).
     * Returns the stop function.
     */
    startDaily(): () => void {
      const tick = () => void dailyIfDue().catch((err: unknown) => opts.log(`Backup automático falhou: ${err instanceof Error ? err.message : String(err)}`));
      tick();
      const timer = setInterval(tick, HOUR_MS);
      timer.unref?.();
      return () => clearInterval(timer);
    },
    /** The restored database records where its predecessor went. */
    recordRestore(aside: string): void {
      ctx.tx(() => ctx.repos.activity.append({ actor: 'sistema', action: 'backup.restored', details: { previousKeptAs: basename(aside) } }, ctx.nowIso()));
    },
  };
}
