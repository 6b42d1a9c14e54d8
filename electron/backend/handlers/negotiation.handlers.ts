import type { Table } from '../../../shared/ipc/contract';
import type { Context } from '../context';
import type { HandlerGroup } from '../router';
import { disputesService } from '../services/disputes.service';
import { negotiationService } from '../services/negotiation.service';
import { promisesService } from '../services/promises.service';
import { timelineService } from '../services/timeline.service';

/** Promises, disputes, notes, the customer timeline, offers and agreements (issue 6). */
export function negotiationHandlers(ctx: Context): HandlerGroup {
  const promises = promisesService(ctx);
  const disputes = disputesService(ctx);
  const timeline = timelineService(ctx);
  const negotiation = negotiationService(ctx);
  const agreementWrites: Table[] = ['agreements', 'invoices', 'activity_log'];
  return {
    'promises.create': { writes: ['promises', 'activity_log'], run: (p) => promises.create(p) },
    'promises.list': { run: (p) => promises.list(p.customerId) },
    'promises.update': { writes: ['promises', 'activity_log'], run: (p) => promises.update(p) },
    'disputes.open': { writes: ['disputes', 'invoices', 'activity_log'], run: (p) => disputes.open(p) },
    'disputes.resolve': { writes: ['disputes', 'invoices', 'activity_log'], run: (p) => disputes.resolve(p) },
    'disputes.list': { run: (p) => disputes.list(p.customerId) },
    'notes.add': { writes: ['customer_notes', 'activity_log'], run: (p) => timeline.addNote(p) },
    'timeline.list': { run: (p) => timeline.list(p) },
    'negotiation.settings': { run: () => negotiation.settings() },
    'negotiation.simulate': { run: (p) => negotiation.simulate(p) },
    'negotiation.review': { writes: ['promises', ...agreementWrites], run: () => negotiation.review() },
    'agreements.create': { writes: agreementWrites, run: (p) => negotiation.create(p) },
    'agreements.get': { run: (p) => negotiation.get(p.id) },
    'agreements.list': { run: (p) => negotiation.list(p.customerId) },
    'agreements.markBroken': { writes: agreementWrites, run: (p) => negotiation.markBroken(p) },
    'agreements.document': { run: (p) => negotiation.document(p.id) },
    'agreements.message': { run: (p) => negotiation.message(p.id) },
  };
}
