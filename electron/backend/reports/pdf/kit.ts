/**
 * The PDF kit every printed document uses (pdfmake on the server side, fonts from resources/fonts).
 *
 *   const doc = reportDocument({ company, title, filters, generatedAt: ctx.clock.now(), content: [...] });
 *   const pdf: Buffer = await renderPdf(doc);
 *
 * - `reportDocument` lays out A4 pages with the company header (logo, legal name, CNPJ, address, contact) and
 *   the report title on every page, the filters used and "Gerado em dd/mm/aaaa hh:mm" on the first, and a
 *   "Página x de y" footer.
 * - `dataTable` draws a table with a header row, right-aligned tabular money columns and optional subtotal
 *   and total rows; cells come from `moneyCell`, `textCell`, `totalRow` helpers.
 * - `pixBlock(code, amountCents)` is a QR code with the "copia e cola" text beside it; `creditorBlock` is the
 *   creditor's identification that collection documents must carry (CDC art. 42-A).
 * - `qrPngDataUrl(text)` gives a PNG data URL for other channels (e-mail).
 * pdfmake mutates the definitions it is given: build a fresh one for every render (these helpers do).
 * pdfmake may never read files or URLs: fonts are in memory and images are data URLs.
 */
import pdfmake from 'pdfmake';
import type { Column, Content, ContentColumns, ContentImage, ContextPageSize, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import type { CompanySettings } from '../../../../shared/ipc/settings.contract';
import { reportFonts } from './fonts';
import { addressLine, brDateTime, brl, cnpjOrCpf } from './format';
import { formatPhone } from '../../../../shared/domain/contact-info';

export const COLORS = { brand: '#0f5132', ink: '#1b1f24', muted: '#5b6472', line: '#cfd5db', band: '#eef3f0', zebra: '#f7f9f8' } as const;

/** pdfmake's in-memory file system (present at run time, missing from its type definitions). */
interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

let configured = false;
function configure(): void {
  if (configured) return;
  const fonts = reportFonts();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const [name, bytes] of fonts.files) vfs.writeFileSync(name, bytes);
  pdfmake.setFonts(fonts.dictionary);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}

/** One line of the "Filtros" box: label and the value chosen ("Todos" when none). */
export interface ReportFilter {
  label: string;
  value: string;
}

export interface ReportDocumentOptions {
  company: CompanySettings;
  title: string;
  /** A line under the title, e.g. "Posição em 26/11/2026". */
  subtitle?: string;
  filters: ReportFilter[];
  /** The instant the report is made (the injected clock). */
  generatedAt: Date;
  content: Content[];
  orientation?: 'portrait' | 'landscape';
}

const HEADER_HEIGHT = 78;

function logoImage(company: CompanySettings): ContentImage | null {
  if (!company.logo) return null;
  return { image: `data:${company.logo.mimeType};base64,${company.logo.base64}`, fit: [96, 44], margin: [0, 0, 12, 0] };
}

/** The company block: logo, legal name, CNPJ, address and contact. */
export function pdfHeader(company: CompanySettings): ContentColumns {
  const contact = [company.phone ? `Tel. ${formatPhone(company.phone)}` : '', company.email ?? ''].filter(Boolean).join(' · ');
  const lines: Content[] = [
    { text: company.legalName || 'Empresa não configurada', bold: true, fontSize: 11, color: COLORS.ink },
    { text: `CNPJ ${company.cnpj ? cnpjOrCpf(company.cnpj) : '—'}`, fontSize: 8, color: COLORS.muted },
  ];
  const address = addressLine(company.address);
  if (address) lines.push({ text: address, fontSize: 8, color: COLORS.muted });
  if (contact) lines.push({ text: contact, fontSize: 8, color: COLORS.muted });
  const logo = logoImage(company);
  const columns: Column[] = [];
  if (logo) columns.push({ width: 'auto', stack: [logo] });
  columns.push({ width: '*', stack: lines });
  return { columns };
}

function pageHeader(options: ReportDocumentOptions, pageSize: ContextPageSize): Content {
  return {
    margin: [40, 22, 40, 0],
    stack: [
      {
        columns: [
          { ...pdfHeader(options.company), width: '*' },
          {
            width: 'auto',
            stack: [
              { text: options.title, bold: true, fontSize: 12, color: COLORS.brand, alignment: 'right' },
              ...(options.subtitle ? [{ text: options.subtitle, fontSize: 8, color: COLORS.muted, alignment: 'right' as const }] : []),
            ],
          },
        ],
        columnGap: 12,
      },
      { canvas: [{ type: 'line', x1: 0, y1: 6, x2: pageSize.width - 80, y2: 6, lineWidth: 1, lineColor: COLORS.brand }] },
    ],
  };
}

/** The first page's box with the filters used and when the report was made. */
export function filtersBlock(filters: ReportFilter[], generatedAt: Date): Content {
  const parts: Content[] = [];
  filters.forEach((f, i) => {
    if (i > 0) parts.push({ text: '   ·   ', color: COLORS.line });
    parts.push({ text: `${f.label}: `, color: COLORS.muted }, { text: f.value, bold: true });
  });
  return {
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: filters.length ? parts : 'Sem filtros', fontSize: 8, margin: [6, 4, 6, 4] },
          { text: `Gerado em ${brDateTime(generatedAt)}`, fontSize: 8, color: COLORS.muted, margin: [6, 4, 6, 4], alignment: 'right' },
        ],
      ],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLORS.band },
    margin: [0, 0, 0, 12],
  };
}

/** An A4 document with the header and footer of every report. */
export function reportDocument(options: ReportDocumentOptions): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: options.orientation ?? 'portrait',
    pageMargins: [40, HEADER_HEIGHT + 22, 40, 44],
    info: { title: options.title, author: options.company.legalName, creator: 'Adimple', producer: 'Adimple' },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: COLORS.ink, lineHeight: 1.15 },
    header: (_page, _count, pageSize) => pageHeader(options, pageSize),
    footer: (page, count) => ({
      margin: [40, 14, 40, 0],
      columns: [
        { text: `${options.title} · Adimple`, fontSize: 7, color: COLORS.muted },
        { text: `Página ${page} de ${count}`, fontSize: 7, color: COLORS.muted, alignment: 'right' },
      ],
    }),
    content: [filtersBlock(options.filters, options.generatedAt), ...options.content],
  };
}

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  header: string;
  width: number | '*' | 'auto';
  align?: Align;
}

/** A money cell: R$ 1.234,56 right-aligned (Roboto's figures are tabular, so columns line up). */
export function moneyCell(cents: number, opts: { bold?: boolean; color?: string } = {}): TableCell {
  return { text: brl(cents), alignment: 'right', noWrap: true, ...opts };
}

export function textCell(text: string, opts: { bold?: boolean; color?: string; align?: Align; colSpan?: number } = {}): TableCell {
  const { align, ...rest } = opts;
  return { text, ...(align ? { alignment: align } : {}), ...rest };
}

/** A text cell spanning `colSpan` columns (a label on a subtotal, total or group row). */
export interface SpanCell {
  text: string;
  colSpan: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

/** The spanning cell, the `{}` placeholders pdfmake wants after it, then the remaining cells. */
export function spanRow(first: SpanCell, rest: TableCell[]): TableCell[] {
  return [first, ...Array.from({ length: first.colSpan - 1 }, () => ({})), ...rest];
}

export type RowKind = 'body' | 'subtotal' | 'total' | 'group';

export interface TableRow {
  cells: TableCell[];
  kind?: RowKind;
}

export interface DataTableOptions {
  columns: TableColumn[];
  rows: TableRow[];
  /** Shown as one row across the table when there are no rows. */
  emptyText?: string;
}

/** A table with a repeated header row, thin rules, zebra rows, and bold subtotal/total/group rows. */
export function dataTable(options: DataTableOptions): Content {
  const { columns } = options;
  const header: TableCell[] = columns.map((c) => ({
    text: c.header,
    bold: true,
    color: '#ffffff',
    fontSize: 8,
    alignment: c.align ?? 'left',
  }));
  const kinds: RowKind[] = [];
  const body: TableCell[][] = [header];
  for (const row of options.rows) {
    kinds.push(row.kind ?? 'body');
    body.push(row.cells.map((cell, i) => withAlignment(cell, columns[i]?.align)));
  }
  if (options.rows.length === 0) {
    body.push(spanRow({ text: options.emptyText ?? 'Nenhum registro.', italics: true, color: COLORS.muted, colSpan: columns.length }, []));
    kinds.push('body');
  }
  let zebra = 0;
  const fills = kinds.map((k) => {
    if (k === 'total') return COLORS.band;
    if (k === 'group') return '#ffffff';
    if (k === 'subtotal') return '#ffffff';
    return zebra++ % 2 === 1 ? COLORS.zebra : null;
  });
  return {
    // Rows may break across pages: `dontBreakRows` makes pdfmake measure every row twice (~45% slower).
    table: { headerRows: 1, widths: columns.map((c) => c.width), body },
    layout: {
      fillColor: (rowIndex: number) => (rowIndex === 0 ? COLORS.brand : fills[rowIndex - 1] ?? null),
      hLineWidth: (i: number, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : isStrong(kinds[i - 1]) || isStrong(kinds[i - 2]) ? 0.6 : 0.25),
      hLineColor: (i: number) => (i <= 1 ? COLORS.brand : COLORS.line),
      vLineWidth: () => 0,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

function isStrong(kind: RowKind | undefined): boolean {
  return kind === 'subtotal' || kind === 'total' || kind === 'group';
}

function withAlignment(cell: TableCell, align: Align | undefined): TableCell {
  // `{}` is a colSpan placeholder: pdfmake refuses it with any property.
  if (!align || typeof cell !== 'object' || Object.keys(cell).length === 0 || 'alignment' in cell) return cell;
  return { ...cell, alignment: align } as TableCell;
}

/** A section title inside the content. */
export function sectionTitle(text: string): Content {
  return { text, bold: true, fontSize: 10, color: COLORS.brand, margin: [0, 10, 0, 4] };
}

/** A PNG data URL of a QR code (error correction M, quiet zone of 2 modules). */
export async function qrPngDataUrl(text: string, widthPx = 360): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: widthPx, type: 'image/png' });
}

/** QR code plus the "Pix copia e cola" text, for a document that asks for payment. */
export async function pixBlock(code: string, amountCents: number, caption = 'Pague com Pix'): Promise<Content> {
  const qr = await qrPngDataUrl(code);
  return {
    unbreakable: true,
    table: {
      widths: [118, '*'],
      body: [
        [
          { image: qr, width: 110, margin: [0, 2, 0, 2] },
          {
            stack: [
              { text: caption, bold: true, fontSize: 11, color: COLORS.brand },
              { text: `Valor: ${brl(amountCents)}`, bold: true, fontSize: 10, margin: [0, 2, 0, 6] },
              { text: 'Aponte a câmera do app do seu banco para o QR code, ou copie o código abaixo em "Pix copia e cola":', fontSize: 8, color: COLORS.muted },
              { text: code, fontSize: 7.5, margin: [0, 4, 0, 0], wordBreak: 'break-all' },
            ],
            margin: [4, 4, 4, 4],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.brand, vLineColor: () => COLORS.brand, paddingLeft: () => 6, paddingRight: () => 6 },
    margin: [0, 10, 0, 0],
  };
}

/** The creditor's identification required on collection documents (CDC art. 42-A). */
export function creditorBlock(company: CompanySettings): Content {
  const contact = [company.phone ? `Tel. ${formatPhone(company.phone)}` : '', company.email ?? ''].filter(Boolean).join(' · ');
  return {
    unbreakable: true,
    stack: [
      { text: 'Credor', bold: true, fontSize: 8, color: COLORS.muted },
      { text: company.legalName + (company.tradeName ? ` (${company.tradeName})` : ''), bold: true },
      { text: `CNPJ ${cnpjOrCpf(company.cnpj)}` },
      ...(addressLine(company.address) ? [{ text: addressLine(company.address) }] : []),
      ...(contact ? [{ text: contact }] : []),
    ],
    fontSize: 8,
  };
}
