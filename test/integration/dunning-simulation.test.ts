/**
 * A clock-driven simulation: 60 days of a small portfolio on a real SQLite file, the scheduler run three
 * times a day (morning, afternoon, night), payments arriving on random days. Whatever happens, the régua
 * must never act twice on a título's step, never send outside contact hours (no Sundays or holidays),
 * keep the per-debtor cap, and never remind a título that was already paid.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { createRng } from '../../electron/backend/demo/rng';
import type { MessageSender } from '../../electron/backend/messaging/messaging.types';
import { createBankCalendar } from '../../shared/domain/bank-calendar';
import { contactRuleFor, isWithinContactHours, localTimeIn, timeZoneFor } from '../../shared/domain/contact-hours';
import type { ApiResult, Method } from '../../shared/ipc/contract';
import type { Params } from '../../shared/ipc/schemas';
import { CallError, CNPJS, makeTempDir, minusDays, removeAllTempDirs, testClock, validCustomer, validInvoice } from '../helpers/backend';

afterEach(() => removeAllTempDirs());

const START = '2026-10-01';
const DAYS = 60;
const RUNS_UTC = ['11:05', '17:00', '23:30']; // 08:05, 14:00 and 20:30 in São Paulo
const plusDays = (iso: string, n: number) => minusDays(iso, -n);

it('60 days: no duplicate, contact hours and caps respected, paid títulos never reminded', async () => {
  const dir = makeTempDir();
  const dbPath = join(dir, 'sim.db');
  const clock = testClock(`${START}T${RUNS_UTC[0]}:00.000Z`);
  const sent: { key: string; to: string; at: string }[] = [];
  const mailer: MessageSender = { send: async (m) => (sent.push({ key: m.idempotencyKey, to: m.to, at: clock.now().toISOString() }), { ok: true, providerId: null }) };
  const backend = createBackend({
    dbPath,
    clock,
    log: () => {},
    actor: () => 'simulação',
    mailer,
    company: async () => ({
      creditor: { legalName: 'Distribuidora Exemplo Ltda', document: '11222333000181', address: 'Rua A, 10 — Campinas/SP', city: 'Campinas', pixKey: null },
      finePercentBp: 200,
      monthlyInterestBp: 100,
    }),
  });
  const call = async <M extends Method>(method: M, params: Params<M>): Promise<ApiResult<M>> => {
    const env = await backend.dispatch(method, params);
    if (!env.ok) throw new CallError(method, env.error);
    return env.data as ApiResult<M>;
  };
  const db = new Database(dbPath);
  try {
    const rng = createRng(20261001);
    const pick = (n: number) => Math.floor(rng.next() * n);
    const invoices: { id: number; amountCents: number; payOn: string | null }[] = [];
    const places = [
      { city: 'Campinas', uf: 'SP' },
      { city: 'Rio de Janeiro', uf: 'RJ' },
      { city: 'Manaus', uf: 'AM' },
    ] as const;
    for (let c = 0; c < 12; c++) {
      const place = places[c % places.length]!;
      const customer = await call(
        'customers.create',
        validCustomer({ document: CNPJS[c]!, address: { street: 'Rua X', streetNumber: '1', complement: null, district: 'Centro', city: place.city, uf: place.uf, postalCode: '01000-000' } }),
      );
      await call('contacts.create', { customerId: customer.id, name: `Contato ${c}`, email: `c${c}@cliente.com.br`, whatsapp: '11987654321', preferredChannel: 'email' });
      for (let i = 0, n = 2 + pick(4); i < n; i++) {
        const dueDate = plusDays(START, pick(75) - 10);
        const inv = await call('invoices.create', validInvoice(customer.id, { dueDate, amountCents: 10_000 + pick(500_000) }));
        const payOn = rng.next() < 0.5 ? plusDays(dueDate, pick(40) - 5) : null;
        invoices.push({ id: inv.id, amountCents: inv.amountCents, payOn: payOn && payOn >= START && payOn < plusDays(START, DAYS) ? payOn : null });
      }
    }

    for (let d = 0; d < DAYS; d++) {
      const day = plusDays(START, d);
      for (const [i, hhmm] of RUNS_UTC.entries()) {
        clock.set(`${day}T${hhmm}:00.000Z`);
        // Payments land before the day's first run.
        if (i === 0) {
          for (const inv of invoices.filter((x) => x.payOn === day)) {
            await call('payments.register', { invoiceId: inv.id, amountCents: inv.amountCents, paidOn: day, method: 'pix' });
          }
        }
        const runs = await backend.scheduler.runOnce();
        for (const r of runs) expect(r.status, `${r.jobName} em ${day} ${hhmm}: ${r.error}`).toBe('ok');
      }
    }

    expect(sent.length).toBeGreaterThan(20);
    // 1. Each message went out once; no título got the same step twice (messages and tasks together).
    expect(new Set(sent.map((s) => s.key)).size).toBe(sent.length);
    const actions = db
      .prepare(
        `SELECT step_id, invoice_ids FROM outbox_messages WHERE step_id IS NOT NULL
         UNION ALL SELECT step_id, invoice_ids FROM dunning_tasks WHERE step_id IS NOT NULL AND type <> 'fix_contact'`,
      )
      .all() as { step_id: number; invoice_ids: string }[];
    const pairs = actions.flatMap((a) => (JSON.parse(a.invoice_ids) as number[]).map((inv) => `${inv}|${a.step_id}`));
    expect(new Set(pairs).size).toBe(pairs.length);

    // 2. Every message was sent within the debtor's contact hours (never on a Sunday or holiday).
    const placeOf = db.prepare(`SELECT c.uf, c.city FROM outbox_messages o JOIN customers c ON c.id = o.customer_id WHERE o.idempotency_key = ?`);
    for (const s of sent) {
      const { uf, city } = placeOf.get(s.key) as { uf: string; city: string };
      const local = localTimeIn(new Date(s.at), timeZoneFor(uf));
      expect(isWithinContactHours(local, contactRuleFor(uf), createBankCalendar(uf, city)), `${s.to} em ${s.at}`).toBe(true);
    }

    // 3. At most one contact a day and three a week per debtor, across e-mail and contact tasks.
    const contacts = db
      .prepare(
        `SELECT customer_id AS customerId, contact_date AS date FROM outbox_messages WHERE status <> 'cancelled'
         UNION ALL SELECT customer_id, due_date FROM dunning_tasks WHERE is_contact = 1 AND status <> 'cancelled'`,
      )
      .all() as { customerId: number; date: string }[];
    const byCustomer = new Map<number, string[]>();
    for (const c of contacts) byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), c.date]);
    for (const [customerId, dates] of byCustomer) {
      for (const date of dates) {
        expect(dates.filter((x) => x === date).length, `cliente ${customerId} em ${date}`).toBe(1);
        expect(dates.filter((x) => x <= date && x > minusDays(date, 7)).length, `cliente ${customerId}, semana até ${date}`).toBeLessThanOrEqual(3);
      }
    }

    // 4. No message sent on or after a título's payment mentions it.
    const invoicesOf = db.prepare(`SELECT invoice_ids FROM outbox_messages WHERE idempotency_key = ?`).pluck();
    const paidOn = new Map(invoices.filter((x) => x.payOn !== null).map((x) => [x.id, x.payOn!]));
    for (const s of sent) {
      const sentDay = localTimeIn(new Date(s.at), 'America/Sao_Paulo').date;
      for (const id of JSON.parse(invoicesOf.get(s.key) as string) as number[]) {
        const paid = paidOn.get(id);
        expect(paid === undefined || paid > sentDay, `título ${id} pago em ${paid}, lembrado em ${sentDay}`).toBe(true);
      }
    }
  } finally {
    db.close();
    backend.close();
  }
});
