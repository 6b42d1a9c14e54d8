/**
 * The régua de cobrança: the daily dunning pass (plan with shared/domain/dunning, then record outbox
 * messages, tasks and the step log in ONE transaction), ladder and template editing, previews, pauses and
 * the régua's settings.
 */
import { createBankCalendar, type BankCalendar } from '../../../shared/domain/bank-calendar';
import { contactRuleFor, instantOf, localTimeIn, nextContactSlot, timeZoneFor, type ContactHoursByUf, type LocalTime } from '../../../shared/domain/contact-hours';
import { waMeLink } from '../../../shared/domain/contact-info';
import { addDays } from '../../../shared/domain/dates';
import { DEFAULT_DUNNING_POLICY, dueDateWindow, expectedRecoveryCents, planDunning, type DueAction, type DunningCustomer, type DunningPolicy } from '../../../shared/domain/dunning';
import { pixTxid } from '../../../shared/domain/pix';
import { PLACEHOLDERS, renderTemplate, unknownPlaceholders, type Creditor, type RenderedMessage } from '../../../shared/domain/templates';
import type { Contact, InvoiceRow } from '../../../shared/ipc/contract';
import type { DunningSettingsView, MessagePreview, PauseView, StepView, TaskType, TemplateView, UfContactHours } from '../../../shared/ipc/dunning.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import type { DunningCustomerInfo } from '../db/repos/ladders.repo';
import type { SecretStore } from '../messaging/messaging.types';

/** The creditor as the company settings describe it (identification on every message, charges). */
export interface CompanyInfo {
  creditor: Creditor;
  finePercentBp: number;
  monthlyInterestBp: number;
}
export type CompanySource = () => Promise<CompanyInfo | null>;

export interface DunningSettings {
  clerkName: string;
  policy: DunningPolicy;
  smtp: NonNullable<DunningSettingsView['smtp']> | null;
  gateway: NonNullable<DunningSettingsView['gateway']> | null;
  contactHours: UfContactHours[];
}

const SETTINGS_KEY = 'dunning.settings';

/** The company's per-UF contact hours, keyed by UF, as the contact-hours rules read them. */
function contactRulesOf(s: DunningSettings): ContactHoursByUf {
  return Object.fromEntries(s.contactHours.map((r) => [r.uf, { byWeekday: r.byWeekday }]));
}
export const SECRET_SMTP_PASSWORD = 'smtp.password';
export const SECRET_GATEWAY_AUTH = 'gateway.auth';
const DEFAULT_SETTINGS: DunningSettings = { clerkName: 'Equipe de cobrança', policy: DEFAULT_DUNNING_POLICY, smtp: null, gateway: null, contactHours: [] };

export interface PassSummary {
  messages: number;
  tasks: number;
  held: number;
  /** Automatic messages not created because the company (creditor) is not configured. */
  heldNoCompany: number;
  paused: number;
}

const OPEN_NOW: readonly InvoiceRow['status'][] = ['open', 'partial'];

// createBankCalendar resolves the city's region on every call; a pass asks for thousands of calendars.
const calendars = new Map<string, BankCalendar>();
export function calendarFor(uf: string | null, city: string | null): BankCalendar {
  const key = `${uf ?? ''}|${city ?? ''}`;
  let cal = calendars.get(key);
  if (!cal) calendars.set(key, (cal = createBankCalendar(uf ?? undefined, city ?? undefined)));
  return cal;
}

export function dunningService(ctx: Context, deps: { company: CompanySource; secrets: SecretStore }) {
  const { ladders, pauses, outbox, tasks, activity, customers, contacts, invoices } = ctx.repos;

  // Customers and contacts change far less often than passes run: reuse the map until they change.
  let customerCache: { version: string; map: Map<number, DunningCustomerInfo> } | null = null;
  function customersNow(): Map<number, DunningCustomerInfo> {
    const version = ladders.customersVersion();
    if (customerCache?.version !== version) customerCache = { version, map: ladders.dunningCustomers() };
    return customerCache.map;
  }

  function settings(): DunningSettings {
    const raw = ladders.readSetting(SETTINGS_KEY);
    return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<DunningSettings>) } : DEFAULT_SETTINGS;
  }

  function settingsView(): DunningSettingsView {
    const s = settings();
    return {
      clerkName: s.clerkName,
      maxContactsPerDay: s.policy.maxContactsPerDay,
      maxContactsPerWeek: s.policy.maxContactsPerWeek,
      maxCatchUpDays: s.policy.maxCatchUpDays,
      // Field by field: settings saved by older versions may carry keys that no longer mean anything.
      smtp: s.smtp && { host: s.smtp.host, port: s.smtp.port, security: s.smtp.security, user: s.smtp.user, fromEmail: s.smtp.fromEmail, fromName: s.smtp.fromName },
      hasSmtpPassword: deps.secrets.get(SECRET_SMTP_PASSWORD) !== null,
      gateway: s.gateway,
      hasGatewayAuthValue: deps.secrets.get(SECRET_GATEWAY_AUTH) !== null,
      contactHours: s.contactHours,
      secretStorage: deps.secrets.kind,
    };
  }

  /** The still-open títulos among `ids`, as rows (a payment or write-off in the meantime drops them). */
  function openInvoices(ids: readonly number[], asOf: string): InvoiceRow[] {
    return ids.map((id) => invoices.get(id, asOf)).filter((i): i is InvoiceRow => i !== null && OPEN_NOW.includes(i.status) && i.openCents > 0);
  }

  function render(templateId: number | null, customerId: number, rows: readonly InvoiceRow[], contact: Contact | null, company: CompanyInfo, asOf: string): RenderedMessage | null {
    const template = templateId === null ? null : ladders.getTemplate(templateId);
    const customer = customers.get(customerId);
    if (!template || !customer) return null;
    const calendar = calendarFor(customer.address.uf, customer.address.city);
    return renderTemplate(template, {
      asOf,
      customerName: customer.tradeName ?? customer.legalName,
      contactName: contact?.name ?? null,
      titulos: rows.map((r) => ({ documentNumber: r.documentNumber, dueDate: r.dueDate, openCents: r.openCents, boletoLine: r.boletoLine })),
      creditor: company.creditor,
      clerkName: settings().clerkName,
      finePercentBp: company.finePercentBp,
      monthlyInterestBp: company.monthlyInterestBp,
      pixTxid: pixTxid('COB', `${customerId}D${asOf.replace(/-/g, '')}`),
      calendar,
    });
  }

  /** The contact a channel reaches: valid, not opted out, with the address; the preferred one first. */
  function recipientFor(customerContacts: readonly Contact[], channel: 'email' | 'whatsapp' | 'sms'): { contact: Contact; address: string } | null {
    const usable = customerContacts.filter((c) => c.isValid && !c.optedOut);
    const addressOf = (c: Contact) => (channel === 'email' ? c.email : (c.whatsapp ?? c.phone));
    const ranked = [...usable.filter((c) => c.preferredChannel === channel), ...usable.filter((c) => c.preferredChannel !== channel)];
    const found = ranked.find((c) => addressOf(c) !== null);
    return found ? { contact: found, address: addressOf(found)! } : null;
  }

  /**
   * For one pass (the clock stands still within it): the first moment, from now and not before a date,
   * that the debtor's contact hours allow, on the debtor's wall clock and as the instant to send. Memoised:
   * most customers share a place.
   */
  function slotFinder(companyRules: ContactHoursByUf) {
    const now = ctx.clock.now();
    const nowByZone = new Map<string, LocalTime>();
    const memo = new Map<string, { local: LocalTime; sendAt: string }>();
    return (uf: string | null, city: string | null, fromDate: string): { local: LocalTime; sendAt: string } => {
      const key = `${uf ?? ''}|${city ?? ''}|${fromDate}`;
      let slot = memo.get(key);
      if (!slot) {
        const zone = timeZoneFor(uf);
        let nowLocal = nowByZone.get(zone);
        if (!nowLocal) nowByZone.set(zone, (nowLocal = localTimeIn(now, zone)));
        const start = fromDate > nowLocal.date ? { date: fromDate, minute: 0 } : nowLocal;
        const local = nextContactSlot(start, contactRuleFor(uf, companyRules), calendarFor(uf, city));
        memo.set(key, (slot = { local, sendAt: instantOf(local, zone).toISOString() }));
      }
      return slot;
    };
  }

  /** What a pass fixes once for every action it records. */
  interface PassScope {
    slotOf: ReturnType<typeof slotFinder>;
    contactsOf: Map<number, Contact[]>;
    company: CompanyInfo | null;
    settings: DunningSettings;
    asOf: string;
    at: string;
  }

  const MANUAL_TASK_TYPE: Record<StepView['channel'], TaskType> = {
    email: 'internal',
    whatsapp: 'whatsapp',
    sms: 'sms',
    phone: 'call',
    letter: 'letter',
    internal: 'internal',
  };

  /** Records one planned action; returns what it created (nothing when it must wait for the company setup). */
  function record(a: DueAction, place: Pick<DunningCustomer, 'uf' | 'city'>, pass: PassScope): 'message' | 'task' | 'held' {
    const { company, settings: s, asOf, at } = pass;
    const task = (type: TaskType, extra: { key?: string; text?: string | null; link?: string | null; title?: string } = {}) => {
      tasks.insert(
        {
          idempotencyKey: extra.key ?? a.key,
          type,
          customerId: a.customerId,
          stepId: a.step.id,
          invoiceIds: a.invoiceIds,
          title: extra.title ?? a.step.name,
          messageText: extra.text ?? null,
          link: extra.link ?? null,
          amountCents: a.totalOpenCents,
          daysOverdue: a.maxDaysOverdue,
          priority: expectedRecoveryCents(a.totalOpenCents, a.maxDaysOverdue),
          dueDate: a.contactDate,
          isContact: a.isContact && type !== 'fix_contact',
        },
        at,
      );
      return 'task' as const;
    };
    const channel = a.step.channel;
    if (channel === 'internal') return task('internal'); // no contact, no text: nothing else to look up
    const customerContacts = pass.contactsOf.get(a.customerId) ?? [];
    if (a.step.automatic && (channel === 'email' || channel === 'whatsapp' || channel === 'sms')) {
      const to = recipientFor(customerContacts, channel);
      if (!to) return task('fix_contact', { key: `${a.key}|contato`, title: `Cadastrar ${channel === 'email' ? 'e-mail' : 'celular'} para a etapa "${a.step.name}"` });
      if (!company) return 'held';
      if (a.step.templateId === null) return task('internal', { title: `Etapa "${a.step.name}" sem modelo de mensagem` });
      if (channel !== 'email' && !s.gateway) {
        // No gateway: the clerk sends it through click-to-chat (never unofficial automation).
        const msg = render(a.step.templateId, a.customerId, openInvoices(a.invoiceIds, asOf), to.contact, company, asOf);
        return task(channel, { text: msg?.text ?? null, link: msg ? waMeLink(to.address, msg.text) : null });
      }
      // The text is written when the message is sent (outbox.service), with the títulos still open then.
      outbox.insert(
        {
          idempotencyKey: a.key,
          customerId: a.customerId,
          stepId: a.step.id,
          invoiceIds: a.invoiceIds,
          channel,
          contactId: to.contact.id,
          toAddress: to.address,
          subject: '',
          bodyHtml: '',
          bodyText: '',
          contactDate: a.contactDate,
          nextAttemptAt: pass.slotOf(place.uf, place.city, a.contactDate).sendAt,
        },
        at,
      );
      return 'message';
    }
    const type = MANUAL_TASK_TYPE[channel];
    const contact = recipientFor(customerContacts, 'whatsapp');
    const msg = company && a.step.templateId !== null ? render(a.step.templateId, a.customerId, openInvoices(a.invoiceIds, asOf), contact?.contact ?? null, company, asOf) : null;
    const link = type === 'whatsapp' && contact && msg ? waMeLink(contact.address, msg.text) : null;
    return task(type, { text: msg?.text ?? null, link });
  }

  return {
    settings,
    /** The per-UF contact hours the company set (the sender re-checks them just before sending). */
    contactRules: () => contactRulesOf(settings()),
    settingsView,
    openInvoices,
    render,

    /** The dunning pass for the business date: plans, then records everything in one transaction. */
    async runPass(): Promise<PassSummary> {
      const company = await deps.company();
      const s = settings();
      const asOf = ctx.asOf();
      const steps = ladders.allSteps();
      const window = dueDateWindow(steps.filter((st) => st.active), asOf, s.policy.maxCatchUpDays);
      const summary: PassSummary = { messages: 0, tasks: 0, held: 0, heldNoCompany: 0, paused: 0 };
      if (!window) return summary;
      return ctx.tx(() => {
        const customerMap = customersNow();
        const slotOf = slotFinder(contactRulesOf(s));
        const stepsByLadder = new Map<number, typeof steps>();
        for (const st of steps) stepsByLadder.set(st.ladderId, [...(stepsByLadder.get(st.ladderId) ?? []), st]);
        const done = ladders.doneSteps(window.from, window.to);
        const contactDates = new Map<number, string[]>();
        const since = addDays(asOf, -7);
        for (const c of [...outbox.contactDatesSince(since), ...tasks.contactDatesSince(since)]) {
          contactDates.set(c.customerId, [...(contactDates.get(c.customerId) ?? []), c.date]);
        }
        const plan = planDunning({
          asOf,
          customers: customerMap,
          stepsByLadder,
          invoices: ladders.candidateInvoices(window.from, window.to),
          pauses: ladders.activePauses(asOf),
          optedOutCustomerIds: new Set([...customerMap.values()].filter((c) => c.optedOut).map((c) => c.id)),
          canReach: (id, channel) => (channel === 'email' ? customerMap.get(id)?.hasEmail : customerMap.get(id)?.hasPhone) ?? false,
          isStepDone: (inv, step) => done.get(inv)?.has(step) ?? false,
          contactDates,
          policy: s.policy,
          calendarFor,
          contactDayFor: (c) => slotOf(c.uf, c.city, asOf).local.date,
        });
        const pass: PassScope = {
          slotOf,
          contactsOf: contacts.listByCustomers([...new Set(plan.actions.map((a) => a.customerId))]),
          company,
          settings: s,
          asOf,
          at: ctx.nowIso(),
        };
        for (const a of plan.actions) {
          const outcome = record(a, customerMap.get(a.customerId)!, pass);
          if (outcome === 'held') {
            summary.heldNoCompany++;
            continue;
          }
          // The outbox row and the task are the record; the customer's history gets the send and the outcome.
          ladders.markStepsDone(a.invoiceIds, a.step.id, asOf);
          summary[outcome === 'message' ? 'messages' : 'tasks']++;
        }
        summary.held = plan.held.length;
        summary.paused = plan.pausedInvoiceCount;
        return summary;
      });
    },

    laddersList() {
      return { ladders: ladders.listLadders(), templates: ladders.listTemplates(), placeholders: PLACEHOLDERS };
    },

    saveStep(p: ParsedParams<'dunning.steps.save'>): StepView {
      return ctx.tx(() => {
        if (!ladders.ladderExists(p.ladderId)) throw new AppError('NOT_FOUND', `Régua ${p.ladderId} não encontrada.`);
        if (p.templateId !== null && !ladders.getTemplate(p.templateId)) {
          throw new AppError('VALIDATION', 'Modelo de mensagem não encontrado.', { fields: [{ path: 'templateId', message: 'Modelo inexistente' }] });
        }
        if (p.channel !== 'internal' && p.templateId === null && p.automatic) {
          throw new AppError('VALIDATION', 'Uma etapa automática precisa de um modelo de mensagem.', { fields: [{ path: 'templateId', message: 'Escolha um modelo' }] });
        }
        const at = ctx.nowIso();
        const { id: givenId, ...write } = p;
        let id = givenId;
        if (id === undefined) id = ladders.insertStep(write, at);
        else {
          if (!ladders.getStep(id)) throw new AppError('NOT_FOUND', `Etapa ${id} não encontrada. Atualize a tela.`);
          ladders.updateStep(id, write, at);
        }
        activity.append({ actor: ctx.actor(), action: 'dunning.step_saved', details: { stepId: id, ...write } }, at);
        return ladders.getStep(id)!;
      });
    },

    saveTemplate(p: ParsedParams<'dunning.templates.save'>): TemplateView {
      const unknown = unknownPlaceholders(p);
      if (unknown.length > 0) {
        throw new AppError('VALIDATION', `Campo desconhecido no modelo: ${unknown.map((u) => `{{${u}}}`).join(', ')}. Use: ${PLACEHOLDERS.map((x) => `{{${x}}}`).join(', ')}.`, {
          fields: [{ path: 'body', message: 'Campo desconhecido' }],
        });
      }
      return ctx.tx(() => {
        if (!ladders.getTemplate(p.id)) throw new AppError('NOT_FOUND', `Modelo ${p.id} não encontrado.`);
        const at = ctx.nowIso();
        ladders.updateTemplate(p.id, p.subject, p.body, at);
        activity.append({ actor: ctx.actor(), action: 'dunning.template_saved', details: { templateId: p.id } }, at);
        return ladders.getTemplate(p.id)!;
      });
    },

    /** The template filled with a real customer's open títulos, as the scheduler would send it today. */
    async preview(p: ParsedParams<'dunning.preview'>): Promise<MessagePreview> {
      const customer = customers.get(p.customerId);
      if (!customer) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
      if (!ladders.getTemplate(p.templateId)) throw new AppError('NOT_FOUND', `Modelo ${p.templateId} não encontrado.`);
      const warnings: string[] = [];
      let company = await deps.company();
      if (!company) {
        warnings.push('Empresa não configurada: as mensagens automáticas só saem com razão social, CNPJ e endereço do credor.');
        company = { creditor: { legalName: '(empresa não configurada)', document: '', address: '', city: '', pixKey: null }, finePercentBp: 200, monthlyInterestBp: 100 };
      }
      const asOf = ctx.asOf();
      const rows = invoices.listByCustomer(p.customerId, 'open', asOf, 0, 50).rows.filter((r) => OPEN_NOW.includes(r.status));
      if (rows.length === 0) warnings.push('Este cliente não tem títulos em aberto.');
      const list = contacts.listByCustomer(p.customerId);
      const contact = recipientFor(list, 'email')?.contact ?? list[0] ?? null;
      const msg = render(p.templateId, p.customerId, rows, contact, company, asOf)!;
      return { ...msg, invoiceCount: rows.length, warnings };
    },

    assign(p: ParsedParams<'dunning.assign'>) {
      return ctx.tx(() => {
        if (!customers.get(p.customerId)) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        if (p.ladderId !== null && !ladders.ladderExists(p.ladderId)) throw new AppError('NOT_FOUND', `Régua ${p.ladderId} não encontrada.`);
        const at = ctx.nowIso();
        ladders.assignCustomer(p.customerId, p.ladderId, at);
        activity.append({ actor: ctx.actor(), action: 'dunning.ladder_assigned', customerId: p.customerId, details: { ladderId: p.ladderId } }, at);
        return { customerId: p.customerId, ladderId: p.ladderId };
      });
    },

    pause(p: ParsedParams<'dunning.pause'>): PauseView {
      return ctx.tx(() => {
        if (!customers.get(p.customerId)) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        if (p.invoiceId !== null && invoices.get(p.invoiceId, ctx.asOf())?.customerId !== p.customerId) {
          throw new AppError('VALIDATION', 'O título não pertence a este cliente.', { fields: [{ path: 'invoiceId', message: 'Título de outro cliente' }] });
        }
        if (p.untilDate !== null && p.untilDate < ctx.asOf()) {
          throw new AppError('VALIDATION', 'A pausa deve terminar hoje ou depois.', { fields: [{ path: 'untilDate', message: 'Data no passado' }] });
        }
        const at = ctx.nowIso();
        const id = pauses.insert(p, at, ctx.actor());
        activity.append({ actor: ctx.actor(), action: 'dunning.paused', customerId: p.customerId, invoiceId: p.invoiceId, details: { reason: p.reason, untilDate: p.untilDate } }, at);
        return pauses.get(id)!;
      });
    },

    resume(p: ParsedParams<'dunning.resume'>) {
      return ctx.tx(() => {
        const at = ctx.nowIso();
        const lifted = pauses.liftAll(p.customerId, ctx.asOf(), at);
        if (lifted > 0) activity.append({ actor: ctx.actor(), action: 'dunning.resumed', customerId: p.customerId, details: { lifted } }, at);
        return { lifted };
      });
    },

    listPauses(p: ParsedParams<'dunning.pauses.list'>): PauseView[] {
      return pauses.listActive(p.customerId ?? null, ctx.asOf());
    },

    saveSettings(p: ParsedParams<'dunning.settings.save'>): DunningSettingsView {
      if (p.maxContactsPerWeek < p.maxContactsPerDay) {
        throw new AppError('VALIDATION', 'O limite semanal não pode ser menor que o diário.', { fields: [{ path: 'maxContactsPerWeek', message: 'Menor que o limite diário' }] });
      }
      ctx.tx(() => {
        const value: DunningSettings = {
          clerkName: p.clerkName,
          policy: { maxContactsPerDay: p.maxContactsPerDay, maxContactsPerWeek: p.maxContactsPerWeek, maxCatchUpDays: p.maxCatchUpDays },
          smtp: p.smtp,
          gateway: p.gateway,
          contactHours: p.contactHours,
        };
        ladders.writeSetting(SETTINGS_KEY, JSON.stringify(value));
        activity.append({ actor: ctx.actor(), action: 'dunning.settings_saved', details: { smtpHost: p.smtp?.host ?? null, gateway: p.gateway?.url ?? null } }, ctx.nowIso());
      });
      if (p.smtpPassword !== undefined) deps.secrets.set(SECRET_SMTP_PASSWORD, p.smtpPassword);
      if (p.gatewayAuthValue !== undefined) deps.secrets.set(SECRET_GATEWAY_AUTH, p.gatewayAuthValue);
      return settingsView();
    },
  };
}

export type DunningService = ReturnType<typeof dunningService>;
