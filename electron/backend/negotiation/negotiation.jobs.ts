/**
 * The negotiation's daily job for the scheduler (electron/backend/scheduler): promises past their date are
 * settled kept/broken (a broken one queues a call), agreements are completed or broken. Once per business
 * date; the pass is idempotent, so a catch-up after days offline simply settles everything that is due.
 * Register it before 'dunning.pass' so reinstated títulos are seen by the same day's ladder.
 */
import { todayInSaoPaulo } from '../../../shared/domain/dates';
import type { Job } from '../scheduler/scheduler';
import type { NegotiationService } from '../services/negotiation.service';

export function negotiationReviewJob(negotiation: Pick<NegotiationService, 'review'>): Job {
  return {
    name: 'negotiation.review',
    due: (last, now) => last === null || todayInSaoPaulo(new Date(last.startedAt)) !== todayInSaoPaulo(now),
    run: async () => JSON.stringify(negotiation.review()),
  };
}
