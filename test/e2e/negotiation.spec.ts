import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, test } from './fixtures';

/** A customer with two overdue títulos (R$ 10.000,00 45 days late → 10.350,00; R$ 2.500,00 10 days late). */
async function seed(app: { call<T = unknown>(method: string, params: unknown): Promise<T> }, { withCompany = true } = {}) {
  if (withCompany) await app.call('settings.updateCompany', {
    legalName: 'Distribuidora Aurora Ltda',
    cnpj: '06.990.590/0001-23',
    address: { street: 'Av. Brasil', streetNumber: '1000', city: 'Campinas', uf: 'SP', postalCode: '13010-100' },
    pixKey: 'financeiro@aurora.com.br',
    defaultFineBp: 200,
    defaultMonthlyInterestBp: 100,
  });
  const customer = await app.call<{ id: number }>('customers.create', {
    legalName: 'Empório Bom Preço Ltda',
    document: '11.222.333/0001-81',
    kind: 'PJ',
    address: { street: 'Rua Direita', streetNumber: '50', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
  });
  await app.call('contacts.create', { customerId: customer.id, name: 'Carla', whatsapp: '(19) 99876-5432', email: 'carla@emporio.com.br', preferredChannel: 'whatsapp' });
  await app.call('invoices.create', { customerId: customer.id, documentNumber: 'NF 5001', issueDate: '2026-09-11', dueDate: '2026-10-11', amountCents: 1_000_000, paymentMethod: 'boleto' });
  await app.call('invoices.create', { customerId: customer.id, documentNumber: 'NF 5002', issueDate: '2026-10-15', dueDate: '2026-11-15', amountCents: 250_000, paymentMethod: 'boleto' });
  return customer.id;
}

async function openNegotiation(page: Page, url: string, customerId: number) {
  await page.goto(`${url}#/clientes/${customerId}`);
  await expect(page.getByTestId('updated-debt')).toContainText('R$ 10.350,00');
  await page.getByTestId('action-negotiate').click();
  await expect(page.getByTestId('neg-debt-total')).toHaveText('R$ 12.908,33');
}

test('the clerk compares three offers side by side and sees which need approval', async ({ page, app }) => {
  const customerId = await seed(app);
  await openNegotiation(page, app.url, customerId);
  const offers = page.getByTestId('offer');
  await expect(offers).toHaveCount(3);
  // Offer 1: cash without juros = principal + multa: 10.000 + 200 + 2.500 + 50.
  await expect(offers.nth(0).getByTestId('offer-total')).toHaveText('R$ 12.750,00');
  await expect(offers.nth(0).getByTestId('offer-policy')).toContainText('Dentro da sua alçada');
  // Offer 3: 10 installments, no down payment → beyond the clerk's limits.
  await expect(offers.nth(2).getByTestId('offer-policy')).toContainText('10 parcelas acima do limite de 6');

  // Turn offer 2 into a 4-installment plan with a 5% discount: the schedule and total follow.
  const second = offers.nth(1);
  await second.getByTestId('offer-count').fill('4');
  await second.getByTestId('offer-discount').fill('5');
  await expect(second.getByTestId('offer-schedule').locator('tr')).toHaveCount(5);
  await expect(second.getByTestId('offer-policy')).toContainText('Dentro da sua alçada');
  // A bad field is named on the card and leaves the others alone.
  await second.getByTestId('offer-firstDue').fill('31/02/2026');
  await expect(second.getByText('Data inválida: use dd/mm/aaaa')).toBeVisible();
  await second.getByTestId('offer-firstDue').fill('25/12/2026');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-01-offers.png`, fullPage: true });
});

test('creating a 6-installment agreement (with supervisor approval) renegotiates the títulos and shows the schedule', async ({ page, app }) => {
  const customerId = await seed(app);
  await page.goto(`${app.url}#/clientes/${customerId}`);
  // A note and a promise land in the timeline, with who did it.
  await page.getByTestId('action-note').click();
  await page.getByTestId('note-body').fill('Cliente pediu para negociar em parcelas');
  await page.getByTestId('note-form-submit').click();
  await expect(page.getByTestId('timeline')).toContainText('Cliente pediu para negociar em parcelas');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-02-customer.png`, fullPage: true });
  await page.getByTestId('timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-02b-customer-timeline.png` });

  await page.getByTestId('action-negotiate').click();
  await expect(page.getByTestId('neg-debt-total')).toHaveText('R$ 12.908,33');
  const third = page.getByTestId('offer').nth(2);
  await third.getByTestId('offer-count').fill('6');
  await third.getByTestId('offer-choose').check();
  // The backend's simulation of the 6 installments is back before the shortcut acts on it.
  await expect(third.getByTestId('offer-schedule').locator('tr')).toHaveCount(6);
  await expect(third.getByTestId('offer-policy')).toContainText('Entrada de 0% abaixo do mínimo de 10%');
  await page.keyboard.press('Control+Enter');

  // The supervisor approves at the clerk's screen with their own login and password.
  await app.call('users.create', { name: 'Marta Supervisora', login: 'marta', role: 'supervisor', password: 'senha-da-marta' });
  const approval = page.getByTestId('approval-dialog');
  await expect(approval).toContainText('Entrada de 0% abaixo do mínimo de 10%');
  await approval.getByTestId('approval-login').fill('marta');
  await approval.getByTestId('approval-password').fill('senha-errada');
  await approval.getByTestId('approval-confirm').click();
  await expect(approval.getByText('Login ou senha incorretos.')).toBeVisible();
  await expect(approval.getByTestId('approval-password')).toHaveValue('');
  await approval.getByTestId('approval-password').fill('senha-da-marta');
  await approval.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-02c-approval.png` });
  await approval.getByTestId('approval-confirm').click();

  await expect(page.getByTestId('agreement-status')).toHaveText('Ativo');
  await expect(page.getByTestId('agreement-installment')).toHaveCount(6);
  await expect(page.getByText(/Aprovado por Marta Supervisora/)).toBeVisible();
  await expect(page.getByTestId('break-rule')).toContainText('5 dias');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-03-agreement.png`, fullPage: true });

  // The termo de acordo downloads as a PDF; the message carries the schedule and the first Pix.
  const download = page.waitForEvent('download');
  await page.getByTestId('agreement-pdf').click();
  const pdfPath = `${SCREENSHOT_DIR}/../negotiation-termo.pdf`;
  await (await download).saveAs(pdfPath);
  const termo = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  expect(termo).toContain('TERMO DE ACORDO E CONFISSÃO DE DÍVIDA');
  expect(termo).toContain('Condições aprovadas por Marta Supervisora (supervisor).');
  await page.getByTestId('agreement-message').click();
  await expect(page.getByTestId('message-text')).toContainText('Parcela 1/6');
  await expect(page.getByTestId('message-text')).toContainText('000201');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-04-message.png` });
  await page.keyboard.press('Escape');

  // Back on the customer page: the header says the customer is in an agreement; the timeline has it.
  await page.getByRole('link', { name: /Empório Bom Preço Ltda/ }).click();
  await expect(page.getByTestId('badge-inNegotiation')).toHaveText('Em acordo');
  await expect(page.locator('[data-testid=timeline-entry][data-event="agreement.created"]')).toHaveCount(1);

  const invoices = await app.call<{ rows: { documentNumber: string; status: string; amountCents: number }[] }>('invoices.list', { customerId, scope: 'all' });
  expect(invoices.rows.filter((r) => r.status === 'renegotiated').map((r) => r.documentNumber).sort()).toEqual(['NF 5001', 'NF 5002']);
  const installments = invoices.rows.filter((r) => r.documentNumber.startsWith('ACD-'));
  expect(installments).toHaveLength(6);
  const agreement = (await app.call<{ id: number; totalToPayCents: number }[]>('agreements.list', { customerId }))[0]!;
  expect(installments.reduce((s, r) => s + r.amountCents, 0)).toBe(agreement.totalToPayCents);
});

test('breaking an agreement brings the rest of the original debt back, with the original due dates', async ({ page, app }) => {
  const customerId = await seed(app);
  const invoices = await app.call<{ rows: { id: number }[] }>('invoices.list', { customerId });
  const agreement = await app.call<{ id: number; installments: { invoiceId: number; amountCents: number }[] }>('agreements.create', {
    customerId,
    invoiceIds: invoices.rows.map((r) => r.id),
    asOf: '2026-11-25',
    offer: { kind: 'installments', downPaymentCents: 300_000, downPaymentDate: '2026-11-25', installmentCount: 6, interval: { unit: 'months' }, monthlyRateBp: 100, firstDueDate: '2026-12-25' },
  });
  const down = agreement.installments[0]!;
  await app.call('payments.register', { invoiceId: down.invoiceId, amountCents: down.amountCents, paidOn: '2026-11-25', method: 'pix' });

  await page.goto(`${app.url}#/acordos/${agreement.id}`);
  await expect(page.getByTestId('agreement-installment').first()).toContainText('Pago');
  await page.getByTestId('mark-broken').click();
  await page.getByTestId('break-reason').fill('Cliente avisou que não vai pagar as parcelas');
  await page.getByTestId('break-confirm').click();

  await expect(page.getByTestId('agreement-status')).toHaveText('Rompido');
  await expect(page.getByTestId('broken-note')).toContainText('Cliente avisou que não vai pagar as parcelas');
  // R$ 3.000,00 paid abates the oldest original (NF 5001, R$ 10.000,00): R$ 7.000,00 back; NF 5002 whole.
  await expect(page.getByTestId('reinstated')).toContainText('NF 5001-R');
  await expect(page.getByTestId('reinstated')).toContainText('R$ 7.000,00');
  await expect(page.getByTestId('reinstated')).toContainText('R$ 2.500,00');
  await expect(page.getByTestId('agreement-installment').nth(1)).toContainText('Cancelada');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-05-broken.png`, fullPage: true });

  await page.getByRole('link', { name: /Empório Bom Preço Ltda/ }).click();
  await expect(page.locator('[data-testid=invoice-row][data-document="NF 5001-R"]')).toContainText('11/10/2026');
  await expect(page.getByTestId('updated-debt')).toContainText('R$ 7.245,00'); // 7.000 + 2% + 1% a.m. × 45 days
});

test('without the company set up, the agreement page offers no termo or message and links to Configurações › Empresa', async ({ page, app }) => {
  const customerId = await seed(app, { withCompany: false });
  const invoices = await app.call<{ rows: { id: number }[] }>('invoices.list', { customerId });
  const agreement = await app.call<{ id: number }>('agreements.create', {
    customerId,
    invoiceIds: invoices.rows.map((r) => r.id),
    asOf: '2026-11-25',
    offer: { kind: 'installments', downPaymentCents: 300_000, downPaymentDate: '2026-11-25', installmentCount: 6, interval: { unit: 'months' }, monthlyRateBp: 100, firstDueDate: '2026-12-25' },
  });
  await page.goto(`${app.url}#/acordos/${agreement.id}`);
  const notice = page.getByTestId('agreement-company-missing');
  await expect(notice).toContainText('Cadastre os dados da empresa em Configurações › Empresa antes de gerar o termo de acordo');
  await expect(page.getByTestId('agreement-pdf')).toHaveCount(0);
  await expect(page.getByTestId('agreement-message')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/negotiation-06-no-company.png`, fullPage: true });
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/#\/configuracoes\/empresa$/);
});
