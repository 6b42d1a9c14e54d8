import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, test } from './fixtures';

const SAMPLE = resolve('resources/samples/cnab-240-bradesco-retorno.ret');

/** The títulos the Bradesco sample return file pays, rejects or reports on (see resources/samples). */
async function seedTitles(call: <T>(method: string, params: unknown) => Promise<T>) {
  const customer = await call<{ id: number }>('customers.create', {
    legalName: 'Mercado São João Ltda',
    document: '11.222.333/0001-81',
    kind: 'PJ',
    address: { city: 'Campinas', uf: 'SP' },
  });
  const titles: [string, string, string, number][] = [
    ['ERP000000101', 'NF2026-0001', '00000012345', 125_000],
    ['ERP000000102', 'NF2026-0002', '00000012346', 98_000],
    ['ERP000000103', 'NF2026-0003', '00000012347', 200_000],
    ['ERP000000105', 'NF2026-0005', '00000012349', 43_000],
    ['ERP000000107', 'NF2026-0007', '00000012351', 30_000],
  ];
  for (const [externalId, documentNumber, nossoNumero, amountCents] of titles) {
    await call('invoices.create', {
      customerId: customer.id,
      externalId,
      documentNumber,
      nossoNumero,
      amountCents,
      issueDate: '2026-09-01',
      dueDate: '2026-11-05',
      paymentMethod: 'boleto',
    });
  }
}

async function pickReturn(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('pick-return').click();
  await (await chooser).setFiles(path);
}

test('a Bradesco CNAB 240 return: preview grouped by result, reconcile, títulos settled in the portfolio', async ({ page, app }) => {
  await seedTitles(app.call);
  await page.goto(app.url);
  await expect(page.getByTestId('totals-open')).toHaveText('R$ 4.960,00');

  await page.getByTestId('nav-bank-returns').click();
  await expect(page.getByRole('heading', { name: 'Retorno bancário' })).toBeVisible();
  await expect(page.getByTestId('return-history')).toContainText('Nenhum retorno importado ainda.');
  await pickReturn(page, SAMPLE);

  await expect(page.getByTestId('summary-bank')).toHaveText('237 · Bradesco');
  await expect(page.getByTestId('summary-agreement')).toHaveText('0001234567');
  await expect(page.getByTestId('return-summary')).toContainText('NSA 1021');
  await expect(page.getByTestId('summary-applied')).toHaveText('R$ 3.030,00');
  await expect(page.getByTestId('return-item')).toHaveCount(8);
  await expect(page.getByTestId('filter-settled')).toContainText('3');
  const withCharges = page.locator('[data-testid=return-item][data-line="5"]');
  await expect(withCharges).toContainText('NF2026-0002Mercado São João Ltda');
  await expect(withCharges).toContainText('+ R$ 23,52 de encargos');
  // The entry the bank rejected (movement 03) says why, with the bank's reason codes.
  await expect(page.locator('[data-testid=return-item][data-result=rejected]')).toContainText('Motivos do banco: 08, 10.');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/bank-returns-01-preview.png`, fullPage: true });

  await page.getByTestId('filter-not_found').click();
  await expect(page.getByTestId('return-item')).toHaveCount(1);
  await expect(page.getByTestId('return-item')).toHaveAttribute('data-result', 'not_found');
  await page.getByTestId('filter-all').click();
  await expect(page.getByTestId('return-item')).toHaveCount(8);
  // The preview wrote nothing.
  expect((await app.call<{ rows: unknown[] }>('bankReturns.listFiles', {})).rows).toHaveLength(0);

  await page.getByTestId('reconcile').click();
  await expect(page.getByText('Retorno conciliado: 3 liquidado(s), 1 parcial(is), 1 não encontrado(s).')).toBeVisible();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('export-reconciliation')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/bank-returns-02-reconciled.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-reconciliation').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFLinha;Ocorrência;Descrição da ocorrência;Motivos do banco;Resultado;/);
  expect(csv).toContain('Liquidado parcialmente');

  await page.getByRole('link', { name: 'Carteira' }).click();
  await expect(page.getByTestId('totals-open')).toHaveText('R$ 1.930,00');
});

test('the same return cannot be reconciled twice, and a malformed file is refused with its line', async ({ page, app }) => {
  await seedTitles(app.call);
  await page.goto(`${app.url}#/retorno-bancario`);
  await pickReturn(page, SAMPLE);
  await page.getByTestId('reconcile').click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);

  await pickReturn(page, SAMPLE);
  await expect(page.getByTestId('already-imported')).toContainText('Este arquivo já foi importado em 25/11/2026');
  await expect(page.getByTestId('reconcile')).toBeDisabled();
  await page.getByTestId('discard-return').click();

  const broken = readFileSync(SAMPLE, 'latin1').split('\r\n');
  // Ten characters of data past column 240 (a joined or shifted line), which no trimming can explain away.
  broken[4] = `${broken[4]!}0123456789`;
  const path = join(mkdtempSync(join(tmpdir(), 'adimple-cnab-')), 'deslocado.ret');
  writeFileSync(path, broken.join('\r\n'), 'latin1');
  await pickReturn(page, path);
  await expect(page.getByTestId('bank-return-error')).toHaveText(
    'Arquivo de retorno "deslocado.ret" recusado. Linha 5: a linha tem 250 caracteres; num arquivo CNAB 240 todas têm 240.',
  );
  await page.screenshot({ path: `${SCREENSHOT_DIR}/bank-returns-03-refused.png`, fullPage: true });
  expect((await app.call<{ rows: unknown[] }>('bankReturns.listFiles', {})).rows).toHaveLength(1);
});
