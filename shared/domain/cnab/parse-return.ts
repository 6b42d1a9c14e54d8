// Reads a bank return file (CNAB 240 or CNAB 400) into title movements, refusing a malformed file with the
// line and the reason: wrong line length, unexpected record type, a U segment without its T, trailer counts
// that do not match what the file holds. Pure: the caller reads the bytes and decodes them.
import {
  CNAB240_FILE_HEADER,
  CNAB240_FILE_TRAILER,
  CNAB240_LINE_LENGTH,
  CNAB240_LOT_HEADER,
  CNAB240_LOT_TRAILER,
  CNAB240_RECORD,
  CNAB240_SEGMENT_T,
  CNAB240_SEGMENT_U,
  cnab240SegmentT,
  type Cnab240SegmentTLayout,
} from './cnab240.layout';
import { CNAB400_HEADER, CNAB400_LAYOUTS, CNAB400_LINE_LENGTH, CNAB400_TRAILER_TYPE, isCnab400Bank, type Cnab400BankLayout, type Cnab400Detail } from './cnab400.layout';
import { formatBrl } from '../money';
import { CnabFormatError, readDateField, readNumber, readText, type FieldSpec } from './layout';
import { CNAB240_MOVEMENTS, CNAB400_MOVEMENTS, movementMeaning, type MovementKind } from './movement-codes';

export type CnabFormat = 'CNAB240' | 'CNAB400';

/** One título movement reported by the bank. Amounts in centavos, dates ISO or null. */
export interface ReturnItem {
  /** 1-based line of the record (the T segment in CNAB 240). */
  line: number;
  movementCode: string;
  movementKind: MovementKind;
  movementDescription: string;
  nossoNumero: string;
  documentNumber: string;
  /** "Uso da empresa": the id the company sent with the título. */
  companyRef: string;
  dueDate: string | null;
  nominalCents: number;
  paidCents: number;
  /** Juros and multa the payer paid, as the bank reports them. */
  chargesCents: number;
  discountCents: number;
  rebateCents: number;
  feeCents: number;
  /** CNAB 240 only: what reached the account. */
  netCreditCents: number | null;
  occurrenceDate: string | null;
  creditDate: string | null;
  /** The bank's reason codes (e.g. why an entry was rejected), raw. */
  reasons: string;
}

export interface ParsedReturnFile {
  format: CnabFormat;
  bankCode: string;
  bankName: string;
  convenio: string;
  /** NSA; null when the bank leaves it zero. */
  sequence: number | null;
  generatedOn: string | null;
  companyName: string;
  items: ReturnItem[];
  recordCount: number;
}

const BANK_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(CNAB400_LAYOUTS).map((l) => [l.bank, l.name]),
);

export function bankName(code: string): string {
  return BANK_NAMES[code] ?? `Banco ${code}`;
}

const EOF_CHAR = '\u001a';

/** Splits into lines, tolerating CRLF, LF or CR, a BOM, trailing blank lines and a DOS end-of-file character. */
export function splitLines(text: string): string[] {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  body = body.replace(/[\r\n\u001a]+$/, '');
  if (body.endsWith(EOF_CHAR)) body = body.slice(0, -1);
  return body === '' ? [] : body.split(/\r\n|\n|\r/);
}

/**
 * A CNAB 240 file header holds data up to the layout version (164–166); everything a CNAB 240 record has
 * after its last data field is blank filler, while every CNAB 400 record ends with its sequence (395–400).
 */
const CNAB240_HEADER_MIN_LENGTH = 166;

export function parseReturnFile(text: string): ParsedReturnFile {
  const lines = splitLines(text);
  if (lines.length === 0) throw new CnabFormatError(0, 'O arquivo está vazio.');
  const first = lines[0]!;
  const firstData = first.trimEnd().length;
  if (firstData === CNAB400_LINE_LENGTH) return parseCnab400(fitWidth(lines, CNAB400_LINE_LENGTH));
  if (firstData >= CNAB240_HEADER_MIN_LENGTH && firstData <= CNAB240_LINE_LENGTH) return parseCnab240(fitWidth(lines, CNAB240_LINE_LENGTH));
  throw new CnabFormatError(1, `a linha tem ${first.length} caracteres: um retorno CNAB tem 240 ou 400 por linha.`);
}

/**
 * Brings every line to the record width. Spaces past the width are dropped (some systems pad lines). In
 * CNAB 240, a shorter line is padded with spaces: some tools strip trailing spaces, and every CNAB 240
 * record ends in blank filler, so nothing is lost, and a truly cut line still fails the segment, date and
 * trailer checks. A CNAB 400 record always ends with its sequence number, so a short line there is refused.
 */
function fitWidth(lines: string[], width: number): string[] {
  return lines.map((line, i) => {
    if (line.length === width) return line;
    const fitted = line.length > width ? line.trimEnd() : line;
    if (fitted.length <= width && (width === CNAB240_LINE_LENGTH || fitted.length === width)) return fitted.padEnd(width, ' ');
    throw new CnabFormatError(i + 1, `a linha tem ${line.length} caracteres; num arquivo CNAB ${width} todas têm ${width}.`);
  });
}

const digits = (line: string, lineNo: number, spec: FieldSpec) => readNumber(line, lineNo, spec);
const code2 = (n: number) => String(n).padStart(2, '0');
const bank3 = (n: number) => String(n).padStart(3, '0');

// ---------------------------------------------------------------------------------------------------------
// CNAB 240

function parseCnab240(lines: string[]): ParsedReturnFile {
  const header = lines[0]!;
  const H = CNAB240_FILE_HEADER;
  if (digits(header, 1, H.recordType) !== CNAB240_RECORD.fileHeader) {
    throw new CnabFormatError(1, 'a primeira linha deveria ser o header de arquivo (tipo de registro 0 na posição 8).');
  }
  if (digits(header, 1, H.direction) !== 2) {
    throw new CnabFormatError(1, 'este é um arquivo de remessa, não de retorno (posição 143 diferente de 2).');
  }
  const bank = bank3(digits(header, 1, H.bank));
  const items: ReturnItem[] = [];
  let lotCount = 0;
  let lineNo = 1;
  let sawTrailer = false;

  while (lineNo < lines.length) {
    const line = lines[lineNo]!;
    const n = lineNo + 1;
    const type = digits(line, n, CNAB240_FILE_HEADER.recordType);
    if (digits(line, n, CNAB240_FILE_HEADER.bank) !== Number(bank)) {
      throw new CnabFormatError(n, `o código do banco difere do header do arquivo (${bank}).`);
    }
    if (type === CNAB240_RECORD.lotHeader) {
      lineNo = parseLot(lines, lineNo, items, cnab240SegmentT(bank));
      lotCount++;
    } else if (type === CNAB240_RECORD.fileTrailer) {
      const T = CNAB240_FILE_TRAILER;
      const declaredLots = digits(line, n, T.lotCount);
      const declaredRecords = digits(line, n, T.recordCount);
      if (declaredLots !== lotCount) throw new CnabFormatError(n, `o trailer do arquivo declara ${declaredLots} lote(s), mas o arquivo tem ${lotCount}.`);
      if (declaredRecords !== n) throw new CnabFormatError(n, `o trailer do arquivo declara ${declaredRecords} registros, mas o arquivo tem ${n}.`);
      if (n !== lines.length) throw new CnabFormatError(n + 1, 'há linhas depois do trailer do arquivo.');
      sawTrailer = true;
      lineNo++;
    } else {
      throw new CnabFormatError(n, `registro tipo ${type} fora de um lote: esperado header de lote (1) ou trailer de arquivo (9).`);
    }
  }
  if (!sawTrailer) throw new CnabFormatError(lines.length, 'o arquivo termina sem o trailer de arquivo (registro tipo 9): pode estar incompleto.');

  return {
    format: 'CNAB240',
    bankCode: bank,
    bankName: bankName(bank),
    convenio: readText(header, H.convenio),
    sequence: digits(header, 1, H.sequence) || null,
    generatedOn: readDateField(header, 1, H.generatedOn),
    companyName: readText(header, H.companyName),
    items,
    recordCount: lines.length,
  };
}

/** Reads one lot from its header; returns the index of the line after its trailer. */
function parseLot(lines: string[], start: number, items: ReturnItem[], segmentT: Cnab240SegmentTLayout): number {
  const headerNo = start + 1;
  const lot = digits(lines[start]!, headerNo, CNAB240_LOT_HEADER.lot);
  let i = start + 1;
  let expectedSeq = 1;
  let pendingT: { line: string; n: number } | null = null;
  let titleCount = 0;
  let nominalTotal = 0;

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const n = i + 1;
    const type = digits(line, n, CNAB240_SEGMENT_T.recordType);
    if (type !== CNAB240_RECORD.detail && type !== CNAB240_RECORD.lotTrailer) {
      throw new CnabFormatError(n, `registro tipo ${type} dentro do lote ${lot}: esperado detalhe (3) ou trailer de lote (5).`);
    }
    if (digits(line, n, CNAB240_SEGMENT_T.lot) !== lot) throw new CnabFormatError(n, `o número do lote difere do header de lote (${lot}).`);
    if (type === CNAB240_RECORD.lotTrailer) {
      if (pendingT) throw new CnabFormatError(n, `o segmento T da linha ${pendingT.n} não tem o segmento U correspondente.`);
      checkLotTrailer(line, n, lot, n - headerNo + 1, titleCount, nominalTotal);
      return i + 1;
    }
    const seq = digits(line, n, CNAB240_SEGMENT_T.sequenceInLot);
    if (seq !== expectedSeq) throw new CnabFormatError(n, `número sequencial no lote ${seq}; esperado ${expectedSeq}.`);
    expectedSeq++;
    const segment = readText(line, CNAB240_SEGMENT_T.segment).toUpperCase();
    if (segment === 'T') {
      if (pendingT) throw new CnabFormatError(n, `dois segmentos T seguidos: o da linha ${pendingT.n} ficou sem o segmento U.`);
      pendingT = { line, n };
    } else if (segment === 'U') {
      if (!pendingT) throw new CnabFormatError(n, 'segmento U sem o segmento T que deveria precedê-lo.');
      const item = readTitle(segmentT, pendingT.line, pendingT.n, line, n);
      items.push(item);
      titleCount++;
      nominalTotal += item.nominalCents;
      pendingT = null;
    } else if (pendingT) {
      throw new CnabFormatError(n, `segmento ${segment || 'em branco'} entre o segmento T (linha ${pendingT.n}) e o seu segmento U.`);
    }
    // Optional segments after a T+U pair (e.g. Y for Pix data) carry nothing Adimple settles with.
  }
  throw new CnabFormatError(lines.length, `o lote ${lot} não tem trailer de lote (registro tipo 5).`);
}

/**
 * The record count is mandatory. The per-wallet counts and totals are checked when the bank fills them
 * (some leave them zero in return files): together they must cover the file's títulos.
 */
function checkLotTrailer(line: string, n: number, lot: number, records: number, titleCount: number, nominalTotal: number): void {
  const L = CNAB240_LOT_TRAILER;
  const declared = digits(line, n, L.recordCount);
  if (declared !== records) throw new CnabFormatError(n, `o trailer do lote ${lot} declara ${declared} registros, mas o lote tem ${records}.`);
  const counts = [L.simpleCount, L.linkedCount, L.pledgedCount, L.discountedCount].reduce((s, spec) => s + digits(line, n, spec), 0);
  const cents = [L.simpleCents, L.linkedCents, L.pledgedCents, L.discountedCents].reduce((s, spec) => s + digits(line, n, spec), 0);
  if (counts !== 0 && counts !== titleCount) {
    throw new CnabFormatError(n, `o trailer do lote ${lot} declara ${counts} título(s), mas o lote tem ${titleCount}.`);
  }
  if (counts !== 0 && cents !== nominalTotal) {
    throw new CnabFormatError(n, `o total do trailer do lote ${lot} (${formatBrl(cents)}) difere da soma dos títulos (${formatBrl(nominalTotal)}).`);
  }
}

function readTitle(T: Cnab240SegmentTLayout, t: string, tNo: number, u: string, uNo: number): ReturnItem {
  const U = CNAB240_SEGMENT_U;
  const code = code2(digits(t, tNo, T.movementCode));
  const uCode = code2(digits(u, uNo, U.movementCode));
  if (uCode !== code) throw new CnabFormatError(uNo, `o código de movimento do segmento U (${uCode}) difere do segmento T (${code}).`);
  const meaning = movementMeaning(CNAB240_MOVEMENTS, code);
  return {
    line: tNo,
    movementCode: code,
    movementKind: meaning.kind,
    movementDescription: meaning.description,
    nossoNumero: readText(t, T.nossoNumero),
    documentNumber: readText(t, T.documentNumber),
    companyRef: readText(t, T.companyRef),
    dueDate: readDateField(t, tNo, T.dueDate),
    nominalCents: digits(t, tNo, T.nominalCents),
    feeCents: digits(t, tNo, T.feeCents),
    reasons: readText(t, T.reasons),
    paidCents: digits(u, uNo, U.paidCents),
    chargesCents: digits(u, uNo, U.chargesCents),
    discountCents: digits(u, uNo, U.discountCents),
    rebateCents: digits(u, uNo, U.rebateCents),
    netCreditCents: digits(u, uNo, U.netCreditCents),
    occurrenceDate: readDateField(u, uNo, U.occurrenceDate),
    creditDate: readDateField(u, uNo, U.creditDate),
  };
}

// ---------------------------------------------------------------------------------------------------------
// CNAB 400

function parseCnab400(lines: string[]): ParsedReturnFile {
  const header = lines[0]!;
  const H = CNAB400_HEADER;
  if (digits(header, 1, H.recordType) !== 0) throw new CnabFormatError(1, 'a primeira linha deveria ser o header (tipo de registro 0 na posição 1).');
  if (digits(header, 1, H.direction) !== 2 || readText(header, H.literal).toUpperCase() !== 'RETORNO') {
    throw new CnabFormatError(1, 'não é um arquivo de retorno: o header deveria ter 2 na posição 2 e "RETORNO" nas posições 3–9.');
  }
  const bank = bank3(digits(header, 1, H.bank));
  if (!isCnab400Bank(bank)) {
    const known = Object.values(CNAB400_LAYOUTS)
      .sort((a, b) => a.bank.localeCompare(b.bank))
      .map((l) => `${l.bank} ${l.name}`).join(', ');
    throw new CnabFormatError(1, `o banco ${bank} não tem layout CNAB 400 no Adimple (disponíveis: ${known}).`);
  }
  const layout = CNAB400_LAYOUTS[bank];
  const items: ReturnItem[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    const seq = digits(line, n, H.recordSequence);
    if (seq !== n) throw new CnabFormatError(n, `número sequencial do registro ${seq}; esperado ${n} (posições 395–400).`);
    if (i === 0) return;
    const type = digits(line, n, H.recordType);
    const last = n === lines.length;
    if (type === CNAB400_TRAILER_TYPE) {
      if (!last) throw new CnabFormatError(n + 1, 'há linhas depois do trailer (registro tipo 9).');
      return;
    }
    if (last) throw new CnabFormatError(n, 'o arquivo termina sem o trailer (registro tipo 9): pode estar incompleto.');
    if (type === 0) throw new CnabFormatError(n, 'um segundo header (tipo 0) no meio do arquivo.');
    // Other record types (rateio, sacador, mensagens) carry nothing Adimple settles with.
    if (layout.detailTypes.includes(type)) items.push(readDetail400(layout, layout.detailByType?.[type] ?? layout.detail, line, n));
  });
  if (lines.length < 2) throw new CnabFormatError(1, 'o arquivo tem só o header, sem o trailer (registro tipo 9).');

  return {
    format: 'CNAB400',
    bankCode: bank,
    bankName: layout.name,
    convenio: readConvenio400(header, layout),
    sequence: layout.header.sequence ? digits(header, 1, layout.header.sequence) || null : null,
    generatedOn: readDateField(header, 1, H.generatedOn),
    companyName: readText(header, H.companyName),
    items,
    recordCount: lines.length,
  };
}

function readConvenio400(header: string, layout: Cnab400BankLayout): string {
  const { convenio, shortConvenio } = layout.header;
  const text = readText(header, convenio);
  return shortConvenio && /^0*$/.test(text) ? readText(header, shortConvenio) : text;
}

function readDetail400(layout: Cnab400BankLayout, D: Cnab400Detail, line: string, n: number): ReturnItem {
  const code = code2(digits(line, n, D.movementCode));
  const meaning = movementMeaning(CNAB400_MOVEMENTS[layout.bank] ?? {}, code);
  return {
    line: n,
    movementCode: code,
    movementKind: meaning.kind,
    movementDescription: meaning.description,
    nossoNumero: readText(line, D.nossoNumero),
    documentNumber: readText(line, D.documentNumber),
    companyRef: readText(line, D.companyRef),
    dueDate: readDateField(line, n, D.dueDate),
    nominalCents: digits(line, n, D.nominalCents),
    paidCents: digits(line, n, D.paidCents),
    chargesCents: digits(line, n, D.chargesCents),
    discountCents: digits(line, n, D.discountCents),
    rebateCents: digits(line, n, D.rebateCents),
    feeCents: digits(line, n, D.feeCents),
    netCreditCents: null,
    occurrenceDate: readDateField(line, n, D.occurrenceDate),
    creditDate: readDateField(line, n, D.creditDate),
    reasons: '',
  };
}
