/**
 * CSV as Excel in Brazil opens it without an import wizard: UTF-8 with BOM, `;` separator, CRLF, decimal
 * comma. Cells a spreadsheet would read as a formula are neutralised with a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Iterable<(string | number | null)[]>): { content: string; rowCount: number } {
  const lines = [header.map(csvCell).join(';')];
  let rowCount = 0;
  for (const row of rows) {
    lines.push(row.map(csvCell).join(';'));
    rowCount++;
  }
  return { content: `\uFEFF${lines.join('\r\n')}\r\n`, rowCount };
}

/** 123456 → "1234,56"; no thousands separator, which Excel pt-BR would also accept but other tools may not. */
export function centsToCsvDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
