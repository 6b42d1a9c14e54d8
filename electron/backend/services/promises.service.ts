import { formatBrDate } from '../../../shared/domain/dates';
import { formatBrl } from '../../../shared/domain/money';
import type { PaymentPromise } from '../../../shared/ipc/negotiation.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { OPEN_STATUSES } from '../db/repos/invoices.repo';

export function promisesService(ctx: Context) {
  const { customers, invoices, activity } = ctx.repos;
  const { promises, ladder } = ctx.repos.negotiation;

  function mustGet(id: number): PaymentPromise {
    const p = promises.get(id);
    if (!p) throw new AppError('NOT_FOUND', `Promessa de pagamento ${id} não encontrada. Atualize a tela.`);
    return p;
  }

  /** Decides a pending promise: kept when what was paid towards it reaches the promised amount. */
  function settle(p: PaymentPromise, at: string): 'kept' | 'broken' {
    const paid = promises.paidTowards(p, promises.createdOn(p.id));
    const status = paid >= p.amountCents ? 'kept' : 'broken';
    promises.resolve(p.id, status, paid, null, 'sistema', at);
    activity.append(
      { actor: 'sistema', action: `promise.${status}`, customerId: p.customerId, details: { promiseId: p.id, amountCents: p.amountCents, paidCents: paid, promisedDate: p.promisedDate } },
      at,
    );
    if (status === 'broken') {
      const taskId = ladder.addCallTask(
        {
          key: `promise-broken-${p.id}`,
          customerId: p.customerId,
          invoiceIds: p.invoiceIds,
          title: `Promessa de ${formatBrl(p.amountCents)} para ${formatBrDate(p.promisedDate)} não cumprida: ligar para o cliente`,
          amountCents: p.amountCents - paid,
          dueDate: ctx.asOf(),
        },
        at,
      );
      if (taskId !== null) promises.setFollowUpTask(p.id, taskId);
    }
    return status;
  }

  return {
    create(p: ParsedParams<'promises.create'>): PaymentPromise {
      return ctx.tx(() => {
        if (!customers.get(p.customerId)) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        const asOf = ctx.asOf();
        if (p.promisedDate < asOf) {
          throw new AppError('VALIDATION', 'A data prometida não pode estar no passado.', { fields: [{ path: 'promisedDate', message: 'Data no passado' }] });
        }
        const invoiceIds = [...new Set(p.invoiceIds)];
        for (const invoiceId of invoiceIds) {
          const inv = invoices.get(invoiceId, asOf);
          if (!inv || inv.customerId !== p.customerId) throw new AppError('NOT_FOUND', `Título ${invoiceId} não pertence a este cliente.`);
          if (!OPEN_STATUSES.includes(inv.status)) throw new AppError('CONFLICT', `O título ${inv.documentNumber} não está em aberto.`);
        }
        const at = ctx.nowIso();
        const by = ctx.actor();
        const id = promises.insert({ ...p, invoiceIds, createdOn: asOf, createdBy: by }, at);
        ladder.pauseCustomer({ customerId: p.customerId, reason: `Promessa de pagamento #${id}`, untilDate: p.promisedDate, by }, at);
        activity.append(
          {
            actor: by,
            action: 'promise.created',
            customerId: p.customerId,
            details: { promiseId: id, amountCents: p.amountCents, promisedDate: p.promisedDate, invoiceIds, delayReason: p.delayReason, text: p.note },
          },
          at,
        );
        return mustGet(id);
      });
    },

    list: (customerId: number) => promises.listByCustomer(customerId),

    /** The clerk's own call on a promise (e.g. the customer paid by another route, or called it off). */
    update(p: ParsedParams<'promises.update'>): PaymentPromise {
      return ctx.tx(() => {
        const before = mustGet(p.id);
        if (before.status !== 'pending') throw new AppError('CONFLICT', 'Esta promessa já foi encerrada.');
        const at = ctx.nowIso();
        promises.resolve(p.id, p.status, null, p.note, ctx.actor(), at);
        activity.append({ actor: ctx.actor(), action: `promise.${p.status}`, customerId: before.customerId, details: { promiseId: p.id, amountCents: before.amountCents, text: p.note } }, at);
        return mustGet(p.id);
      });
    },

    /** The day after the promised date: kept or broken (a broken one gets a call task). Idempotent. */
    reviewDue(): { kept: number; broken: number } {
      const counts = { kept: 0, broken: 0 };
      for (const p of promises.listPendingBefore(ctx.asOf())) counts[settle(p, ctx.nowIso())]++;
      return counts;
    },
  };
}
