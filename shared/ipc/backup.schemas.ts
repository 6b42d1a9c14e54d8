/** Params of the backup and health methods (see backup.contract.ts). */
import { z } from 'zod';

export const backupSchemas = {
  'app.health': z.object({}),
  'backup.list': z.object({}),
  'backup.create': z.object({}),
  'backup.restore': z
    .object({
      /** A file the user picked (platform.pickFile with purpose 'backup'). */
      fileToken: z.string().min(1).max(200).optional(),
      /** One of `backup.list`'s names. */
      backupName: z.string().min(1).max(200).optional(),
    })
    .refine((p) => (p.fileToken === undefined) !== (p.backupName === undefined), {
      message: 'Escolha um backup da lista ou um arquivo de backup (um dos dois)',
      path: ['backupName'],
    }),
} satisfies Record<string, z.ZodType>;
