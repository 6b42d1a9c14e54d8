/**
 * Where the renderer is allowed to come from. Pure (no electron import) so security, IPC and the
 * protocol handler share one definition and tests can use it directly.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'adimple';
/** Origin of the production renderer, served by the `app:` protocol handler. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL, lower-cased, or null when the URL cannot be parsed or has no host.
 * WHATWG `URL.origin` is the string "null" for non-special schemes such as `app:`, so we build it ourselves.
 */
export function urlOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * The Vite dev-server URL from `ADIMPLE_DEV_URL`, honoured only in an unpackaged build and only when it
 * points at loopback over http(s). A packaged app ignores the variable, so nobody can point an installed
 * Adimple (and its bridge) at another page through the environment.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const raw = env.ADIMPLE_DEV_URL?.trim();
  if (!raw || isPackaged) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return null;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (!loopback || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  return parsed.href;
}

/** Origins whose top frame may navigate inside the app and call the bridge. */
export function appOrigins(devUrl: string | null): string[] {
  const dev = devUrl ? urlOrigin(devUrl) : null;
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}

export function isAppUrl(url: string, devUrl: string | null): boolean {
  const origin = urlOrigin(url);
  return origin !== null && appOrigins(devUrl).includes(origin);
}
