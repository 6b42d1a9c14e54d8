// Customer statement (extrato de débitos): the customer's open títulos updated to a date with multa and juros
// (shared/domain/interest.ts), the total, a Pix for the total and the boleto lines, with the creditor's and the
// debtor's identification as collection documents require (CDC art. 42-A).
import type { Content } from 'pdfmake/interfaces';
import { createBankCalendar } from '../../../shared/domain/bank-calendar';
import { updateDebt, type UpdatedDebt } from '../../../shared/domain/interest';
import type { Customer, InvoiceRow } from '../../../shared/ipc/contract';
import type { CompanySettings } from '../../../shared/ipc/settings.contract';
import { addressLine, brDate, brl, cnpjOrCpf, integerBr, percentFromBp } from './pdf/format';
import { COLORS, creditorBlock, dataTable, moneyCell, pixBlock, sectionTitle, spanRow, textCell, type TableColumn, type TableRow } from './pdf/kit';

export interface StatementLine {
  invoice: InvoiceRow;
  debt: UpdatedDebt;
}

export interface Statement {
  asOf: string;
  finePercentBp: number;
  monthlyInterestBp: number;
  lines: StatementLine[];
  /** Títulos under dispute: listed apart, not charged. */
  disputed: InvoiceRow[];
  totals: { principalCents: number; fineCents: number; interestCents: number; totalCents: number };
}

/**
 * Updates every open título with the company's default charges; a due date on a non-business day of the
 * customer's place moves to the next business day (Lei 7.089/83), as the dunning messages do.
 */
export function buildStatement(customer: Customer, invoices: InvoiceRow[], company: CompanySettings, asOf: string): Statement {
  const calendar = createBankCalendar(customer.address.uf ?? undefined, customer.address.city ?? undefined);
  const finePercentBp = company.defaultFineBp;
  const monthlyInterestBp = company.defaultMonthlyInterestBp;
  const lines: StatementLine[] = [];
  const disputed: InvoiceRow[] = [];
  for (const invoice of invoices) {
    if (invoice.status === 'disputed') {
      disputed.push(invoice);
      continue;
    }
    const debt = updateDebt({ principalCents: invoice.openCents, dueDate: invoice.dueDate, asOf, finePercentBp, monthlyInterestBp, calendar });
    lines.push({ invoice, debt });
  }
  const sum = (pick: (d: UpdatedDebt) => number) => lines.reduce((s, l) => s + pick(l.debt), 0);
  return {
    asOf,
    finePercentBp,
    monthlyInterestBp,
    lines,
    disputed,
    totals: { principalCents: sum((d) => d.correctedPrincipalCents), fineCents: sum((d) => d.fineCents), interestCents: sum((d) => d.interestCents), totalCents: sum((d) => d.totalCents) },
  };
}

/** "0001 2345 ..." as the bank prints it: the 47 digits in the five FEBRABAN groups. */
function formatBoletoLine(line: string): string {
  const d = line.replace(/\D/g, '');
  if (d.length !== 47) return line;
  return `${d.slice(0, 5)}.${d.slice(5, 10)} ${d.slice(10, 15)}.${d.slice(15, 21)} ${d.slice(21, 26)}.${d.slice(26, 32)} ${d[32]} ${d.slice(33)}`;
}

function debtorBlock(customer: Customer): Content {
  const address = addressLine(customer.address);
  return {
    unbreakable: true,
    stack: [
      { text: 'Devedor', bold: true, fontSize: 8, color: COLORS.muted },
      { text: customer.legalName + (customer.tradeName ? ` (${customer.tradeName})` : ''), bold: true },
      { text: `${customer.kind === 'PF' ? 'CPF' : 'CNPJ'} ${cnpjOrCpf(customer.document)}` },
      ...(address ? [{ text: address }] : []),
    ],
    fontSize: 8,
  };
}

export interface StatementPdfInput {
  customer: Customer;
  company: CompanySettings;
  statement: Statement;
  /** The Pix "copia e cola" for the total; null when the company has no Pix key or nothing is due. */
  pixCode: string | null;
}

export async function statementPdfContent({ customer, company, statement, pixCode }: StatementPdfInput): Promise<Content[]> {
  const columns: TableColumn[] = [
    { header: 'Documento', width: '*' },
    { header: 'Vencimento', width: 52 },
    { header: 'Atraso', width: 36, align: 'right' },
    { header: 'Valor em aberto', width: 66, align: 'right' },
    { header: 'Multa', width: 52, align: 'right' },
    { header: 'Juros', width: 52, align: 'right' },
    { header: 'Valor atualizado', width: 70, align: 'right' },
  ];
  const rows: TableRow[] = statement.lines.map(({ invoice, debt }) => ({
    cells: [
      textCell(invoice.documentNumber + (invoice.status === 'partial' ? ' (pago em parte)' : '')),
      textCell(brDate(invoice.dueDate)),
      textCell(debt.daysLate > 0 ? `${integerBr(debt.daysLate)} d` : '—'),
      moneyCell(debt.correctedPrincipalCents),
      moneyCell(debt.fineCents),
      moneyCell(debt.interestCents),
      moneyCell(debt.totalCents, { bold: true }),
    ],
  }));
  const t = statement.totals;
  if (rows.length > 0) {
    rows.push({
      kind: 'total',
      cells: spanRow({ text: `Total · ${integerBr(statement.lines.length)} ${statement.lines.length === 1 ? 'título' : 'títulos'}`, bold: true, colSpan: 3 }, [
        moneyCell(t.principalCents, { bold: true }),
        moneyCell(t.fineCents, { bold: true }),
        moneyCell(t.interestCents, { bold: true }),
        moneyCell(t.totalCents, { bold: true }),
      ]),
    });
  }

  const content: Content[] = [
    { columns: [debtorBlock(customer), creditorBlock(company)], columnGap: 24, margin: [0, 0, 0, 6] },
    sectionTitle('Títulos em aberto'),
    dataTable({ columns, rows, emptyText: 'Nenhum título em aberto: não há débitos na data.' }),
    {
      text:
        `Valores atualizados até ${brDate(statement.asOf)}: multa de ${percentFromBp(statement.finePercentBp)} sobre o valor em aberto (uma vez) e ` +
        `juros de mora de ${percentFromBp(statement.monthlyInterestBp)} ao mês, pro rata die, contados do dia seguinte ao vencimento. ` +
        'Vencimento em fim de semana ou feriado bancário passa para o dia útil seguinte. Após essa data os valores serão recalculados.',
      fontSize: 7.5,
      color: COLORS.muted,
      margin: [0, 6, 0, 0],
    },
  ];

  if (statement.disputed.length > 0) {
    content.push({
      text: `Em contestação (não cobrados neste extrato): ${statement.disputed.map((i) => `${i.documentNumber} – ${brl(i.openCents)}`).join('; ')}.`,
      fontSize: 8,
      margin: [0, 6, 0, 0],
    });
  }

  if (t.totalCents > 0) {
    content.push({
      table: {
        widths: ['*', 'auto'],
        body: [[
          { text: `Total a pagar até ${brDate(statement.asOf)}`, bold: true, fontSize: 11, margin: [6, 5, 6, 5] },
          { text: brl(t.totalCents), bold: true, fontSize: 13, alignment: 'right', color: COLORS.brand, margin: [6, 4, 6, 4] },
        ]],
      },
      layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLORS.band },
      margin: [0, 12, 0, 0],
    });
    if (pixCode) content.push(await pixBlock(pixCode, t.totalCents, 'Pague o total com Pix'));
  }

  const boletos = statement.lines.filter((l) => l.invoice.boletoLine);
  if (boletos.length > 0) {
    content.push(
      sectionTitle('Boletos dos títulos'),
      dataTable({
        columns: [
          { header: 'Documento', width: 90 },
          { header: 'Vencimento', width: 56 },
          { header: 'Linha digitável', width: '*' },
        ],
        rows: boletos.map(({ invoice }) => ({
          cells: [textCell(invoice.documentNumber), textCell(brDate(invoice.dueDate)), textCell(formatBoletoLine(invoice.boletoLine ?? ''))],
        })),
      }),
      {
        text: 'O boleto vencido cobra o valor original acrescido dos encargos calculados pelo banco; para quitar o total atualizado acima, prefira o Pix.',
        fontSize: 7.5,
        color: COLORS.muted,
        margin: [0, 4, 0, 0],
      },
    );
  }

  content.push({
    text:
      `Documento emitido por ${company.legalName}, CNPJ ${cnpjOrCpf(company.cnpj)}, credor dos títulos acima (CDC art. 42-A). ` +
      'Se algum título já foi pago, desconsidere-o e nos envie o comprovante pelos contatos acima.',
    fontSize: 7.5,
    color: COLORS.muted,
    margin: [0, 14, 0, 0],
  });
  return content;
}
