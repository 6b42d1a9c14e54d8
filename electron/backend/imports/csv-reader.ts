// A streaming CSV reader for ERP exports: reads the file in 1 MiB chunks (a million-row file never sits in
// memory whole), decodes it in the detected encoding and splits records per RFC 4180 with the leniency real
// exports need: quoted fields holding the delimiter, quotes ("") and line breaks; CRLF, LF or CR endings;
// stray text after a closing quote kept as part of the field.
import { closeSync, openSync, readSync } from 'node:fs';
import type { CsvDelimiter, TextEncodingName } from './text-detect';

/** One record and the file line it starts on (1 = the header), as a text editor numbers lines. */
export interface SheetRecord {
  line: number;
  fields: string[];
}

export interface CsvReadOptions {
  encoding: TextEncodingName;
  bomLength: number;
  delimiter: CsvDelimiter;
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytesRead: number) => void;
}

/** A file that cannot be read as the clerk chose; the message says why, in pt-BR. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const CHUNK_BYTES = 1 << 20;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Records in file order; blank lines are skipped but still counted in line numbers. */
export function* readCsvRecords(path: string, opts: CsvReadOptions): Generator<SheetRecord> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder(opts.encoding, { fatal: opts.encoding === 'utf-8' });
    const delimiter = opts.delimiter.charCodeAt(0);
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = opts.bomLength;
    let text = '';
    let line = 1;
    let final = false;
    while (!final) {
      const n = readSync(fd, chunk, 0, CHUNK_BYTES, position);
      position += n;
      final = n === 0;
      try {
        text += decoder.decode(chunk.subarray(0, n), { stream: !final });
      } catch {
        throw new ImportFileError(
          `O arquivo não é UTF-8 válido perto do byte ${position - n}: salve-o novamente como UTF-8 ou Windows-1252 (ANSI).`,
        );
      }
      opts.onBytes?.(position);
      let at = 0;
      for (;;) {
        if (at >= text.length) break;
        const rec = parseRecord(text, at, delimiter, final);
        if (!rec) break;
        at = rec.next;
        if (!(rec.fields.length === 1 && rec.fields[0]!.trim() === '')) yield { line, fields: rec.fields };
        line += rec.lines;
      }
      text = text.slice(at);
    }
  } finally {
    closeSync(fd);
  }
}

interface ParsedRecord {
  fields: string[];
  next: number;
  /** Line breaks consumed (embedded ones plus the terminator). */
  lines: number;
}

/** Parses one record starting at `start`; null when the text ends before the record does (more to read). */
function parseRecord(text: string, start: number, delimiter: number, final: boolean): ParsedRecord | null {
  const fields: string[] = [];
  const len = text.length;
  let i = start;
  let lines = 0;
  for (;;) {
    let value: string;
    if (i < len && text.charCodeAt(i) === QUOTE) {
      value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1 || (q + 1 === len && !final)) {
          if (!final) return null;
          value += text.slice(j);
          i = len;
          break;
        }
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) lines++;
      const end = fieldEnd(text, i, delimiter);
      if (end === len && !final) return null;
      if (end > i) value += text.slice(i, end);
      i = end;
    } else {
      const end = fieldEnd(text, i, delimiter);
      if (end === len && !final) return null;
      value = text.slice(i, end);
      i = end;
    }
    fields.push(value);
    if (i >= len) return { fields, next: i, lines };
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      continue;
    }
    if (c === CR) {
      if (i + 1 >= len && !final) return null;
      i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      i++;
    }
    return { fields, next: i, lines: lines + 1 };
  }
}

function fieldEnd(text: string, from: number, delimiter: number): number {
  const len = text.length;
  let k = from;
  while (k < len) {
    const c = text.charCodeAt(k);
    if (c === delimiter || c === LF || c === CR) break;
    k++;
  }
  return k;
}
