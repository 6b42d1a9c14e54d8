import { execFileSync } from 'node:child_process';
import { SCREENSHOT_DIR, expect, test } from './fixtures';

interface CustomerRiskView {
  customerId: number;
  score: number;
  riskClass: string;
  reasons: { points: number; pt: string }[];
}

/** A small seeded demo portfolio, scored once before the page opens. */
async function seedAndScore(app: { call<T>(m: string, p: unknown): Promise<T> }) {
  await app.call('demo.load', { customers: 300, invoices: 6000, seed: 11 });
  await app.call('credit.recompute', {});
}

test('Crédito page: class distribution, a weight change moves the live preview, back-test figures', async ({ page, app }) => {
  await seedAndScore(app);
  await page.goto(`${app.url}#/credito`);
  await expect(page.getByRole('heading', { name: 'Crédito', level: 1 })).toBeVisible();
  const currentE = Number(await page.getByTestId('dist-current-E').innerText());

  // Raise every class floor: the preview shows more customers in E, nothing is saved yet.
  for (const [cls, value] of [['A', '950'], ['B', '900'], ['C', '850'], ['D', '800']] as const) await page.getByTestId(`floor-${cls}`).fill(value);
  // The preview is debounced and computed by the backend; on a busy machine it may take a few seconds.
  await expect(page.getByTestId('dist-draft-E')).toBeVisible({ timeout: 15_000 });
  await expect.poll(async () => Number(await page.getByTestId('dist-draft-E').innerText())).toBeGreaterThan(currentE);
  expect(Number(await page.getByTestId('dist-current-E').innerText())).toBe(currentE);

  // Floors out of order are refused with the backend's message, and saving is disabled.
  await page.getByTestId('floor-D').fill('990');
  await expect(page.getByRole('alert').filter({ hasText: 'pisos das classes' })).toBeVisible();
  await expect(page.getByTestId('weights-save')).toBeDisabled();
  await page.getByTestId('floor-D').fill('800');
  await expect(page.getByTestId('weights-save')).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/credit-01-weights-preview.png`, fullPage: true });

  await page.getByTestId('backtest-run').click();
  await expect(page.getByTestId('decile-table').locator('tbody tr')).toHaveCount(10);
  const aucText = await page.getByTestId('backtest-auc').innerText();
  expect(Number(aucText.replace(',', '.'))).toBeGreaterThan(0.7);
  await page.getByTestId('backtest').screenshot({ path: `${SCREENSHOT_DIR}/credit-02-backtest.png` });

  // Policy per class: class A now blocks from 1 day overdue; the blocked list grows.
  const blockedBefore = await page.getByTestId('blocked-table').locator('tbody tr').count();
  await page.getByTestId('policy-block-A').fill('1');
  await page.getByTestId('policy-save').click();
  await expect.poll(() => page.getByTestId('blocked-table').locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(blockedBefore);
  await page.getByTestId('policy').screenshot({ path: `${SCREENSHOT_DIR}/credit-07-policy.png` });
});

test('a customer risk card shows score, class and reasons; a bureau score enters the reasons', async ({ page, app }) => {
  await seedAndScore(app);
  const blocked = await app.call<{ customerId: number }[]>('credit.blockedList', {});
  const customerId = blocked[0]!.customerId;
  const risk = await app.call<CustomerRiskView>('credit.customer', { customerId });

  await page.goto(`${app.url}#/clientes/${customerId}`);
  const card = page.getByTestId('risk-card');
  await expect(card.getByTestId('risk-score')).toHaveText(String(risk.score));
  await expect(card.getByTestId('risk-class')).toHaveText(risk.riskClass);
  await expect(card.getByTestId('risk-reasons')).toContainText(risk.reasons[0]!.pt);
  await expect(card.getByTestId('risk-verdict')).toContainText(/Bloqueado|Somente à vista/);
  await card.screenshot({ path: `${SCREENSHOT_DIR}/credit-03-risk-card.png` });

  await card.getByTestId('bureau-score').fill('120');
  await card.getByRole('button', { name: 'Registrar' }).click();
  await expect(card.getByTestId('risk-reasons')).toContainText('score de bureau 120');
  await expect(card).toContainText('Serasa: 120');
  const after = await app.call<CustomerRiskView>('credit.customer', { customerId });
  await expect(card.getByTestId('risk-score')).toHaveText(String(after.score));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/credit-04-customer-page.png`, fullPage: true });

  // New credit analysis: documents, a reference and the bureau score → a suggestion with reasons; above the
  // R$ 50.000 threshold the approval waits for the credit committee.
  await card.getByTestId('analysis-new').click();
  const dialog = page.getByTestId('credit-analysis');
  await dialog.getByTestId('analysis-requested').fill('80.000,00');
  await dialog.getByTestId('analysis-bureau').fill('720');
  for (const doc of ['cnpjCard', 'articles', 'addressProof', 'partnerIds', 'financialStatements']) await dialog.getByTestId(`analysis-doc-${doc}`).check();
  await dialog.getByTestId('analysis-ref-0').fill('Fornecedor Alfa');
  await dialog.getByTestId('analysis-ref-credit-0').fill('100.000,00');
  await dialog.getByTestId('analysis-suggest').click();
  await expect(dialog.getByTestId('analysis-suggestion')).toContainText('Limite sugerido: R$ 80.000,00 (classe provisória B)');
  await dialog.screenshot({ path: `${SCREENSHOT_DIR}/credit-08-analysis.png` });
  await dialog.getByTestId('analysis-approve').click();
  await expect(card.getByTestId('analysis-line').first()).toContainText('Aguardando o comitê', { timeout: 15_000 });

  // The committee: a supervisor types their own login and password on this screen.
  await app.call('users.create', { name: 'Carlos Comitê', login: 'carlos', role: 'supervisor', password: 'senha-do-carlos' });
  await card.getByTestId('analysis-second-approve').click();
  const committee = page.getByTestId('approval-dialog');
  await expect(committee).toContainText('Limite de R$ 80.000,00 decidido por');
  await committee.getByTestId('approval-login').fill('carlos');
  await committee.getByTestId('approval-password').fill('senha-do-carlos');
  await committee.screenshot({ path: `${SCREENSHOT_DIR}/credit-09-committee-approval.png` });
  await committee.getByTestId('approval-confirm').click();
  await expect(card.getByTestId('analysis-line').first()).toContainText('Aprovada', { timeout: 15_000 });
  await expect(card.getByTestId('analysis-line').first()).toContainText('comitê: Carlos Comitê');
});

test('blocked list as PDF for the sales force; negativação: authorize a candidate and mark it sent', async ({ page, app }) => {
  await seedAndScore(app);
  await page.goto(`${app.url}#/credito`);
  const download = page.waitForEvent('download');
  await page.getByTestId('blocked-pdf').click();
  const pdfPath = `${SCREENSHOT_DIR}/credit-blocked-list.pdf`;
  await (await download).saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Bloqueados / somente à vista');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, `${SCREENSHOT_DIR}/credit-05-blocked-pdf`]);

  const neg = page.getByTestId('negativacao');
  const first = neg.getByTestId('neg-candidates').locator('tbody tr').first();
  const documentNumber = await first.locator('td.mono').innerText();
  await first.getByRole('checkbox').check();
  await neg.getByTestId('neg-authorize').click();
  const record = neg.getByTestId('neg-record').filter({ hasText: documentNumber });
  // Generous timeouts: the backend answers quickly, but the shared test machine can be very busy.
  await expect(record).toContainText('A enviar', { timeout: 15_000 });
  await record.getByTestId('neg-to-sent').click();
  await page.getByTestId('neg-step-save').click();
  await expect(record).toContainText('Enviado', { timeout: 15_000 });
  await expect(record).toContainText('enviado 25/11/2026');
  await neg.screenshot({ path: `${SCREENSHOT_DIR}/credit-06-negativacao.png` });
});
