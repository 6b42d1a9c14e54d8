/** PDF assertions with poppler-utils (apt: poppler-utils): the text pdftotext extracts, page by page. */
import { execFileSync } from 'node:child_process';

/** The PDF's text in reading order with layout kept (`-layout`); pages are separated by form feeds. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/** Number of pages, from pdfinfo. */
export function pdfPageCount(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error('pdfinfo did not report a page count');
  return Number(m[1]);
}
