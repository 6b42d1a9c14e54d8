import type { Migration } from './index';

/**
 * Reports and company settings. The company's identification lives in the `settings` key/value table of 0001
 * (keys `company` and `company.logo`), so no table is needed; the collection activity report reads contacts
 * from `activity_log` by action and time, which needs its own index (0001 indexes it by customer only).
 */
export const migration0005: Migration = {
  id: 5,
  name: 'company_settings',
  up: `
CREATE INDEX activity_log_action_at ON activity_log(action, at);
`,
};
