import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent, FakeWebContents, resetFake, shell } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { hardenWebContents, isAllowedExternalUrl } = await import('../../electron/main/security');

beforeEach(() => resetFake());

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://wa.me/5511999998888?text=Ol%C3%A1',
    'https://www.gov.br/receitafederal',
    'mailto:financeiro@cliente.com.br?subject=Boleto',
    'tel:+5511999998888',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://adimple/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@bank.example',
    'https:',
    'mailto:',
    'not a url',
    '',
    `https://wa.me/?text=${'a'.repeat(9000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://x.com' })).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function hardened(devUrl: string | null = null): FakeWebContents {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, { devUrl });
    return contents;
  }

  function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = new FakeEvent({ url });
    contents.emit(event, e, url);
    return e.defaultPrevented;
  }

  it('denies every window.open and hands only allowed URLs to the OS', async () => {
    const contents = hardened();
    const open = contents.windowOpenHandler!;
    expect(open).toBeTypeOf('function');

    for (const url of ['https://wa.me/5511999998888', 'javascript:alert(1)', 'file:///C:/Windows/system32/calc.exe', 'http://example.com', 'app://adimple/other']) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://wa.me/5511999998888');
  });

  it('survives openExternal failing', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'mailto:a@b.com' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
  });

  it('prevents navigation and redirects away from the app origin, not within it', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://other/index.html')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5173/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://adimple/customers/42')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'app://adimple/index.html')).toBe(false);
  });

  it('accepts the dev-server origin only when running against it', () => {
    const contents = hardened('http://127.0.0.1:5173/');
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5173/customers')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5174/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/')).toBe(true);
  });

  it('prevents attaching a <webview>', () => {
    const contents = hardened();
    const e = new FakeEvent();
    contents.emit('will-attach-webview', e, { nodeIntegration: true }, { src: 'https://evil.example' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const contents = hardened();
    const { permissionRequestHandler, permissionCheckHandler } = contents.session;
    expect(permissionRequestHandler).toBeTypeOf('function');
    expect(permissionCheckHandler).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      permissionRequestHandler!(contents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(permissionCheckHandler!(contents, permission, 'app://adimple', {})).toBe(false);
    }
  });
});
