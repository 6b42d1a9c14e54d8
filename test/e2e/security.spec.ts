import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../../electron/backend/create-backend';
import { startHost } from '../../electron/backend/dev-server';
import { E2E_NOW, SCREENSHOT_DIR, expect, test } from './fixtures';
import { E2E_RENDERER_DIR } from './renderer-dir';

const CUSTOMER = { legalName: 'Mercearia Boa Vista Ltda', document: '45.723.174/0001-10', kind: 'PJ', address: { city: 'Campinas', uf: 'SP' } };

test('Segurança: the audit check passes, then shows the entry someone edited in the database file', async ({ page, app }) => {
  const customer = await app.call<{ id: number }>('customers.create', CUSTOMER);
  await app.call('invoices.create', { customerId: customer.id, documentNumber: 'NF 1', issueDate: '2026-10-01', dueDate: '2026-11-01', amountCents: 100_000, paymentMethod: 'boleto' });
  await page.goto(`${app.url}#/seguranca`);
  await expect(page.getByRole('heading', { name: 'Segurança', level: 1 })).toBeVisible();

  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toContainText('Histórico íntegro: 2 registros verificados em 25/11/2026');

  const raw = new Database(app.dbPath);
  raw.exec(`DROP TRIGGER activity_log_no_update; UPDATE activity_log SET actor = 'outra pessoa' WHERE id = 1;`);
  raw.close();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-result')).toContainText('Histórico adulterado');
  await expect(page.getByTestId('audit-result')).toContainText('O registro nº 1 foi alterado depois de gravado.');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/security-audit-broken.png`, fullPage: true });
});

test('Segurança: backup now, restore it after confirming, and a file that is not a backup is refused', async ({ page, app }) => {
  await app.call('customers.create', CUSTOMER);
  await page.goto(`${app.url}#/seguranca`);
  await expect(page.getByText('Nenhum backup ainda')).toBeVisible();

  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('Manual');
  await expect(page.getByTestId('backup-row')).toContainText('25/11/2026');

  const notABackup = join(mkdtempSync(join(tmpdir(), 'adimple-e2e-file-')), 'planilha.sqlite');
  writeFileSync(notABackup, 'nome;valor\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('backup-restore-file').click();
  await (await chooser).setFiles(notABackup);
  await expect(page.getByText('"planilha.sqlite" não pode ser restaurado: não é um banco de dados SQLite')).toBeVisible();
  rmSync(notABackup, { force: true });

  await page.getByTestId('backup-restore').click();
  await expect(page.getByTestId('restore-dialog')).toContainText('fica guardado ao lado');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/security-restore-confirm.png` });
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('restore-staged')).toContainText('Feche e abra o Adimple para concluir');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/security-backups.png`, fullPage: true });
});

/** Overwrites every page after the first two with garbage: the schema survives, the tables do not. */
function corruptPages(path: string) {
  const pageSize = 4096;
  const fd = openSync(path, 'r+');
  for (let at = pageSize * 2; at < statSync(path).size; at += pageSize) writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, at);
  closeSync(fd);
}

test('a damaged database opens on the recovery screen, which restores the latest good backup', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'adimple-e2e-recovery-'));
  const dbPath = join(dir, 'adimple.sqlite');
  const clock = { now: () => new Date(E2E_NOW) };
  const healthy = createBackend({ dbPath, clock, log: () => {} });
  await healthy.dispatch('customers.create', CUSTOMER);
  const backup = await healthy.dispatch('backup.create', {});
  expect(backup.ok).toBe(true);
  healthy.close();
  corruptPages(dbPath);

  const recovery = createBackend({ dbPath, clock, log: () => {} });
  const server = await startHost({ backend: recovery, port: 0, staticDir: resolve(E2E_RENDERER_DIR) });
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(page.getByRole('heading', { name: 'O banco de dados precisa de recuperação' })).toBeVisible();
    await expect(page.getByTestId('recovery-problem')).not.toBeEmpty();
    await expect(page.getByTestId('recovery-latest')).toContainText('Manual de 25/11/2026');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/security-recovery.png`, fullPage: true });
    await page.getByTestId('recovery-restore-latest').click();
    await page.getByTestId('restore-confirm').click();
    await expect(page.getByTestId('restore-staged')).toContainText('conferido e pronto');
  } finally {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    recovery.close();
  }
  const reopened = createBackend({ dbPath, clock, log: () => {} });
  try {
    expect(await reopened.dispatch('customers.list', {})).toMatchObject({ ok: true, data: { total: 1 } });
  } finally {
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
