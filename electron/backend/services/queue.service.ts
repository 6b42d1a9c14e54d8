/** "Minha fila de hoje": the clerk's tasks, worked one by one; every outcome lands in the activity log. */
import type { QueueResult, TaskView } from '../../../shared/ipc/dunning.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';

export function queueService(ctx: Context) {
  const { tasks, activity } = ctx.repos;

  function mustBeOpen(id: number): TaskView {
    const task = tasks.get(id);
    if (!task) throw new AppError('NOT_FOUND', `Tarefa ${id} não encontrada. Atualize a fila.`);
    if (task.status !== 'open') throw new AppError('CONFLICT', `A tarefa "${task.title}" já foi concluída.`);
    return task;
  }

  return {
    list(p: ParsedParams<'queue.list'>): QueueResult {
      const asOf = ctx.asOf();
      return { ...tasks.queue(asOf, p.offset, p.limit), asOf };
    },

    complete(p: ParsedParams<'queue.complete'>): TaskView {
      return ctx.tx(() => {
        const task = mustBeOpen(p.id);
        const at = ctx.nowIso();
        const { id, ...completion } = p;
        tasks.complete(id, completion, at, ctx.actor());
        activity.append({ actor: ctx.actor(), action: 'dunning.task_done', customerId: task.customerId, details: { taskId: id, type: task.type, title: task.title, ...completion } }, at);
        return tasks.get(id)!;
      });
    },

    snooze(p: ParsedParams<'queue.snooze'>): TaskView {
      return ctx.tx(() => {
        const task = mustBeOpen(p.id);
        if (p.untilDate <= ctx.asOf()) {
          throw new AppError('VALIDATION', 'Adie para uma data depois de hoje.', { fields: [{ path: 'untilDate', message: 'Escolha uma data futura' }] });
        }
        const at = ctx.nowIso();
        tasks.snooze(p.id, p.untilDate, at);
        activity.append({ actor: ctx.actor(), action: 'dunning.task_snoozed', customerId: task.customerId, details: { taskId: p.id, untilDate: p.untilDate } }, at);
        return tasks.get(p.id)!;
      });
    },
  };
}
