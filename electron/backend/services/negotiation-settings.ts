import { DEFAULT_POLICIES, type NegotiationPolicy, type NegotiationRole } from '../../../shared/domain/negotiation';
import type { NegotiationSettings } from '../../../shared/ipc/negotiation.contract';
import type { Context } from '../context';

/** DOMAIN.md defaults: multa 2%, juros 1% a.m.; an installment 5 days late breaks the agreement. */
export const DEFAULT_NEGOTIATION_SETTINGS: NegotiationSettings = {
  charges: { finePercentBp: 200, monthlyInterestBp: 100 },
  policies: DEFAULT_POLICIES,
  breachToleranceDays: 5,
};

const SETTINGS_KEY = 'negotiation';

/**
 * The negotiation settings: the `negotiation` settings row (JSON) over the defaults, field by field, so a
 * partial row never leaves a limit undefined.
 */
export function readNegotiationSettings(ctx: Context): NegotiationSettings {
  const raw = ctx.repos.negotiation.setting(SETTINGS_KEY);
  const stored = raw ? (JSON.parse(raw) as Partial<NegotiationSettings>) : {};
  const d = DEFAULT_NEGOTIATION_SETTINGS;
  const policy = (role: NegotiationRole): NegotiationPolicy => ({ ...d.policies[role], ...stored.policies?.[role] });
  return {
    charges: { ...d.charges, ...stored.charges },
    policies: { clerk: policy('clerk'), supervisor: policy('supervisor') },
    breachToleranceDays: stored.breachToleranceDays ?? d.breachToleranceDays,
  };
}
