import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_erp_imports';
import { migration0003 } from './0003_bank_returns';
import { migration0004 } from './0004_cash_obligations';
import { migration0005 } from './0005_company_settings';
import { migration0006 } from './0006_dunning';
import { migration0007 } from './0007_credit';
import { migration0008 } from './0008_negotiation';
import { migration0009 } from './0009_audit_chain';
import { migration0010 } from './0010_users';
import { migration0011 } from './0011_dashboard_snapshots';
import { migration0012 } from './0012_dunning_behaviour';
import { migration0013 } from './0013_trust_approvals';
import { migration0014 } from './0014_dunning_effectiveness';
import { migration0015 } from './0015_credit_today';
import { migration0016 } from './0016_dunning_customers_version';

export interface Migration {
  id: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  up: string;
}

/** Ordered, forward-only. A landed migration is never edited: add a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016];
