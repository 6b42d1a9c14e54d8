// What an ERP export looks like before it is read: its text encoding (most Brazilian ERPs still write
// Windows-1252) and the delimiter of its CSV.
import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le';
export type CsvDelimiter = ';' | ',' | '\t' | '|';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/**
 * A BOM decides; otherwise a sample that is valid UTF-8 is UTF-8 (Windows-1252 accents are never valid
 * UTF-8 sequences), and anything else is read as Windows-1252, a superset of Latin-1 for text.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  return { encoding: isUtf8(trimIncompleteUtf8(sample)) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** A sample cut from a longer file may end in the middle of a multi-byte character: drop that tail. */
function trimIncompleteUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (back < needed) end -= back;
    }
    break;
  }
  return bytes.subarray(0, end);
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t', '|'];

/**
 * The delimiter that splits the first lines into the same number (> 1) of fields most often; ties go to
 * `;`, the Brazilian Excel default (where `,` is the decimal separator). Quoted text is ignored.
 */
export function detectDelimiter(sampleText: string): CsvDelimiter {
  const lines = sampleText
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ';', score: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    const score = consistent * 1000 + header;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
