import { agreementsRepo } from '../db/repos/agreements.repo';
import { disputesRepo } from '../db/repos/disputes.repo';
import { notesRepo } from '../db/repos/notes.repo';
import { promisesRepo } from '../db/repos/promises.repo';
import { timelineRepo } from '../db/repos/timeline.repo';
import type { Prepare } from '../db/statements';
import { ladderLink } from './ladder-link';

/** The negotiation feature's repos, joined into the backend context as `ctx.repos.negotiation`. */
export function negotiationRepos(prepare: Prepare) {
  return {
    promises: promisesRepo(prepare),
    disputes: disputesRepo(prepare),
    notes: notesRepo(prepare),
    agreements: agreementsRepo(prepare),
    timeline: timelineRepo(prepare),
    ladder: ladderLink(prepare),
  };
}
