import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { createMainWindow, shellPaths } = await import('../../electron/main/window');

beforeEach(() => resetFake());

describe('createMainWindow', () => {
  it('constructs the BrowserWindow with exactly the secure webPreferences', () => {
    createMainWindow({ preloadPath: '/app/dist-electron/preload.cjs', devUrl: null });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const options = FakeBrowserWindow.instances[0]!.options;
    expect(options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/dist-electron/preload.cjs',
    });
    expect(options).toMatchObject({ title: 'Adimple', show: false, minWidth: 1100, minHeight: 700 });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('has no option that loosens the defaults', () => {
    createMainWindow({ preloadPath: '/p.cjs', devUrl: null });
    const prefs = FakeBrowserWindow.instances[0]!.options.webPreferences as Record<string, unknown>;
    for (const key of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('shows the window only when ready-to-show fires', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', devUrl: null }) as unknown as FakeBrowserWindow;
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('loads the app protocol in production and the dev server in development', () => {
    const prod = createMainWindow({ preloadPath: '/p.cjs', devUrl: null }) as unknown as FakeBrowserWindow;
    expect(prod.loadURL).toHaveBeenCalledWith('app://adimple/index.html');
    const dev = createMainWindow({ preloadPath: '/p.cjs', devUrl: 'http://127.0.0.1:5173/' }) as unknown as FakeBrowserWindow;
    expect(dev.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/');
  });

  it('shows the window and logs when the renderer fails to load', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_FILE_NOT_FOUND');
    const log = vi.fn();
    const win = createMainWindow({ preloadPath: '/p.cjs', devUrl: null, log }) as unknown as FakeBrowserWindow;
    await vi.waitFor(() => expect(win.show).toHaveBeenCalledTimes(1));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND'));
  });
});

describe('shellPaths', () => {
  it('resolves preload and renderer relative to dist-electron', () => {
    const base = join('/opt', 'Adimple', 'resources', 'app.asar', 'dist-electron');
    expect(shellPaths(base)).toEqual({
      preload: join(base, 'preload.cjs'),
      rendererRoot: join('/opt', 'Adimple', 'resources', 'app.asar', 'dist', 'renderer'),
    });
  });
});
