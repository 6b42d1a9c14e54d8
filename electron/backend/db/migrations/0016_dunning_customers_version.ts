import type { Migration } from './index';

/**
 * The dunning pass reuses its customer map (ladder, contacts' reach, score) until customers, contacts, ladder
 * assignments or credit scores change. A counter bumped by triggers on every insert, update and delete of those
 * tables says so exactly and for the cost of one row read (a count with the latest timestamp missed a ladder
 * reassignment that reused its row id, and any edit stamped before a later-dated row). The bulk loader sets
 * triggers aside, so the check also reads the customer and contact counts (b-tree counts, cheap): a load goes
 * from empty to full.
 */
const TABLES = ['customers', 'contacts', 'dunning_ladder_assignments', 'credit_scores'] as const;
const EVENTS = ['INSERT', 'UPDATE', 'DELETE'] as const;

export const migration0016: Migration = {
  id: 16,
  name: 'dunning_customers_version',
  up: `
CREATE TABLE dunning_customers_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO dunning_customers_version (id, n) VALUES (1, 0);
${TABLES.flatMap((table) =>
  EVENTS.map(
    (event) => `CREATE TRIGGER dunning_customers_version_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
BEGIN
  UPDATE dunning_customers_version SET n = n + 1 WHERE id = 1;
END;`,
  ),
).join('\n')}
`,
};
