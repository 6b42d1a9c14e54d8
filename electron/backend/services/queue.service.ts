/** "Minha fila de hoje": the clerk's tasks, worked one by one; every outcome lands in the activity log. */
import type { Content } from 'pdfmake/interfaces';
import { formatBrDate } from '../../../shared/domain/dates';
import { formatDocument } from '../../../shared/domain/documents';
import type { PdfFile } from '../../../shared/ipc/credit.contract';
import type { QueueResult, TaskView } from '../../../shared/ipc/dunning.contract';
import { AppError } from '../../../shared/ipc/envelope';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { renderPdf, reportDocument } from '../reports/pdf/kit';
import { isCompanyConfigured } from '../../../shared/domain/company';
import { settingsService } from './settings.service';

export function queueService(ctx: Context) {
  const { tasks, activity } = ctx.repos;

  function mustBeOpen(id: number): TaskView {
    const task = tasks.get(id);
    if (!task) throw new AppError('NOT_FOUND', `Tarefa ${id} não encontrada. Atualize a fila.`);
    if (task.status !== 'open') throw new AppError('CONFLICT', `A tarefa "${task.title}" já foi concluída.`);
    return task;
  }

  return {
    list(p: ParsedParams<'queue.list'>): QueueResult {
      const asOf = ctx.asOf();
      return { ...tasks.queue(asOf, p.offset, p.limit), asOf };
    },

    complete(p: ParsedParams<'queue.complete'>): TaskView {
      return ctx.tx(() => {
        const task = mustBeOpen(p.id);
        const at = ctx.nowIso();
        const { id, ...completion } = p;
        tasks.complete(id, completion, at, ctx.actor());
        activity.append({ actor: ctx.actor(), action: 'dunning.task_done', customerId: task.customerId, details: { taskId: id, type: task.type, title: task.title, ...completion } }, at);
        return tasks.get(id)!;
      });
    },

    /**
     * The day's letters ("imprimir carta" tasks) as one PDF, a letter per page under the company header,
     * addressed to the customer's registered address (the address a negativação notice must use).
     */
    async lettersPdf(): Promise<PdfFile | null> {
      const letters = tasks.openLetters(ctx.asOf(), 500);
      if (letters.length === 0) return null;
      const company = settingsService(ctx).getCompany();
      if (!isCompanyConfigured(company)) {
        throw new AppError('VALIDATION', 'Preencha os dados da empresa (razão social, CNPJ e cidade) em Configurações › Empresa antes de imprimir as cartas.');
      }
      const content: Content[] = letters.map((task, i) => {
        const c = ctx.repos.customers.get(task.customerId)!;
        const a = c.address;
        const street = [a.street, a.streetNumber, a.complement].filter(Boolean).join(', ');
        const cityLine = [a.district, a.city && `${a.city}${a.uf ? `/${a.uf}` : ''}`, a.postalCode && `CEP ${a.postalCode.replace(/^(\d{5})(\d{3})$/, '$1-$2')}`].filter(Boolean).join(' · ');
        return {
          stack: [
            { text: c.legalName, bold: true, fontSize: 11 },
            { text: `CNPJ/CPF ${formatDocument(c.document)}` },
            { text: street || ' ' },
            { text: cityLine || ' ', margin: [0, 0, 0, 18] },
            { text: task.messageText ?? task.title, fontSize: 10, lineHeight: 1.35 },
          ],
          ...(i < letters.length - 1 ? { pageBreak: 'after' as const } : {}),
        };
      });
      const doc = reportDocument({
        company,
        title: 'Cartas de cobrança',
        subtitle: `Emitidas em ${formatBrDate(ctx.asOf())}`,
        filters: [{ label: 'Cartas', value: String(letters.length) }],
        generatedAt: ctx.clock.now(),
        content,
      });
      const pdf = await renderPdf(doc);
      return { fileName: `cartas-${ctx.asOf()}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64'), rowCount: letters.length };
    },

    snooze(p: ParsedParams<'queue.snooze'>): TaskView {
      return ctx.tx(() => {
        const task = mustBeOpen(p.id);
        if (p.untilDate <= ctx.asOf()) {
          throw new AppError('VALIDATION', 'Adie para uma data depois de hoje.', { fields: [{ path: 'untilDate', message: 'Escolha uma data futura' }] });
        }
        const at = ctx.nowIso();
        tasks.snooze(p.id, p.untilDate, at);
        activity.append({ actor: ctx.actor(), action: 'dunning.task_snoozed', customerId: task.customerId, details: { taskId: p.id, untilDate: p.untilDate } }, at);
        return tasks.get(p.id)!;
      });
    },
  };
}
