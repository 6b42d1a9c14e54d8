import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';

/** Paths of the bundled shell. In dist-electron/main.cjs, `baseDir` is dist-electron. */
export function shellPaths(baseDir: string): { preload: string; rendererRoot: string } {
  return { preload: join(baseDir, 'preload.cjs'), rendererRoot: join(baseDir, '../dist/renderer') };
}

export const WINDOW_BACKGROUND = '#f4f6f5';

export interface MainWindowOptions {
  preloadPath: string;
  /** Dev-server URL (unpackaged, ADIMPLE_DEV_URL) or null to load `app://adimple/index.html`. */
  devUrl: string | null;
  log?: (msg: string) => void;
}

/** Creates the window, shows it once painted and loads the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const log = options.log ?? (() => {});
  // The options stay an object literal inside `new BrowserWindow(...)` so the Electronegativity scan in
  // `npm test` (test/shell/electronegativity.test.ts) can read every security preference.
  const win = new BrowserWindow({
    title: 'Adimple',
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would ask for a new window; window.open is denied anyway, this stops the attempt early.
      disableBlinkFeatures: 'Auxclick',
      preload: options.preloadPath,
    },
  });
  win.once('ready-to-show', () => win.show());
  const url = options.devUrl ?? APP_START_URL;
  win.loadURL(url).catch((err: unknown) => {
    log(`Failed to load ${url}: ${String(err)}`);
    if (!win.isDestroyed()) win.show(); // never leave an invisible window behind
  });
  return win;
}
