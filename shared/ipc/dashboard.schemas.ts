/** Params of the dashboard and cash-obligation methods (see dashboard.contract.ts). */
import { z } from 'zod';
import { id, isoDate, positiveCents, requiredText } from './schema-kit';

const filters = {
  asOf: isoDate.optional(),
  segment: z.string().trim().max(100, 'Segmento: no máximo 100 caracteres').optional(),
  uf: z.string().trim().toUpperCase().max(2, 'UF: use a sigla de 2 letras').optional(),
  salesRep: z.string().trim().max(100, 'Vendedor: no máximo 100 caracteres').optional(),
};

export const obligationCategory = z.enum(['supplier', 'payroll', 'tax', 'other'], {
  error: 'Categoria inválida (fornecedor, folha, impostos ou outros)',
});

const obligationFields = z.object({
  description: requiredText(200, 'a descrição da obrigação'),
  category: obligationCategory,
  dueDate: isoDate,
  amountCents: positiveCents,
});

export const dashboardSchemas = {
  'dashboard.summary': z.object(filters),
  'dashboard.trends': z.object(filters),
  'dashboard.cashForecast': z.object({}),
  'obligations.list': z.object({ from: isoDate.optional() }),
  'obligations.create': obligationFields,
  'obligations.update': obligationFields.extend({ id, expectedUpdatedAt: z.string().min(1, 'Versão da obrigação ausente') }),
  'obligations.delete': z.object({ id }),
} satisfies Record<string, z.ZodType>;
