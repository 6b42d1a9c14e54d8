/** Params of the audit trail methods (see audit.contract.ts). */
import { z } from 'zod';

export const auditSchemas = {
  'audit.verify': z.object({}),
} satisfies Record<string, z.ZodType>;
