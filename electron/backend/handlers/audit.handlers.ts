import { verifyChain } from '../audit/audit-chain';
import type { Context } from '../context';
import { statementCache } from '../db/statements';
import type { HandlerGroup } from '../router';

export function auditHandlers(ctx: Context): HandlerGroup {
  const prepare = statementCache(ctx.db);
  return {
    'audit.verify': { run: () => ({ ...verifyChain(prepare), checkedAt: ctx.nowIso() }) },
  };
}
