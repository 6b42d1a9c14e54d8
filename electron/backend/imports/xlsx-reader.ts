// The first worksheet of an .xlsx as text records, so CSV and XLSX go through the same mapping and
// validation. Numbers become plain decimal text ("1234.56"), dates ISO text; amounts are then parsed exactly
// by shared/domain/br-parse like any typed value.
import type ExcelJS from 'exceljs';
import { dateFromCell } from '../../../shared/domain/br-parse';
import { ImportFileError, type SheetRecord } from './csv-reader';

export async function readXlsxRecords(path: string): Promise<SheetRecord[]> {
  // Loaded on demand: exceljs is large, and most imports are CSV.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    throw new ImportFileError('Não foi possível ler a planilha: o arquivo .xlsx está corrompido ou protegido por senha.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('A planilha não tem nenhuma aba.');
  const records: SheetRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) fields.push(cellText(row.getCell(col).value));
    if (fields.some((f) => f.trim() !== '')) records.push({ line: rowNumber, fields });
  });
  return records;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'VERDADEIRO' : 'FALSO';
  if (value instanceof Date) {
    const d = dateFromCell(value);
    return d.ok ? d.value : '';
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? cellText(value.result as ExcelJS.CellValue) : '';
  if ('text' in value) return String(value.text);
  return '';
}

/**
 * Integers as they are (a CNPJ typed as a number); fractions rounded to 6 places to shed float noise. A dot
 * before exactly three decimals reads as a thousands separator ("1.234" = R$ 1.234,00), so a fraction of more
 * than two decimals keeps the decimal comma, which no amount parser reads as R$ (it is refused as an amount).
 */
function numberText(n: number): string {
  if (Number.isInteger(n)) return n.toFixed(0);
  const text = String(Number(n.toFixed(6)));
  return /\.\d{3,}$/.test(text) ? text.replace('.', ',') : text;
}
