import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { CompanyLogo, CompanySettings } from '../../../shared/ipc/settings.contract';
import type { Context } from '../context';

/** The company row holds the small fields; the logo (up to 512 KB) has its own row so reads of the rest stay cheap. */
const COMPANY_KEY = 'company';
const LOGO_KEY = 'company.logo';

/** Until the company is configured: empty identification, DOMAIN.md's default charges (multa 2%, juros 1% a.m.). */
export const EMPTY_COMPANY: CompanySettings = {
  legalName: '',
  tradeName: null,
  cnpj: '',
  address: { street: null, streetNumber: null, complement: null, district: null, city: null, uf: null, postalCode: null },
  phone: null,
  email: null,
  pixKey: null,
  logo: null,
  defaultFineBp: 200,
  defaultMonthlyInterestBp: 100,
  updatedAt: null,
};

// The rule lives in shared/domain so the screens can warn before offering a document the backend refuses.

export function settingsService(ctx: Context) {
  const repo = ctx.repos.settings;

  function getCompany(): CompanySettings {
    const raw = repo.get(COMPANY_KEY);
    const logoRaw = repo.get(LOGO_KEY);
    const stored = raw ? (JSON.parse(raw) as Omit<CompanySettings, 'logo'>) : null;
    const logo = logoRaw ? (JSON.parse(logoRaw) as CompanyLogo | null) : null;
    return stored ? { ...EMPTY_COMPANY, ...stored, address: { ...EMPTY_COMPANY.address, ...stored.address }, logo } : EMPTY_COMPANY;
  }

  function updateCompany(p: ParsedParams<'settings.updateCompany'>): CompanySettings {
    const before = getCompany();
    const { logo, ...fields } = p;
    const saved: Omit<CompanySettings, 'logo'> = { ...fields, updatedAt: ctx.nowIso() };
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(fields[k]));
    const logoChanged = JSON.stringify(before.logo) !== JSON.stringify(logo);
    ctx.tx(() => {
      repo.set(COMPANY_KEY, JSON.stringify(saved));
      repo.set(LOGO_KEY, JSON.stringify(logo));
      ctx.repos.activity.append(
        { actor: ctx.actor(), action: 'settings.company_updated', details: { changed: logoChanged ? [...changed, 'logo'] : changed } },
        ctx.nowIso(),
      );
    });
    return getCompany();
  }

  return { getCompany, updateCompany };
}

export type SettingsService = ReturnType<typeof settingsService>;
