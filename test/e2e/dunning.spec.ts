/**
 * The régua in the browser against the real backend: the clerk's queue worked with the keyboard, the
 * ladder editor with a live template preview and the SMTP security settings, the outbox after a real SMTP
 * delivery and a refusal, and the ladder's effectiveness on the Painel.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SCREENSHOT_DIR, expect, test } from './fixtures';

type Call = <T = unknown>(method: string, params: unknown) => Promise<T>;

async function setUpCompany(call: Call) {
  await call('settings.updateCompany', {
    legalName: 'Distribuidora Exemplo Ltda',
    cnpj: '11.222.333/0001-81',
    address: { street: 'Rua A', streetNumber: '10', district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
    pixKey: '11222333000181',
    defaultFineBp: 200,
    defaultMonthlyInterestBp: 100,
  });
}

const CNPJS = ['11444777000161', '45997418000153', '19131243000197'];

async function customer(call: Call, n: number, name: string, email: string, invoice: { dueDate: string; amountCents: number }) {
  const c = await call<{ id: number }>('customers.create', {
    legalName: name,
    document: CNPJS[n],
    kind: 'PJ',
    segment: 'Mercearia',
    address: { city: 'Campinas', uf: 'SP' },
  });
  await call('contacts.create', { customerId: c.id, name: 'Joana', email, whatsapp: '11987654321', preferredChannel: 'email' });
  await call('invoices.create', { customerId: c.id, documentNumber: `NF ${n + 100}`, issueDate: '2026-10-01', paymentMethod: 'boleto', ...invoice });
  return c.id;
}

test('Minha fila de hoje: run the ladder, work a call task with the keyboard, record a promise', async ({ page, app }) => {
  await setUpCompany(app.call);
  // Due Thursday 19/11 (20/11 is a holiday) → D+3 business is today: a phone call. Due tomorrow → D−1 WhatsApp.
  await customer(app.call, 0, 'Mercado Pequeno Ltda', 'a@pequeno.com.br', { dueDate: '2026-11-19', amountCents: 12_000 });
  await customer(app.call, 1, 'Atacadão Grande Ltda', 'b@grande.com.br', { dueDate: '2026-11-19', amountCents: 987_654 });
  await customer(app.call, 2, 'Empório Amanhã Ltda', 'c@amanha.com.br', { dueDate: '2026-11-26', amountCents: 45_000 });

  await page.goto(`${app.url}#/fila`);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('run-ladder-now').click();
  const tasks = page.getByTestId('queue-task');
  await expect(tasks).toHaveCount(3);
  await expect(tasks.nth(0)).toContainText('Atacadão Grande Ltda');
  await expect(tasks.nth(0)).toContainText('R$ 9.876,54');
  await expect(page.locator('[data-type="whatsapp"]')).toContainText('Empório Amanhã Ltda');
  await expect(page.getByTestId('task-detail')).toContainText('Ligar para Joana');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dunning-01-queue.png`, fullPage: true });

  // Keyboard: the list has focus; Enter opens the outcome, 3 = promise, Ctrl+Enter saves and moves on.
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('outcome-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('3');
  await expect(dialog.getByTestId('outcome-promise')).toBeChecked();
  await dialog.getByTestId('outcome-reason').selectOption('financial_difficulty');
  await dialog.getByTestId('outcome-promise-date').fill('30/11/2026');
  await dialog.getByTestId('outcome-promise-amount').fill('9.876,54');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dunning-02-outcome.png` });
  await dialog.getByTestId('outcome-note').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(tasks).toHaveCount(2);
  await expect(page.locator('.queue__row.is-selected')).toContainText('Empório Amanhã Ltda'); // the next by expected recovery

  // P pauses the selected customer's ladder; the ladder page lists it and resumes it.
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('p');
  await page.getByTestId('pause-reason').fill('Negociação em andamento');
  await page.getByTestId('pause-until').fill('30/11/2026');
  await page.getByTestId('pause-confirm').click();
  await expect(page.getByTestId('pause-dialog')).toBeHidden();
  await page.goto(`${app.url}#/regua`);
  await expect(page.getByTestId('pause-row')).toContainText('Empório Amanhã Ltda');
  await expect(page.getByTestId('pause-row')).toContainText('30/11/2026');
  await page.getByTestId('pause-resume').click();
  await expect(page.getByTestId('pauses')).toContainText('Nenhum cliente com a régua pausada.');

  const history = await app.call<{ rows: { action: string; details: Record<string, unknown> }[] }>('activity.list', { customerId: 2 });
  expect(history.rows[0]).toMatchObject({ action: 'dunning.task_done', details: { outcome: 'promise', delayReason: 'financial_difficulty', promiseDate: '2026-11-30', promiseCents: 987_654 } });
});

test('ladder editor: edit a step and preview a template with a real customer', async ({ page, app }) => {
  await setUpCompany(app.call);
  await customer(app.call, 0, 'Mercado <b>Ousado</b> Ltda', 'a@ousado.com.br', { dueDate: '2026-10-11', amountCents: 1_000_000 });
  await page.goto(`${app.url}#/regua`);
  const steps = page.getByTestId('ladder-step');
  await expect(steps).toHaveCount(14);
  // The pre-due WhatsApp only for late payers (migration 0012); good payers skip "Já pagou?".
  await expect(steps.first()).toContainText('D−7');
  await expect(steps.first()).toContainText('só quem costuma atrasar');
  await expect(page.locator('[data-testid="ladder-step"][data-offset="1"]')).toContainText('exceto bons pagadores');

  const call = page.locator('[data-testid="ladder-step"][data-offset="3"]');
  await call.getByTestId('edit-step').click();
  const dialog = page.getByTestId('step-dialog');
  await dialog.getByTestId('step-offset').fill('2');
  await dialog.getByTestId('step-min-amount').fill('500,00');
  await dialog.getByTestId('step-payer').selectOption('late_payers');
  await dialog.getByTestId('step-risk').selectOption('D');
  await dialog.screenshot({ path: `${SCREENSHOT_DIR}/dunning-02b-step-conditions.png` });
  await dialog.getByTestId('step-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-testid="ladder-step"][data-offset="2"]')).toContainText('a partir de R$ 500,00 · só quem costuma atrasar · risco D ou pior');

  await page.locator('[data-testid="ladder-step"][data-offset="7"]').first().getByTestId('edit-template').click();
  const template = page.getByTestId('template-dialog');
  // 45 days late on R$ 10.000,00 with 2% + 1% a.m. → R$ 10.350,00 (DOMAIN.md's check).
  await expect(template.getByTestId('preview-text')).toContainText('Valor atualizado com multa e juros: R$ 10.350,00');
  await expect(template.getByTestId('preview-text')).toContainText('Mercado <b>Ousado</b> Ltda');
  await expect(template.getByTestId('preview-text')).toContainText('Distribuidora Exemplo Ltda — CNPJ/CPF 11.222.333/0001-81');
  await template.getByTestId('template-body').fill('Olá, {{contato}}! Total: {{total_atualizado}}. {{credor}}');
  await template.getByTestId('template-save').click();
  await expect(template.getByTestId('preview-text')).toHaveText('Olá, Joana! Total: R$ 10.350,00. Distribuidora Exemplo Ltda — CNPJ/CPF 11.222.333/0001-81 — Rua A, 10 — Centro — Campinas/SP — CEP 13010000');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dunning-03-template.png` });
  await template.getByTestId('template-body').fill('Olá {{apelido}}');
  await template.getByTestId('template-save').click();
  await expect(template.getByRole('alert')).toContainText('Campo desconhecido no modelo: {{apelido}}');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/dunning-04-ladder.png`, fullPage: true });

  // SMTP: the security mode is explicit; SSL/TLS moves the usual port; "none" warns and drops the login; a
  // public server in the clear is refused in pt-BR; browser mode says the password lives only in memory.
  const settings = page.getByTestId('sending-settings');
  // Contact hours for MG: starts from São Paulo's law (Saturday open), Saturday closed and Monday from 10h.
  const hours = settings.getByTestId('contact-hours');
  await hours.getByTestId('contact-hours-uf').selectOption('MG');
  await hours.getByTestId('contact-hours-add').click();
  const mg = hours.getByTestId('contact-hours-MG');
  await expect(mg.getByLabel('Contato permitido em MG, Sáb')).toBeChecked();
  await expect(mg.getByLabel('Contato permitido em MG, Dom')).not.toBeChecked();
  await mg.getByLabel('Contato permitido em MG, Sáb').uncheck();
  await mg.getByLabel('Início do contato em MG, Seg').fill('10:00');
  await settings.getByTestId('settings-save').click();
  await expect(page.getByText('Configurações salvas.')).toBeVisible();
  await hours.screenshot({ path: `${SCREENSHOT_DIR}/dunning-08-contact-hours.png` });
  const saved = await app.call<{ contactHours: { uf: string; byWeekday: ({ startMinute: number; endMinute: number } | null)[] }[] }>('dunning.settings.get', {});
  expect(saved.contactHours.map((r) => [r.uf, r.byWeekday[1], r.byWeekday[6]])).toEqual([['MG', { startMinute: 600, endMinute: 1200 }, null]]);

  await settings.getByTestId('settings-smtp-on').check();
  await expect(settings.getByLabel('Porta')).toHaveValue('587');
  await expect(settings.getByTestId('settings-secret-memory')).toContainText('a senha fica só na memória do programa');
  await settings.getByTestId('settings-smtp-security').selectOption('tls');
  await expect(settings.getByLabel('Porta')).toHaveValue('465');
  await expect(settings).toContainText('O certificado do servidor é sempre verificado');
  await settings.getByTestId('settings-smtp-security').selectOption('none');
  await expect(settings.getByTestId('settings-smtp-plain-warning')).toContainText('sem criptografia, as mensagens');
  await expect(settings.getByLabel('Usuário')).toHaveCount(0);
  await settings.getByTestId('settings-smtp-host').fill('smtp.provedor.com.br');
  await settings.getByLabel('E-mail do remetente').fill('cobranca@exemplo.com.br');
  await settings.getByLabel('Nome do remetente').fill('Cobrança');
  await settings.getByTestId('settings-save').click();
  await expect(settings.getByRole('alert').last()).toContainText('Sem criptografia só é permitido um servidor local ou da rede interna');
  await settings.screenshot({ path: `${SCREENSHOT_DIR}/dunning-07-smtp-security.png` });
});

/** A plain SMTP server on loopback (a local relay: no TLS, no login) recording the recipients it accepted. */
async function startRelay(received: string[]) {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _s, cb) {
      if (address.address.startsWith('nao.existe')) return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        cb();
      });
    },
  });
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
  return { port: (smtp.server.address() as AddressInfo).port, close: () => new Promise<void>((ok) => smtp.close(() => ok())) };
}

async function useRelay(call: Call, port: number) {
  await call('dunning.settings.save', {
    clerkName: 'Carla',
    maxContactsPerDay: 1,
    maxContactsPerWeek: 3,
    maxCatchUpDays: 7,
    smtp: { host: '127.0.0.1', port, security: 'none', user: null, fromEmail: 'cobranca@exemplo.com.br', fromName: 'Cobrança' },
    gateway: null,
  });
}

test('outbox: one e-mail delivered to a real SMTP server, one refused with 550 and offered for retry', async ({ page, app }) => {
  const received: string[] = [];
  const smtp = await startRelay(received);
  try {
    await setUpCompany(app.call);
    await useRelay(app.call, smtp.port);
    await customer(app.call, 0, 'Mercado Certo Ltda', 'joana@certo.com.br', { dueDate: '2026-11-25', amountCents: 50_000 });
    await customer(app.call, 1, 'Mercado Errado Ltda', 'nao.existe@errado.com.br', { dueDate: '2026-11-25', amountCents: 70_000 });

    await page.goto(`${app.url}#/envios`);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await page.getByTestId('run-ladder-now').click();
    const rows = page.getByTestId('outbox-row');
    await expect(rows).toHaveCount(2);
    await expect(page.locator('[data-testid="outbox-row"][data-status="sent"]')).toContainText('joana@certo.com.br');
    const failed = page.locator('[data-testid="outbox-row"][data-status="failed"]');
    await expect(failed).toContainText('550');
    expect(received).toEqual(['joana@certo.com.br']);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/dunning-05-outbox.png`, fullPage: true });

    await page.getByTestId('outbox-filter-failed').click();
    await expect(rows).toHaveCount(1);
    await failed.getByTestId('outbox-retry').click();
    await expect(page.getByTestId('empty-state')).toBeVisible(); // back in the queue, no longer failed
    await page.goto(`${app.url}#/fila`);
    await expect(page.locator('[data-type="fix_contact"]')).toContainText('nao.existe@errado.com.br');

    // The ladder page shows which step worked: one D0 e-mail sent, nothing paid yet.
    await page.goto(`${app.url}#/regua`);
    const effect = page.getByTestId('effectiveness-row');
    await expect(effect).toHaveCount(1);
    await expect(effect).toContainText('Vence hoje');
    await expect(effect).toContainText('R$ 0,00');
    await page.getByTestId('effectiveness').screenshot({ path: `${SCREENSHOT_DIR}/dunning-06-effectiveness.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('effectiveness-csv').click()]);
    expect(download.suggestedFilename()).toBe('eficacia-regua-2026-08-27-a-2026-11-25.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[1]).toBe('0;Vence hoje;E-mail;1;1;0;0;0;0;0;0;0,00');
  } finally {
    await smtp.close();
  }
});

test('Painel: "Efetividade da régua" is empty before the ladder runs, then shows the step with what was paid, exports it and leads to the ladder', async ({ page, app }) => {
  const received: string[] = [];
  const smtp = await startRelay(received);
  try {
    await setUpCompany(app.call);
    await useRelay(app.call, smtp.port);
    const paidId = await customer(app.call, 0, 'Mercado Pagador Ltda', 'joana@pagador.com.br', { dueDate: '2026-11-25', amountCents: 123_456 });
    await customer(app.call, 1, 'Mercado Devedor Ltda', 'joana@devedor.com.br', { dueDate: '2026-11-25', amountCents: 70_000 });

    await page.goto(`${app.url}#/painel`);
    const section = page.getByTestId('dashboard-effectiveness');
    await expect(section.getByTestId('dashboard-effectiveness-empty')).toContainText('Nenhum contato da régua nestes 90 dias');
    await expect(section).toContainText('Contatos de 27/08/2026 a 25/11/2026');
    await expect(section.getByTestId('dashboard-effectiveness-csv')).toHaveCount(0);
    await section.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-05a-effectiveness-empty.png` });

    await app.backend.scheduler.runOnce();
    expect(received.sort()).toEqual(['joana@devedor.com.br', 'joana@pagador.com.br']);
    const [invoice] = (await app.call<{ rows: { id: number }[] }>('invoices.list', { customerId: paidId })).rows;
    await app.call('payments.register', { invoiceId: invoice!.id, amountCents: 123_456, paidOn: '2026-11-25', method: 'pix' });

    // The payment's data.changed reloads the section: 2 e-mails, 1 of 2 títulos paid the same day. Sent
    // today, no 3/7/15-day window has passed yet: no percentage (not "0% paid"), but the R$ recovered so far.
    const row = section.getByTestId('effectiveness-row');
    await expect(row).toHaveCount(1);
    await expect(row.locator('td')).toHaveText(['D0', 'Vence hoje', 'E-mail', '2', '2', '—', '—', '—', 'R$ 1.234,56']);
    await expect(row.locator('td').nth(5)).toHaveAttribute('title', /Janela ainda aberta/);
    await expect(row.locator('td').nth(8)).toHaveCSS('text-align', 'right');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-05-effectiveness.png` });

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('dashboard-effectiveness-csv').click()]);
    expect(download.suggestedFilename()).toBe('eficacia-regua-2026-08-27-a-2026-11-25.csv');
    expect(readFileSync((await download.path())!, 'utf8').split('\r\n')[1]).toBe('0;Vence hoje;E-mail;2;2;0;0;0;0;0;0;1234,56');

    // A past reference date on the Painel moves the window: before the e-mails there is nothing.
    await page.getByTestId('dashboard-asof').fill('24/11/2026');
    await page.getByTestId('dashboard-asof').press('Enter');
    await expect(section.getByTestId('dashboard-effectiveness-empty')).toBeVisible();
    await expect(section).toContainText('Contatos de 26/08/2026 a 24/11/2026');

    await section.getByTestId('dashboard-effectiveness-ladder').click();
    await expect(page).toHaveURL(/#\/regua$/);
    await expect(page.getByTestId('effectiveness-row')).toHaveCount(1);
  } finally {
    await smtp.close();
  }
});
