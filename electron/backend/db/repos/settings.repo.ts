import type { Prepare } from '../statements';

/** The `settings` key/value table (migration 0001): each feature keeps its settings as JSON under its own key. */
export function settingsRepo(prepare: Prepare) {
  return {
    get(key: string): string | null {
      return (prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
    },
    set(key: string, value: string): void {
      prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    },
  };
}
