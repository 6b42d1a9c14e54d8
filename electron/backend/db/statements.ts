import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/** Prepared statements are created once per connection and SQL text, then reused. */
export function statementCache(db: Db) {
  const cache = new Map<string, Statement>();
  return (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
export type Prepare = ReturnType<typeof statementCache>;
