import { migration0001 } from './0001_initial';

export interface Migration {
  id: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  up: string;
}

/** Ordered, forward-only. A landed migration is never edited: add a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
