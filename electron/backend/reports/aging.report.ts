// Aging report: every customer's open balance split by aging bucket on the business date, grouped by bucket
// with subtotals and a grand total (the same buckets and open statuses as the dashboard).
import type { Content } from 'pdfmake/interfaces';
import { AGING_BUCKETS, type AgingBucketKey } from '../../../shared/domain/aging';
import type { Db } from '../db/connection';
import { centsToCsvDecimal, toCsv } from './csv';
import { brl, cnpjOrCpf, integerBr } from './pdf/format';
import { dataTable, moneyCell, sectionTitle, spanRow, textCell, type TableColumn, type TableRow } from './pdf/kit';

export interface AgingFilters {
  segment: string | null;
  uf: string | null;
  salesRep: string | null;
}

/** One customer's títulos in one bucket. */
export interface AgingLine {
  bucket: AgingBucketKey;
  customerId: number;
  legalName: string;
  document: string;
  city: string | null;
  uf: string | null;
  count: number;
  openCents: number;
  /** Days past due of the oldest título in the bucket (≤ 0 for "a vencer"). */
  maxDaysOverdue: number;
}

/** `CASE` from days overdue to the bucket's index in AGING_BUCKETS. */
const BUCKET_CASE = `CASE ${AGING_BUCKETS.map((b, i) => (b.maxDays === null ? `ELSE ${i}` : `WHEN days <= ${b.maxDays} THEN ${i}`)).join(' ')} END`;

/** Lines ordered by bucket, then by amount (largest first). Runs on the `invoices_open_balance` covering index. */
export function agingLines(db: Db, asOf: string, f: AgingFilters): AgingLine[] {
  const where: string[] = [];
  if (f.segment) where.push('segment = @segment');
  if (f.uf) where.push('uf = @uf');
  if (f.salesRep) where.push('sales_rep = @salesRep');
  const customerFilter = where.length ? `AND i.customer_id IN (SELECT id FROM customers WHERE ${where.join(' AND ')})` : '';
  const rows = db
    .prepare(
      `SELECT ${BUCKET_CASE} AS bucketIndex, t.customer_id AS customerId, c.legal_name AS legalName, c.document, c.city, c.uf,
              COUNT(*) AS count, SUM(t.open_cents) AS openCents, MAX(t.days) AS maxDaysOverdue
       FROM (SELECT i.customer_id, i.amount_cents - i.paid_cents AS open_cents,
                    CAST(julianday(@asOf) - julianday(i.due_date) AS INTEGER) AS days
             FROM invoices i
             WHERE i.status IN ('open', 'partial', 'disputed') AND i.amount_cents > i.paid_cents ${customerFilter}) t
       JOIN customers c ON c.id = t.customer_id
       GROUP BY bucketIndex, t.customer_id
       ORDER BY bucketIndex, openCents DESC, c.sort_name`,
    )
    .all({ asOf, segment: f.segment, uf: f.uf, salesRep: f.salesRep }) as (Omit<AgingLine, 'bucket'> & { bucketIndex: number })[];
  return rows.map(({ bucketIndex, ...r }) => ({ ...r, bucket: AGING_BUCKETS[bucketIndex]!.key }));
}

export interface BucketTotal {
  key: AgingBucketKey;
  label: string;
  customers: number;
  count: number;
  openCents: number;
}

export function bucketTotals(lines: AgingLine[]): BucketTotal[] {
  return AGING_BUCKETS.map((b) => {
    const inBucket = lines.filter((l) => l.bucket === b.key);
    return {
      key: b.key,
      label: b.label,
      customers: inBucket.length,
      count: inBucket.reduce((s, l) => s + l.count, 0),
      openCents: inBucket.reduce((s, l) => s + l.openCents, 0),
    };
  });
}

/** Share of the total with one decimal, "12,3%"; exact integer maths on centavos. */
function share(part: number, total: number): string {
  if (total === 0) return '—';
  const tenths = Math.round((part * 1000) / total);
  return `${Math.trunc(tenths / 10)},${tenths % 10}%`;
}

const placeOf = (l: AgingLine) => [l.city, l.uf].filter(Boolean).join('/') || '—';

export function agingPdfContent(lines: AgingLine[]): Content[] {
  const totals = bucketTotals(lines);
  const grand = totals.reduce((s, t) => s + t.openCents, 0);
  const customers = new Set(lines.map((l) => l.customerId)).size;
  const titles = totals.reduce((s, t) => s + t.count, 0);

  const summaryColumns: TableColumn[] = [
    { header: 'Faixa de atraso', width: '*' },
    { header: 'Clientes', width: 60, align: 'right' },
    { header: 'Títulos', width: 60, align: 'right' },
    { header: 'Valor em aberto', width: 100, align: 'right' },
    { header: '% do total', width: 60, align: 'right' },
  ];
  const summaryRows: TableRow[] = totals.map((t) => ({
    cells: [textCell(t.label), textCell(integerBr(t.customers)), textCell(integerBr(t.count)), moneyCell(t.openCents), textCell(share(t.openCents, grand))],
  }));
  summaryRows.push({
    kind: 'total',
    cells: [textCell('Total geral', { bold: true }), textCell(integerBr(customers), { bold: true }), textCell(integerBr(titles), { bold: true }), moneyCell(grand, { bold: true }), textCell(grand ? '100,0%' : '—', { bold: true })],
  });

  const detailColumns: TableColumn[] = [
    { header: 'Cliente', width: '*' },
    { header: 'CNPJ/CPF', width: 92 },
    { header: 'Cidade/UF', width: 88 },
    { header: 'Títulos', width: 34, align: 'right' },
    { header: 'Maior atraso', width: 46, align: 'right' },
    { header: 'Valor em aberto', width: 78, align: 'right' },
  ];
  const detailRows: TableRow[] = [];
  for (const t of totals) {
    if (t.customers === 0) continue;
    detailRows.push({ kind: 'group', cells: spanRow({ text: t.label, bold: true, color: '#0f5132', colSpan: detailColumns.length }, []) });
    for (const l of lines) {
      if (l.bucket !== t.key) continue;
      detailRows.push({
        cells: [
          textCell(l.legalName),
          textCell(cnpjOrCpf(l.document)),
          textCell(placeOf(l)),
          textCell(integerBr(l.count)),
          textCell(l.maxDaysOverdue > 0 ? `${integerBr(l.maxDaysOverdue)} d` : '—'),
          moneyCell(l.openCents),
        ],
      });
    }
    detailRows.push({
      kind: 'subtotal',
      cells: spanRow({ text: `Subtotal ${t.label} · ${integerBr(t.customers)} ${t.customers === 1 ? 'cliente' : 'clientes'}`, bold: true, colSpan: 3 }, [
        textCell(integerBr(t.count), { bold: true }),
        textCell(''),
        moneyCell(t.openCents, { bold: true }),
      ]),
    });
  }
  if (detailRows.length > 0) {
    detailRows.push({
      kind: 'total',
      cells: spanRow({ text: `Total geral · ${integerBr(customers)} ${customers === 1 ? 'cliente' : 'clientes'}`, bold: true, colSpan: 3 }, [
        textCell(integerBr(titles), { bold: true }),
        textCell(''),
        moneyCell(grand, { bold: true }),
      ]),
    });
  }

  return [
    sectionTitle('Resumo por faixa de atraso'),
    dataTable({ columns: summaryColumns, rows: summaryRows }),
    sectionTitle('Clientes por faixa'),
    dataTable({ columns: detailColumns, rows: detailRows, emptyText: 'Nenhum título em aberto com estes filtros.' }),
    {
      text: `Valores em aberto = valor do título menos os pagamentos registrados, sem multa e juros. Total geral: ${brl(grand)}.`,
      fontSize: 7.5,
      color: '#5b6472',
      margin: [0, 8, 0, 0],
    },
  ];
}

/** One line per customer and bucket; amounts with decimal comma, as the portfolio CSV. */
export function agingCsv(lines: AgingLine[]): { content: string; rowCount: number } {
  const label = new Map(AGING_BUCKETS.map((b) => [b.key as AgingBucketKey, b.label]));
  return toCsv(
    ['Faixa', 'Cliente', 'CNPJ/CPF', 'Cidade', 'UF', 'Títulos', 'Maior atraso (dias)', 'Valor em aberto (R$)'],
    lines.map((l) => [label.get(l.bucket) ?? l.bucket, l.legalName, cnpjOrCpf(l.document), l.city, l.uf, l.count, Math.max(0, l.maxDaysOverdue), centsToCsvDecimal(l.openCents)]),
  );
}
