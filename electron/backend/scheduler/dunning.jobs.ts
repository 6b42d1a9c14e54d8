/** The régua's two jobs: the dunning pass (what is due today) and the outbox sender. */
import { todayInSaoPaulo } from '../../../shared/domain/dates';
import type { DunningService } from '../services/dunning.service';
import type { OutboxService } from '../services/outbox.service';
import type { Job } from './scheduler';

const PASS_EVERY_MS = 60 * 60_000;

export function dunningJobs(dunning: DunningService, outbox: OutboxService): Job[] {
  return [
    {
      name: 'dunning.pass',
      // Once per business date, and again hourly so títulos imported during the day are picked up
      // (a pass with nothing new is cheap and creates nothing).
      due: (last, now) =>
        last === null || todayInSaoPaulo(new Date(last.startedAt)) !== todayInSaoPaulo(now) || now.getTime() - Date.parse(last.startedAt) >= PASS_EVERY_MS,
      run: async () => JSON.stringify(await dunning.runPass()),
    },
    {
      name: 'outbox.send',
      due: () => true,
      run: async () => JSON.stringify(await outbox.sendDue()),
    },
  ];
}
