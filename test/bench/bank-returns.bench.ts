// A 100k-título CNAB 240 return against the 1M-título demo portfolio: Adimple's whole import (read, hash,
// parse, match, settle, item rows, activity log, one transaction) beside the raw SQL of the same lookups,
// inserts and updates on a second copy of the same database.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/create-backend';
import { parseReturnFile } from '../../shared/domain/cnab/parse-return';
import { buildCnab240, type TitleMovement } from '../fixtures/cnab-writer';
import { onceMs, type BenchSuite } from './bench-kit';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const ITEMS = 100_000;
const PAID_ON = '2026-11-24';

interface OpenTitle {
  id: number;
  nossoNumero: string;
  documentNumber: string;
  openCents: number;
}

/** 80% paid in full, 10% in part, 5% with juros on top, 5% with a nosso número no título has. */
function movements(titles: OpenTitle[]): TitleMovement[] {
  return titles.map((t, i) => {
    const kind = i % 20;
    const paidCents = kind < 16 ? t.openCents : kind < 18 ? Math.max(1, Math.floor(t.openCents / 2)) : kind < 19 ? t.openCents + 1_000 : t.openCents;
    return {
      movementCode: '06',
      nossoNumero: kind === 19 ? `9${String(i).padStart(16, '0')}` : t.nossoNumero,
      documentNumber: kind === 19 ? '' : t.documentNumber.slice(0, 15),
      nominalCents: t.openCents,
      paidCents,
      chargesCents: kind === 18 ? 1_000 : 0,
      occurrenceDate: PAID_ON,
      creditDate: '2026-11-25',
    };
  });
}

export const bankReturnsBench: BenchSuite = {
  name: 'retorno-cnab',
  async run(ctx) {
    const adimpleDb = ctx.copyOfBigDb();
    const baselineDb = ctx.copyOfBigDb();

    const read = new Database(adimpleDb, { readonly: true });
    const titles = read
      .prepare(
        `SELECT id, nosso_numero AS nossoNumero, document_number AS documentNumber, amount_cents - paid_cents AS openCents
         FROM invoices WHERE status IN ('open', 'partial') AND nosso_numero IS NOT NULL ORDER BY id LIMIT ${ITEMS}`,
      )
      .all() as OpenTitle[];
    read.close();
    const path = join(ctx.workDir, 'retorno-100k.ret');
    writeFileSync(path, buildCnab240({ bank: '237', convenio: '4455667', sequence: 9001, titles: movements(titles) }), 'latin1');
    const note = `${titles.length.toLocaleString('pt-BR')} títulos em aberto com nosso número`;

    let items = 0;
    const parseMs = await onceMs(() => {
      items = parseReturnFile(readFileSync(path, 'latin1')).items.length;
    });
    ctx.report({ name: `ler e validar ${items.toLocaleString('pt-BR')} pares T+U`, adimpleMs: parseMs, note: 'só o parser' });

    const backend = createBackend({ dbPath: adimpleDb, clock: { now: () => NOW }, log: () => {} });
    const token = backend.files.registerPath(path).token;
    let counts = '';
    const importMs = await onceMs(async () => {
      const env = await backend.dispatch('bankReturns.import', { fileToken: token });
      if (!env.ok) throw new Error(env.error.message);
      const c = (env.data as { counts: Record<string, number> }).counts;
      counts = `liquidados ${c.settled}, parciais ${c.partial}, não encontrados ${c.not_found}`;
    });
    backend.close();

    const baselineMs = await onceMs(() => rawSqlImport(baselineDb, parseReturnFile(readFileSync(path, 'latin1')).items));
    ctx.report({
      name: 'importar retorno (ler, casar, baixar, registrar itens)',
      adimpleMs: importMs,
      baselineMs,
      baselineLabel: 'SQL puro dos mesmos SELECT/INSERT/UPDATE',
      note: `${note}; ${counts}`,
    });
  },
};

/** The same database work, hand-written: find by nosso número, insert payment, update título, log, item row. */
function rawSqlImport(dbPath: string, items: ReturnType<typeof parseReturnFile>['items']): void {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const find = db.prepare(
    `SELECT id, customer_id, amount_cents - paid_cents AS open FROM invoices WHERE nosso_numero = ? AND status IN ('open', 'partial', 'disputed')`,
  );
  const file = db.prepare(
    `INSERT INTO bank_return_files (format, bank_code, convenio, sequence, content_sha256, file_name, company_name, imported_at, imported_by,
       item_count, settled_count, partial_count, not_found_count, already_paid_count, rejected_count, other_count, paid_total_cents,
       applied_total_cents, charges_total_cents) VALUES ('CNAB240', '237', 'x', 1, ?, 'f', 'c', 'now', 'bench', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
  );
  const pay = db.prepare(
    `INSERT INTO payments (invoice_id, paid_on, amount_cents, method, source, reference, created_at, created_by) VALUES (?, ?, ?, 'boleto', 'bank_file', ?, 'now', 'bench')`,
  );
  const apply = db.prepare(
    `UPDATE invoices SET paid_cents = paid_cents + @amount, status = CASE WHEN paid_cents + @amount >= amount_cents THEN 'paid' ELSE 'partial' END, updated_at = 'now' WHERE id = @id`,
  );
  const log = db.prepare(`INSERT INTO activity_log (at, actor, action, customer_id, invoice_id, details) VALUES ('now', 'bench', 'payment', ?, ?, ?)`);
  const item = db.prepare(
    `INSERT INTO bank_return_items (file_id, line_no, movement_code, movement_kind, movement_description, nosso_numero, document_number,
       company_ref, nominal_cents, paid_cents, bank_charges_cents, discount_cents, rebate_cents, fee_cents, reasons, result, invoice_id,
       payment_id, applied_cents, charges_cents, note) VALUES (?, ?, '06', 'settlement', 'Liquidação', ?, ?, '', ?, ?, 0, 0, 0, 0, '', ?, ?, ?, ?, ?, '')`,
  );
  db.transaction(() => {
    const fileId = Number(file.run('0'.repeat(64)).lastInsertRowid);
    for (const it of items) {
      const inv = find.get(it.nossoNumero) as { id: number; customer_id: number; open: number } | undefined;
      if (!inv) {
        item.run(fileId, it.line, it.nossoNumero, it.documentNumber, it.nominalCents, it.paidCents, 'not_found', null, null, 0, 0);
        continue;
      }
      const applied = Math.min(it.paidCents - it.chargesCents, inv.open);
      const paymentId = Number(pay.run(inv.id, PAID_ON, applied, `f linha ${it.line}`).lastInsertRowid);
      apply.run({ amount: applied, id: inv.id });
      log.run(inv.customer_id, inv.id, JSON.stringify({ amountCents: applied }));
      item.run(fileId, it.line, it.nossoNumero, it.documentNumber, it.nominalCents, it.paidCents, applied === inv.open ? 'settled' : 'partial', inv.id, paymentId, applied, it.paidCents - applied);
    }
  })();
  db.close();
}
