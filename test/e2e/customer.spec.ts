import { readFileSync } from 'node:fs';
import { SCREENSHOT_DIR, expect, test } from './fixtures';
import { PortfolioPage, parseBrl } from './pages/portfolio.page';

const VALID_CNPJ = '11.222.333/0001-81';

async function startEmpty(page: import('@playwright/test').Page, url: string) {
  await page.goto(url);
  await page.getByTestId('start-empty').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
}

test('an invalid CNPJ is refused with a message on the field and nothing is saved; a valid customer is created', async ({ page, app }) => {
  await startEmpty(page, app.url);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/04-portfolio-empty.png` });
  await page.getByTestId('new-customer').click();
  const form = page.getByTestId('customer-form');
  await form.getByTestId('field-legalName').fill('Mercearia Boa Vista Ltda');
  await form.getByTestId('field-document').fill('11.222.333/0001-82');
  await form.getByTestId('customer-save').click();
  await expect(form.getByText('CNPJ inválido: dígito verificador não confere')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/05-customer-form-error.png` });
  expect((await app.call<{ customerCount: number }>('app.info', {})).customerCount).toBe(0);

  await form.getByTestId('field-document').fill(VALID_CNPJ);
  await form.getByTestId('field-uf').selectOption('MG');
  await form.getByTestId('customer-save').click();
  await expect(page.getByRole('heading', { name: 'Mercearia Boa Vista Ltda' })).toBeVisible();
  await expect(page.getByText(VALID_CNPJ)).toBeVisible();
  expect((await app.call<{ customerCount: number }>('app.info', {})).customerCount).toBe(1);

  // The same CNPJ again is refused, naming the existing customer.
  await page.goto(`${app.url}#/`);
  await page.getByTestId('new-customer').click();
  await form.getByTestId('field-legalName').fill('Outra Razão Social');
  await form.getByTestId('field-document').fill('11222333000181');
  await form.getByTestId('customer-save').click();
  await expect(form.getByTestId('form-error')).toContainText('Mercearia Boa Vista Ltda');
  expect((await app.call<{ customerCount: number }>('app.info', {})).customerCount).toBe(1);
});

test('a partial payment lowers the balances on the customer page and in the portfolio', async ({ page, app }) => {
  const customer = await app.call<{ id: number }>('customers.create', {
    legalName: 'Supermercado Central Ltda',
    document: VALID_CNPJ,
    kind: 'PJ',
    segment: 'Supermercado',
    address: { city: 'Belo Horizonte', uf: 'MG' },
  });
  await app.call('invoices.create', {
    customerId: customer.id, documentNumber: 'NF 1001', issueDate: '2026-09-01', dueDate: '2026-10-01', amountCents: 150_000, paymentMethod: 'boleto',
  });
  await app.call('invoices.create', {
    customerId: customer.id, documentNumber: 'NF 1002', issueDate: '2026-11-01', dueDate: '2026-12-10', amountCents: 80_000, paymentMethod: 'pix',
  });
  await page.goto(app.url);
  const portfolio = new PortfolioPage(page);
  await expect(portfolio.totalsOverdue).toHaveText('R$ 1.500,00');

  await portfolio.rows.first().dblclick();
  await expect(page.getByTestId('customer-open')).toHaveText('R$ 2.300,00');
  await expect(page.getByTestId('customer-overdue')).toHaveText('R$ 1.500,00');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/06-customer.png`, fullPage: true });

  await page.locator('[data-testid=invoice-row][data-document="NF 1001"]').getByTestId('pay-invoice').click();
  const dialog = page.getByTestId('payment-dialog');
  await dialog.getByTestId('payment-amount').fill('2.000,00');
  await expect(dialog.getByText(/acima do saldo/)).toBeVisible();
  await dialog.getByTestId('payment-amount').fill('500,00');
  await expect(dialog.getByText('Pagamento parcial: restará R$ 1.000,00 em aberto.')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/07-payment-dialog.png` });
  await dialog.getByTestId('payment-form-submit').click();

  await expect(page.getByTestId('customer-overdue')).toHaveText('R$ 1.000,00');
  await expect(page.getByTestId('customer-open')).toHaveText('R$ 1.800,00');
  await expect(page.locator('[data-testid=invoice-row][data-document="NF 1001"]')).toContainText('Parcial');
  await expect(page.getByTestId('timeline')).toContainText('Pagamento recebido · NF 1001 · R$ 500,00');

  // Secondary actions sit behind the row's "⋯" menu: write off the second título.
  const second = page.locator('[data-testid=invoice-row][data-document="NF 1002"]');
  await second.getByTestId('invoice-menu').click();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/08-invoice-row-menu.png` });
  await second.getByTestId('writeoff-invoice').click();
  await page.getByTestId('writeoff-reason').fill('Mercadoria devolvida, NF de devolução 554');
  await page.getByTestId('writeoff-dialog').getByRole('button', { name: 'Confirmar baixa' }).click();
  await expect(page.getByTestId('customer-open')).toHaveText('R$ 1.000,00');
  await expect(second).toHaveCount(0);

  await page.getByRole('link', { name: /Voltar à carteira/ }).click();
  await expect(portfolio.totalsOverdue).toHaveText('R$ 1.000,00');
  await expect(portfolio.totalsOpen).toHaveText('R$ 1.000,00');
});

test('CSV export of the filtered view opens in Excel pt-BR: BOM, semicolons, decimal comma', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByTestId('load-demo').click();
  const portfolio = new PortfolioPage(page);
  await expect(portfolio.rows.first()).toBeVisible({ timeout: 30_000 });
  await portfolio.filter('uf').selectOption('SP');
  await page.getByTestId('filter-onlyOverdue').check();
  await expect(portfolio.rows.first()).toBeVisible();
  const count = Number((await portfolio.totalsCount.innerText()).replace(/\./g, ''));
  const overdueTotal = parseBrl(await portfolio.totalsOverdue.innerText());

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await (await download).path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'Código;Razão social;Nome fantasia;CNPJ/CPF;Tipo;Segmento;Vendedor;Cidade;UF;Situação;Saldo em aberto (R$);Saldo vencido (R$);Dias do título vencido mais antigo',
  );
  const rows = lines.slice(1).map((l) => l.split(';'));
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r[8] === 'SP')).toBe(true);
  const sum = rows.reduce((acc, r) => {
    expect(r[11]).toMatch(/^\d+,\d{2}$/);
    const [int, dec] = r[11]!.split(',');
    return acc + Number(int) * 100 + Number(dec);
  }, 0);
  expect(sum).toBe(overdueTotal);
  await expect(page.getByTestId('toast-success')).toContainText(`${count} linhas`);
});
