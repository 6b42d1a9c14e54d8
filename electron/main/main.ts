/**
 * Entry of the Electron main process (bundled to dist-electron/main.cjs by scripts/build-electron.mjs).
 * The only module with import-time side effects: the privileged scheme must be registered before `ready`.
 */
import { registerAppScheme } from './protocol';
import { electronDesktopServices } from './desktop-services';
import { startShell } from './lifecycle';

registerAppScheme();
startShell({ baseDir: __dirname, desktop: electronDesktopServices });
