import { z } from 'zod';
import { IMPORT_FIELDS } from './imports.contract';
import { requiredText } from './schema-kit';

const fileToken = z.string({ error: 'Escolha um arquivo' }).min(1, 'Escolha um arquivo').max(200);
const source = requiredText(60, 'o nome da origem (ex.: o nome do ERP)');
const jobId = z.string().min(8, 'Identificador da importação inválido').max(64);

export const importsSchemas = {
  'imports.preview': z.object({ fileToken, source: z.string().trim().max(60).optional() }),
  'imports.run': z.object({
    jobId,
    fileToken,
    source,
    mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)),
    mode: z.enum(['dry_run', 'valid_rows', 'all_or_nothing'], { error: 'Modo de importação inválido' }),
  }),
  'imports.cancel': z.object({ jobId }),
  'imports.history': z.object({ limit: z.number().int().min(1).max(100).default(20) }),
} satisfies Record<string, z.ZodType>;
