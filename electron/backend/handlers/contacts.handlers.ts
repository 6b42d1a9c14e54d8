import { AppError } from '../../../shared/ipc/envelope';
import type { Context } from '../context';
import type { HandlerGroup } from '../router';

export function contactsHandlers(ctx: Context): HandlerGroup {
  const { contacts, customers, activity } = ctx.repos;
  return {
    'contacts.create': {
      writes: ['contacts', 'activity_log'],
      run: ({ customerId, ...c }) =>
        ctx.tx(() => {
          if (!customers.get(customerId)) throw new AppError('NOT_FOUND', `Cliente ${customerId} não encontrado.`);
          const at = ctx.nowIso();
          const id = contacts.insert(customerId, { ...c, isValid: true, optedOut: false }, at);
          activity.append({ actor: ctx.actor(), action: 'contact.created', customerId, details: { contactId: id, name: c.name } }, at);
          return contacts.get(id)!;
        }),
    },
    'contacts.update': {
      writes: ['contacts', 'activity_log'],
      run: ({ id, expectedUpdatedAt, ...c }) =>
        ctx.tx(() => {
          const before = contacts.get(id);
          if (!before) throw new AppError('NOT_FOUND', `Contato ${id} não encontrado.`);
          if (before.updatedAt !== expectedUpdatedAt) {
            throw new AppError('CONFLICT', 'Este contato foi alterado em outra tela. Recarregue e refaça a alteração.');
          }
          const at = ctx.nowIso();
          contacts.update(id, c, at);
          const action = before.isValid && !c.isValid ? 'contact.marked_invalid' : before.optedOut !== c.optedOut && c.optedOut ? 'contact.opted_out' : 'contact.updated';
          activity.append({ actor: ctx.actor(), action, customerId: before.customerId, details: { contactId: id, name: c.name } }, at);
          return contacts.get(id)!;
        }),
    },
  };
}
