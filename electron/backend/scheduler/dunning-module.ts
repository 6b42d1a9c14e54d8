/**
 * Wires the régua into the backend: services, message senders (SMTP, HTTP gateway, or test doubles),
 * the scheduler with its jobs, and the handler groups. Kept here so createBackend only adds one call.
 */
import type { JobRunView } from '../../../shared/ipc/dunning.contract';
import type { CompanySettings } from '../../../shared/ipc/settings.contract';
import type { Context } from '../context';
import { dunningHandlers } from '../handlers/dunning.handlers';
import { outboxHandlers } from '../handlers/outbox.handlers';
import { queueHandlers } from '../handlers/queue.handlers';
import { createHttpGateway } from '../messaging/http-gateway';
import { createMemorySecretStore, type MessageSender, type SecretStore } from '../messaging/messaging.types';
import { createSmtpMailer, type SmtpTrust } from '../messaging/smtp-mailer';
import { negotiationReviewJob } from '../negotiation/negotiation.jobs';
import type { HandlerGroup } from '../router';
import { dunningService, SECRET_GATEWAY_AUTH, SECRET_SMTP_PASSWORD, type CompanyInfo, type CompanySource } from '../services/dunning.service';
import { negotiationService } from '../services/negotiation.service';
import { outboxService } from '../services/outbox.service';
import { dunningJobs } from './dunning.jobs';
import { createScheduler, type Scheduler } from './scheduler';

export interface DunningOptions {
  /** Replaces the SMTP mailer built from the settings (tests, or a future provider). */
  mailer?: MessageSender;
  /** Extra certificate authorities the SMTP mailer built from the settings trusts (tests' own CA). */
  smtpTrust?: SmtpTrust;
  /** Replaces the SMS/WhatsApp HTTP gateway built from the settings. */
  gateway?: MessageSender;
  /** The creditor's identification and charges; defaults to the company settings. */
  company?: CompanySource;
  /** Where the SMTP password and gateway token live; in-memory when not given (browser/test mode). */
  secrets?: SecretStore;
  /** Start the timers (the desktop app and the web host do; tests call scheduler.runOnce instead). */
  startScheduler?: boolean;
  schedulerIntervalMs?: number;
}

/** The creditor from the company settings, answered through the contract (null until configured). */
export function companyFromSettings(dispatch: (method: string, params: unknown) => Promise<{ ok: boolean; data?: unknown }>): CompanySource {
  return async () => {
    const env = await dispatch('settings.getCompany', {});
    if (!env.ok || !env.data) return null;
    const c = env.data as CompanySettings;
    const a = c.address;
    if (!c.legalName || !c.cnpj || !a.city) return null;
    const street = [a.street, a.streetNumber, a.complement].filter(Boolean).join(', ');
    const address = [street, a.district, `${a.city}${a.uf ? `/${a.uf}` : ''}`, a.postalCode ? `CEP ${a.postalCode}` : null].filter(Boolean).join(' — ');
    const info: CompanyInfo = {
      creditor: { legalName: c.legalName, document: c.cnpj, address, city: a.city, pixKey: c.pixKey },
      finePercentBp: c.defaultFineBp,
      monthlyInterestBp: c.defaultMonthlyInterestBp,
    };
    return info;
  };
}

export function createDunning(
  ctx: Context,
  opts: Omit<DunningOptions, 'company'> & { company: CompanySource; log: (msg: string) => void; onRan: (runs: JobRunView[]) => void },
): { handlers: HandlerGroup[]; scheduler: Scheduler } {
  const secrets = opts.secrets ?? createMemorySecretStore();
  const dunning = dunningService(ctx, { company: opts.company, secrets });
  const outbox = outboxService(ctx, {
    dunning,
    company: opts.company,
    senders: {
      email: () => {
        if (opts.mailer) return opts.mailer;
        const smtp = dunning.settings().smtp;
        return smtp ? createSmtpMailer({ ...smtp, password: secrets.get(SECRET_SMTP_PASSWORD) }, opts.smtpTrust) : null;
      },
      gateway: () => {
        if (opts.gateway) return opts.gateway;
        const g = dunning.settings().gateway;
        return g ? createHttpGateway({ ...g, authValue: secrets.get(SECRET_GATEWAY_AUTH) }) : null;
      },
    },
  });
  // The negotiation review runs first, so títulos reinstated by a broken agreement meet the same day's ladder.
  const jobs = [negotiationReviewJob(negotiationService(ctx)), ...dunningJobs(dunning, outbox)];
  const scheduler = createScheduler(ctx, jobs, { intervalMs: opts.schedulerIntervalMs, log: opts.log, onRan: opts.onRan });
  if (opts.startScheduler) scheduler.start();
  return { handlers: [dunningHandlers(dunning, scheduler), queueHandlers(ctx), outboxHandlers(outbox)], scheduler };
}
