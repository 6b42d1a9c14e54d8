import { daysInMonth } from '../dates';

// Fixed-width CNAB records described as data: each field is a name, its 1-based inclusive columns and how to
// read it. The parser and the test-fixture writer share these tables, so a layout is written down once.

/**
 * - `num`: digits, right-aligned and zero-filled (blank is read as 0).
 * - `alpha`: text, left-aligned and space-filled (read trimmed).
 * - `cents`: an amount in centavos with no decimal point (digits).
 * - `date8` / `date6`: DDMMAAAA / DDMMAA; all zeros or blanks mean "no date".
 */
export type FieldType = 'num' | 'alpha' | 'cents' | 'date8' | 'date6';

export interface FieldSpec {
  start: number;
  end: number;
  type: FieldType;
  /** What the clerk reads in an error message (pt-BR). */
  label: string;
}

export type RecordLayout<K extends string = string> = Readonly<Record<K, FieldSpec>>;

export const f = (start: number, end: number, type: FieldType, label: string): FieldSpec => ({ start, end, type, label });

/** A malformed file: the 1-based line and the reason, in pt-BR, for the clerk. */
export class CnabFormatError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `Linha ${line}: ${reason}` : reason);
    this.name = 'CnabFormatError';
  }
}

const DIGITS = /^\d+$/;
const BLANK = /^ *$/;

function raw(line: string, spec: FieldSpec): string {
  return line.slice(spec.start - 1, spec.end);
}

function where(spec: FieldSpec): string {
  return `${spec.label} (posições ${spec.start}–${spec.end})`;
}

function readDigits(text: string, lineNo: number, spec: FieldSpec): number {
  if (BLANK.test(text)) return 0;
  if (!DIGITS.test(text)) throw new CnabFormatError(lineNo, `${where(spec)} deveria ter só dígitos e tem "${text.trim()}".`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new CnabFormatError(lineNo, `${where(spec)} tem um número grande demais.`);
  return n;
}

function readDate(text: string, lineNo: number, spec: FieldSpec): string | null {
  if (BLANK.test(text) || /^0+$/.test(text)) return null;
  if (!DIGITS.test(text)) throw new CnabFormatError(lineNo, `${where(spec)} não é uma data (${text}).`);
  const day = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  // DDMMAA: CNAB 400 files of this century; a two-digit year is 20AA.
  const year = spec.type === 'date8' ? Number(text.slice(4, 8)) : 2000 + Number(text.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900) {
    throw new CnabFormatError(lineNo, `${where(spec)} não é uma data válida (${text}).`);
  }
  return `${String(year).padStart(4, '0')}-${text.slice(2, 4)}-${text.slice(0, 2)}`;
}

export function readText(line: string, spec: FieldSpec): string {
  return raw(line, spec).trim();
}

export function readNumber(line: string, lineNo: number, spec: FieldSpec): number {
  return readDigits(raw(line, spec), lineNo, spec);
}

export function readDateField(line: string, lineNo: number, spec: FieldSpec): string | null {
  return readDate(raw(line, spec), lineNo, spec);
}
