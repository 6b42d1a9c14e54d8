// Opens a picked file as a header plus data records, whatever its format: CSV (encoding and delimiter
// detected) or XLSX (first worksheet). Both the preview and the import read through here.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ImportPreview } from '../../../shared/ipc/imports.contract';
import { ImportFileError, readCsvRecords, type SheetRecord } from './csv-reader';
import { detectDelimiter, detectEncoding, type CsvDelimiter, type DetectedEncoding } from './text-detect';
import { readXlsxRecords } from './xlsx-reader';

const SAMPLE_BYTES = 1 << 20;

export interface OpenedSheet {
  format: ImportPreview['format'];
  encoding: DetectedEncoding | null;
  delimiter: CsvDelimiter | null;
  headers: string[];
  /** Data records after the header; reading them reports progress as a 0..1 fraction. */
  records(onProgress?: (fraction: number) => void): Iterable<SheetRecord>;
}

export async function openSheet(path: string): Promise<OpenedSheet> {
  const size = statSync(path).size;
  const sample = readSample(path);
  if (size === 0) throw new ImportFileError('O arquivo está vazio.');
  if (sample[0] === 0x50 && sample[1] === 0x4b) return openXlsx(path);
  return openCsv(path, sample, size);
}

function readSample(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    return buf.subarray(0, readSync(fd, buf, 0, SAMPLE_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

function openCsv(path: string, sample: Buffer, size: number): OpenedSheet {
  const encoding = detectEncoding(sample);
  const sampleText = new TextDecoder(encoding.encoding).decode(sample.subarray(encoding.bomLength));
  const delimiter = detectDelimiter(sampleText);
  const options = { encoding: encoding.encoding, bomLength: encoding.bomLength, delimiter };
  const first = readCsvRecords(path, options).next();
  if (first.done) throw new ImportFileError('O arquivo não tem nenhuma linha.');
  const headers = first.value.fields.map((h) => h.trim());
  return {
    format: 'csv',
    encoding,
    delimiter,
    headers,
    *records(onProgress) {
      const all = readCsvRecords(path, { ...options, onBytes: (read) => onProgress?.(Math.min(1, read / size)) });
      all.next(); // the header
      yield* all;
    },
  };
}

async function openXlsx(path: string): Promise<OpenedSheet> {
  const [header, ...rows] = await readXlsxRecords(path);
  if (!header) throw new ImportFileError('A planilha não tem nenhuma linha.');
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    headers: header.fields.map((h) => h.trim()),
    *records(onProgress) {
      for (let i = 0; i < rows.length; i++) {
        if (i % 2000 === 0) onProgress?.(i / rows.length);
        yield rows[i]!;
      }
      onProgress?.(1);
    },
  };
}
