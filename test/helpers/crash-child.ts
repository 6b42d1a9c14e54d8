/**
 * A child process for test/integration/crash-safety.test.ts: opens the backend on an existing database and
 * writes in an endless loop until the parent SIGKILLs it. Prints `LOOP <n> <day>` before each iteration so
 * the parent knows work has started (and which business day the scheduler reached).
 *
 * Usage: crash-child.ts <scheduler|agreements|payments> <dbPath> <startDay YYYY-MM-DD> <deliveredLogPath>
 */
import Database from 'better-sqlite3';
import { createBackend } from '../../electron/backend/create-backend';
import { addDays } from '../../shared/domain/dates';
import { CRASH_COMPANY, recordingSender } from './crash-sender';

type CrashChildMode = 'scheduler' | 'agreements' | 'payments';

/** Noon in São Paulo on `day`: inside contact hours. */
const noonOf = (day: string): string => `${day}T15:00:00.000Z`;

async function main(): Promise<void> {
  const [mode, dbPath, startDay, deliveredLog] = process.argv.slice(2) as [CrashChildMode, string, string, string];
  let day = startDay;
  const clock = { now: () => new Date(noonOf(day)) };
  const sender = recordingSender(deliveredLog, 1);
  const backend = createBackend({ dbPath, clock, log: () => {}, actor: () => 'teste', company: async () => CRASH_COMPANY, mailer: sender, gateway: sender });
  const reader = new Database(dbPath, { readonly: true });
  const ok = async (method: string, params: unknown): Promise<unknown> => {
    const env = await backend.dispatch(method as never, params as never);
    if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
    return env.data;
  };

  for (let n = 0; ; n++) {
    process.stdout.write(`LOOP ${n} ${day}\n`);
    if (mode === 'scheduler') {
      await backend.scheduler.runOnce({ force: true });
      day = addDays(day, 1);
    } else if (mode === 'agreements') {
      // The next customer with overdue títulos not yet in an agreement: up to three of them, settled in cash
      // or (every other time) 30% down and three monthly installments.
      const row = reader
        .prepare(
          `SELECT customer_id AS customerId, json_group_array(id) AS ids, SUM(amount_cents - paid_cents) AS balance FROM (
             SELECT id, customer_id, amount_cents, paid_cents FROM invoices WHERE status = 'open' AND due_date < ? AND customer_id =
               (SELECT customer_id FROM invoices WHERE status = 'open' AND due_date < ? ORDER BY customer_id LIMIT 1)
             ORDER BY id LIMIT 3)`,
        )
        .get(day, day) as { customerId: number | null; ids: string; balance: number };
      if (row.customerId === null) break;
      const offer =
        n % 2 === 0
          ? { kind: 'cash', waiveInterest: false, dueDate: addDays(day, 5) }
          : {
              kind: 'installments',
              waiveInterest: true,
              downPaymentCents: Math.ceil(row.balance * 0.3),
              downPaymentDate: day,
              installmentCount: 3,
              interval: { unit: 'months' },
              monthlyRateBp: 100,
              firstDueDate: addDays(day, 30),
            };
      await ok('agreements.create', { customerId: row.customerId, invoiceIds: JSON.parse(row.ids) as number[], asOf: day, offer });
    } else {
      // Pay the next open título in two halves (the second settles it).
      const inv = reader.prepare(`SELECT id, amount_cents - paid_cents AS balance FROM invoices WHERE status IN ('open', 'partial') ORDER BY id LIMIT 1`).get() as
        | { id: number; balance: number }
        | undefined;
      if (!inv) break;
      const half = Math.max(1, Math.floor(inv.balance / 2));
      await ok('payments.register', { invoiceId: inv.id, amountCents: half, paidOn: day, method: 'pix' });
      if (inv.balance - half > 0) await ok('payments.register', { invoiceId: inv.id, amountCents: inv.balance - half, paidOn: day, method: 'pix' });
    }
  }
  process.stdout.write('DONE\n');
}

void main().catch((err: unknown) => {
  process.stderr.write(`crash-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
