import { buildPixCode, pixTxid } from '../../../shared/domain/pix';
import { AppError } from '../../../shared/ipc/envelope';
import type { ReportFile } from '../../../shared/ipc/reports.contract';
import type { ParsedParams } from '../../../shared/ipc/schemas';
import type { Context } from '../context';
import { activityCsv, activityPdfContent, activitySummary } from '../reports/activity.report';
import { agingCsv, agingLines, agingPdfContent } from '../reports/aging.report';
import { brDate } from '../reports/pdf/format';
import { renderPdf, reportDocument, type ReportFilter } from '../reports/pdf/kit';
import { buildStatement, statementPdfContent } from '../reports/statement.report';
import { isCompanyConfigured } from '../../../shared/domain/company';
import { settingsService } from './settings.service';

/** Every open título of one customer fits one statement. */
const STATEMENT_MAX_TITLES = 5_000;
/**
 * pdfmake lays a PDF out synchronously in the backend's process (~1 s per few thousand rows): past this size the
 * clerk filters or takes the CSV, instead of freezing the app for minutes on a 50k-customer portfolio.
 */
export const AGING_PDF_MAX_LINES = 15_000;

/** "Mercearia São João Ltda" → "mercearia-sao-joao-ltda", for file names. */
function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40)
      .replace(/-$/, '') || 'cliente'
  );
}

function pdfFile(fileName: string, pdf: Buffer): ReportFile {
  return { fileName, mimeType: 'application/pdf', encoding: 'base64', content: pdf.toString('base64') };
}

function csvFile(fileName: string, content: string): ReportFile {
  return { fileName, mimeType: 'text/csv', encoding: 'utf8', content };
}

const orAll = (v: string | null) => v ?? 'Todos';

export function reportsService(ctx: Context) {
  const settings = settingsService(ctx);

  return {
    async aging(p: ParsedParams<'reports.aging'>): Promise<ReportFile> {
      const asOf = ctx.asOf();
      const lines = agingLines(ctx.db, asOf, p);
      const base = `aging-${asOf}`;
      if (p.format === 'csv') return csvFile(`${base}.csv`, agingCsv(lines).content);
      if (lines.length > AGING_PDF_MAX_LINES) {
        throw new AppError(
          'VALIDATION',
          `O aging em PDF teria ${lines.length.toLocaleString('pt-BR')} linhas (máximo de ${AGING_PDF_MAX_LINES.toLocaleString('pt-BR')}): ` +
            'filtre por segmento, UF ou vendedor, ou baixe o CSV, que não tem limite.',
        );
      }
      const filters: ReportFilter[] = [
        { label: 'Data-base', value: brDate(asOf) },
        { label: 'Segmento', value: orAll(p.segment) },
        { label: 'UF', value: orAll(p.uf) },
        { label: 'Vendedor', value: orAll(p.salesRep) },
      ];
      const doc = reportDocument({
        company: settings.getCompany(),
        title: 'Relatório de aging',
        subtitle: `Posição em ${brDate(asOf)}`,
        filters,
        generatedAt: ctx.clock.now(),
        content: agingPdfContent(lines),
      });
      return pdfFile(`${base}.pdf`, await renderPdf(doc));
    },

    async statement(p: ParsedParams<'reports.statement'>): Promise<ReportFile> {
      const company = settings.getCompany();
      if (!isCompanyConfigured(company)) {
        throw new AppError(
          'CONFLICT',
          'Cadastre a empresa (razão social, CNPJ e cidade) em Configurações › Empresa: o extrato precisa identificar o credor (CDC art. 42-A).',
        );
      }
      const customer = ctx.repos.customers.get(p.customerId);
      if (!customer) throw new AppError('NOT_FOUND', `Cliente ${p.customerId} não encontrado. Atualize a lista.`);
      const asOf = p.asOf ?? ctx.asOf();
      const { rows } = ctx.repos.invoices.listByCustomer(customer.id, 'open', asOf, 0, STATEMENT_MAX_TITLES);
      const statement = buildStatement(customer, rows, company, asOf);
      const total = statement.totals.totalCents;
      const txid = pixTxid('EXT', `${customer.id}D${asOf}`);
      const pixCode =
        company.pixKey && company.address.city && total > 0
          ? buildPixCode({ key: company.pixKey, merchantName: company.legalName, merchantCity: company.address.city, amountCents: total, txid })
          : null;
      const doc = reportDocument({
        company,
        title: 'Extrato de débitos',
        subtitle: `Valores atualizados até ${brDate(asOf)}`,
        filters: [
          { label: 'Cliente', value: customer.legalName },
          { label: 'Atualizado até', value: brDate(asOf) },
        ],
        generatedAt: ctx.clock.now(),
        content: await statementPdfContent({ customer, company, statement, pixCode }),
      });
      const pdf = await renderPdf(doc);
      ctx.tx(() =>
        ctx.repos.activity.append(
          {
            actor: ctx.actor(),
            action: 'report.statement_issued',
            customerId: customer.id,
            details: { asOf, totalCents: total, invoiceIds: statement.lines.map((l) => l.invoice.id), pixTxid: pixCode ? txid : null },
          },
          ctx.nowIso(),
        ),
      );
      return pdfFile(`extrato-${slug(customer.legalName)}-${asOf}.pdf`, pdf);
    },

    async activity(p: ParsedParams<'reports.activity'>): Promise<ReportFile> {
      const summary = activitySummary(ctx.db, p.from, p.to);
      const base = `atividade-cobranca-${p.from}-a-${p.to}`;
      if (p.format === 'csv') return csvFile(`${base}.csv`, activityCsv(summary).content);
      const doc = reportDocument({
        company: settings.getCompany(),
        title: 'Atividade de cobrança',
        subtitle: `${brDate(p.from)} a ${brDate(p.to)}`,
        filters: [{ label: 'Período', value: `${brDate(p.from)} a ${brDate(p.to)}` }],
        generatedAt: ctx.clock.now(),
        content: activityPdfContent(summary),
      });
      return pdfFile(`${base}.pdf`, await renderPdf(doc));
    },
  };
}
