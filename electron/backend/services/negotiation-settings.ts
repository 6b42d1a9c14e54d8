import { DEFAULT_POLICIES, type NegotiationPolicy, type NegotiationRole } from '../../../shared/domain/negotiation';
import type { NegotiationSettings } from '../../../shared/ipc/negotiation.contract';
import type { Context } from '../context';
import { settingsService } from './settings.service';

/** Per-role limits and the breach tolerance: an installment more than 5 days late breaks the agreement. */
export const DEFAULT_NEGOTIATION_SETTINGS: Omit<NegotiationSettings, 'charges'> = {
  policies: DEFAULT_POLICIES,
  breachToleranceDays: 5,
};

const SETTINGS_KEY = 'negotiation';

/**
 * The negotiation settings: multa and juros are the company's defaults (Configurações › Empresa), the limits
 * and the tolerance come from the `negotiation` settings row (JSON) over the defaults, field by field.
 */
export function readNegotiationSettings(ctx: Context): NegotiationSettings {
  const company = settingsService(ctx).getCompany();
  const raw = ctx.repos.settings.get(SETTINGS_KEY);
  const stored = raw ? (JSON.parse(raw) as Partial<Omit<NegotiationSettings, 'charges'>>) : {};
  const d = DEFAULT_NEGOTIATION_SETTINGS;
  const policy = (role: NegotiationRole): NegotiationPolicy => ({ ...d.policies[role], ...stored.policies?.[role] });
  return {
    charges: { finePercentBp: company.defaultFineBp, monthlyInterestBp: company.defaultMonthlyInterestBp },
    policies: { clerk: policy('clerk'), supervisor: policy('supervisor') },
    breachToleranceDays: stored.breachToleranceDays ?? d.breachToleranceDays,
  };
}
