// The "bloqueados / somente à vista" list for the sales force, as a PDF (landscape A4, company header).
import type { Content } from 'pdfmake/interfaces';
import type { BlockedRow } from '../../../shared/ipc/credit.contract';
import { brDate, cnpjOrCpf, integerBr } from '../reports/pdf/format';
import { dataTable, moneyCell, textCell, type TableColumn } from '../reports/pdf/kit';

const COLUMNS: TableColumn[] = [
  { header: 'Cliente', width: '*' },
  { header: 'Vendedor', width: 80 },
  { header: 'Cidade/UF', width: 90 },
  { header: 'Classe', width: 34, align: 'center' },
  { header: 'Situação', width: 62 },
  { header: 'Vencido', width: 70, align: 'right' },
  { header: 'Dias', width: 30, align: 'right' },
  { header: 'Motivos', width: 200 },
];

export function blockedPdfContent(rows: readonly BlockedRow[], asOf: string): Content[] {
  const blocked = rows.filter((r) => r.verdict.blocked).length;
  return [
    {
      text: `${integerBr(rows.length)} clientes sem venda a prazo em ${brDate(asOf)}: ${integerBr(blocked)} bloqueados e ${integerBr(rows.length - blocked)} somente à vista.`,
      margin: [0, 0, 0, 8],
    },
    dataTable({
      columns: COLUMNS,
      emptyText: 'Nenhum cliente bloqueado.',
      rows: rows.map((r) => ({
        cells: [
          { stack: [{ text: r.legalName, bold: true }, { text: cnpjOrCpf(r.document), fontSize: 7, color: '#5b6472' }] },
          textCell(r.salesRep ?? '—'),
          textCell(r.city ? `${r.city}/${r.uf ?? ''}` : '—'),
          textCell(r.riskClass, { bold: true }),
          textCell(r.verdict.blocked ? 'Bloqueado' : 'Somente à vista', r.verdict.blocked ? { color: '#b42318', bold: true } : {}),
          moneyCell(r.overdueCents),
          textCell(r.oldestOverdueDays === null ? '—' : integerBr(r.oldestOverdueDays)),
          { text: r.verdict.reasons.map((x) => x.pt).join('; '), fontSize: 7.5 },
        ],
      })),
    }),
  ];
}
