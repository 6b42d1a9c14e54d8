import { z } from 'zod';
import { SETTLEMENT_RESULTS } from '../domain/cnab/settle';
import { id, limit, offset } from './schema-kit';

const fileToken = z.string({ error: 'Escolha o arquivo de retorno' }).min(1, 'Escolha o arquivo de retorno').max(200);
const result = z.enum(SETTLEMENT_RESULTS, { error: 'Filtro de resultado inválido' }).optional();

export const bankReturnsSchemas = {
  'bankReturns.preview': z.object({ fileToken, result, offset, limit: limit(500, 100) }),
  'bankReturns.import': z.object({ fileToken }),
  'bankReturns.listFiles': z.object({ offset, limit: limit(200, 50) }),
  'bankReturns.getFileItems': z.object({ fileId: id, result, offset, limit: limit(500, 100) }),
  'bankReturns.exportCsv': z.object({ fileId: id }),
} satisfies Record<string, z.ZodType>;
