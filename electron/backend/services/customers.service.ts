import { formatDocument } from '../../../shared/domain/documents';
import { formatBrDate } from '../../../shared/domain/dates';
import type { Customer, CustomerDetail, CsvFile, CustomerListResult } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import type { CustomerWrite } from '../db/repos/customers.repo';
import { centsToCsvDecimal, toCsv } from '../reports/csv';

const KIND_LABEL = { PJ: 'Pessoa jurídica', EMPRESARIO_INDIVIDUAL: 'Empresário individual', PF: 'Pessoa física' } as const;
const STATUS_LABEL = { active: 'Ativo', blocked: 'Bloqueado', inactive: 'Inativo' } as const;

export function customersService(ctx: Context) {
  const { customers, contacts, activity } = ctx.repos;

  function mustGet(id: number): Customer {
    const c = customers.get(id);
    if (!c) throw new AppError('NOT_FOUND', `Cliente ${id} não encontrado. Ele pode ter sido removido; atualize a lista.`);
    return c;
  }

  function refuseDuplicateDocument(document: string, exceptId?: number) {
    const existing = customers.findByDocument(document);
    if (existing && existing.id !== exceptId) {
      throw new AppError(
        'CONFLICT',
        `Já existe um cliente com o documento ${formatDocument(document)}: ${existing.legalName} (código ${existing.id}).`,
        { fields: [{ path: 'document', message: `Documento já cadastrado para ${existing.legalName}` }], existingId: existing.id },
      );
    }
  }

  return {
    list(p: ParsedParams<'customers.list'>): CustomerListResult {
      const asOf = ctx.asOf();
      const { rows, totals } = customers.list(p, asOf, p.offset, p.limit);
      return { rows, total: totals.count, offset: p.offset, limit: p.limit, totals, asOf };
    },

    get(id: number): CustomerDetail {
      const asOf = ctx.asOf();
      return { customer: mustGet(id), contacts: contacts.listByCustomer(id), balance: customers.balance(id, asOf), asOf };
    },

    create(input: CustomerWrite): Customer {
      return ctx.tx(() => {
        refuseDuplicateDocument(input.document);
        const at = ctx.nowIso();
        const id = customers.insert(input, at);
        activity.append({ actor: ctx.actor(), action: 'customer.created', customerId: id, details: { document: input.document } }, at);
        return mustGet(id);
      });
    },

    update(p: ParsedParams<'customers.update'>): Customer {
      const { id, expectedUpdatedAt, ...input } = p;
      return ctx.tx(() => {
        const before = mustGet(id);
        if (before.updatedAt !== expectedUpdatedAt) {
          throw new AppError(
            'CONFLICT',
            'Este cliente foi alterado em outra tela depois que você abriu o formulário. Recarregue o cadastro e refaça a alteração.',
          );
        }
        refuseDuplicateDocument(input.document, id);
        const at = ctx.nowIso();
        customers.update(id, input, at);
        const changed = changedFields(before, input);
        activity.append({ actor: ctx.actor(), action: 'customer.updated', customerId: id, details: { changed } }, at);
        return mustGet(id);
      });
    },

    exportCsv(p: ParsedParams<'customers.exportCsv'>): CsvFile {
      const asOf = ctx.asOf();
      const header = ['Código', 'Razão social', 'Nome fantasia', 'CNPJ/CPF', 'Tipo', 'Segmento', 'Vendedor', 'Cidade', 'UF', 'Situação',
        'Saldo em aberto (R$)', 'Saldo vencido (R$)', 'Dias do título vencido mais antigo'];
      const rows = (function* () {
        for (const r of customers.iterate(p, asOf)) {
          yield [r.id, r.legalName, r.tradeName, formatDocument(r.document), KIND_LABEL[r.kind], r.segment, r.salesRep, r.city, r.uf,
            STATUS_LABEL[r.status], centsToCsvDecimal(r.openCents), centsToCsvDecimal(r.overdueCents), r.oldestOverdueDays];
        }
      })();
      const { content, rowCount } = toCsv(header, rows);
      return { fileName: `carteira-${formatBrDate(asOf).replace(/\//g, '-')}.csv`, content, rowCount };
    },
  };
}

function changedFields(before: Customer, after: CustomerWrite): string[] {
  const keys = Object.keys(after) as (keyof CustomerWrite)[];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
