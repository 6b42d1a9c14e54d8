import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/ipc/envelope';
import { dialog, FakeBrowserWindow, FakeEvent, FakeWebContents, protocol, resetFake, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const backend = {
  dispatch: vi.fn(async (method: string, _params: unknown, _ctx?: unknown): Promise<Envelope<unknown>> => {
    if (method === 'app.info') return { ok: true, data: { customerCount: customerCount } };
    return { ok: true, data: {} };
  }),
  onEvent: vi.fn(() => () => {}),
  close: vi.fn(),
};
let customerCount = 0;
const createBackend = vi.fn((_options: { dbPath: string; log?: (m: string) => void; requestRestart?: () => void }) => backend);

vi.mock('../../electron/backend/create-backend', () => ({ createBackend: (o: { dbPath: string; requestRestart?: () => void }) => createBackend(o) }));

const { startShell, DATABASE_FILE, userDataDirFromArgv } = await import('../../electron/main/lifecycle');
const { hasDemoFlag } = await import('../../electron/main/demo');

const app = state.app;
const quiet = () => {};

beforeEach(() => {
  resetFake();
  customerCount = 0;
  createBackend.mockImplementation(() => backend);
});

function start(argv: string[] = ['electron', '.'], platform: NodeJS.Platform = 'win32', env: Record<string, string> = {}) {
  return startShell({ baseDir: '/opt/adimple/dist-electron', argv, platform, env, log: quiet });
}

describe('startShell', () => {
  it('quits at once when another instance holds the lock', () => {
    app.singleInstanceLock = false;
    expect(start()).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    app.becomeReady();
    expect(app.listenerCount('web-contents-created')).toBe(0);
    expect(createBackend).not.toHaveBeenCalled();
  });

  it('opens the backend in userData, registers IPC and the protocol, then shows the window', async () => {
    const shell = start()!;
    expect(createBackend).not.toHaveBeenCalled();
    app.becomeReady();
    await shell.ready;

    expect(createBackend).toHaveBeenCalledWith(expect.objectContaining({ dbPath: join('/fake/userData', DATABASE_FILE), auth: 'required' }));
    expect(DATABASE_FILE).toBe('adimple.sqlite');
    // A restore relaunches the app so the backend reopens on the restored file.
    createBackend.mock.calls[0]![0].requestRestart!();
    expect(app.relaunch).toHaveBeenCalledTimes(1);
    expect(app.exit).toHaveBeenCalledWith(0);
    expect(state.ipcHandlers.has('rpc')).toBe(true);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(shell.getMainWindow()).toBe(win);
    expect((win.options.webPreferences as { preload: string }).preload).toBe(join('/opt/adimple/dist-electron', 'preload.cjs'));
    expect(win.loadURL).toHaveBeenCalledWith('app://adimple/index.html');
    expect(backend.dispatch).not.toHaveBeenCalledWith('demo.load', expect.anything(), expect.anything());
  });

  it('keeps the database in the folder of --user-data-dir, set before the single-instance lock', async () => {
    const dataDir = join('/', 'tmp', 'adimple-smoke-1');
    const shell = start(['electron', '.', `--user-data-dir=${dataDir}`])!;
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    app.becomeReady();
    await shell.ready;
    expect(createBackend).toHaveBeenCalledWith(expect.objectContaining({ dbPath: join(dataDir, DATABASE_FILE) }));
  });

  it('hardens every WebContents created', () => {
    start();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('loads the demo with --demo when there are no customers', async () => {
    const shell = start(['electron', '.', '--demo'])!;
    app.becomeReady();
    await shell.ready;
    expect(backend.dispatch).toHaveBeenCalledWith('app.info', {}, { origin: 'startup' });
    expect(backend.dispatch).toHaveBeenCalledWith('demo.load', {}, { origin: 'startup' });
  });

  it('leaves an existing database alone with --demo', async () => {
    customerCount = 12;
    const shell = start(['electron', '.', '--demo'])!;
    app.becomeReady();
    await shell.ready;
    expect(backend.dispatch).toHaveBeenCalledWith('app.info', {}, { origin: 'startup' });
    expect(backend.dispatch).not.toHaveBeenCalledWith('demo.load', expect.anything(), expect.anything());
  });

  it('uses the dev server only when unpackaged', async () => {
    app.isPackaged = false;
    const shell = start(['electron', '.'], 'linux', { ADIMPLE_DEV_URL: 'http://127.0.0.1:5173' })!;
    app.becomeReady();
    await shell.ready;
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('http://127.0.0.1:5173/');
    expect(protocol.handle).not.toHaveBeenCalled();
  });

  it('ignores ADIMPLE_DEV_URL in a packaged app', async () => {
    const shell = start(['electron', '.'], 'linux', { ADIMPLE_DEV_URL: 'http://127.0.0.1:5173' })!;
    app.becomeReady();
    await shell.ready;
    expect(FakeBrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('app://adimple/index.html');
  });

  it('quits when all windows close, except on macOS', () => {
    start(['electron', '.'], 'win32');
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);

    resetFake();
    start(['electron', '.'], 'darwin');
    app.emit('window-all-closed');
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('re-creates the window on macOS activate when none is open', async () => {
    const shell = start(['electron', '.'], 'darwin')!;
    app.becomeReady();
    await shell.ready;
    FakeBrowserWindow.instances[0]!.close();
    expect(shell.getMainWindow()).toBeNull();
    app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(shell.getMainWindow()).toBe(FakeBrowserWindow.getAllWindows()[0]);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const shell = start()!;
    app.becomeReady();
    await shell.ready;
    const win = FakeBrowserWindow.instances[0]!;
    win.minimized = true;
    app.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('closes the backend on will-quit', async () => {
    const shell = start()!;
    app.becomeReady();
    await shell.ready;
    app.emit('will-quit');
    expect(backend.close).toHaveBeenCalledTimes(1);
    app.emit('will-quit');
    expect(backend.close).toHaveBeenCalledTimes(1);
  });

  it('shows an error and quits when the backend cannot open', async () => {
    createBackend.mockImplementationOnce(() => {
      throw new Error('Banco de dados de uma versão mais nova do Adimple');
    });
    const shell = start()!;
    app.becomeReady();
    await expect(shell.ready).rejects.toThrow('versão mais nova');
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('versão mais nova'));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('userDataDirFromArgv', () => {
  it('takes an absolute --user-data-dir= value, the last one when repeated', () => {
    expect(userDataDirFromArgv(['electron', '.', '--user-data-dir=/tmp/a', '--user-data-dir=/tmp/b'])).toBe('/tmp/b');
    expect(userDataDirFromArgv(['electron', '.'])).toBeNull();
  });

  it('ignores relative, empty and look-alike switches', () => {
    expect(userDataDirFromArgv(['--user-data-dir=dados'])).toBeNull();
    expect(userDataDirFromArgv(['--user-data-dir='])).toBeNull();
    expect(userDataDirFromArgv(['--user-data-dir', '/tmp/a'])).toBeNull();
    expect(userDataDirFromArgv(['--user-data-directory=/tmp/a'])).toBeNull();
  });
});

describe('hasDemoFlag', () => {
  it('detects --demo only as a whole argument', () => {
    expect(hasDemoFlag(['electron', '.', '--demo'])).toBe(true);
    expect(hasDemoFlag(['electron', '.', '--demonstration'])).toBe(false);
    expect(hasDemoFlag(['electron', '.'])).toBe(false);
  });
});
