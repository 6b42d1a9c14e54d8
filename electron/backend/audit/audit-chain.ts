/**
 * The activity log's hash chain: every entry's `hash` is SHA-256 over a canonical serialization of the
 * entry and the previous entry's hash, so changing or removing any entry is detectable (migration 0009).
 * This is tamper evidence against edits of the database file, not a signature: someone who understands
 * the scheme can rebuild the whole chain.
 */
import { createHash } from 'node:crypto';
import type { AuditProblem, AuditVerification } from '../../../shared/ipc/audit.contract';
import type { Db } from '../db/connection';
import { statementCache, type Prepare } from '../db/statements';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  customerId: number | null;
  invoiceId: number | null;
  /** The stored JSON text, hashed as stored. */
  details: string;
}

/** A JSON array in a fixed field order: unambiguous and identical on every platform. */
export function entryHash(entry: ChainedFields, prevHash: string): string {
  const canonical = JSON.stringify([entry.id, entry.at, entry.actor, entry.action, entry.customerId, entry.invoiceId, entry.details, prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

interface StoredEntry extends ChainedFields {
  prevHash: string | null;
  hash: string | null;
}

const SELECT_ENTRIES = `SELECT id, at, actor, action, customer_id AS customerId, invoice_id AS invoiceId, details,
  prev_hash AS prevHash, hash FROM activity_log`;

export interface ChainTip {
  id: number;
  hash: string;
}

function readHead(prepare: Prepare): ChainTip | undefined {
  return prepare('SELECT last_id AS id, last_hash AS hash FROM audit_chain_head WHERE singleton = 1').get() as ChainTip | undefined;
}

/**
 * Where the next entry goes: after the highest id, linked to the recorded head. Linking to the head, not
 * to the last row, keeps a deleted tail or a foreign row visible to `verifyChain` after later appends.
 * Entries written before migration 0009 are sealed first.
 */
export function nextLink(prepare: Prepare): { id: number; prevHash: string } {
  const maxId = (prepare('SELECT MAX(id) FROM activity_log').pluck().get() as number | null) ?? 0;
  const head = readHead(prepare) ?? (maxId > 0 ? sealLegacyEntries(prepare) : null);
  return { id: maxId + 1, prevHash: head?.hash ?? GENESIS_HASH };
}

/** Run once when the backend opens: seals what migration 0009 found, so the check covers old entries too. */
export function sealAtOpen(db: Db): void {
  const prepare = statementCache(db);
  db.transaction(() => readHead(prepare) ?? sealLegacyEntries(prepare)).immediate();
}

export function recordChainHead(prepare: Prepare, tip: ChainTip): void {
  prepare(
    `INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (1, @id, @hash)
     ON CONFLICT (singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash`,
  ).run(tip);
}

/**
 * Seals, in id order, the entries written before the chain existed (hash NULL), continuing from the last
 * sealed one. The caller runs it inside a transaction. Returns the new tip (null on an empty log).
 */
export function sealLegacyEntries(prepare: Prepare): ChainTip | null {
  const sealed = prepare('SELECT id, hash FROM activity_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as ChainTip | undefined;
  let tip: ChainTip | null = sealed ?? null;
  const unsealed = prepare(`${SELECT_ENTRIES} WHERE hash IS NULL AND id > ? ORDER BY id`).all(sealed?.id ?? 0) as StoredEntry[];
  const seal = prepare('UPDATE activity_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const entry of unsealed) {
    const prevHash = tip?.hash ?? GENESIS_HASH;
    tip = { id: entry.id, hash: entryHash(entry, prevHash) };
    seal.run(prevHash, tip.hash, entry.id);
  }
  if (tip && unsealed.length > 0) recordChainHead(prepare, tip);
  return tip;
}

function broken(entries: number, brokenEntryId: number, problem: AuditProblem): AuditVerification {
  const messages: Record<AuditProblem, string> = {
    altered: `A entrada nº ${brokenEntryId} do histórico foi alterada depois de gravada.`,
    'chain-broken': `A entrada anterior à nº ${brokenEntryId} do histórico foi apagada ou alterada.`,
    unsealed: `A entrada nº ${brokenEntryId} do histórico não tem selo de integridade (inserida fora do Adimple).`,
    'tail-missing': `As entradas mais recentes do histórico (até a nº ${brokenEntryId}) foram apagadas.`,
  };
  return { ok: false, entries, brokenEntryId, problem, message: messages[problem] };
}

/** Walks the whole log in id order and reports the first entry that breaks the chain. */
export function verifyChain(prepare: Prepare): AuditVerification {
  const head = readHead(prepare);
  let prevHash = GENESIS_HASH;
  let lastId: number | null = null;
  let entries = 0;
  for (const entry of prepare(`${SELECT_ENTRIES} ORDER BY id`).iterate() as IterableIterator<StoredEntry>) {
    entries++;
    // Past the recorded head: appended around the app, which always moves the head with the entry.
    if (entry.hash === null || entry.prevHash === null || !head || entry.id > head.id) return broken(entries, entry.id, 'unsealed');
    if (entry.prevHash !== prevHash) return broken(entries, entry.id, 'chain-broken');
    if (entryHash(entry, prevHash) !== entry.hash) return broken(entries, entry.id, 'altered');
    prevHash = entry.hash;
    lastId = entry.id;
  }
  if (head && head.id !== lastId) return broken(entries, head.id, 'tail-missing');
  if (head && head.hash !== prevHash) return broken(entries, head.id, 'altered');
  return { ok: true, entries, lastId };
}
