import { readFile, stat } from 'node:fs/promises';
import path, { extname, join, resolve } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Sent with every response of the `app:` protocol (see ARCHITECTURE.md, "Security defaults"). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/**
 * Must run before `app.whenReady()`: makes `app://adimple/` a standard, secure origin so the renderer gets
 * `'self'`, relative URLs, fetch and storage like an https page.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export type RendererTarget =
  /** A file inside the root; `spaFallback` says index.html may stand in when it does not exist. */
  | { kind: 'file'; path: string; spaFallback: boolean }
  | { kind: 'refused' };

/**
 * Maps an `app://adimple/...` request URL to a file under `root`, or refuses it. Pure: no file-system access.
 * Refuses other hosts, undecodable paths, NUL bytes, backslashes and anything that resolves outside `root`
 * (`..`, `%2e%2e`, `..%2f`, drive letters, absolute paths). `paths` is the platform's `node:path`;
 * tests pass `path.win32` to check Windows semantics.
 */
export function resolveRendererPath(root: string, requestUrl: string, paths: path.PlatformPath = path): RendererTarget {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return { kind: 'refused' };

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused' };
  }
  // No file of the renderer build has a backslash or NUL in its name; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'refused' };

  const rootDir = paths.resolve(root);
  const relativePath = pathname.replace(/^\/+/, '');
  if (relativePath === '') return { kind: 'file', path: paths.join(rootDir, 'index.html'), spaFallback: false };
  if (paths.isAbsolute(relativePath)) return { kind: 'refused' };

  const full = paths.resolve(rootDir, relativePath);
  const rel = paths.relative(rootDir, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${paths.sep}`) || paths.isAbsolute(rel)) return { kind: 'refused' };
  return { kind: 'file', path: full, spaFallback: paths.extname(full) === '' };
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/** The `protocol.handle('app', ...)` handler: serves `root` (dist/renderer) with the CSP header. */
export function createAppProtocolHandler(root: string): AppProtocolHandler {
  const indexPath = join(resolve(root), 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const target = resolveRendererPath(root, request.url);
    if (target.kind === 'refused') return plain(404, 'Not Found');
    if (await isFile(target.path)) return serveFile(target.path, request.method);
    if (target.spaFallback) return serveFile(indexPath, request.method);
    return plain(404, 'Not Found');
  };
}

/** Registers the handler; call once, after `app.whenReady()`. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function serveFile(path: string, method: string): Promise<Response> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return plain(404, 'Not Found');
  }
  const headers = securityHeaders(MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream');
  headers.set('content-length', String(body.byteLength));
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
}
