import { describe, expect, it } from 'vitest';
import { parsePixCode } from './pix';
import { escapeHtml, renderTemplate, unknownPlaceholders, type TemplateData } from './templates';

const data = (over: Partial<TemplateData> = {}): TemplateData => ({
  asOf: '2026-11-25',
  customerName: 'Mercado Bom Preço Ltda',
  contactName: 'Joana',
  titulos: [
    { documentNumber: 'NF-100', dueDate: '2026-10-11', openCents: 1_000_000, boletoLine: '34191.79001 01043.510047 91020.150008 1 12340000010000' },
    { documentNumber: 'NF-101', dueDate: '2026-11-30', openCents: 50_000, boletoLine: null },
  ],
  creditor: { legalName: 'Distribuidora Exemplo Ltda', document: '11222333000181', address: 'Rua A, 10, Campinas/SP', city: 'Campinas', pixKey: '11222333000181' },
  clerkName: 'Carla',
  finePercentBp: 200,
  monthlyInterestBp: 100,
  ...over,
});

describe('renderTemplate', () => {
  it('fills names, the títulos list, the updated total with multa and juros, boleto, Pix and the creditor', () => {
    const msg = renderTemplate(
      {
        subject: 'Títulos de {{cliente}}',
        body: 'Olá, {{contato}}!\n\n{{titulos}}\n\nTotal: {{total}}\nAtualizado: {{total_atualizado}}\nBoleto: {{linha_digitavel}}\nPix: {{pix_copia_e_cola}}\n\n{{atendente}}\n{{credor}}',
      },
      data(),
    );
    // NF-100: 45 days late on R$ 10.000,00 → 200,00 multa + 150,00 juros (DOMAIN.md check) = 10.350,00; NF-101 not due.
    expect(msg.updatedTotalCents).toBe(1_035_000 + 50_000);
    expect(msg.subject).toBe('Títulos de Mercado Bom Preço Ltda');
    expect(msg.text).toContain('Olá, Joana!');
    expect(msg.text).toContain('• Nº NF-100 — vencimento 11/10/2026 — R$\u00a010.000,00 (atualizado: R$\u00a010.350,00)');
    expect(msg.text).toContain('• Nº NF-101 — vencimento 30/11/2026 — R$\u00a0500,00\n');
    expect(msg.text).toContain('Total: R$\u00a010.500,00\nAtualizado: R$\u00a010.850,00');
    expect(msg.text).toContain('Boleto: 34191.79001 01043.510047 91020.150008 1 12340000010000');
    expect(msg.text).toContain('Carla\nDistribuidora Exemplo Ltda — CNPJ/CPF 11.222.333/0001-81 — Rua A, 10, Campinas/SP');
    const pix = /Pix: (.+)/.exec(msg.text)![1]!;
    expect(parsePixCode(pix).amountCents).toBe(1_085_000);
    expect(msg.html).toContain('<table');
    expect(msg.html).toContain('<td style="padding:4px 8px;text-align:right">R$\u00a010.350,00</td>');
    expect(msg.html).not.toContain('<p style="margin:0 0 12px"><table');
  });

  it('escapes every value in the HTML part (a <script> in the customer name stays text)', () => {
    const msg = renderTemplate(
      { subject: 'Olá {{cliente}}\r\nBcc: x@y.z', body: 'Cliente: {{cliente}} & {{contato}}\n\n{{titulos}}' },
      data({ customerName: '<script>alert("x")</script>', contactName: "O'Neil <b>", titulos: [{ documentNumber: '<img src=x>', dueDate: '2026-11-25', openCents: 100, boletoLine: null }] }),
    );
    expect(msg.html).not.toContain('<script>');
    expect(msg.html).not.toContain('<img');
    expect(msg.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil &lt;b&gt;');
    expect(msg.html).toContain('&lt;img src=x&gt;');
    expect(msg.text).toContain('Cliente: <script>alert("x")</script> & O\'Neil <b>');
    expect(msg.subject).toBe('Olá <script>alert("x")</script> Bcc: x@y.z');
  });

  it('says "não disponível" without a Pix key or boleto line, and leaves unknown placeholders visible', () => {
    const msg = renderTemplate(
      { subject: '', body: 'Pix: {{pix_copia_e_cola}} Boleto: {{linha_digitavel}} {{desconhecido}}' },
      data({ creditor: { ...data().creditor, pixKey: null }, titulos: [{ documentNumber: '1', dueDate: '2026-11-25', openCents: 100, boletoLine: null }] }),
    );
    expect(msg.text).toBe('Pix: não disponível Boleto: não disponível {{desconhecido}}');
    expect(unknownPlaceholders({ subject: '{{cliente}}', body: '{{desconhecido}} {{titulos}}' })).toEqual(['desconhecido']);
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
