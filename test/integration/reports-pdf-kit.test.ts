import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { dataTable, moneyCell, pixBlock, renderPdf, reportDocument, spanRow, textCell, type TableRow } from '../../electron/backend/reports/pdf/kit';
import { buildPixCode } from '../../shared/domain/pix';
import type { CompanySettings } from '../../shared/ipc/settings.contract';
import { pdfPageCount, pdfText } from '../helpers/pdf-text';

const company: CompanySettings = {
  legalName: 'Distribuidora Exemplo de Alimentos Ltda',
  tradeName: 'Exemplo Atacado',
  cnpj: '11222333000181',
  address: { street: 'Rua das Flores', streetNumber: '120', complement: null, district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010000' },
  phone: '551932345678',
  email: 'cobranca@exemplo.com.br',
  pixKey: 'cobranca@exemplo.com.br',
  logo: null,
  defaultFineBp: 200,
  defaultMonthlyInterestBp: 100,
  updatedAt: null,
};

describe('PDF kit', () => {
  it('renders header, filters, generated-at, pt-BR money, page x of y and a Pix block', async () => {
    const logo = (await QRCode.toBuffer('logo', { type: 'png', width: 64 })).toString('base64');
    const rows: TableRow[] = Array.from({ length: 80 }, (_, i) => ({ cells: [textCell(`Cliente ${i + 1}`), moneyCell(123_456 * (i + 1))] }));
    rows.push({ kind: 'total', cells: spanRow({ text: 'Total geral', bold: true, colSpan: 1 }, [moneyCell(123_456 * 3240, { bold: true })]) });
    const code = buildPixCode({ key: company.pixKey!, merchantName: company.legalName, merchantCity: 'Campinas', amountCents: 1_035_000, txid: 'EXT1' });
    const doc = reportDocument({
      company: { ...company, logo: { mimeType: 'image/png', base64: logo } },
      title: 'Relatório de teste',
      filters: [{ label: 'Data-base', value: '25/11/2026' }, { label: 'UF', value: 'SP' }],
      generatedAt: new Date('2026-11-25T17:05:00Z'),
      content: [dataTable({ columns: [{ header: 'Cliente', width: '*' }, { header: 'Valor', width: 90, align: 'right' }], rows }), await pixBlock(code, 1_035_000)],
    });
    const pdf = await renderPdf(doc);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain('Distribuidora Exemplo de Alimentos Ltda');
    expect(text).toContain('CNPJ 11.222.333/0001-81');
    expect(text).toContain('Rua das Flores, 120 – Centro – Campinas/SP – CEP 13010-000');
    expect(text).toContain('Data-base: 25/11/2026');
    // 17:05 UTC is 14:05 in São Paulo.
    expect(text).toContain('Gerado em 25/11/2026 14:05');
    expect(text).toContain('R$ 1.234,56');
    // 123 456 × (1 + … + 80) = 399 997 440 centavos.
    expect(text).toMatch(/Total geral\s+R\$ 3\.999\.974,40/);
    expect(text).toContain(`Página 1 de ${pages}`);
    expect(text).toContain(`Página ${pages} de ${pages}`);
    expect(text).toContain('Valor: R$ 10.350,00');
    // The copia-e-cola wraps across lines; with whitespace removed on both sides it is the exact code.
    expect(text.replace(/\s+/g, '')).toContain(code.replace(/\s+/g, ''));
  });

  it('shows an empty-state row for a table without rows', async () => {
    const pdf = await renderPdf(
      reportDocument({
        company,
        title: 'Vazio',
        filters: [],
        generatedAt: new Date('2026-11-25T12:00:00Z'),
        content: [dataTable({ columns: [{ header: 'Cliente', width: '*' }], rows: [], emptyText: 'Nenhum cliente nesta faixa.' })],
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain('Nenhum cliente nesta faixa.');
    expect(text).toContain('Sem filtros');
  });
});
