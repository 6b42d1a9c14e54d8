/**
 * Browser mode: the same createBackend() behind POST /rpc/:method and GET /events (server-sent events) on
 * 127.0.0.1, optionally serving the built renderer. Used by `npm run web` and by Playwright.
 */
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backend, Clock } from './backend.types';
import { createBackend } from './create-backend';
import { MAX_INTAKE_BYTES, toPickedFile, tooLargeMessage } from './files/file-intake';
import { AppError } from '../../shared/ipc/envelope';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface HostOptions {
  backend: Backend;
  port: number;
  staticDir?: string;
}

export function startHost({ backend, port, staticDir }: HostOptions): Promise<Server> {
  const root = staticDir ? resolve(staticDir) : null;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Only loopback names, so a page on another site cannot reach the backend through DNS rebinding.
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host !== '127.0.0.1' && host !== 'localhost') return void res.writeHead(403).end();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      if (req.headers['content-type']?.split(';')[0] !== 'application/json') return void res.writeHead(415).end();
      const body = await readBody(req);
      if (body === null) return json(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Requisição grande demais.' } });
      let params: unknown;
      try {
        params = body.length ? JSON.parse(body) : {};
      } catch {
        return json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'JSON inválido.' } });
      }
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      return json(res, 200, await backend.dispatch(method, params, { origin: 'http' }));
    }

    // A picked file's bytes (browser mode's open dialog). The octet-stream type forces a CORS preflight, which
    // this host never answers, so another site cannot upload.
    if (req.method === 'POST' && url.pathname === '/upload') {
      if (req.headers['content-type'] !== 'application/octet-stream') return void res.writeHead(415).end();
      const fileName = url.searchParams.get('name') ?? 'arquivo';
      return json(res, 200, await receiveUpload(req, backend, fileName));
    }

    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      // Unnamed events carrying { name, payload }, so a new backend event needs no new listener in the page.
      const off = backend.onEvent((name, payload) => res.write(`data: ${JSON.stringify({ name, payload })}\n\n`));
      req.on('close', off);
      return;
    }

    if (req.method === 'GET' && root) return serveStatic(root, url.pathname, res);
    res.writeHead(404).end();
  }

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

/** Resolves a URL path inside root, or null when it would escape it. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(join(root, decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

function serveStatic(root: string, pathname: string, res: ServerResponse) {
  let file = resolveStaticPath(root, pathname);
  if (!file) return void res.writeHead(404).end();
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(pathname)) return void res.writeHead(404).end();
    file = join(root, 'index.html');
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        ok(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

async function receiveUpload(req: IncomingMessage, backend: Backend, fileName: string) {
  const path = backend.files.uploadPath();
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_INTAKE_BYTES) {
    req.destroy();
    return { ok: false, error: { code: 'VALIDATION', message: tooLargeMessage(declared) } };
  }
  try {
    await new Promise<void>((ok, fail) => {
      const out = createWriteStream(path);
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_INTAKE_BYTES) {
          req.destroy();
          out.destroy();
          fail(new AppError('VALIDATION', tooLargeMessage(size)));
        }
      });
      req.on('error', fail);
      out.on('error', fail);
      out.on('finish', ok);
      req.pipe(out);
    });
    return { ok: true, data: toPickedFile(backend.files.registerPath(path, fileName)) };
  } catch (err) {
    rmSync(path, { force: true });
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    return { ok: false, error: { code: 'INTERNAL', message: 'Não foi possível receber o arquivo.' } };
  }
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A fixed instant for demos and tests (`--now 2026-11-30T12:00:00-03:00`); otherwise the real clock. */
function clockFrom(now: string | undefined): Clock {
  if (!now) return { now: () => new Date() };
  const fixed = new Date(now);
  if (Number.isNaN(fixed.getTime())) throw new Error(`--now inválido: ${now}`);
  return { now: () => new Date(fixed) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: '.data/adimple-web.sqlite' },
      port: { type: 'string', default: '5174' },
      static: { type: 'string' },
      now: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const backend = createBackend({ dbPath: values.db, clock: clockFrom(values.now), auth: 'required' });
  if (values.demo) {
    const info = await backend.dispatch('app.info', {}, { origin: 'startup' });
    if (info.ok && (info.data as { customerCount: number }).customerCount === 0) await backend.dispatch('demo.load', {}, { origin: 'startup' });
  }
  const server = await startHost({ backend, port: Number(values.port), ...(values.static ? { staticDir: values.static } : {}) });
  console.log(`Adimple backend em http://127.0.0.1:${values.port} (banco: ${values.db})`);
  const stop = () => {
    server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main();
