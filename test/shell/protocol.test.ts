import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { CONTENT_SECURITY_POLICY, createAppProtocolHandler, handleAppProtocol, registerAppScheme, resolveRendererPath } =
  await import('../../electron/main/protocol');

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'adimple-protocol-'));
  root = join(base, 'dist', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Adimple</title>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("app")');
  writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
  // a secret next to the renderer root, which traversal must not reach
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(base, 'dist', 'renderer-secret.txt'), 'TOP SECRET');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => resetFake());

describe('resolveRendererPath', () => {
  it('maps the root and files under it', () => {
    expect(resolveRendererPath(root, 'app://adimple/')).toEqual({ kind: 'file', path: join(resolve(root), 'index.html'), spaFallback: false });
    expect(resolveRendererPath(root, 'app://adimple/assets/app-1234.js')).toEqual({
      kind: 'file',
      path: join(resolve(root), 'assets', 'app-1234.js'),
      spaFallback: false,
    });
    expect(resolveRendererPath(root, 'app://adimple/customers/42?tab=invoices#x')).toEqual({
      kind: 'file',
      path: join(resolve(root), 'customers', '42'),
      spaFallback: true,
    });
    expect(resolveRendererPath(root, 'app://adimple/relat%C3%B3rio%20final.pdf')).toMatchObject({
      kind: 'file',
      path: join(resolve(root), 'relatório final.pdf'),
    });
  });

  it.each([
    'app://adimple/..%2f..%2fsecret.txt',
    'app://adimple/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://adimple/..%5c..%5csecret.txt',
    'app://adimple/assets/..%2f..%2f..%2fsecret.txt',
    'app://adimple/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://adimple/..%2frenderer-secret.txt',
    'app://adimple/%2fetc%2fpasswd/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://adimple/index.html%00.png',
    'app://adimple/%E0%A4%A',
    'app://other/index.html',
    'https://adimple/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(root, url)).toEqual({ kind: 'refused' });
  });

  it.each([
    'app://adimple/..%5c..%5cWindows%5cwin.ini',
    'app://adimple/C:%5cWindows%5cwin.ini',
    'app://adimple/C:/Windows/win.ini',
    'app://adimple/%5c%5cserver%5cshare%5cx.txt',
    'app://adimple/..%2f..%2f..%2fUsers%2fclerk%2fsecret.txt',
  ])('refuses %s with Windows path rules', (url) => {
    expect(resolveRendererPath('C:\\Program Files\\Adimple\\resources\\app.asar\\dist\\renderer', url, path.win32)).toEqual({
      kind: 'refused',
    });
  });

  it('resolves normal files with Windows path rules', () => {
    const winRoot = 'C:\\Program Files\\Adimple\\resources\\app.asar\\dist\\renderer';
    expect(resolveRendererPath(winRoot, 'app://adimple/assets/app.js', path.win32)).toEqual({
      kind: 'file',
      path: `${winRoot}\\assets\\app.js`,
      spaFallback: false,
    });
  });

  it('keeps dot-segments of the URL itself inside the root', () => {
    // The URL parser already folds literal `..` segments: app://adimple/../../etc/passwd is /etc/passwd.
    const target = resolveRendererPath(root, 'app://adimple/../../etc/passwd');
    expect(target).toEqual({ kind: 'file', path: join(resolve(root), 'etc', 'passwd'), spaFallback: true });
  });
});

describe('app protocol handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves index.html with the CSP header', async () => {
    const res = await get('app://adimple/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Adimple</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('uses the agreed CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('matches the CSP meta of renderer/index.html, which also guards the browser mode and the scanner reads', () => {
    const html = readFileSync(resolve('renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // A meta cannot carry frame-ancestors (browsers ignore it there); everything else must be identical.
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors '))
      .join('; ');
    expect(meta).toBe(headerWithoutFrameAncestors);
  });

  it('serves assets with their content type', async () => {
    const js = await get('app://adimple/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
    const css = await get('app://adimple/assets/app-1234.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('falls back to index.html for app routes without an extension', async () => {
    const res = await get('app://adimple/customers/42');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Adimple</title>');
  });

  it('answers 404 for missing files with an extension, and never lists a directory', async () => {
    expect((await get('app://adimple/assets/missing.js')).status).toBe(404);
    const dir = await get('app://adimple/assets/');
    expect(await dir.text()).toContain('<title>Adimple</title>');
  });

  it('answers 404, with no file content, to traversal attempts', async () => {
    for (const url of ['app://adimple/..%2f..%2fsecret.txt', 'app://adimple/..%5c..%5csecret.txt', 'app://adimple/..%2frenderer-secret.txt']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('TOP SECRET');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://adimple/index.html', 'POST')).status).toBe(405);
    const head = await get('app://adimple/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('scheme registration', () => {
  it('registers app: as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]![0][0].privileges;
    expect(privileges.bypassCSP).toBeUndefined();
  });

  it('handles app: with a handler serving the given root', async () => {
    handleAppProtocol(root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    expect((await handler(new Request('app://adimple/index.html'))).status).toBe(200);
  });
});
