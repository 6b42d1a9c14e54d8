import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, test } from './fixtures';

/** Windows-1252, `;`, a quoted name holding `;` and `"`, one invalid CNPJ and one impossible date. */
const SAMPLE_CSV = resolve('resources/samples/erp-titulos-windows1252.csv');
const SAMPLE_XLSX = resolve('resources/samples/erp-titulos.xlsx');

/** An import runs in a worker thread; on a busy machine it takes longer than a click's default wait. */
const RUN = { timeout: 20_000 };

async function openImports(page: Page, url: string) {
  // Skip the first-run welcome: the database starts empty on purpose.
  await page.addInitScript(() => localStorage.setItem('adimple.started', '1'));
  await page.goto(url);
  await page.getByTestId('nav-imports').click();
  await expect(page.getByRole('heading', { name: 'Importar do ERP' })).toBeVisible();
}

/** The page scrolls inside <main>: a tall viewport shows all of it in one picture. */
async function screenshot(page: Page, name: string) {
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function pickFile(page: Page, testId: string, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles(path);
}

test('a Latin-1 ERP CSV: preview, errors by line, import the valid rows, see them in the portfolio', async ({ page, app }) => {
  await openImports(page, app.url);
  await expect(page.getByTestId('empty-state')).toContainText('Nenhum arquivo escolhido');
  await pickFile(page, 'import-pick', SAMPLE_CSV);

  await expect(page.getByTestId('import-encoding')).toHaveText('Windows-1252 (Latin-1)');
  await expect(page.getByTestId('import-delimiter')).toHaveText('ponto e vírgula (;)');
  await expect(page.getByTestId('import-preview').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('import-preview')).toContainText('Açougue "Boi Gordo"; Filial Centro');
  await expect(page.getByTestId('map-document')).toHaveValue('CNPJ/CPF');
  await expect(page.getByTestId('map-balance')).toHaveValue('Saldo');
  await expect(page.getByTestId('import-valid-rows')).toBeDisabled();

  await page.getByTestId('import-validate').click();
  await expect(page.getByTestId('import-result')).toContainText('Validação: nada foi gravado ainda', RUN);
  await expect(page.getByTestId('result-valid')).toHaveText('6 / 8');
  await expect(page.getByTestId('result-rejected')).toHaveText('2');
  const errors = page.getByTestId('import-errors').locator('tbody tr');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toHaveText(['8', 'CNPJ/CPF', 'CNPJ inválido: dígito verificador não confere'].join(''));
  await expect(errors.nth(1)).toHaveText(['9', 'Vencimento', 'Data "31/02/2026" não existe'].join(''));
  await screenshot(page, 'imports-validated');

  // All or nothing refuses the file because of the two bad rows.
  await page.getByTestId('import-all-or-nothing').click();
  await expect(page.getByTestId('import-result')).toContainText('Nada foi gravado', RUN);
  await page.getByTestId('import-valid-rows').click();
  await expect(page.getByTestId('import-result')).toContainText('Importação concluída', RUN);
  await expect(page.getByTestId('result-titles')).toHaveText('6 novos · 0 atualizados · 0 sem alteração');
  await expect(page.getByTestId('result-customers')).toHaveText('5 novos · 0 atualizados · 0 sem alteração');
  // The file has Saldo but no payment date: the paid parts are dated today, and the result says what that means.
  await expect(page.getByTestId('result-undated-payments')).toContainText('têm valor pago sem data de pagamento');
  await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(1);
  await screenshot(page, 'imports-done');

  // 1.250 + 1.250 + 180,90 open + 0 + 745,30 + 320 = 3.746,20 left open after the ERP's payments.
  await page.getByRole('link', { name: 'Carteira' }).click();
  await expect(page.getByTestId('totals-open')).toHaveText('R$ 3.746,20');
});

test('an XLSX import saves the mapping of its source, which the next file of that source gets back', async ({ page, app }) => {
  await openImports(page, app.url);
  await pickFile(page, 'import-pick', SAMPLE_XLSX);
  await expect(page.getByTestId('import-file')).toContainText('XLSX');
  await expect(page.getByTestId('import-preview')).toContainText('2026-10-31');
  await page.getByTestId('import-source').fill('Sistema Atacado');
  // Unmap a column on purpose: the saved profile must keep that choice next time.
  await page.getByTestId('map-tradeName').selectOption('');
  await page.getByTestId('import-validate').click();
  await expect(page.getByTestId('result-valid')).toHaveText('6 / 6', RUN);
  await page.getByTestId('import-valid-rows').click();
  await expect(page.getByTestId('import-result')).toContainText('Importação concluída', RUN);

  await pickFile(page, 'import-pick-another', SAMPLE_XLSX);
  await expect(page.getByTestId('import-mapping')).toContainText('mapeamento salvo de “Sistema Atacado”');
  await expect(page.getByTestId('map-tradeName')).toHaveValue('');
  await expect(page.getByTestId('map-document')).toHaveValue('CNPJ/CPF');
  await expect(page.getByTestId('import-history').locator('tbody tr')).toContainText('Sistema Atacado');
  await screenshot(page, 'imports-xlsx-again');
});

test('a long import shows its progress and can be cancelled without writing anything', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'adimple-e2e-import-'));
  try {
    const lines = ['ID;Cliente;CNPJ;Documento;Vencimento;Valor'];
    for (let i = 0; i < 150_000; i++) lines.push(`L-${i};Cliente Grande Ltda;11.222.333/0001-81;${i};01/12/2026;1.000,00`);
    const path = join(dir, 'grande.csv');
    writeFileSync(path, lines.join('\n'));

    await openImports(page, app.url);
    await pickFile(page, 'import-pick', path);
    await page.getByTestId('import-validate').click();
    const progress = page.getByTestId('import-progress');
    await expect(progress).toContainText('Validando', RUN);
    await expect(progress.getByRole('progressbar')).toBeVisible();
    // Progress events reach the page while the worker runs.
    await expect(progress).toContainText(/[1-9][\d.]* linhas/, RUN);
    await screenshot(page, 'imports-progress');
    await page.getByTestId('import-cancel').click();
    await expect(page.getByText('Importação cancelada: nada foi gravado.')).toBeVisible(RUN);
    await expect(progress).toBeHidden();
    await expect(page.getByTestId('import-result')).toBeHidden();
    expect(await app.call<{ invoiceCount: number; customerCount: number }>('app.info', {})).toMatchObject({ invoiceCount: 0, customerCount: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
