/**
 * The outbox sender: takes queued messages whose time has come, re-checks that they are still wanted
 * (títulos open, not paused, contact valid, within contact hours), sends, and records the outcome.
 * At most once: a message is marked 'sending' (committed) before the network call, so a crash can
 * never make it go out twice (see outboxRepo.failInterrupted).
 */
import { contactRuleFor, instantOf, isWithinContactHours, localTimeIn, nextContactSlot, timeZoneFor } from '../../../shared/domain/contact-hours';
import { addDays } from '../../../shared/domain/dates';
import type { CsvFile } from '../../../shared/ipc/contract';
import type { EffectivenessResult, OutboxListResult, OutboxRow, StepChannel } from '../../../shared/ipc/dunning.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import type { OutboxMessage } from '../db/repos/outbox.repo';
import type { MessageSender } from '../messaging/messaging.types';
import { centsToCsvDecimal, toCsv } from '../reports/csv';
import { calendarFor, type CompanySource, type DunningService } from './dunning.service';

export const MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 5 * 60_000;
const MAX_DELAY_MS = 6 * 3_600_000;

/** 5 min, 10, 20, … capped at 6 h, after the n-th failed attempt. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

export interface Senders {
  /** null when no SMTP server is configured. */
  email(): MessageSender | null;
  /** SMS/WhatsApp HTTP gateway; null when none is configured. */
  gateway(): MessageSender | null;
}

export interface SendSummary {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  postponed: number;
  interrupted: number;
}

const CHANNEL_LABEL: Record<StepChannel, string> = { email: 'E-mail', whatsapp: 'WhatsApp', sms: 'SMS', phone: 'Ligação', letter: 'Carta', internal: 'Ação interna' };

export function outboxService(ctx: Context, deps: { dunning: DunningService; company: CompanySource; senders: Senders }) {
  const { outbox, tasks, pauses, customers, contacts, activity, ladders } = ctx.repos;

  function fixContactTask(m: OutboxMessage, title: string, at: string) {
    tasks.insert(
      {
        idempotencyKey: `${m.idempotencyKey}|falha`,
        type: 'fix_contact',
        customerId: m.customerId,
        stepId: m.stepId,
        invoiceIds: m.invoiceIds,
        title,
        messageText: m.bodyText,
        link: null,
        amountCents: 0,
        daysOverdue: 0,
        priority: 0,
        dueDate: ctx.asOf(),
        isContact: false,
      },
      at,
    );
  }

  /**
   * The company's sending setup is failing (server, certificate, login, sender): one task a day per channel for
   * the whole company, not one per debtor. A task belongs to a customer (dunning_tasks.customer_id is required),
   * so it carries the customer whose message met the failure first; the title says it is about the settings.
   */
  function settingsTask(m: OutboxMessage, error: string, at: string) {
    const email = m.channel === 'email';
    tasks.insert(
      {
        idempotencyKey: `configuracao-envio|${email ? 'email' : 'gateway'}|${ctx.asOf()}`,
        type: 'internal',
        customerId: m.customerId,
        stepId: null,
        invoiceIds: [],
        title: email ? 'Verificar configuração de e-mail: nenhum e-mail da régua está saindo' : 'Verificar configuração do gateway de SMS/WhatsApp: nenhuma mensagem está saindo',
        messageText: `${error}\n\nAs mensagens ficam na fila e são reenviadas sozinhas depois da correção em Régua › Configurações de envio.`,
        link: null,
        amountCents: 0,
        daysOverdue: 0,
        // Above every debtor's task: while it stands, nothing on this channel goes out.
        priority: Number.MAX_SAFE_INTEGER,
        dueDate: ctx.asOf(),
        isContact: false,
      },
      at,
    );
  }

  /** What stands in the way of sending `m` now: a reason to cancel, a later moment, or nothing. */
  async function check(m: OutboxMessage): Promise<{ cancel: string } | { postponeTo: string } | null> {
    const asOf = ctx.asOf();
    const stillOpen = deps.dunning.openInvoices(m.invoiceIds, asOf).filter((i) => !pauses.isPaused(m.customerId, i.id, asOf));
    if (stillOpen.length === 0) return { cancel: 'Títulos pagos, baixados, em disputa ou pausados antes do envio.' };
    const contact = m.contactId === null ? null : contacts.get(m.contactId);
    if (contact && (!contact.isValid || contact.optedOut)) return { cancel: 'Contato marcado como inválido ou pediu para não receber mensagens.' };
    const customer = customers.get(m.customerId);
    const uf = customer?.address.uf ?? null;
    const tz = timeZoneFor(uf);
    const rule = contactRuleFor(uf, deps.dunning.contactRules());
    const calendar = calendarFor(uf, customer?.address.city ?? null);
    const local = localTimeIn(ctx.clock.now(), tz);
    if (!isWithinContactHours(local, rule, calendar)) return { postponeTo: instantOf(nextContactSlot(local, rule, calendar), tz).toISOString() };
    // The pass leaves the text to now, so it shows today's updated total; it is rewritten too when some
    // títulos were paid in the meantime.
    if (m.bodyText === '' || stillOpen.length < m.invoiceIds.length) {
      const company = await deps.company();
      if (!company) return { postponeTo: new Date(ctx.clock.now().getTime() + 3_600_000).toISOString() };
      const step = m.stepId === null ? null : ladders.getStep(m.stepId);
      const msg = step ? deps.dunning.render(step.templateId, m.customerId, stillOpen, contact, company, asOf) : null;
      if (!msg) return { cancel: 'A etapa ou o modelo da mensagem não existe mais.' };
      const ids = stillOpen.map((i) => i.id);
      outbox.rewrite(m.id, ids, msg.subject, m.channel === 'email' ? msg.html : '', msg.text, ctx.nowIso());
      Object.assign(m, { invoiceIds: ids, subject: msg.subject, bodyHtml: m.channel === 'email' ? msg.html : '', bodyText: msg.text });
    }
    return null;
  }

  /**
   * Sends `m`, or holds it back when its channel already failed in this pass on the company's settings (`held`
   * maps a channel to that retry time): the same settings would fail every queued message, so they wait for
   * the retry instead of each opening a connection to be refused.
   */
  async function sendOne(m: OutboxMessage, summary: SendSummary, held: Map<OutboxMessage['channel'], string>): Promise<void> {
    const heldUntil = held.get(m.channel);
    if (heldUntil) {
      if (outbox.postpone(m.id, heldUntil, ctx.nowIso())) summary.postponed++;
      return;
    }
    const verdict = await check(m);
    const at = () => ctx.nowIso();
    if (verdict && 'cancel' in verdict) {
      if (outbox.cancel(m.id, verdict.cancel, at())) summary.cancelled++;
      return;
    }
    if (verdict) {
      if (outbox.postpone(m.id, verdict.postponeTo, at())) summary.postponed++;
      return;
    }
    const sender = m.channel === 'email' ? deps.senders.email() : deps.senders.gateway();
    if (!outbox.markSending(m.id, at())) return; // someone else took it
    const attempts = m.attempts + 1;
    const result = sender
      ? await sender.send({ channel: m.channel, to: m.toAddress, subject: m.subject, text: m.bodyText, html: m.bodyHtml, idempotencyKey: m.idempotencyKey })
      : {
          ok: false as const,
          cause: 'settings' as const,
          error: m.channel === 'email' ? 'Servidor de e-mail (SMTP) não configurado em Régua › Configurações.' : 'Gateway de SMS/WhatsApp não configurado.',
        };
    ctx.tx(() => {
      const now = at();
      if (result.ok) {
        outbox.markSent(m.id, now);
        activity.append({ actor: 'régua', action: 'dunning.message_sent', customerId: m.customerId, details: { channel: m.channel, to: m.toAddress, subject: m.subject, invoiceIds: m.invoiceIds } }, now);
        summary.sent++;
        return;
      }
      if (result.cause === 'recipient') {
        outbox.markFailed(m.id, result.error, now);
        if (m.contactId !== null) outbox.markContactInvalid(m.contactId, now);
        fixContactTask(m, `Corrigir contato: ${m.channel === 'email' ? 'e-mail' : 'número'} ${m.toAddress} recusado`, now);
        activity.append({ actor: 'régua', action: 'dunning.message_failed', customerId: m.customerId, details: { to: m.toAddress, error: result.error, permanent: true } }, now);
        summary.failed++;
        return;
      }
      // Not the contact's fault: the company hears of a settings problem at once, and of any other when we give up.
      if (result.cause === 'settings' || attempts >= MAX_ATTEMPTS) settingsTask(m, result.error, now);
      if (attempts >= MAX_ATTEMPTS) {
        outbox.markFailed(m.id, `${result.error} (desistimos após ${attempts} tentativas)`, now);
        summary.failed++;
        return;
      }
      const retryAt = new Date(ctx.clock.now().getTime() + retryDelayMs(attempts)).toISOString();
      outbox.markRetry(m.id, retryAt, result.error, now);
      if (result.cause === 'settings') held.set(m.channel, retryAt);
      summary.retried++;
    });
  }

  // The effectiveness reads every contact of the window and its títulos' payments (about 1 s for 100k
  // contacts): the Painel and the Régua page reuse it until anything is written.
  let effectivenessCache: { version: string; byWindow: Map<string, EffectivenessResult> } = { version: '', byWindow: new Map() };

  function effectiveness(p: ParsedParams<'dunning.effectiveness'>): EffectivenessResult {
    const today = ctx.asOf();
    if (p.asOf !== undefined && p.asOf > today) {
      throw new AppError('VALIDATION', 'A data de referência da eficácia da régua não pode estar no futuro.', { fields: [{ path: 'asOf', message: 'Data no futuro' }] });
    }
    const until = p.asOf ?? today;
    const since = addDays(until, -p.days);
    const version = outbox.writeVersion();
    if (effectivenessCache.version !== version) effectivenessCache = { version, byWindow: new Map() };
    const key = `${since}|${until}`;
    const cached = effectivenessCache.byWindow.get(key);
    if (cached) return cached;
    const result = { since, until, rows: outbox.effectiveness(since, until) };
    effectivenessCache.byWindow.set(key, result);
    return result;
  }

  return {
    /** One sender pass. Messages are sent one after another (a handful per minute is plenty). */
    async sendDue(max = 200): Promise<SendSummary> {
      const summary: SendSummary = { sent: 0, retried: 0, failed: 0, cancelled: 0, postponed: 0, interrupted: 0 };
      // The scheduler never runs two sender passes at once, so a 'sending' row here was left by a crash.
      summary.interrupted = ctx.tx(() => outbox.failInterrupted(ctx.nowIso())).length;
      const held = new Map<OutboxMessage['channel'], string>();
      for (const m of outbox.due(ctx.nowIso(), max)) await sendOne(m, summary, held);
      return summary;
    },

    effectiveness,

    /** The effectiveness table for a spreadsheet: one line per step and channel, each N-day column's cohort and paid count, R$ recovered so far. */
    effectivenessCsv(p: ParsedParams<'dunning.effectivenessCsv'>): CsvFile {
      const { since, until, rows } = effectiveness(p);
      const { content, rowCount } = toCsv(
        [
          'Dia (em relação ao vencimento)', 'Etapa', 'Canal', 'Contatos', 'Títulos',
          'Títulos com 3 dias decorridos', 'Pagos em 3 dias', 'Títulos com 7 dias decorridos', 'Pagos em 7 dias',
          'Títulos com 15 dias decorridos', 'Pagos em 15 dias', 'Recuperado em 15 dias (R$)',
        ],
        rows.map((r) => [
          r.offsetDays, r.stepName, CHANNEL_LABEL[r.channel], r.contacts, r.titulos,
          r.eligible3, r.paidWithin3, r.eligible7, r.paidWithin7, r.eligible15, r.paidWithin15, centsToCsvDecimal(r.recoveredCents),
        ]),
      );
      return { fileName: `eficacia-regua-${since}-a-${until}.csv`, content, rowCount };
    },

    list(p: ParsedParams<'outbox.list'>): OutboxListResult {
      return { ...outbox.list(p.status, p.offset, p.limit), counts: outbox.counts() };
    },

    retry(p: ParsedParams<'outbox.retry'>): OutboxRow {
      return ctx.tx(() => {
        const row = outbox.get(p.id);
        if (!row) throw new AppError('NOT_FOUND', `Mensagem ${p.id} não encontrada. Atualize a tela.`);
        if (row.status !== 'failed') throw new AppError('CONFLICT', 'Só é possível reenviar uma mensagem que falhou.');
        const now = ctx.nowIso();
        outbox.requeue(p.id, now);
        activity.append({ actor: ctx.actor(), action: 'dunning.message_requeued', customerId: row.customerId, details: { outboxId: p.id } }, now);
        return outbox.get(p.id)!;
      });
    },
  };
}

export type OutboxService = ReturnType<typeof outboxService>;
