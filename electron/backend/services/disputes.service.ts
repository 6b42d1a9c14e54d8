import type { Dispute } from '../../../shared/ipc/negotiation.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';

export function disputesService(ctx: Context) {
  const { invoices, activity } = ctx.repos;
  const { disputes } = ctx.repos.negotiation;

  function mustGet(id: number): Dispute {
    const d = disputes.get(id);
    if (!d) throw new AppError('NOT_FOUND', `Contestação ${id} não encontrada. Atualize a tela.`);
    return d;
  }

  return {
    /** The título turns 'disputed', which pauses the customer's ladder until it is resolved. */
    open(p: ParsedParams<'disputes.open'>): Dispute {
      return ctx.tx(() => {
        const inv = invoices.get(p.invoiceId, ctx.asOf());
        if (!inv) throw new AppError('NOT_FOUND', `Título ${p.invoiceId} não encontrado. Atualize a tela.`);
        const at = ctx.nowIso();
        const id = disputes.open({ customerId: inv.customerId, invoiceId: inv.id, reason: p.reason, by: ctx.actor() }, at);
        if (id === null) {
          const why = inv.status === 'disputed' ? 'já está contestado' : 'não está em aberto';
          throw new AppError('CONFLICT', `Não é possível contestar o título ${inv.documentNumber}: ele ${why}.`);
        }
        activity.append({ actor: ctx.actor(), action: 'dispute.opened', customerId: inv.customerId, invoiceId: inv.id, details: { disputeId: id, reason: p.reason, amountCents: inv.openCents } }, at);
        return mustGet(id);
      });
    },

    resolve(p: ParsedParams<'disputes.resolve'>): Dispute {
      return ctx.tx(() => {
        const d = mustGet(p.id);
        if (d.resolvedAt) throw new AppError('CONFLICT', `A contestação do título ${d.documentNumber} já foi resolvida.`);
        const at = ctx.nowIso();
        disputes.resolve(d.id, d.invoiceId, p.resolution, ctx.actor(), at);
        activity.append({ actor: ctx.actor(), action: 'dispute.resolved', customerId: d.customerId, invoiceId: d.invoiceId, details: { disputeId: d.id, text: p.resolution } }, at);
        return mustGet(d.id);
      });
    },

    list: (customerId: number) => disputes.listByCustomer(customerId),
  };
}
