// Turns one file record into a typed import row, or into the list of what is wrong with it (column and
// reason, pt-BR). Pure: the database-dependent checks (new customer without a name, amount below what was
// already paid) are the engine's.
import { parseAmount, parseDate, parseDocument } from '../../../shared/domain/br-parse';
import { normalizePhone, validateEmail } from '../../../shared/domain/contact-info';
import { isUf } from '../../../shared/domain/uf';
import type { DocumentType } from '../../../shared/domain/documents';
import type { PaymentMethod } from '../../../shared/ipc/contract';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../shared/ipc/imports.contract';
import { foldText } from '../db/repos/customers.repo';

export type ImportKind = 'titles' | 'customers';

/** Where each mapped field sits in the record, and the header the clerk sees in error lists. */
export interface ResolvedColumns {
  kind: ImportKind;
  index: Partial<Record<ImportField, number>>;
  header: Partial<Record<ImportField, string>>;
}

export interface RowIssue {
  field: ImportField | null;
  message: string;
}

export interface ImportTitle {
  externalId: string | null;
  documentNumber: string;
  issueDate: string | null;
  dueDate: string;
  amountCents: number;
  /** What the ERP says was paid (valor − saldo, or "valor pago"); null when the file does not say. */
  erpPaidCents: number | null;
  paidOn: string | null;
  paymentMethod: PaymentMethod | null;
  nossoNumero: string | null;
  boletoLine: string | null;
}

export interface ImportRow {
  line: number;
  document: string;
  documentType: DocumentType;
  legalName: string | null;
  tradeName: string | null;
  segment: string | null;
  salesRep: string | null;
  city: string | null;
  uf: string | null;
  email: string | null;
  phone: string | null;
  title: ImportTitle | null;
}

export const FIELD_LABELS: Record<ImportField, string> = {
  externalId: 'ID externo',
  document: 'CNPJ/CPF',
  legalName: 'Razão social',
  tradeName: 'Nome fantasia',
  segment: 'Segmento',
  salesRep: 'Vendedor',
  city: 'Cidade',
  uf: 'UF',
  email: 'E-mail',
  phone: 'Telefone',
  documentNumber: 'Nº do documento',
  issueDate: 'Emissão',
  dueDate: 'Vencimento',
  amount: 'Valor',
  balance: 'Saldo',
  paidAmount: 'Valor pago',
  paidOn: 'Data do pagamento',
  paymentMethod: 'Forma de pagamento',
  nossoNumero: 'Nosso número',
  boletoLine: 'Linha digitável',
};

const TITLE_REQUIRED: readonly ImportField[] = ['document', 'documentNumber', 'dueDate', 'amount'];
const CUSTOMER_REQUIRED: readonly ImportField[] = ['document', 'legalName'];
const TITLE_FIELDS: readonly ImportField[] = ['documentNumber', 'dueDate', 'amount', 'issueDate', 'balance', 'paidAmount', 'externalId'];

/**
 * Checks the mapping against the file's headers. A file with any título column is a título file and then
 * needs CNPJ/CPF, number, due date and amount; otherwise it is a customer file needing CNPJ/CPF and name.
 * Returns the problems (empty when fine) or the resolved columns.
 */
export function resolveColumns(mapping: ColumnMapping, headers: readonly string[]): { ok: true; columns: ResolvedColumns } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const index: ResolvedColumns['index'] = {};
  const header: ResolvedColumns['header'] = {};
  const trimmed = headers.map((h) => h.trim());
  for (const field of IMPORT_FIELDS) {
    const wanted = mapping[field]?.trim();
    if (!wanted) continue;
    const at = trimmed.indexOf(wanted);
    if (at === -1) problems.push(`A coluna "${wanted}" (${FIELD_LABELS[field]}) não existe neste arquivo.`);
    else {
      index[field] = at;
      header[field] = headers[at]!;
    }
  }
  const kind: ImportKind = TITLE_FIELDS.some((f) => mapping[f]) ? 'titles' : 'customers';
  for (const field of kind === 'titles' ? TITLE_REQUIRED : CUSTOMER_REQUIRED) {
    if (!mapping[field]) problems.push(`Escolha a coluna de ${FIELD_LABELS[field]}.`);
  }
  if (mapping.balance && mapping.paidAmount) problems.push('Use Saldo ou Valor pago, não os dois.');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns: { kind, index, header } };
}

export type ParsedRow = { row: ImportRow; issues: [] } | { row: null; issues: RowIssue[] };

/** A file repeats its customers' CNPJ/CPF and its dates on many rows: each distinct text is parsed once. */
const MEMO_LIMIT = 100_000;
function memoized<T>(parse: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) {
      if (seen.size >= MEMO_LIMIT) seen.clear();
      r = parse(text);
      seen.set(text, r);
    }
    return r;
  };
}

// Anything \s+ → ' ' would change: a whitespace other than a plain space, or two spaces in a row.
const SQUEEZABLE_SPACE_RE = /[^\S ]| {2}/;

/**
 * The parser of one file's records: turns a record into a typed import row or the list of what is wrong
 * with it. Built once per import (a million rows), so its helpers and caches are not rebuilt per row.
 */
export function createRowParser(cols: ResolvedColumns): (line: number, fields: readonly string[]) => ParsedRow {
  const documentOf = memoized(parseDocument);
  const dateOf = memoized(parseDate);
  let fields: readonly string[] = [];
  let issues: RowIssue[] = [];

  const text = (f: ImportField): string | null => {
    const at = cols.index[f];
    if (at === undefined) return null;
    const raw = fields[at] ?? '';
    // A line break inside a quoted name or city is layout, not data.
    const v = SQUEEZABLE_SPACE_RE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
    return v === '' ? null : v;
  };
  const limited = (f: ImportField, max: number): string | null => {
    const v = text(f);
    if (v !== null && v.length > max) {
      issues.push({ field: f, message: `${FIELD_LABELS[f]} com mais de ${max} caracteres` });
      return null;
    }
    return v;
  };
  const date = (f: ImportField, required: boolean): string | null => {
    const v = text(f);
    if (v === null) {
      if (required) issues.push({ field: f, message: `${FIELD_LABELS[f]} não informada` });
      return null;
    }
    const r = dateOf(v);
    if (!r.ok) issues.push({ field: f, message: r.message });
    return r.ok ? r.value : null;
  };
  const amount = (f: ImportField, required: boolean): number | null => {
    const v = text(f);
    if (v === null) {
      if (required) issues.push({ field: f, message: `${FIELD_LABELS[f]} não informado` });
      return null;
    }
    const r = parseAmount(v);
    if (!r.ok) {
      issues.push({ field: f, message: r.message });
      return null;
    }
    if (r.value < 0) {
      issues.push({ field: f, message: `${FIELD_LABELS[f]} negativo (${v})` });
      return null;
    }
    return r.value;
  };

  const parseTitle = (): ImportTitle | null => {
    const externalId = limited('externalId', 60);
    const documentNumber = limited('documentNumber', 40);
    if (documentNumber === null && text('documentNumber') === null) issues.push({ field: 'documentNumber', message: 'Nº do documento não informado' });
    const issueDate = date('issueDate', false);
    const dueDate = date('dueDate', true);
    const amountCents = amount('amount', true);
    if (amountCents === 0) issues.push({ field: 'amount', message: 'Valor deve ser maior que zero' });
    const balance = amount('balance', false);
    const paid = amount('paidAmount', false);
    const paidOn = date('paidOn', false);
    const rawMethod = text('paymentMethod');
    const paymentMethod = rawMethod === null ? null : paymentMethodOf(rawMethod);
    if (rawMethod !== null && paymentMethod === null) {
      issues.push({ field: 'paymentMethod', message: `Forma de pagamento "${rawMethod}" desconhecida (use boleto, pix, cartão, cheque, dinheiro ou transferência)` });
    }
    const nossoNumero = limited('nossoNumero', 30);
    const boletoLine = limited('boletoLine', 60);

    if (issueDate && dueDate && dueDate < issueDate) issues.push({ field: 'dueDate', message: 'Vencimento anterior à emissão' });
    let erpPaidCents: number | null = null;
    if (amountCents !== null && amountCents > 0) {
      if (balance !== null) {
        if (balance > amountCents) issues.push({ field: 'balance', message: 'Saldo maior que o valor do título' });
        else erpPaidCents = amountCents - balance;
      } else if (paid !== null) {
        if (paid > amountCents) issues.push({ field: 'paidAmount', message: 'Valor pago maior que o valor do título' });
        else erpPaidCents = paid;
      }
    }
    if (documentNumber === null || dueDate === null || amountCents === null || amountCents === 0) return null;
    return { externalId, documentNumber, issueDate, dueDate, amountCents, erpPaidCents, paidOn, paymentMethod, nossoNumero, boletoLine };
  };

  return (line, record) => {
    fields = record;
    issues = [];
    const rawDocument = text('document');
    const doc = rawDocument === null ? null : documentOf(rawDocument);
    if (doc === null) issues.push({ field: 'document', message: 'CNPJ/CPF não informado' });
    else if (!doc.ok) issues.push({ field: 'document', message: doc.message });

    const rawUf = text('uf');
    const uf = rawUf === null ? null : rawUf.toUpperCase();
    if (uf !== null && !isUf(uf)) issues.push({ field: 'uf', message: `UF "${rawUf}" não existe` });

    const rawEmail = text('email');
    let email: string | null = null;
    if (rawEmail !== null) {
      const r = validateEmail(rawEmail);
      if (r.ok) email = r.value;
      else issues.push({ field: 'email', message: r.message });
    }
    const rawPhone = text('phone');
    let phone: string | null = null;
    if (rawPhone !== null) {
      const r = normalizePhone(rawPhone);
      if (r.ok) phone = r.value;
      else issues.push({ field: 'phone', message: r.message });
    }

    const customer = {
      legalName: limited('legalName', 200),
      tradeName: limited('tradeName', 200),
      segment: limited('segment', 100),
      salesRep: limited('salesRep', 100),
      city: limited('city', 100),
    };
    const title = cols.kind === 'titles' ? parseTitle() : null;

    if (issues.length > 0 || !doc?.ok) return { row: null, issues };
    return {
      row: { line, document: doc.value.document, documentType: doc.value.type, ...customer, uf, email, phone, title },
      issues: [],
    };
  };
}

const PAYMENT_METHOD_WORDS: Record<string, PaymentMethod> = {
  boleto: 'boleto',
  'boleto bancario': 'boleto',
  bol: 'boleto',
  pix: 'pix',
  cartao: 'cartao',
  'cartao de credito': 'cartao',
  'cartao de debito': 'cartao',
  credito: 'cartao',
  debito: 'cartao',
  cheque: 'cheque',
  'cheque pre': 'cheque',
  dinheiro: 'dinheiro',
  especie: 'dinheiro',
  transferencia: 'transferencia',
  ted: 'transferencia',
  doc: 'transferencia',
  deposito: 'transferencia',
};

export function paymentMethodOf(text: string): PaymentMethod | null {
  return PAYMENT_METHOD_WORDS[foldText(text).replace(/[-.]/g, ' ').replace(/\s+/g, ' ').trim()] ?? null;
}

/** Header words → field, matched on accent-free lower-case text. First match wins per field. */
const HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  externalId: ['id externo', 'id', 'codigo do titulo', 'cod titulo', 'chave', 'id titulo', 'identificador'],
  document: ['cnpj/cpf', 'cpf/cnpj', 'cnpj', 'cpf', 'documento do cliente', 'cnpj cpf', 'cpf cnpj', 'doc cliente'],
  legalName: ['razao social', 'cliente', 'nome', 'nome do cliente', 'sacado', 'nome/razao social'],
  tradeName: ['nome fantasia', 'fantasia'],
  segment: ['segmento', 'ramo', 'ramo de atividade'],
  salesRep: ['vendedor', 'representante', 'rca'],
  city: ['cidade', 'municipio'],
  uf: ['uf', 'estado'],
  email: ['e-mail', 'email', 'e mail'],
  phone: ['telefone', 'fone', 'celular', 'whatsapp'],
  documentNumber: ['documento', 'n nf', 'no nf', 'nº nf', 'numero nf', 'nf', 'nota fiscal', 'numero do documento', 'n documento', 'nº documento', 'titulo', 'duplicata'],
  issueDate: ['emissao', 'data de emissao', 'data emissao', 'dt emissao'],
  dueDate: ['vencimento', 'data de vencimento', 'data vencimento', 'dt vencimento', 'vencto'],
  amount: ['valor', 'valor original', 'valor do titulo', 'vlr titulo', 'valor nominal'],
  balance: ['saldo', 'saldo em aberto', 'valor em aberto', 'saldo devedor'],
  paidAmount: ['valor pago', 'vlr pago', 'valor recebido'],
  paidOn: ['data pagamento', 'data do pagamento', 'pagamento', 'dt pagamento', 'data de recebimento', 'recebimento'],
  paymentMethod: ['forma de pagamento', 'forma pagamento', 'forma de cobranca', 'meio de pagamento', 'tipo de cobranca'],
  nossoNumero: ['nosso numero', 'nosso n', 'nosso nº'],
  boletoLine: ['linha digitavel', 'linha digitável', 'codigo de barras'],
};

function headerKey(h: string): string {
  return foldText(h).replace(/[º°]/g, '').replace(/[._:]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Suggests a mapping from the header texts ("Razão Social", "CNPJ/CPF", "Nº NF", "Vencimento", ...). */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    for (const synonym of HEADER_SYNONYMS[field]) {
      const at = keys.findIndex((k, i) => !used.has(i) && k === headerKey(synonym));
      if (at !== -1) {
        mapping[field] = headers[at]!.trim();
        used.add(at);
        break;
      }
    }
  }
  return mapping;
}
