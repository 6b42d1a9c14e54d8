import { shell, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Longest external URL we hand to the OS (a wa.me link with a prefilled message stays well below). */
const MAX_EXTERNAL_URL_LENGTH = 8192;

/**
 * The allow-list for links leaving the app: `https:` (any host, wa.me included), `mailto:` and `tel:`.
 * Everything else (http:, file:, javascript:, data:, custom schemes, URLs with credentials) is refused.
 */
export function isAllowedExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'https:':
      return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
    case 'mailto:':
    case 'tel:':
      return parsed.pathname !== '';
    default:
      return false;
  }
}

/** Opens an allowed URL in the user's browser / mail / phone app; returns whether it was handed over. */
export function openExternalIfAllowed(url: unknown, log: (msg: string) => void = () => {}): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  shell.openExternal(url).catch((err: unknown) => log(`openExternal failed: ${String(err)}`));
  return true;
}

export interface HardenOptions {
  /** The dev-server URL when running unpackaged with ADIMPLE_DEV_URL; null in production. */
  devUrl?: string | null;
  log?: (msg: string) => void;
}

/**
 * Applied to every WebContents (`app.on('web-contents-created')`): no popups (allowed external links go to
 * the OS instead), no navigation or redirect away from the app origin, no <webview>, no permissions.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions = {}): void {
  const devUrl = options.devUrl ?? null;
  const log = options.log ?? (() => {});

  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, log);
    return { action: 'deny' };
  });

  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });

  // Session-wide; setting them again for each WebContents of the same session is harmless.
  contents.session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
