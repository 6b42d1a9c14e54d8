import { SCREENSHOT_DIR, expect, test } from './fixtures';

test.use({ auth: 'required' });

const PASSWORD = 'senha-forte-1';

test('first run creates the admin, then sign out, sign in, an admin adds a clerk, and the idle lock asks the password again', async ({ page, app }) => {
  // Timers under the test's control, so the 15-minute idle lock is reached without waiting.
  await page.clock.install();
  await page.goto(app.url);

  await expect(page.getByRole('heading', { name: 'Criar administrador' })).toBeVisible();
  await page.getByTestId('setup-name').fill('Marta Souza');
  await page.getByTestId('setup-login').fill('marta');
  await page.getByTestId('setup-password').fill(PASSWORD);
  await page.getByTestId('setup-confirm').fill('outra-senha');
  await expect(page.getByText('As senhas não conferem')).toBeVisible();
  await expect(page.getByTestId('setup-submit')).toBeDisabled();
  await page.getByTestId('setup-confirm').fill(PASSWORD);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-01-setup-admin.png` });
  await page.getByTestId('setup-submit').click();

  // Then the usual first-run choice, now as the admin.
  await page.getByTestId('start-empty').click();
  await expect(page.getByTestId('sidebar-user')).toContainText('Marta Souza');
  await expect(page.getByTestId('sidebar-user')).toContainText('Administrador');

  await page.getByTestId('nav-users').click();
  await page.getByTestId('new-user-name').fill('Caio Lima');
  await page.getByTestId('new-user-login').fill('caio');
  await page.getByTestId('new-user-password').fill('senha-do-caio');
  await page.getByTestId('new-user-submit').click();
  await expect(page.getByTestId('user-row-caio')).toContainText('Caio Lima');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-02-users-page.png` });
  const users = await app.call<{ login: string; role: string }[]>('users.list', {});
  expect(users.map((u) => [u.login, u.role])).toEqual([['caio', 'clerk'], ['marta', 'admin']]);

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('login-login').fill('caio');
  await page.getByTestId('login-password').fill('senha-errada');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Login ou senha incorretos.');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-03-login-error.png` });
  await page.getByTestId('login-password').fill('senha-do-caio');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('sidebar-user')).toContainText('Caio Lima');
  // A clerk sees only their own password on Usuários.
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('mine-submit')).toBeVisible();
  await expect(page.getByTestId('users-table')).toHaveCount(0);
  // Admin-only settings: a clerk reads them, with a note, and cannot edit or save.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('admin-only-note')).toHaveText('Somente um administrador pode alterar estas configurações; você pode consultá-las.');
  await expect(page.getByTestId('settings-legalName')).toBeDisabled();
  await expect(page.getByTestId('settings-save')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-03b-clerk-company-settings.png` });
  await page.getByTestId('nav-ladder').click();
  await expect(page.getByTestId('sending-settings').getByTestId('admin-only-note')).toBeVisible();
  await page.getByTestId('sending-settings').screenshot({ path: `${SCREENSHOT_DIR}/users-03c-clerk-sending-settings.png` });
  await page.getByTestId('nav-users').click();

  await page.clock.fastForward('15:01');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByText('Caio Lima, a tela foi bloqueada por inatividade')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-04-idle-lock.png` });
  await expect.poll(async () => (await app.backend.dispatch('customers.list', {})).ok).toBe(false);
  await page.getByTestId('login-password').fill('senha-do-caio');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('mine-submit')).toBeVisible();
});

test('five wrong passwords lock the login and the login screen says until when; an admin unlocks it', async ({ page, app }) => {
  await app.call('users.setupAdmin', { name: 'Marta Souza', login: 'marta', password: PASSWORD });
  await app.call('users.create', { name: 'Caio Lima', login: 'caio', role: 'clerk', password: 'senha-do-caio' });
  // A customer on file, so the app opens past the first-run choice.
  await app.call('customers.create', { legalName: 'Empório Bom Preço Ltda', document: '11.222.333/0001-81', kind: 'PJ' });
  await app.call('users.logout', {});
  await page.goto(app.url);
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('login-login').fill('caio');
  for (let i = 1; i <= 5; i++) {
    await page.getByTestId('login-password').fill(`senha-errada-${i}`);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toContainText(i < 5 ? 'Login ou senha incorretos.' : 'Login bloqueado até');
  }
  // The e2e clock stands at 14:00 in São Paulo: locked for 15 minutes.
  await expect(page.getByTestId('login-error')).toHaveText(/^Login bloqueado até 14:15 depois de 5 senhas erradas seguidas\./);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-05-lockout.png` });

  await page.getByTestId('login-login').fill('marta');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('user-locked-caio')).toContainText('Bloqueado até');
  await page.screenshot({ path: `${SCREENSHOT_DIR}/users-06-locked-user.png` });
  await page.getByTestId('user-unlock-caio').click();
  await expect(page.getByTestId('user-locked-caio')).toHaveCount(0);
  await app.call('users.logout', {});
  expect((await app.backend.dispatch('users.login', { login: 'caio', password: 'senha-do-caio' })).ok).toBe(true);
});
