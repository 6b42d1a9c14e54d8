// Trust costs: the hash chain on every activity append (beside a plain INSERT of the same rows), the audit
// check over the whole log (beside reading it), and on the 1M-título database the start-up quick_check and an
// online backup (beside VACUUM INTO, what the pre-migration backup uses).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyChain } from '../../electron/backend/audit/audit-chain';
import { createBackup, quickCheck } from '../../electron/backend/backup/backup-store';
import { openDatabase } from '../../electron/backend/db/connection';
import { activityRepo } from '../../electron/backend/db/repos/activity.repo';
import { statementCache } from '../../electron/backend/db/statements';
import { onceMs, type BenchSuite } from './bench-kit';

const ENTRIES = 20_000;
const AT = '2026-11-25T15:00:00.000Z';

export const securityBench: BenchSuite = {
  name: 'seguranca',
  async run(ctx) {
    const { db } = openDatabase(join(ctx.workDir, 'seguranca.db'));
    const plain = new Database(join(ctx.workDir, 'seguranca-plain.db'));
    try {
      plain.exec(`CREATE TABLE activity_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        customer_id INTEGER, invoice_id INTEGER, details TEXT NOT NULL DEFAULT '{}')`);
      const details = (i: number) => ({ invoiceId: i, amountCents: 10_000 + i, method: 'pix' });
      const repo = activityRepo(statementCache(db));
      const chainedMs = await onceMs(() =>
        db.transaction(() => {
          for (let i = 0; i < ENTRIES; i++) repo.append({ actor: 'bench', action: 'payment.registered', details: details(i) }, AT);
        })(),
      );
      const insert = plain.prepare('INSERT INTO activity_log (at, actor, action, details) VALUES (?, ?, ?, ?)');
      const plainMs = await onceMs(() =>
        plain.transaction(() => {
          for (let i = 0; i < ENTRIES; i++) insert.run(AT, 'bench', 'payment.registered', JSON.stringify(details(i)));
        })(),
      );
      ctx.report({ name: `append ${ENTRIES.toLocaleString('pt-BR')} activity entries (hash chain)`, adimpleMs: chainedMs, baselineMs: plainMs, baselineLabel: 'plain INSERT' });

      const prepare = statementCache(db);
      let verified = 0;
      const verifyMs = await onceMs(() => {
        const r = verifyChain(prepare);
        verified = r.entries;
      });
      const readMs = await onceMs(() => {
        for (const row of db.prepare('SELECT * FROM activity_log ORDER BY id').iterate()) void row;
      });
      ctx.report({ name: `audit.verify over ${verified.toLocaleString('pt-BR')} entries`, adimpleMs: verifyMs, baselineMs: readMs, baselineLabel: 'read every row' });
    } finally {
      db.close();
      plain.close();
    }

    const big = ctx.copyOfBigDb();
    const checkMs = await onceMs(() => {
      const problem = quickCheck(big);
      if (problem) throw new Error(problem);
    });
    ctx.report({ name: 'start-up PRAGMA quick_check, 1M títulos', adimpleMs: checkMs, note: 'runs before every open' });

    const bigDb = new Database(big);
    try {
      const backupMs = await onceMs(() => createBackup(bigDb, big, 'manual', new Date(AT)));
      const vacuumMs = await onceMs(() => bigDb.prepare('VACUUM INTO ?').run(join(ctx.workDir, 'vacuum-into.sqlite')));
      ctx.report({ name: 'online backup, 1M títulos', adimpleMs: backupMs, baselineMs: vacuumMs, baselineLabel: 'VACUUM INTO' });
    } finally {
      bigDb.close();
    }
  },
};
