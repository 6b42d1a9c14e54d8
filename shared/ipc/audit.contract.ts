/** The audit trail's integrity check (hash chain over activity_log, migration 0009). */
import type { Params } from './schemas';

/**
 * `altered`: the entry's content no longer matches its hash; `chain-broken`: the entry before it was deleted
 * or changed; `unsealed`: the entry was written around the app; `tail-missing`: the newest entries are gone.
 */
export type AuditProblem = 'altered' | 'chain-broken' | 'unsealed' | 'tail-missing';

export type AuditVerification =
  | { ok: true; entries: number; lastId: number | null }
  | { ok: false; entries: number; brokenEntryId: number; problem: AuditProblem; message: string };

export type AuditCheck = AuditVerification & { checkedAt: string };

export interface AuditApi {
  'audit.verify': { params: Params<'audit.verify'>; result: AuditCheck };
}
