/**
 * Collection message templates: plain text with {{placeholders}} rendered to a subject, a plain-text body
 * and an HTML body in which every value is escaped. Pure: the business date and the charges come in, so
 * the ladder editor's preview and the message the scheduler stores are the same.
 */
import { formatBrDate } from './dates';
import { formatDocument } from './documents';
import { updateDebt } from './interest';
import { formatBrl } from './money';
import { buildPixCode, PixError } from './pix';

export const PLACEHOLDERS = [
  'cliente',
  'contato',
  'titulos',
  'total',
  'total_atualizado',
  'pix_copia_e_cola',
  'linha_digitavel',
  'atendente',
  'credor',
  'credor_nome',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface TemplateTitulo {
  documentNumber: string;
  dueDate: string;
  openCents: number;
  boletoLine: string | null;
}

/** The creditor's identification, required on every collection message (CDC art. 42-A). */
export interface Creditor {
  legalName: string;
  /** CNPJ/CPF, normalised. */
  document: string;
  address: string;
  city: string;
  pixKey: string | null;
}

export interface TemplateData {
  asOf: string;
  customerName: string;
  contactName: string | null;
  titulos: readonly TemplateTitulo[];
  creditor: Creditor;
  clerkName: string;
  finePercentBp: number;
  monthlyInterestBp: number;
  /** Identifies what the Pix pays (see pix.ts pixTxid); omitted → "***". */
  pixTxid?: string;
  calendar?: { nextBusinessDay(iso: string): string };
}

export interface MessageTemplate {
  subject: string;
  body: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  updatedTotalCents: number;
}

const PLACEHOLDER_RE = /\{\{\s*([a-z_]+)\s*\}\}/g;
const NOT_AVAILABLE = 'não disponível';

/** Placeholders the template uses that this app does not know (the editor reports them). */
export function unknownPlaceholders(template: MessageTemplate): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  const found = new Set<string>();
  for (const text of [template.subject, template.body]) for (const m of text.matchAll(PLACEHOLDER_RE)) if (!known.has(m[1]!)) found.add(m[1]!);
  return [...found];
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

interface Values {
  text: Record<Placeholder, string>;
  /** HTML for placeholders that are blocks or need more than escaping (the títulos table). */
  htmlBlocks: Partial<Record<Placeholder, string>>;
  updatedTotalCents: number;
}

/** `needsPix`: the Pix code (EMV with CRC) is built only for templates that show it. */
function computeValues(d: TemplateData, needsPix: boolean): Values {
  let updatedTotalCents = 0;
  let faceTotalCents = 0;
  const rows = d.titulos.map((t) => {
    const debt = updateDebt({
      principalCents: t.openCents,
      dueDate: t.dueDate,
      asOf: d.asOf,
      finePercentBp: d.finePercentBp,
      monthlyInterestBp: d.monthlyInterestBp,
      ...(d.calendar ? { calendar: d.calendar } : {}),
    });
    updatedTotalCents += debt.totalCents;
    faceTotalCents += t.openCents;
    return { t, updatedCents: debt.totalCents };
  });
  const textList = rows
    .map(({ t, updatedCents }) => {
      const extra = updatedCents !== t.openCents ? ` (atualizado: ${formatBrl(updatedCents)})` : '';
      return `• Nº ${t.documentNumber} — vencimento ${formatBrDate(t.dueDate)} — ${formatBrl(t.openCents)}${extra}`;
    })
    .join('\n');
  const htmlRows = rows
    .map(
      ({ t, updatedCents }) =>
        `<tr><td style="padding:4px 8px">${escapeHtml(t.documentNumber)}</td><td style="padding:4px 8px">${formatBrDate(t.dueDate)}</td>` +
        `<td style="padding:4px 8px;text-align:right">${escapeHtml(formatBrl(t.openCents))}</td><td style="padding:4px 8px;text-align:right">${escapeHtml(formatBrl(updatedCents))}</td></tr>`,
    )
    .join('');
  const table =
    `<table style="border-collapse:collapse;font-variant-numeric:tabular-nums"><thead><tr>` +
    `<th style="padding:4px 8px;text-align:left">Documento</th><th style="padding:4px 8px;text-align:left">Vencimento</th>` +
    `<th style="padding:4px 8px;text-align:right">Valor</th><th style="padding:4px 8px;text-align:right">Atualizado</th></tr></thead><tbody>${htmlRows}</tbody></table>`;

  const boletoLines = d.titulos.filter((t) => t.boletoLine);
  const linhaDigitavel =
    boletoLines.length === 0
      ? NOT_AVAILABLE
      : boletoLines.length === 1
        ? boletoLines[0]!.boletoLine!
        : boletoLines.map((t) => `Nº ${t.documentNumber}: ${t.boletoLine}`).join('\n');

  const c = d.creditor;
  const creditorId = `${c.legalName} — CNPJ/CPF ${formatDocument(c.document)} — ${c.address}`;
  return {
    text: {
      cliente: d.customerName,
      contato: d.contactName ?? d.customerName,
      titulos: textList,
      total: formatBrl(faceTotalCents),
      total_atualizado: formatBrl(updatedTotalCents),
      pix_copia_e_cola: needsPix ? pixCode(d, updatedTotalCents) : NOT_AVAILABLE,
      linha_digitavel: linhaDigitavel,
      atendente: d.clerkName,
      credor: creditorId,
      credor_nome: c.legalName,
    },
    htmlBlocks: { titulos: table },
    updatedTotalCents,
  };
}

function pixCode(d: TemplateData, amountCents: number): string {
  if (!d.creditor.pixKey || amountCents <= 0) return NOT_AVAILABLE;
  try {
    return buildPixCode({
      key: d.creditor.pixKey,
      merchantName: d.creditor.legalName,
      merchantCity: d.creditor.city,
      amountCents,
      ...(d.pixTxid ? { txid: d.pixTxid } : {}),
    });
  } catch (err) {
    // A misconfigured key must not stop the whole ladder: the message goes out with the boleto line.
    if (err instanceof PixError) return NOT_AVAILABLE;
    throw err;
  }
}

const lookup = (values: Record<Placeholder, string>, name: string, raw: string): string =>
  (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : raw;

function renderText(template: string, values: Record<Placeholder, string>): string {
  return template.replace(PLACEHOLDER_RE, (raw, name: string) => lookup(values, name, raw));
}

function renderHtmlInline(template: string, v: Values): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    out += escapeHtml(template.slice(last, m.index));
    const name = m[1]!;
    const block = v.htmlBlocks[name as Placeholder];
    out += block ?? escapeHtml(lookup(v.text, name, m[0])).replace(/\n/g, '<br>');
    last = m.index + m[0].length;
  }
  return out + escapeHtml(template.slice(last));
}

function renderHtml(body: string, v: Values): string {
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  const html = paragraphs
    .map((p) => {
      const only = /^\{\{\s*([a-z_]+)\s*\}\}$/.exec(p);
      const block = only ? v.htmlBlocks[only[1] as Placeholder] : undefined;
      if (block) return block;
      return `<p style="margin:0 0 12px">${renderHtmlInline(p, v).replace(/\n/g, '<br>')}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933">\n${html}\n</body></html>`;
}

export function renderTemplate(template: MessageTemplate, data: TemplateData): RenderedMessage {
  const v = computeValues(data, /\{\{\s*pix_copia_e_cola\s*\}\}/.test(template.subject + template.body));
  return {
    // A header: one line, no control characters.
    subject: renderText(template.subject, v.text).replace(/[\r\n\t]+/g, ' ').trim(),
    text: renderText(template.body, v.text),
    html: renderHtml(template.body, v),
    updatedTotalCents: v.updatedTotalCents,
  };
}
