// The loopback host of browser mode: file uploads become tokens the backend resolves, and backend events
// reach the page as server-sent events.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/backend/dev-server';
import type { PickedFile } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { openTestBackend, removeAllTempDirs, validCustomer, type TestBackend } from '../helpers/backend';

let tb: TestBackend;
let server: Server;
let base: string;

beforeEach(async () => {
  tb = openTestBackend();
  server = await startHost({ backend: tb.backend, port: 0 });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  tb.close();
  removeAllTempDirs();
});

async function upload(name: string, body: Buffer, contentType = 'application/octet-stream') {
  const res = await fetch(`${base}/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) });
  return { status: res.status, env: res.status === 200 ? ((await res.json()) as Envelope<PickedFile>) : null };
}

describe('POST /upload', () => {
  it('keeps the bytes and answers a token the backend resolves to them', async () => {
    const bytes = Buffer.from('Razão Social;CNPJ\r\nMercado São João;11.222.333/0001-81\r\n', 'latin1');
    const { status, env } = await upload('títulos maio.csv', bytes);
    expect(status).toBe(200);
    if (!env?.ok) throw new Error(JSON.stringify(env));
    expect(env.data).toEqual({ token: expect.any(String), fileName: 'títulos maio.csv', sizeBytes: bytes.length });
    const kept = tb.backend.files.resolve(env.data.token);
    expect(readFileSync(kept.path).equals(bytes)).toBe(true);
  });

  it('takes only the base name of what the page says the file is called', async () => {
    const { env } = await upload('../../etc/passwd', Buffer.from('x'));
    if (!env?.ok) throw new Error(JSON.stringify(env));
    expect(env.data.fileName).toBe('passwd');
  });

  it('refuses other content types (a cross-site form cannot post here)', async () => {
    expect((await upload('a.csv', Buffer.from('x'), 'text/plain')).status).toBe(415);
  });

  it('forgets uploads when the backend closes', async () => {
    const { env } = await upload('a.csv', Buffer.from('x'));
    if (!env?.ok) throw new Error(JSON.stringify(env));
    const { path } = tb.backend.files.resolve(env.data.token);
    tb.backend.files.close();
    expect(() => tb.backend.files.resolve(env.data.token)).toThrow(/escolha o arquivo de novo/);
    expect(() => readFileSync(path)).toThrow();
  });
});

describe('file intake', () => {
  it('registers a path and refuses unknown tokens with a pt-BR message', () => {
    const path = join(tb.dir, 'retorno.ret');
    writeFileSync(path, '0'.repeat(240));
    const f = tb.backend.files.registerPath(path);
    expect(f).toMatchObject({ fileName: 'retorno.ret', sizeBytes: 240, path });
    expect(() => tb.backend.files.resolve('nao-existe')).toThrow('Arquivo não encontrado: escolha o arquivo de novo.');
    expect(() => tb.backend.files.registerPath(tb.dir)).toThrow(/não é um arquivo/);
  });
});

describe('GET /events', () => {
  it('streams backend events as { name, payload }', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/events`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await tb.call('customers.create', validCustomer());
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const data = JSON.parse(text.replace(/^data: /, '').trim()) as unknown;
    expect(data).toEqual({ name: 'data.changed', payload: { tables: ['customers', 'activity_log'] } });
  });
});
