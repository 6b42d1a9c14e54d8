import type { Migration } from './index';

/**
 * Scoring everyone today reads each título's maintained balance in customer order instead of summing its
 * payments: `invoices_customer_due` (customer_id, due_date) grows into a covering index with what that needs
 * (its old users lead with the same two columns). Stored scores shrink: `features` becomes a JSON array in a fixed
 * order (see credit.repo), and `reasons`, which nothing read (the reasons are rebuilt from the features), goes.
 */
export const migration0015: Migration = {
  id: 15,
  name: 'credit_today',
  up: `
DROP INDEX invoices_customer_due;
CREATE INDEX invoices_customer_due ON invoices(customer_id, due_date, issue_date, amount_cents, paid_cents, status, closed_on);

ALTER TABLE credit_scores DROP COLUMN reasons;
UPDATE credit_scores SET features = json_array(
  json_extract(features, '$.maturedCount'), json_extract(features, '$.lateCount'), json_extract(features, '$.avgDaysLate'),
  json_extract(features, '$.maxDaysLate'), json_extract(features, '$.recentAvgDaysLate'), json_extract(features, '$.earlierAvgDaysLate'),
  json_extract(features, '$.openCents'), json_extract(features, '$.overdueCents'), json_extract(features, '$.exposureCents'),
  json_extract(features, '$.creditLimitCents'), json_extract(features, '$.tenureDays'), json_extract(features, '$.brokenPromises'),
  json_extract(features, '$.brokenAgreements'), json_extract(features, '$.openDisputes'), json_extract(features, '$.bureauScore'))
WHERE json_type(features) = 'object';
`,
};
