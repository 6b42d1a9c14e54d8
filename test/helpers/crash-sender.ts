/** What the crash-safety child and its parent test share: the creditor and a sender that records deliveries. */
import { appendFileSync } from 'node:fs';
import type { MessageSender } from '../../electron/backend/messaging/messaging.types';
import type { CompanyInfo } from '../../electron/backend/services/dunning.service';

export const CRASH_COMPANY: CompanyInfo = {
  creditor: { legalName: 'Distribuidora Exemplo Ltda', document: '11222333000181', address: 'Rua A, 10 — Centro — Campinas/SP', city: 'Campinas', pixKey: '11222333000181' },
  finePercentBp: 200,
  monthlyInterestBp: 100,
};

/**
 * A sender that takes a moment (so a kill can land mid-send) and appends each delivered idempotency key to
 * `logPath` before it answers: the test checks no key was ever delivered twice, across all the child's lives.
 */
export function recordingSender(logPath: string, delayMs: number): MessageSender {
  return {
    send: async (m) => {
      await new Promise((ok) => setTimeout(ok, delayMs));
      appendFileSync(logPath, `${m.idempotencyKey}\n`);
      return { ok: true, providerId: null };
    },
  };
}
