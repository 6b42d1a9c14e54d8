import { formatBrl } from '../../../shared/domain/money';
import type { InvoiceRow, Payment } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { OPEN_STATUSES } from '../db/repos/invoices.repo';

export function invoicesService(ctx: Context) {
  const { invoices, payments, activity, customers } = ctx.repos;

  function mustGet(id: number): InvoiceRow {
    const inv = invoices.get(id, ctx.asOf());
    if (!inv) throw new AppError('NOT_FOUND', `Título ${id} não encontrado. Atualize a tela.`);
    return inv;
  }

  function mustBeOpen(inv: InvoiceRow, action: string) {
    if (!OPEN_STATUSES.includes(inv.status)) {
      throw new AppError('CONFLICT', `Não é possível ${action} o título ${inv.documentNumber}: ele está ${STATUS_WORD[inv.status]}.`);
    }
  }

  return {
    list(p: ParsedParams<'invoices.list'>) {
      const { rows, total } = invoices.listByCustomer(p.customerId, p.scope, ctx.asOf(), p.offset, p.limit);
      return { rows, total, offset: p.offset, limit: p.limit };
    },

    create(p: ParsedParams<'invoices.create'>): InvoiceRow {
      return ctx.tx(() => {
        if (!customers.get(p.customerId)) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        if (p.externalId && invoices.findByExternalId(p.externalId) !== null) {
          throw new AppError('CONFLICT', `Já existe um título com o identificador externo ${p.externalId}.`, {
            fields: [{ path: 'externalId', message: 'Identificador já usado' }],
          });
        }
        if (p.dueDate < p.issueDate) {
          throw new AppError('VALIDATION', 'O vencimento não pode ser anterior à emissão.', {
            fields: [{ path: 'dueDate', message: 'Anterior à data de emissão' }],
          });
        }
        const at = ctx.nowIso();
        const id = invoices.insert({ ...p, externalId: p.externalId ?? null }, at);
        activity.append(
          { actor: ctx.actor(), action: 'invoice.created', customerId: p.customerId, invoiceId: id, details: { amountCents: p.amountCents } },
          at,
        );
        return mustGet(id);
      });
    },

    update(p: ParsedParams<'invoices.update'>): InvoiceRow {
      const { id, expectedUpdatedAt, ...fields } = p;
      return ctx.tx(() => {
        const before = mustGet(id);
        if (before.updatedAt !== expectedUpdatedAt) {
          throw new AppError('CONFLICT', 'Este título foi alterado depois que você abriu o formulário. Recarregue e refaça a alteração.');
        }
        mustBeOpen(before, 'editar');
        if (fields.amountCents < before.paidCents) {
          throw new AppError('VALIDATION', `O valor não pode ser menor que o já pago (${formatBrl(before.paidCents)}).`, {
            fields: [{ path: 'amountCents', message: `Mínimo ${formatBrl(before.paidCents)}` }],
          });
        }
        if (fields.dueDate < before.issueDate) {
          throw new AppError('VALIDATION', 'O vencimento não pode ser anterior à emissão.', {
            fields: [{ path: 'dueDate', message: 'Anterior à data de emissão' }],
          });
        }
        const at = ctx.nowIso();
        invoices.update(id, fields, at);
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== fields[k]);
        const from = Object.fromEntries(changed.map((k) => [k, before[k]]));
        const to = Object.fromEntries(changed.map((k) => [k, fields[k]]));
        activity.append({ actor: ctx.actor(), action: 'invoice.updated', customerId: before.customerId, invoiceId: id, details: { from, to } }, at);
        return mustGet(id);
      });
    },

    writeOff(p: ParsedParams<'invoices.writeOff'>): InvoiceRow {
      return ctx.tx(() => {
        const inv = mustGet(p.id);
        mustBeOpen(inv, 'baixar');
        const at = ctx.nowIso();
        invoices.writeOff(p.id, p.reason, at);
        activity.append(
          {
            actor: ctx.actor(),
            action: 'invoice.written_off',
            customerId: inv.customerId,
            invoiceId: p.id,
            details: { reason: p.reason, openCents: inv.openCents },
          },
          at,
        );
        return mustGet(p.id);
      });
    },

    /**
     * A payment settles at most the open balance: an excess is refused rather than silently kept as a
     * credit, so the clerk decides where the rest of the money goes.
     */
    registerPayment(p: ParsedParams<'payments.register'>): { payment: Payment; invoice: InvoiceRow } {
      return ctx.tx(() => {
        const inv = mustGet(p.invoiceId);
        mustBeOpen(inv, 'registrar pagamento para');
        if (p.amountCents > inv.openCents) {
          throw new AppError(
            'VALIDATION',
            `O valor de ${formatBrl(p.amountCents)} é maior que o saldo em aberto do título (${formatBrl(inv.openCents)}). Registre até o saldo; o excedente não é lançado.`,
            { fields: [{ path: 'amountCents', message: `Máximo ${formatBrl(inv.openCents)}` }], maxCents: inv.openCents },
          );
        }
        if (p.paidOn < inv.issueDate) {
          throw new AppError('VALIDATION', 'A data do pagamento é anterior à emissão do título.', {
            fields: [{ path: 'paidOn', message: 'Anterior à emissão' }],
          });
        }
        if (p.paidOn > ctx.asOf()) {
          throw new AppError('VALIDATION', 'A data do pagamento não pode estar no futuro.', {
            fields: [{ path: 'paidOn', message: 'Data no futuro' }],
          });
        }
        const at = ctx.nowIso();
        const paymentId = payments.insert({ ...p, source: 'manual', createdBy: ctx.actor() }, at);
        invoices.applyPayment(p.invoiceId, p.amountCents, at);
        const after = mustGet(p.invoiceId);
        activity.append(
          {
            actor: ctx.actor(),
            action: after.status === 'paid' ? 'payment.settled' : 'payment.partial',
            customerId: inv.customerId,
            invoiceId: p.invoiceId,
            details: { amountCents: p.amountCents, paidOn: p.paidOn, method: p.method, remainingCents: after.openCents },
          },
          at,
        );
        return { payment: payments.get(paymentId), invoice: after };
      });
    },
  };
}

const STATUS_WORD = {
  open: 'em aberto',
  partial: 'parcialmente pago',
  disputed: 'contestado',
  paid: 'pago',
  renegotiated: 'renegociado',
  written_off: 'baixado',
} as const;
