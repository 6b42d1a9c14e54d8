import type { CustomerNote, TimelinePage } from '../../../shared/ipc/negotiation.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';

export function timelineService(ctx: Context) {
  const { customers, activity } = ctx.repos;
  const { notes, timeline } = ctx.repos.negotiation;
  return {
    list(p: ParsedParams<'timeline.list'>): TimelinePage {
      if (!customers.get(p.customerId)) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
      const kinds = p.kinds && p.kinds.length > 0 ? p.kinds : null;
      return { ...timeline.list(p.customerId, kinds, p.offset, p.limit), offset: p.offset, limit: p.limit };
    },
    addNote(p: ParsedParams<'notes.add'>): CustomerNote {
      return ctx.tx(() => {
        if (!customers.get(p.customerId)) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado.`);
        const at = ctx.nowIso();
        const id = notes.insert({ customerId: p.customerId, body: p.body, by: ctx.actor() }, at);
        activity.append({ actor: ctx.actor(), action: 'note.added', customerId: p.customerId, details: { noteId: id, text: p.body } }, at);
        return notes.get(id)!;
      });
    },
  };
}
