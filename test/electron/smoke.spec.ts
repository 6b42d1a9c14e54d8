/**
 * Smoke suite of the real desktop app (`npm run test:electron`, opt-in: it needs the Electron binary, which
 * `npm test` machines may not have). One app, started once from the built dist-electron/ with an empty data
 * folder, walked through in order: first run, then what the page can and cannot reach.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCREENSHOT_DIR = '.test-output/screenshots';
const ADMIN = { name: 'Marta Souza', login: 'marta', password: 'senha-forte-1' };

/** What the main process records for the navigation test (set up through `app.evaluate`). */
interface SmokeProbe {
  opened: string[];
  navigations: { url: string; prevented: boolean }[];
}
type ProbeGlobal = typeof globalThis & { adimpleSmoke?: SmokeProbe };

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let userDataDir: string;

test.beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'adimple-electron-'));
  // Without ADIMPLE_DEV_URL: the built renderer over app://, as installed.
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !['ADIMPLE_DEV_URL', 'ELECTRON_RUN_AS_NODE'].includes(entry[0])),
  );
  app = await electron.launch({
    args: [
      resolve('.'),
      `--user-data-dir=${userDataDir}`,
      // Chromium refuses to run as root with its OS sandbox (CI containers); webPreferences stay as shipped.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    env,
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

test('first start in an empty data folder: create the admin, load the demo, sign out and in again', async () => {
  expect(page.url()).toMatch(/^app:\/\/adimple\/index\.html/);
  await expect(page.getByRole('heading', { name: 'Criar administrador' })).toBeVisible();
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-login').fill(ADMIN.login);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-confirm').fill(ADMIN.password);
  await page.getByTestId('setup-submit').click();

  await page.getByTestId('load-demo').click();
  const rows = page.getByTestId('portfolio-row');
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/electron-01-portfolio.png` });
  // The database went to the folder given on the command line, not the user's real one.
  expect(existsSync(join(userDataDir, 'adimple.sqlite'))).toBe(true);

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByTestId('login-login').fill(ADMIN.login);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('sidebar-user')).toContainText(ADMIN.name);
  await expect(rows.first()).toBeVisible();
});

test('the page has no Node.js and sees the preload only as the typed bridge', async () => {
  const reach = await page.evaluate(async () => {
    const g = globalThis as Record<string, unknown>;
    const bridge = g.bridge as Record<string, unknown> | undefined;
    const invoke = bridge?.invoke as ((method: string, params: unknown) => Promise<{ ok: boolean }>) | undefined;
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
      ipcRenderer: typeof g.ipcRenderer,
      bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
      bridgeTypes: bridge ? [typeof bridge.invoke, typeof bridge.on] : null,
      appInfoOk: invoke ? (await invoke('app.info', {})).ok : null,
    };
  });
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
    bridgeKeys: ['invoke', 'on'],
    bridgeTypes: ['function', 'function'],
    appInfoOk: true,
  });
});

test('window.open opens no window (allowed links go to the OS) and navigation away from the app is stopped', async () => {
  // Record instead of opening the user's browser, and watch every navigation main is asked about.
  const patched = await app.evaluate(({ shell, BrowserWindow }) => {
    const probe: SmokeProbe = { opened: [], navigations: [] };
    (globalThis as ProbeGlobal).adimpleSmoke = probe;
    const recordOpen = async (url: string) => {
      probe.opened.push(url);
    };
    shell.openExternal = recordOpen;
    for (const win of BrowserWindow.getAllWindows()) {
      // Registered after the shell's own handler, so defaultPrevented tells what the shell decided.
      win.webContents.on('will-navigate', (event) => probe.navigations.push({ url: event.url, prevented: event.defaultPrevented }));
    }
    return shell.openExternal === recordOpen;
  });
  expect(patched).toBe(true);
  const windowsBefore = app.windows().length;

  const popups = await page.evaluate(() => [window.open('https://example.com/ajuda') === null, window.open('http://example.com/') === null]);
  expect(popups).toEqual([true, true]);
  await expect.poll(() => app.evaluate(() => (globalThis as ProbeGlobal).adimpleSmoke?.opened)).toEqual(['https://example.com/ajuda']);
  expect(app.windows()).toHaveLength(windowsBefore);

  await page.evaluate(() => {
    window.location.href = 'https://example.com/phishing';
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as ProbeGlobal).adimpleSmoke?.navigations))
    .toEqual([{ url: 'https://example.com/phishing', prevented: true }]);
  expect(page.url()).toMatch(/^app:\/\/adimple\//);
  await expect(page.getByTestId('sidebar-user')).toContainText(ADMIN.name);
  // The http: link was refused by the allow-list, not handed to the OS.
  expect(await app.evaluate(() => (globalThis as ProbeGlobal).adimpleSmoke?.opened)).toEqual(['https://example.com/ajuda']);
});
