import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { SCREENSHOT_DIR, expect, test } from './fixtures';

const COMPANY_CNPJ = '11.222.333/0001-81';

function pdfTextOf(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
}

async function seedCustomer(call: <T>(method: string, params: unknown) => Promise<T>) {
  const customer = await call<{ id: number }>('customers.create', {
    legalName: 'Mercearia Boa Vista Ltda',
    document: '45.723.174/0001-10',
    kind: 'PJ',
    segment: 'Mercearia',
    address: { city: 'Campinas', uf: 'SP' },
  });
  // R$ 1.000,00 due 30 days ago (multa 20,00 + juros 10,00) and R$ 500,00 not yet due.
  await call('invoices.create', { customerId: customer.id, documentNumber: 'NF 2001', issueDate: '2026-09-26', dueDate: '2026-10-26', amountCents: 100_000, paymentMethod: 'boleto' });
  await call('invoices.create', { customerId: customer.id, documentNumber: 'NF 2002', issueDate: '2026-11-10', dueDate: '2026-12-10', amountCents: 50_000, paymentMethod: 'pix' });
  return customer;
}

test('company settings: a bad CNPJ is refused on its field, then the company with logo and Pix key is saved', async ({ page, app }) => {
  await seedCustomer(app.call);
  // Tall enough for the whole form in one screenshot (the page scrolls inside the shell, not the window).
  await page.setViewportSize({ width: 1440, height: 1350 });
  await page.goto(`${app.url}#/configuracoes/empresa`);
  await expect(page.getByRole('heading', { name: 'Configurações › Empresa' })).toBeVisible();
  await expect(page.getByText('Empresa ainda não configurada.')).toBeVisible();

  await page.getByTestId('settings-legalName').fill('Distribuidora Exemplo Ltda');
  await page.getByTestId('settings-cnpj').fill('11.222.333/0001-82');
  await page.getByTestId('settings-city').fill('Campinas');
  await page.getByTestId('settings-uf').selectOption('SP');
  await page.getByTestId('settings-pixKey').fill('cobranca@exemplo.com.br');
  await page.getByTestId('settings-fine').fill('3');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('CNPJ inválido: dígito verificador não confere')).toBeVisible();
  await expect(page.getByText(/Multa padrão de no máximo 2%/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-01-settings-errors.png` });
  expect((await app.call<{ updatedAt: string | null }>('settings.getCompany', {})).updatedAt).toBeNull();

  await page.getByTestId('settings-cnpj').fill(COMPANY_CNPJ);
  await page.getByTestId('settings-fine').fill('2');
  await page.getByTestId('settings-interest').fill('1,5');
  await page.getByTestId('settings-street').fill('Rua das Flores');
  await page.getByTestId('settings-streetNumber').fill('120');
  await page.getByTestId('settings-postalCode').fill('13010-000');
  const logo = await QRCode.toBuffer('Distribuidora Exemplo', { type: 'png', width: 120, color: { dark: '#0f5132' } });
  await page.getByTestId('settings-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  await expect(page.getByTestId('settings-logo-preview')).toBeVisible();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Dados da empresa salvos.')).toBeVisible();
  await expect(page.getByText(/Última alteração em/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-02-settings-saved.png` });

  const saved = await app.call<{ cnpj: string; defaultFineBp: number; defaultMonthlyInterestBp: number; pixKey: string; logo: { base64: string } | null; address: { postalCode: string } }>('settings.getCompany', {});
  expect(saved).toMatchObject({ cnpj: '11222333000181', defaultFineBp: 200, defaultMonthlyInterestBp: 150, pixKey: 'cobranca@exemplo.com.br', address: { postalCode: '13010000' } });
  expect(saved.logo?.base64).toBe(logo.toString('base64'));
});

test('the aging PDF and the customer statement download with the right totals', async ({ page, app }) => {
  const customer = await seedCustomer(app.call);
  await app.call('settings.updateCompany', {
    legalName: 'Distribuidora Exemplo Ltda', cnpj: COMPANY_CNPJ, address: { city: 'Campinas', uf: 'SP' }, pixKey: 'cobranca@exemplo.com.br', defaultFineBp: 200, defaultMonthlyInterestBp: 100,
  });

  await page.goto(`${app.url}#/relatorios`);
  await expect(page.getByRole('heading', { name: 'Relatórios', exact: true })).toBeVisible();
  await page.getByTestId('aging-segment').selectOption('Mercearia');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-03-reports-page.png` });
  const [aging] = await Promise.all([page.waitForEvent('download'), page.getByTestId('aging-pdf').click()]);
  expect(aging.suggestedFilename()).toBe('aging-2026-11-25.pdf');
  const agingPath = `${SCREENSHOT_DIR}/../reports-e2e-aging.pdf`;
  await aging.saveAs(agingPath);
  expect(readFileSync(agingPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const agingText = pdfTextOf(agingPath);
  expect(agingText).toMatch(/Segmento: Mercearia/);
  expect(agingText).toMatch(/Total geral · 1 cliente\s+2\s+R\$ 1\.500,00/);
  await expect(page.getByText('Arquivo aging-2026-11-25.pdf salvo.')).toBeVisible();

  await page.goto(`${app.url}#/clientes/${customer.id}`);
  await expect(page.getByTestId('statement-pdf')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-04-customer-statement-button.png` });
  const [statement] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statement-pdf').click()]);
  expect(statement.suggestedFilename()).toBe('extrato-mercearia-boa-vista-ltda-2026-11-25.pdf');
  const statementPath = `${SCREENSHOT_DIR}/../reports-e2e-statement.pdf`;
  await statement.saveAs(statementPath);
  const statementText = pdfTextOf(statementPath);
  expect(statementText).toMatch(/Total a pagar até 25\/11\/2026\s+R\$ 1\.530,00/);
  expect(statementText).toContain('CNPJ 11.222.333/0001-81');
});
