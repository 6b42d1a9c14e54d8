import type { Migration } from './index';

/**
 * The ladder's effectiveness (Régua page and Painel) reads the contacts of a window: messages sent and tasks
 * done in it. An outbox row carries its HTML and text bodies (a few KB) before `status` and `sent_at`, so
 * filtering the rows themselves reads every body of the period; these covering partial indexes hold just what
 * the query needs. Rows enter them only when sent / done, so the scheduler pass (which inserts queued
 * messages and open tasks) does not maintain them.
 */
export const migration0014: Migration = {
  id: 14,
  name: 'dunning_effectiveness',
  up: `
CREATE INDEX outbox_sent_effectiveness ON outbox_messages(sent_at, step_id, channel, invoice_ids) WHERE status = 'sent';
CREATE INDEX dunning_tasks_done_effectiveness ON dunning_tasks(done_at, step_id, type, invoice_ids) WHERE status = 'done';
`,
};
