import type { CashObligation } from '../../../shared/ipc/dashboard.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';

/** The finance team's obligations (suppliers, payroll, taxes); every change is logged. */
export function obligationsService(ctx: Context) {
  const { obligations, activity } = ctx.repos;

  function mustGet(id: number): CashObligation {
    const o = obligations.get(id);
    if (!o) throw new AppError('NOT_FOUND', `Obrigação ${id} não encontrada. Atualize a tela.`);
    return o;
  }

  return {
    list(p: ParsedParams<'obligations.list'>): CashObligation[] {
      return obligations.list(p.from ?? null);
    },
    create(p: ParsedParams<'obligations.create'>): CashObligation {
      return ctx.tx(() => {
        const at = ctx.nowIso();
        const id = obligations.insert(p, at);
        activity.append({ actor: ctx.actor(), action: 'obligation.created', details: { obligationId: id, ...p } }, at);
        return mustGet(id);
      });
    },
    update(p: ParsedParams<'obligations.update'>): CashObligation {
      const { id, expectedUpdatedAt, ...fields } = p;
      return ctx.tx(() => {
        const before = mustGet(id);
        if (before.updatedAt !== expectedUpdatedAt) {
          throw new AppError('CONFLICT', 'Esta obrigação foi alterada depois que você abriu o formulário. Recarregue e refaça a alteração.');
        }
        const at = ctx.nowIso();
        obligations.update(id, fields, at);
        activity.append({ actor: ctx.actor(), action: 'obligation.updated', details: { obligationId: id, from: before, to: fields } }, at);
        return mustGet(id);
      });
    },
    delete(p: ParsedParams<'obligations.delete'>): { id: number } {
      return ctx.tx(() => {
        const before = mustGet(p.id);
        const at = ctx.nowIso();
        obligations.delete(p.id);
        activity.append({ actor: ctx.actor(), action: 'obligation.deleted', details: { obligationId: p.id, obligation: before } }, at);
        return { id: p.id };
      });
    },
  };
}
