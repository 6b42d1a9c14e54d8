/**
 * Integration-test helpers: a real backend on a real SQLite file in a fresh temp dir, a typed `call`, a
 * controllable clock and a customer builder drawing from a fixed list of valid documents.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend, Clock } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import { createRng } from '../../electron/backend/demo/rng';
import type { AuthMode } from '../../electron/backend/users/session';
import { generateCnpj, generateCpf, validateDocument } from '../../shared/domain/documents';
import type { ApiResult, EventName, Events, Method } from '../../shared/ipc/contract';
import type { ApiError, Envelope } from '../../shared/ipc/envelope';
import type { Params } from '../../shared/ipc/schemas';

/** 2026-11-25T15:00Z is 12:00 in São Paulo: the business date ("hoje") is 2026-11-25. */
export const NOW_ISO = '2026-11-25T15:00:00.000Z';
export const AS_OF = '2026-11-25';

/** A clock the test can move; starts at `start` and stays there until told otherwise. */
export function testClock(start: string = NOW_ISO): Clock & { set(iso: string): void; advanceMs(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = new Date(iso).getTime();
    },
    advanceMs: (ms) => {
      t += ms;
    },
  };
}

/** Thrown by `call` when the envelope is not ok; carries the whole error. */
export class CallError extends Error {
  constructor(
    readonly method: string,
    readonly error: ApiError,
  ) {
    super(`${method} → ${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`);
    this.name = 'CallError';
  }
}

export interface TestBackendOptions {
  /** Reuse a directory (e.g. to reopen the same file); otherwise a fresh temp dir is made. */
  dir?: string;
  fileName?: string;
  clock?: Clock;
  actor?: () => string;
  /** 'required' to test the login gate; default 'off' (no login needed). */
  auth?: AuthMode;
}

export interface TestBackend {
  backend: Backend;
  dir: string;
  dbPath: string;
  clock: Clock;
  /** Lines the backend logged (INTERNAL errors, backups). */
  logs: string[];
  /** Every event emitted since opening. */
  events: { name: EventName; payload: Events[EventName] }[];
  call<M extends Method>(method: M, params: Params<M>): Promise<ApiResult<M>>;
  callRaw<M extends Method>(method: M, params: Params<M> | Record<string, unknown>): Promise<Envelope<ApiResult<M>>>;
  /** A separate better-sqlite3 connection on the same file (closed by `close`). */
  raw(): Database.Database;
  close(): void;
}

const openDirs = new Set<string>();

export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'adimple-'));
  openDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  openDirs.delete(dir);
}

export function openTestBackend(opts: TestBackendOptions = {}): TestBackend {
  const dir = opts.dir ?? makeTempDir();
  const dbPath = join(dir, opts.fileName ?? 'adimple.db');
  const clock = opts.clock ?? testClock();
  const logs: string[] = [];
  const backend = createBackend({ dbPath, clock, log: (m) => logs.push(m), actor: opts.actor ?? (() => 'teste'), auth: opts.auth ?? 'off' });
  const events: TestBackend['events'] = [];
  backend.onEvent((name, payload) => events.push({ name, payload }));
  const raws: Database.Database[] = [];
  let closed = false;

  return {
    backend,
    dir,
    dbPath,
    clock,
    logs,
    events,
    async call(method, params) {
      const env = await backend.dispatch(method, params);
      if (!env.ok) throw new CallError(method, env.error);
      return env.data as never;
    },
    async callRaw(method, params) {
      return (await backend.dispatch(method, params)) as never;
    },
    raw() {
      const db = new Database(dbPath);
      db.pragma('busy_timeout = 2000');
      raws.push(db);
      return db;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const r of raws) if (r.open) r.close();
      backend.close();
      if (!opts.dir) removeTempDir(dir);
    },
  };
}

/** Call from an afterEach as a safety net (e.g. a test failed before its own cleanup). */
export function removeAllTempDirs(): void {
  for (const d of [...openDirs]) removeTempDir(d);
}

/** Expects a non-ok envelope and returns its error. */
export function expectError<T>(env: Envelope<T>): ApiError {
  if (env.ok) throw new Error(`Expected an error envelope, got ok: ${JSON.stringify(env.data).slice(0, 300)}`);
  return env.error;
}

// ---------------------------------------------------------------------------------------------------------
// Documents and customers

function validDocuments(seed: number, n: number, make: (r: () => number) => string): string[] {
  const rng = createRng(seed);
  const out = new Set<string>();
  while (out.size < n) {
    const d = make(() => rng.next());
    const v = validateDocument(d);
    if (!v.ok) throw new Error(`generator produced an invalid document ${d}: ${v.message}`);
    out.add(v.value);
  }
  return [...out];
}

/** 40 distinct valid numeric CNPJs (normalised, 14 digits), the same on every run. */
export const CNPJS: readonly string[] = validDocuments(20261125, 40, (r) => generateCnpj(r));
/** 10 distinct valid alphanumeric CNPJs (July 2026 format). */
export const ALNUM_CNPJS: readonly string[] = validDocuments(7, 10, (r) => generateCnpj(r, true));
/** 20 distinct valid CPFs (11 digits). */
export const CPFS: readonly string[] = validDocuments(11, 20, (r) => generateCpf(r));

/** "12345678000195" → "12.345.678/0001-95" (an independent masker, not the app's formatDocument). */
export function maskCnpj(n: string): string {
  return `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 8)}/${n.slice(8, 12)}-${n.slice(12, 14)}`;
}
export function maskCpf(n: string): string {
  return `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9, 11)}`;
}

let customerSeq = 0;

/**
 * A valid `customers.create` payload: a PJ with a CNPJ from the fixed list (a new one each call, cycling),
 * unless overridden. PF overrides get a CPF when no document is given.
 */
export function validCustomer(overrides: Partial<Params<'customers.create'>> = {}): Params<'customers.create'> {
  const n = customerSeq++;
  const kind = overrides.kind ?? 'PJ';
  const document = overrides.document ?? (kind === 'PF' ? CPFS[n % CPFS.length]! : CNPJS[n % CNPJS.length]!);
  return {
    legalName: `Cliente Teste ${n} Ltda`,
    tradeName: null,
    kind,
    segment: 'Mercearia',
    salesRep: 'Ana',
    address: { street: 'Rua das Flores', streetNumber: '100', complement: null, district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
    creditLimitCents: 1_000_000,
    paymentTermsDays: 28,
    status: 'active',
    tags: [],
    notes: null,
    ...overrides,
    document,
  };
}

/** A valid `invoices.create` payload for `customerId`. */
export function validInvoice(customerId: number, overrides: Partial<Params<'invoices.create'>> = {}): Params<'invoices.create'> {
  const dueDate = overrides.dueDate ?? AS_OF;
  return {
    customerId,
    documentNumber: `NF-${++customerSeq}`,
    issueDate: overrides.issueDate ?? minusDays(dueDate, 30),
    dueDate,
    amountCents: 100_000,
    paymentMethod: 'boleto',
    ...overrides,
  };
}

/** Independent date arithmetic for expected values (UTC midnight maths, not the app's dates module). */
export function minusDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return new Date(t - days * 86_400_000).toISOString().slice(0, 10);
}
export function daysBetween(later: string, earlier: string): number {
  const ms = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((ms(later) - ms(earlier)) / 86_400_000);
}
