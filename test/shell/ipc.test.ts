import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend, CallContext } from '../../electron/backend/backend.types';
import { createFileIntake } from '../../electron/backend/files/file-intake';
import type { PickedFile } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { dialog, FakeBrowserWindow, FakeFrame, FakeWebContents, ipcEvent, ipcMain, resetFake, shell, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { registerIpc, isBareFileName, RPC_CHANNEL } = await import('../../electron/main/ipc');

type Listener = (name: string, payload: unknown) => void;

function fakeBackend() {
  const listeners = new Set<Listener>();
  const dispatch = vi.fn(
    async (method: string, params: unknown, _ctx?: CallContext): Promise<Envelope<unknown>> => ({ ok: true, data: { method, params } }),
  );
  const backend = {
    dispatch,
    onEvent: vi.fn((l: Listener) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
    files: createFileIntake(),
    close: vi.fn(),
  };
  return { backend: backend as unknown as Backend, dispatch, emit: (name: string, payload: unknown) => listeners.forEach((l) => l(name, payload)), listeners };
}

let win: FakeBrowserWindow;
let tmp: string;

function setup(devUrl: string | null = null) {
  const b = fakeBackend();
  win = new FakeBrowserWindow({});
  win.webContents.mainFrame.url = 'app://adimple/index.html';
  const dispose = registerIpc(b.backend, () => win as never, { devUrl });
  const handler = state.ipcHandlers.get(RPC_CHANNEL)!;
  const call = (method: unknown, params: unknown, event = ipcEvent(win.webContents, win.webContents.mainFrame)) =>
    handler(event, method, params) as Promise<Envelope<unknown>>;
  return { ...b, call, dispose };
}

beforeEach(() => {
  resetFake();
  tmp = mkdtempSync(join(tmpdir(), 'adimple-ipc-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: 'Origem não autorizada' } };

describe('registerIpc', () => {
  it("registers the 'rpc' handler once and unregisters on dispose", () => {
    const { dispose, listeners } = setup();
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle).toHaveBeenCalledWith('rpc', expect.any(Function));
    expect(listeners.size).toBe(1);
    dispose();
    expect(state.ipcHandlers.has('rpc')).toBe(false);
    expect(listeners.size).toBe(0);
  });

  it("forwards a call from the app's top frame to the backend with origin 'ipc'", async () => {
    const { call, dispatch } = setup();
    const res = await call('customers.list', { page: 1 });
    expect(dispatch).toHaveBeenCalledWith('customers.list', { page: 1 }, { origin: 'ipc' });
    expect(res).toEqual({ ok: true, data: { method: 'customers.list', params: { page: 1 } } });
  });

  it('refuses a subframe of the main window, even on the app origin', async () => {
    const { call, dispatch } = setup();
    const child = new FakeFrame('app://adimple/embedded.html', win.webContents.mainFrame);
    expect(await call('customers.list', {}, ipcEvent(win.webContents, child))).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a top frame showing a foreign origin', async () => {
    const { call, dispatch } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'http://127.0.0.1:5173/', 'about:blank']) {
      win.webContents.mainFrame.url = url;
      expect(await call('customers.list', {})).toEqual(FORBIDDEN);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses another WebContents and a vanished frame', async () => {
    const { call, dispatch } = setup();
    const other = new FakeWebContents('app://adimple/index.html');
    expect(await call('customers.list', {}, ipcEvent(other, other.mainFrame))).toEqual(FORBIDDEN);
    expect(await call('customers.list', {}, ipcEvent(win.webContents, null))).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses everything when the main window is gone', async () => {
    const { call, dispatch } = setup();
    const event = ipcEvent(win.webContents, win.webContents.mainFrame);
    win.destroyed = true;
    expect(await call('customers.list', {}, event)).toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts the dev-server origin only when running against it', async () => {
    const dev = setup('http://127.0.0.1:5173/');
    win.webContents.mainFrame.url = 'http://127.0.0.1:5173/customers';
    expect((await dev.call('app.info', {})).ok).toBe(true);
    win.webContents.mainFrame.url = 'http://127.0.0.1:9999/';
    expect(await dev.call('app.info', {})).toEqual(FORBIDDEN);
    expect(dev.dispatch).toHaveBeenCalledTimes(1);
  });

  it('rejects a method that is not a string', async () => {
    const { call, dispatch } = setup();
    for (const method of [42, null, { toString: () => 'app.info' }, '', 'x'.repeat(500)]) {
      const res = await call(method, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing backend into an INTERNAL envelope', async () => {
    const { call, dispatch } = setup();
    dispatch.mockRejectedValueOnce(new Error('disk I/O error'));
    const res = await call('customers.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain('disk I/O');
  });

  it('pushes backend events to every window', () => {
    const { emit } = setup();
    const second = new FakeBrowserWindow({});
    const closed = new FakeBrowserWindow({});
    closed.destroyed = true;
    emit('data.changed', { tables: ['customers'] });
    expect(win.webContents.send).toHaveBeenCalledWith('event', 'data.changed', { tables: ['customers'] });
    expect(second.webContents.send).toHaveBeenCalledWith('event', 'data.changed', { tables: ['customers'] });
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });
});

describe('platform.saveFile', () => {
  it.each(['../x.csv', 'C:\\x.csv', 'C:x.csv', '/etc/cron.d/x', 'sub/dir.csv', '..', '.', 'a\u0000.csv', 'con.csv', ' x.csv', 'x.csv.', ''])(
    'refuses the name %j with VALIDATION and opens no dialog',
    async (suggestedName) => {
      const { call, dispatch } = setup();
      const res = await call('platform.saveFile', { suggestedName, content: 'a;b\n' });
      expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(dispatch).not.toHaveBeenCalled();
      expect(readdirSync(tmp)).toEqual([]);
    },
  );

  it('refuses missing or non-string content', async () => {
    const { call } = setup();
    expect(await call('platform.saveFile', { suggestedName: 'x.csv' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('platform.saveFile', { suggestedName: 'x.csv', content: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('platform.saveFile', null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('writes the content where the dialog says and answers only the base name', async () => {
    const { call, dispatch } = setup();
    const chosen = join(tmp, 'Carteira vencida maio.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const content = '\uFEFFcliente;saldo\nMercado São João;1.234,56\n';

    const res = await call('platform.saveFile', { suggestedName: 'carteira-vencida.csv', content, mimeType: 'text/csv' });

    expect(res).toEqual({ ok: true, data: { saved: true, fileName: 'Carteira vencida maio.csv' } });
    expect(JSON.stringify(res)).not.toContain(tmp);
    const bytes = readFileSync(chosen);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(content);
    expect(dispatch).not.toHaveBeenCalled();

    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    const [parent, options] = dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(win);
    expect(options).toMatchObject({ defaultPath: join('/fake/Documents', 'carteira-vencida.csv') });
  });

  it('writes base64 content as bytes', async () => {
    const { call } = setup();
    const chosen = join(tmp, 'relatorio.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const pdf = Buffer.from('%PDF-1.7\n\u00ff\u0000binary', 'latin1');
    const res = await call('platform.saveFile', { suggestedName: 'relatorio.pdf', content: pdf.toString('base64'), encoding: 'base64' });
    expect(res).toEqual({ ok: true, data: { saved: true, fileName: 'relatorio.pdf' } });
    expect(readFileSync(chosen).equals(pdf)).toBe(true);
  });

  it('answers saved:false and writes nothing when the clerk cancels', async () => {
    const { call } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call('platform.saveFile', { suggestedName: 'x.csv', content: 'x' })).toEqual({ ok: true, data: { saved: false } });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('answers INTERNAL without the path when the file cannot be written', async () => {
    const { call } = setup();
    const chosen = join(tmp, 'missing-dir', 'x.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen });
    const res = await call('platform.saveFile', { suggestedName: 'x.csv', content: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain(tmp);
  });

  it('is refused for a foreign sender before any dialog', async () => {
    const { call } = setup();
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await call('platform.saveFile', { suggestedName: 'x.csv', content: 'x' })).toEqual(FORBIDDEN);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('platform.openExternal', () => {
  it('opens allowed URLs', async () => {
    const { call, dispatch } = setup();
    expect(await call('platform.openExternal', { url: 'https://wa.me/5511999998888?text=Oi' })).toMatchObject({ ok: true });
    expect(await call('platform.openExternal', { url: 'mailto:cobranca@cliente.com.br' })).toMatchObject({ ok: true });
    expect(shell.openExternal.mock.calls).toEqual([['https://wa.me/5511999998888?text=Oi'], ['mailto:cobranca@cliente.com.br']]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'http://example.com', 'smb://host/share', 42])(
    'refuses %j with VALIDATION',
    async (url) => {
      const { call } = setup();
      expect(await call('platform.openExternal', { url })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('isBareFileName', () => {
  it('accepts ordinary export names', () => {
    for (const name of ['carteira.csv', 'Relatório de aging — maio 2026.pdf', 'clientes (1).csv', '.env-export.txt']) {
      expect(isBareFileName(name)).toBe(true);
    }
  });
});

describe('validation messages', () => {
  it('name the field in pt-BR like the backend router does', async () => {
    const { call } = setup();
    const res = await call('platform.saveFile', { suggestedName: '../x.csv', content: 'x' });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Dados inválidos em suggestedName: Nome de arquivo inválido: use só o nome, sem pastas',
        details: { fields: [{ path: 'suggestedName', message: 'Nome de arquivo inválido: use só o nome, sem pastas' }] },
      },
    });
  });
});

describe('platform.openFile', () => {
  it('registers the file the dialog returns and answers a token, never the path', async () => {
    const { call, backend, dispatch } = setup();
    const chosen = join(tmp, 'títulos maio.csv');
    writeFileSync(chosen, 'cnpj;valor\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });

    const res = (await call('platform.openFile', { purpose: 'erp-import' })) as Envelope<PickedFile>;

    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data).toEqual({ token: expect.any(String), fileName: 'títulos maio.csv', sizeBytes: 11 });
    expect(JSON.stringify(res)).not.toContain(tmp);
    expect(backend.files.resolve(res.data.token).path).toBe(chosen);
    expect(dispatch).not.toHaveBeenCalled();
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(parent).toBe(win);
    expect(options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['csv', 'txt', 'xlsx'] }, { extensions: ['*'] }] });
  });

  it('answers null when the clerk cancels', async () => {
    const { call } = setup();
    expect(await call('platform.openFile', { purpose: 'bank-return' })).toEqual({ ok: true, data: null });
  });

  it('refuses an unknown purpose before any dialog', async () => {
    const { call } = setup();
    expect(await call('platform.openFile', { purpose: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('answers NOT_FOUND when the chosen file vanished', async () => {
    const { call } = setup();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(tmp, 'sumiu.ret')] });
    expect(await call('platform.openFile', { purpose: 'bank-return' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
