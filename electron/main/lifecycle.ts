import { isAbsolute, join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { createBackend } from '../backend/create-backend';
import type { Backend } from '../backend/backend.types';
import { devServerUrl } from './app-origin';
import type { DesktopServices } from './desktop-services';
import { hasDemoFlag, loadDemoIfEmpty } from './demo';
import { registerIpc } from './ipc';
import { handleAppProtocol } from './protocol';
import { hardenWebContents } from './security';
import { createMainWindow, shellPaths } from './window';

export const DATABASE_FILE = 'adimple.sqlite';

const USER_DATA_DIR_SWITCH = '--user-data-dir=';

/**
 * The folder from `--user-data-dir=<absolute path>` (Chromium's switch name), or null. It moves the whole
 * data folder (database, backups, secrets, Chromium profile): the Electron smoke suite starts from an empty
 * one, and support can open a copy of a customer's folder. Relative or empty values are ignored.
 */
export function userDataDirFromArgv(argv: readonly string[]): string | null {
  const arg = argv.findLast((a) => a.startsWith(USER_DATA_DIR_SWITCH));
  const dir = arg?.slice(USER_DATA_DIR_SWITCH.length).trim();
  return dir && isAbsolute(dir) ? dir : null;
}

export interface StartShellOptions {
  /** Directory of the bundled main.cjs (dist-electron). */
  baseDir: string;
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  log?: (msg: string) => void;
  /** Secrets and power events for the régua's scheduler (electron/main/desktop-services.ts). */
  desktop?: DesktopServices;
}

export interface ShellHandle {
  /** Settles once the backend, IPC and window are up (and the demo loaded with --demo). */
  ready: Promise<void>;
  getMainWindow(): BrowserWindow | null;
}

/**
 * The app's life: single instance, security handlers, backend + IPC + window on ready, quit when the last
 * window closes (except on macOS), backend closed on will-quit. Registering the `app:` scheme as privileged
 * must happen before this, at module load (see main.ts).
 */
export function startShell(options: StartShellOptions): ShellHandle | null {
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((msg: string) => console.log(`[adimple] ${msg}`));

  // Before the single-instance lock, which is held per data folder, and before `ready`.
  const userDataDir = userDataDirFromArgv(argv);
  if (userDataDir) app.setPath('userData', userDataDir);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const devUrl = devServerUrl(env, app.isPackaged);
  const paths = shellPaths(options.baseDir);
  let backend: Backend | null = null;
  let mainWindow: BrowserWindow | null = null;

  const openWindow = (): BrowserWindow => {
    const win = createMainWindow({ preloadPath: paths.preload, devUrl, log });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
    return win;
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { devUrl, log }));

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });

  const ready = app.whenReady().then(async () => {
    if (!devUrl) handleAppProtocol(paths.rendererRoot);
    const dbPath = join(app.getPath('userData'), DATABASE_FILE);
    const secrets = options.desktop?.secretStore(app.getPath('userData'), log);
    // A staged restore takes effect when the backend reopens: relaunch the app once the answer reached the window.
    const requestRestart = () => {
      app.relaunch();
      app.exit(0);
    };
    const opened = createBackend({ dbPath, log, auth: 'required', startScheduler: true, requestRestart, ...(secrets ? { secrets } : {}) });
    backend = opened;
    registerIpc(opened, () => mainWindow, { devUrl, log });
    openWindow();
    // After sleep, run what became due at once instead of waiting for the next tick.
    options.desktop?.onResume(() => void opened.scheduler.resume());
    if (hasDemoFlag(argv)) {
      await loadDemoIfEmpty(opened, log).catch((err: unknown) => log(`--demo: ${String(err)}`));
    }
  });

  ready.catch((err: unknown) => {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(`Startup failed: ${detail}`);
    dialog.showErrorBox('Adimple não pôde iniciar', err instanceof Error ? err.message : String(err));
    app.quit();
  });

  return { ready, getMainWindow: () => mainWindow };
}
