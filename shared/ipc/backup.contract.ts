/** Backups of the database file, restore, and the integrity check at start (see electron/backend/backup). */
import type { Params } from './schemas';

/** `auto`: the daily one; `manual`: "Fazer backup agora"; `pre-migration`: taken before an update migrated the file. */
export type BackupKind = 'auto' | 'manual' | 'pre-migration';

export interface BackupFile {
  /** The file name inside the backups folder; also how a restore names it. */
  name: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

export interface BackupOverview {
  /** Where the backups are, for the clerk to find them (display only). */
  folder: string;
  backups: BackupFile[];
  retention: { daily: number; weekly: number };
}

/**
 * A restore is staged, then applied when the backend opens the file again: the current file is kept aside as
 * `<database>.before-restore-<timestamp>.sqlite`. `restart` says who reopens: the desktop app relaunches
 * itself; in browser mode the host must be restarted by hand.
 */
export interface RestoreStaged {
  restoredFrom: string;
  restart: 'automatic' | 'manual';
}

export type AppHealth =
  | { status: 'ok' }
  | { status: 'damaged'; problem: string; backups: BackupFile[]; latestGood: BackupFile | null };

export interface BackupApi {
  'app.health': { params: Params<'app.health'>; result: AppHealth };
  'backup.list': { params: Params<'backup.list'>; result: BackupOverview };
  'backup.create': { params: Params<'backup.create'>; result: BackupFile };
  'backup.restore': { params: Params<'backup.restore'>; result: RestoreStaged };
}
