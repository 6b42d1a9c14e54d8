/**
 * The régua end to end on a real SQLite file, with a real SMTP server on loopback (smtp-server) and a real
 * HTTP server playing the SMS/WhatsApp gateway: passes, idempotency across runs and crashes, contact hours,
 * holidays, pauses, payments in the meantime, the frequency cap, retries and permanent failures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import type { MessageSender } from '../../electron/backend/messaging/messaging.types';
import type { SmtpTrust } from '../../electron/backend/messaging/smtp-mailer';
import type { CompanyInfo } from '../../electron/backend/services/dunning.service';
import { MAX_ATTEMPTS } from '../../electron/backend/services/outbox.service';
import type { SmtpSecurity } from '../../shared/domain/smtp-security';
import type { ApiResult, Method } from '../../shared/ipc/contract';
import type { Params } from '../../shared/ipc/schemas';
import { CallError, CNPJS, makeTempDir, removeAllTempDirs, testClock, validCustomer, validInvoice } from '../helpers/backend';
import Database from 'better-sqlite3';
import { join } from 'node:path';

const COMPANY: CompanyInfo = {
  creditor: { legalName: 'Distribuidora Exemplo Ltda', document: '11222333000181', address: 'Rua A, 10 — Centro — Campinas/SP', city: 'Campinas', pixKey: '11222333000181' },
  finePercentBp: 200,
  monthlyInterestBp: 100,
};

// ---------------------------------------------------------------------------------------------------------
// A real SMTP server on loopback

interface Received {
  from: string;
  to: string[];
  raw: string;
  /** Whether the session was encrypted (implicit TLS or after STARTTLS). */
  secure: boolean;
}

/** A server certificate (PEM) and its key; `tls.mode` 'implicit' = TLS from the first byte, 'starttls' = upgrade offered. */
interface ServerTls {
  mode: 'implicit' | 'starttls';
  key: string;
  cert: string;
}

/** A refusal the test server answers with, written as a real server would: `${code} ${text}`, text with its enhanced status. */
interface Refusal {
  code: number;
  text: string;
}

async function startSmtp(opts: { rejectRcpt?: (address: string) => Refusal | null; rejectMailFrom?: Refusal; offerAuth?: boolean; tls?: ServerTls } = {}) {
  const messages: Received[] = [];
  const mailFroms: string[] = [];
  const logins: string[] = [];
  const refuse = (r: Refusal) => Object.assign(new Error(r.text), { responseCode: r.code });
  const disabledCommands = [...(opts.tls?.mode === 'starttls' ? [] : ['STARTTLS']), ...(opts.offerAuth ? [] : ['AUTH'])];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands,
    // AUTH offered on a plain connection, as a careless relay would: the mailer must still not use it.
    allowInsecureAuth: opts.offerAuth === true,
    // The refusals carry their own enhanced status (5.7.1, 5.1.1 …) instead of the server's default for the code.
    hideENHANCEDSTATUSCODES: true,
    ...(opts.tls ? { secure: opts.tls.mode === 'implicit', key: opts.tls.key, cert: opts.tls.cert } : {}),
    logger: false,
    onAuth(auth, _session, cb) {
      logins.push(auth.username ?? '');
      cb(null, { user: auth.username });
    },
    onMailFrom(address, _session, cb) {
      mailFroms.push(address.address);
      cb(opts.rejectMailFrom ? refuse(opts.rejectMailFrom) : undefined);
    },
    onRcptTo(address, _session, cb) {
      const refusal = opts.rejectRcpt?.(address.address);
      cb(refusal ? refuse(refusal) : undefined);
    },
  onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
        });
        cb();
      });
    },
  });
  // A client that refuses the certificate drops the connection mid-handshake: the server reports it here.
  const errors: string[] = [];
  server.on('error', (err) => errors.push(err.message));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, mailFroms, logins, errors, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Decodes a MIME part body (quoted-printable or base64) and encoded-word headers: enough to assert on. */
function decodeQp(s: string): string {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
    );
}
function part(raw: string, contentType: 'text/plain' | 'text/html'): string {
  const re = new RegExp(`Content-Type: ${contentType}[^\\r\\n]*\\r?\\n((?:[^\\r\\n]+\\r?\\n)*)\\r?\\n([\\s\\S]*?)\\r?\\n--`, 'i');
  const m = re.exec(raw);
  if (!m) throw new Error(`no ${contentType} part in:\n${raw.slice(0, 2000)}`);
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(m[1]!)?.[1]?.toLowerCase();
  return encoding === 'base64' ? Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? decodeQp(m[2]!) : m[2]!;
}

// ---------------------------------------------------------------------------------------------------------
// Backend on a real file with the régua

interface Desk {
  backend: Backend;
  dbPath: string;
  clock: ReturnType<typeof testClock>;
  call<M extends Method>(method: M, params: Params<M>): Promise<ApiResult<M>>;
  raw(): Database.Database;
  close(): void;
}

const toClose: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of toClose.splice(0).reverse()) await c();
  removeAllTempDirs();
});

/** `company: 'settings'` reads the creditor from Configurações › Empresa, as the app does. */
function openDesk(
  opts: { dir?: string; clock?: ReturnType<typeof testClock>; mailer?: MessageSender; gateway?: MessageSender; company?: CompanyInfo | null | 'settings'; smtpTrust?: SmtpTrust } = {},
): Desk {
  const dir = opts.dir ?? makeTempDir();
  const dbPath = join(dir, 'adimple.db');
  const clock = opts.clock ?? testClock();
  const company = opts.company === undefined ? COMPANY : opts.company;
  const backend = createBackend({
    dbPath,
    clock,
    log: () => {},
    actor: () => 'teste',
    ...(company === 'settings' ? {} : { company: async () => company }),
    ...(opts.mailer ? { mailer: opts.mailer } : {}),
    ...(opts.gateway ? { gateway: opts.gateway } : {}),
    ...(opts.smtpTrust ? { smtpTrust: opts.smtpTrust } : {}),
  });
  const raws: Database.Database[] = [];
  let closed = false;
  const desk: Desk = {
    backend,
    dbPath,
    clock,
    async call(method, params) {
      const env = await backend.dispatch(method, params);
      if (!env.ok) throw new CallError(method, env.error);
      return env.data as never;
    },
    raw() {
      const db = new Database(dbPath);
      raws.push(db);
      return db;
    },
    close() {
      if (closed) return;
      closed = true;
      for (const r of raws) r.close();
      backend.close();
    },
  };
  toClose.push(() => desk.close());
  return desk;
}

async function useSmtp(desk: Desk, smtp: { port: number }, security: SmtpSecurity = 'none') {
  await desk.call('dunning.settings.save', {
    clerkName: 'Carla',
    maxContactsPerDay: 1,
    maxContactsPerWeek: 3,
    maxCatchUpDays: 7,
    smtp: { host: '127.0.0.1', port: smtp.port, security, user: null, fromEmail: 'cobranca@exemplo.com.br', fromName: 'Cobrança Exemplo' },
    gateway: null,
  });
}

async function customerWithEmail(desk: Desk, email = 'joana@mercado.com.br', over: Partial<Params<'customers.create'>> = {}) {
  const c = await desk.call('customers.create', validCustomer({ tradeName: 'Mercado Bom Preço', ...over }));
  const contact = await desk.call('contacts.create', { customerId: c.id, name: 'Joana', email, whatsapp: '11987654321', preferredChannel: 'email' });
  return { customerId: c.id, contactId: contact.id };
}

const count = (db: Database.Database, sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

describe('régua: pass, outbox and real SMTP', () => {
  it('sends one D0 e-mail with the títulos, the updated total and both parts; a second run sends nothing', async () => {
    const smtp = await startSmtp();
    toClose.push(smtp.close);
    const desk = openDesk();
    await useSmtp(desk, smtp);
    const { customerId } = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF-1001', dueDate: '2026-11-25', amountCents: 123_456, boletoLine: null }));
    await desk.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF-1002', dueDate: '2026-11-25', amountCents: 10_000 }));

    const runs = await desk.backend.scheduler.runOnce();
    expect(runs.map((r) => [r.jobName, r.status])).toEqual([
      ['negotiation.review', 'ok'],
      ['dunning.pass', 'ok'],
      ['outbox.send', 'ok'],
    ]);
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m.to).toEqual(['joana@mercado.com.br']);
    expect(m.from).toBe('cobranca@exemplo.com.br');
    expect(header(m.raw, 'Subject')).toBe('Vence hoje — Distribuidora Exemplo Ltda');
    const text = part(m.raw, 'text/plain');
    expect(text).toContain('Olá, Joana!');
    expect(text).toContain('• Nº NF-1001 — vencimento 25/11/2026 — R$\u00a01.234,56');
    expect(text).toContain('• Nº NF-1002');
    expect(text).toContain('Total: R$\u00a01.334,56');
    expect(text).toContain('Distribuidora Exemplo Ltda — CNPJ/CPF 11.222.333/0001-81');
    expect(text).toMatch(/000201.*6304[0-9A-F]{4}/); // a Pix copia e cola
    const html = part(m.raw, 'text/html');
    expect(html).toContain('<table');
    expect(html).toContain('NF-1001');

    const outbox = await desk.call('outbox.list', {});
    expect(outbox.counts.sent).toBe(1);
    expect(outbox.rows[0]).toMatchObject({ status: 'sent', toAddress: 'joana@mercado.com.br', attempts: 1, customerName: expect.any(String) });

    // Again later the same day: nothing new. The next day is D+1 (business): the "já pagou?" step, once.
    desk.clock.advanceMs(2 * 3_600_000);
    await desk.backend.scheduler.runOnce({ force: true });
    expect(smtp.messages).toHaveLength(1);
    desk.clock.set('2026-11-26T15:00:00.000Z');
    await desk.backend.scheduler.runOnce({ force: true });
    await desk.backend.scheduler.runOnce({ force: true });
    expect(smtp.messages.map((x) => header(x.raw, 'Subject'))).toEqual(['Vence hoje — Distribuidora Exemplo Ltda', 'Não identificamos o pagamento — Distribuidora Exemplo Ltda']);
    const activity = await desk.call('activity.list', { customerId });
    expect(activity.rows.filter((r) => r.action === 'dunning.message_sent').map((r) => r.details.to)).toEqual(['joana@mercado.com.br', 'joana@mercado.com.br']);
  });

  it('a 550 rejection is a permanent failure: contact marked invalid and a "fix the contact" task', async () => {
    const smtp = await startSmtp({ rejectRcpt: (a) => (a.startsWith('nao.existe') ? { code: 550, text: '5.1.1 Mailbox unavailable' } : null) });
    toClose.push(smtp.close);
    const desk = openDesk();
    await useSmtp(desk, smtp);
    const { customerId, contactId } = await customerWithEmail(desk, 'nao.existe@mercado.com.br');
    await desk.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();

    expect(smtp.messages).toHaveLength(0);
    const failed = await desk.call('outbox.list', { status: 'failed' });
    expect(failed.rows).toHaveLength(1);
    expect(failed.rows[0]!.lastError).toMatch(/550/);
    const contact = (await desk.call('customers.get', { id: customerId })).contacts.find((c) => c.id === contactId)!;
    expect(contact.isValid).toBe(false);
    const queue = await desk.call('queue.list', {});
    expect(queue.rows.map((t) => t.type)).toContain('fix_contact');
    expect(queue.rows.find((t) => t.type === 'fix_contact')!.title).toContain('nao.existe@mercado.com.br');
  });

  it('a bare 553 at RCPT TO is the address as well', async () => {
    const smtp = await startSmtp({ rejectRcpt: () => ({ code: 553, text: 'Requested action not taken: mailbox name not allowed' }) });
    toClose.push(smtp.close);
    const desk = openDesk();
    await useSmtp(desk, smtp);
    const { customerId, contactId } = await customerWithEmail(desk, 'joana.antiga@mercado.com.br');
    await desk.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();
    expect((await desk.call('outbox.list', { status: 'failed' })).rows[0]!.lastError).toMatch(/^Servidor de e-mail recusou o destinatário \(553\)/);
    expect((await desk.call('customers.get', { id: customerId })).contacts.find((c) => c.id === contactId)!.isValid).toBe(false);
  });

  /** Two debtors with a D0 e-mail each, sent through `smtp`; returns what the company and the debtors see. */
  async function sendTwoThrough(smtp: { port: number }) {
    const desk = openDesk();
    await useSmtp(desk, smtp);
    const debtors = [await customerWithEmail(desk, 'joana@mercado.com.br'), await customerWithEmail(desk, 'paulo@padaria.com.br', { document: CNPJS[1]! })];
    for (const d of debtors) await desk.call('invoices.create', validInvoice(d.customerId, { documentNumber: `NF-${d.customerId}`, dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();
    const rows = (await desk.call('outbox.list', {})).rows;
    const contacts = await Promise.all(debtors.map(async (d) => (await desk.call('customers.get', { id: d.customerId })).contacts[0]!));
    const tasks = (await desk.call('queue.list', {})).rows;
    return { desk, rows, contacts, tasks };
  }

  for (const scenario of [
    { name: 'the sender refused at MAIL FROM (553 5.7.1)', opts: { rejectMailFrom: { code: 553, text: '5.7.1 Sender address rejected: not owned by user' } }, error: /recusou o remetente cobranca@exemplo\.com\.br \(553 5\.7\.1 Sender address rejected: not owned by user\)/ },
    { name: 'relaying refused at RCPT TO (550 5.7.1)', opts: { rejectRcpt: () => ({ code: 550, text: '5.7.1 Unable to relay' }) }, error: /não aceitou enviar mensagens de cobranca@exemplo\.com\.br para fora \(550 5\.7\.1 Unable to relay\)/ },
  ]) {
    it(`${scenario.name} is the company's settings: contacts stay valid, one alert, one connection, retried later`, async () => {
      const smtp = await startSmtp(scenario.opts);
      toClose.push(smtp.close);
      const { rows, contacts, tasks } = await sendTwoThrough(smtp);

      expect(smtp.messages).toHaveLength(0);
      expect(smtp.mailFroms).toHaveLength(1); // the second message waited instead of being refused too
      expect(rows.map((r) => [r.status, r.attempts, r.nextAttemptAt]).sort()).toEqual([
        ['queued', 0, '2026-11-25T15:05:00.000Z'],
        ['queued', 1, '2026-11-25T15:05:00.000Z'],
      ]);
      const tried = rows.find((r) => r.attempts === 1)!;
      expect(tried.lastError).toMatch(/^O servidor de e-mail 127\.0\.0\.1:\d+ /);
      expect(tried.lastError).toMatch(scenario.error);
      expect(contacts.map((c) => c.isValid)).toEqual([true, true]);
      expect(tasks.map((t) => [t.type, t.title])).toEqual([['internal', 'Verificar configuração de e-mail: nenhum e-mail da régua está saindo']]);
      expect(tasks[0]!.messageText).toContain(tried.lastError!);
    });
  }

  it('older settings with a login and no encryption never send the password in the clear, even to a relay that offers AUTH', async () => {
    const smtp = await startSmtp({ offerAuth: true });
    toClose.push(smtp.close);
    const desk = openDesk();
    await desk.call('dunning.settings.save', {
      clerkName: 'Carla', maxContactsPerDay: 1, maxContactsPerWeek: 3, maxCatchUpDays: 7, gateway: null, smtpPassword: 'segredo',
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: null, fromEmail: 'cobranca@exemplo.com.br', fromName: 'Cobrança Exemplo' },
    });
    // What a version before the rule could have saved: a user with security 'none'.
    desk.raw().prepare("UPDATE settings SET value = json_set(value, '$.smtp.user', 'cobranca') WHERE key = 'dunning.settings'").run();
    const { customerId } = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();

    expect(smtp.logins).toEqual([]);
    expect(smtp.mailFroms).toEqual([]);
    const row = (await desk.call('outbox.list', {})).rows[0]!;
    expect(row).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(row.lastError).toBe(
      'Envio sem criptografia com usuário e senha foi recusado: a senha de cobranca passaria em texto aberto até 127.0.0.1. Deixe o usuário vazio ou escolha SSL/TLS ou STARTTLS em Régua › Configurações de envio.',
    );
    expect((await desk.call('queue.list', {})).rows.map((t) => t.type)).toEqual(['internal']);
  });

  it('a server that is down means retries with backoff; when it is back, the message goes out once', async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close(); // nothing listens on the port now
    const desk = openDesk();
    await useSmtp(desk, { port });
    const { customerId } = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();
    let row = (await desk.call('outbox.list', {})).rows[0]!;
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toMatch(/Falha temporária/);
    expect(row.nextAttemptAt).toBe('2026-11-25T15:05:00.000Z');

    desk.clock.advanceMs(5 * 60_000);
    await desk.backend.scheduler.runOnce();
    row = (await desk.call('outbox.list', {})).rows[0]!;
    expect(row).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: '2026-11-25T15:15:00.000Z' });

    const back = await startSmtp();
    toClose.push(back.close);
    await useSmtp(desk, back);
    desk.clock.advanceMs(10 * 60_000);
    await desk.backend.scheduler.runOnce();
    await desk.backend.scheduler.runOnce();
    expect(back.messages).toHaveLength(1);
    expect((await desk.call('outbox.list', {})).rows[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });
});

// ---------------------------------------------------------------------------------------------------------
// SMTP over TLS, against certificates made for the test by openssl: a CA the mailer is told to trust (the
// typed `smtpTrust` option, never by turning verification off), a server certificate it signed for
// 127.0.0.1, one it signed for another name, and a self-signed one nobody trusts.

interface TestPki {
  caPem: string;
  trusted: { key: string; cert: string };
  wrongName: { key: string; cert: string };
  untrusted: { key: string; cert: string };
}

function makeTestPki(): TestPki {
  const dir = makeTempDir();
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Adimple Teste CA');
  const leaf = (name: string, subjectAltName: string) => {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`);
    return { key: read(`${name}.key`), cert: read(`${name}.pem`) };
  };
  const trusted = leaf('smtp-local', 'IP:127.0.0.1,DNS:localhost');
  const wrongName = leaf('smtp-outro', 'DNS:smtp.outro-servidor.com.br');
  openssl('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');
  return { caPem: read('ca.pem'), trusted, wrongName, untrusted: { key: read('self.key'), cert: read('self.pem') } };
}

describe('régua: SMTP over TLS, certificates always verified', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki();
  });

  async function sendOneOver(tls: ServerTls, security: SmtpSecurity) {
    const smtp = await startSmtp({ tls });
    toClose.push(smtp.close);
    const desk = openDesk({ smtpTrust: { extraCaPem: [pki.caPem] } });
    await useSmtp(desk, smtp, security);
    const { customerId } = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(customerId, { documentNumber: 'NF-2001', dueDate: '2026-11-25', amountCents: 98_765 }));
    await desk.backend.scheduler.runOnce();
    return { smtp, desk, customerId };
  }

  it('implicit TLS (465-style): the e-mail arrives encrypted with the right recipient, subject and amount', async () => {
    const { smtp, desk } = await sendOneOver({ mode: 'implicit', ...pki.trusted }, 'tls');
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m).toMatchObject({ to: ['joana@mercado.com.br'], secure: true });
    expect(header(m.raw, 'Subject')).toBe('Vence hoje — Distribuidora Exemplo Ltda');
    expect(part(m.raw, 'text/plain')).toContain('• Nº NF-2001 — vencimento 25/11/2026 — R$\u00a0987,65');
    expect((await desk.call('outbox.list', {})).rows[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('STARTTLS required (587-style): upgraded before the message; a server that does not offer STARTTLS gets nothing', async () => {
    const { smtp, desk } = await sendOneOver({ mode: 'starttls', ...pki.trusted }, 'starttls');
    expect(smtp.messages.map((m) => [m.to, m.secure, header(m.raw, 'Subject')])).toEqual([[['joana@mercado.com.br'], true, 'Vence hoje — Distribuidora Exemplo Ltda']]);
    expect((await desk.call('outbox.list', {})).counts.sent).toBe(1);

    const plain = await startSmtp(); // STARTTLS disabled
    toClose.push(plain.close);
    const other = openDesk({ smtpTrust: { extraCaPem: [pki.caPem] } });
    await useSmtp(other, plain, 'starttls');
    const { customerId } = await customerWithEmail(other);
    await other.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    await other.backend.scheduler.runOnce();
    expect(plain.messages).toHaveLength(0);
    const row = (await other.call('outbox.list', {})).rows[0]!;
    expect(row).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/^O servidor de e-mail 127\.0\.0\.1:\d+ não aceitou STARTTLS, exigido pela configuração/);
    expect((await other.call('customers.get', { id: customerId })).contacts[0]!.isValid).toBe(true);
  });

  it('an untrusted certificate is refused on every retry, then the message fails with an alert for the company; nothing is ever sent', async () => {
    const { smtp, desk, customerId } = await sendOneOver({ mode: 'implicit', ...pki.untrusted }, 'tls');
    const first = (await desk.call('outbox.list', {})).rows[0]!;
    expect(first).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(first.lastError).toMatch(/^Certificado do servidor de e-mail 127\.0\.0\.1:\d+ não é confiável \(.*certificate.*\)\. Nada foi enviado/);

    // Retries with backoff (postponed overnight by the contact hours) until the sender gives up.
    let row = first;
    for (let pass = 0; pass < 30 && row.status === 'queued'; pass++) {
      desk.clock.set(row.nextAttemptAt);
      await desk.backend.scheduler.runOnce();
      row = (await desk.call('outbox.list', {})).rows.find((r) => r.id === first.id)!;
    }
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, sentAt: null });
    expect(row.lastError).toMatch(/não é confiável.*\(desistimos após 8 tentativas\)/);
    expect(smtp.messages).toHaveLength(0);
    const outbox = await desk.call('outbox.list', {});
    expect(outbox.counts.sent).toBe(0);
    // The company's server is at fault, not Joana's address: her contact stays valid and the alerts are the company's, one a day.
    expect((await desk.call('customers.get', { id: customerId })).contacts[0]!.isValid).toBe(true);
    const tasks = (await desk.call('queue.list', {})).rows;
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((t) => t.title))).toEqual(new Set(['Verificar configuração de e-mail: nenhum e-mail da régua está saindo']));
    expect(tasks.map((t) => t.type)).not.toContain('fix_contact');
    expect(tasks[0]!.messageText).toContain('Certificados autoassinados ou que não conferem com o nome do servidor não são mais aceitos');
    expect(smtp.errors.length).toBeGreaterThan(0); // the server saw each handshake dropped
  });

  it('settings: no encryption only for a local relay and without a login; older settings cannot send in the clear', async () => {
    const desk = openDesk();
    const base = { clerkName: 'Carla', maxContactsPerDay: 1, maxContactsPerWeek: 3, maxCatchUpDays: 7, gateway: null };
    const smtp = { host: 'smtp.provedor.com.br', port: 25, security: 'none' as const, user: 'cobranca', fromEmail: 'cobranca@exemplo.com.br', fromName: 'Cobrança' };
    const env = await desk.backend.dispatch('dunning.settings.save', { ...base, smtp });
    expect(env.ok ? null : env.error.details).toMatchObject({
      fields: [
        { path: 'smtp.host', message: 'Sem criptografia só é permitido um servidor local ou da rede interna, indicado pelo endereço IP (ex.: 192.168.0.10) ou localhost; para smtp.provedor.com.br escolha SSL/TLS ou STARTTLS' },
        { path: 'smtp.user', message: 'Sem criptografia a senha passaria em texto aberto: deixe o usuário vazio ou escolha SSL/TLS ou STARTTLS' },
      ],
    });
    const saved = await desk.call('dunning.settings.save', { ...base, smtp: { ...smtp, host: '192.168.0.10', user: null } });
    expect(saved.smtp).toEqual({ host: '192.168.0.10', port: 25, security: 'none', user: null, fromEmail: 'cobranca@exemplo.com.br', fromName: 'Cobrança' });

    // A setting from an older version: a public server in the clear, and a switch that skipped verification.
    desk.raw().prepare("UPDATE settings SET value = json_set(value, '$.smtp.host', 'smtp.provedor.com.br', '$.smtp.allowSelfSigned', json('true')) WHERE key = 'dunning.settings'").run();
    expect((await desk.call('dunning.settings.get', {})).smtp).not.toHaveProperty('allowSelfSigned');
    const { customerId } = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();
    const row = (await desk.call('outbox.list', {})).rows[0]!;
    expect(row).toMatchObject({ status: 'queued', sentAt: null });
    expect(row.lastError).toMatch(/^Envio sem criptografia só é permitido para um servidor local ou da rede interna, indicado pelo endereço IP \(ex\.: 192\.168\.0\.10\) ou localhost; smtp\.provedor\.com\.br não é/);
  });

  it('a certificate from the trusted CA but for another host name is refused as well', async () => {
    const { smtp, desk } = await sendOneOver({ mode: 'starttls', ...pki.wrongName }, 'starttls');
    expect(smtp.messages).toHaveLength(0);
    const row = (await desk.call('outbox.list', {})).rows[0]!;
    expect(row).toMatchObject({ status: 'queued', sentAt: null });
    expect(row.lastError).toMatch(/não é confiável \(Hostname\/IP does not match/);
  });
});

describe('régua: never twice', () => {
  it('a crash after the e-mail left but before it was recorded never re-sends it', async () => {
    const dir = makeTempDir();
    const delivered: string[] = [];
    const crashingMailer: MessageSender = {
      send: async (m) => {
        delivered.push(m.to);
        throw new Error('processo encerrado no meio do envio');
      },
    };
    const first = openDesk({ dir, mailer: crashingMailer });
    const { customerId } = await customerWithEmail(first);
    await first.call('invoices.create', validInvoice(customerId, { dueDate: '2026-11-25' }));
    const runs = await first.backend.scheduler.runOnce();
    expect(runs.find((r) => r.jobName === 'outbox.send')!.status).toBe('failed');
    expect(delivered).toHaveLength(1);
    first.close();

    const goodMailer: MessageSender = { send: async (m) => (delivered.push(m.to), { ok: true, providerId: null }) };
    const restarted = openDesk({ dir, mailer: goodMailer, clock: testClock('2026-11-25T15:10:00.000Z') });
    await restarted.backend.scheduler.runOnce({ force: true });
    await restarted.backend.scheduler.runOnce({ force: true });
    expect(delivered).toHaveLength(1);
    const failed = (await restarted.call('outbox.list', { status: 'failed' })).rows;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastError).toMatch(/Envio interrompido/);
  });

  it('a pass that dies half-way leaves nothing; the rerun records each action exactly once', async () => {
    const sent: string[] = [];
    const desk = openDesk({ mailer: { send: async (m) => (sent.push(m.idempotencyKey), { ok: true, providerId: null }) } });
    const a = await customerWithEmail(desk, 'a@a.com.br');
    const b = await customerWithEmail(desk, 'b@b.com.br');
    await desk.call('invoices.create', validInvoice(a.customerId, { dueDate: '2026-11-25' }));
    await desk.call('invoices.create', validInvoice(b.customerId, { dueDate: '2026-11-18' })); // D+7: e-mail + internal task
    const db = desk.raw();
    db.exec(`CREATE TRIGGER die_mid_pass BEFORE INSERT ON dunning_tasks BEGIN SELECT RAISE(ABORT, 'queda de energia'); END;`);
    const runs = await desk.backend.scheduler.runOnce();
    expect(runs.find((r) => r.jobName === 'dunning.pass')!.status).toBe('failed');
    expect(count(db, 'SELECT COUNT(*) FROM outbox_messages')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) FROM dunning_step_log')).toBe(0);

    db.exec('DROP TRIGGER die_mid_pass');
    await desk.backend.scheduler.runOnce();
    await desk.backend.scheduler.runOnce({ force: true });
    expect(count(db, 'SELECT COUNT(*) FROM outbox_messages')).toBe(2);
    expect(count(db, 'SELECT COUNT(*) FROM dunning_tasks')).toBe(1);
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(2);
  });
});

describe('régua: when and whether to contact', () => {
  const recordingMailer = () => {
    const sent: { to: string; at: string; text: string }[] = [];
    let clock: ReturnType<typeof testClock> | null = null;
    const mailer: MessageSender = { send: async (m) => (sent.push({ to: m.to, at: clock!.now().toISOString(), text: m.text }), { ok: true, providerId: null }) };
    return { sent, mailer, bind: (c: ReturnType<typeof testClock>) => (clock = c) };
  };

  it('after 20h waits for 8h the next day; a payment in the meantime cancels the message', async () => {
    const r = recordingMailer();
    const desk = openDesk({ mailer: r.mailer, clock: testClock('2026-11-25T23:30:00.000Z') }); // 20:30 in São Paulo
    r.bind(desk.clock);
    const one = await customerWithEmail(desk, 'um@um.com.br');
    const two = await customerWithEmail(desk, 'dois@dois.com.br');
    await desk.call('invoices.create', validInvoice(one.customerId, { dueDate: '2026-11-25' }));
    const paidLater = await desk.call('invoices.create', validInvoice(two.customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();
    expect(r.sent).toHaveLength(0);
    const queued = (await desk.call('outbox.list', { status: 'queued' })).rows;
    expect(queued.map((q) => q.nextAttemptAt)).toEqual(['2026-11-26T11:00:00.000Z', '2026-11-26T11:00:00.000Z']);

    await desk.call('payments.register', { invoiceId: paidLater.id, amountCents: paidLater.amountCents, paidOn: '2026-11-25', method: 'pix' });
    desk.clock.set('2026-11-26T10:59:00.000Z');
    await desk.backend.scheduler.runOnce();
    expect(r.sent).toHaveLength(0);
    desk.clock.set('2026-11-26T11:00:00.000Z');
    await desk.backend.scheduler.runOnce();
    expect(r.sent.map((s) => [s.to, s.at])).toEqual([['um@um.com.br', '2026-11-26T11:00:00.000Z']]);
    const cancelled = (await desk.call('outbox.list', { status: 'cancelled' })).rows;
    expect(cancelled.map((c) => c.toAddress)).toEqual(['dois@dois.com.br']);
  });

  it('on a holiday and on Sunday nothing goes out; RJ waits for a business day at 9h', async () => {
    const r = recordingMailer();
    // Friday 2026-11-20 (Consciência Negra), 12:00 in São Paulo.
    const desk = openDesk({ mailer: r.mailer, clock: testClock('2026-11-20T15:00:00.000Z') });
    r.bind(desk.clock);
    const sp = await customerWithEmail(desk, 'sp@sp.com.br');
    const rj = await customerWithEmail(desk, 'rj@rj.com.br', {
      address: { street: 'Rua B', streetNumber: '1', complement: null, district: 'Centro', city: 'Rio de Janeiro', uf: 'RJ', postalCode: '20010-000' },
    });
    await desk.call('invoices.create', validInvoice(sp.customerId, { dueDate: '2026-11-20' }));
    await desk.call('invoices.create', validInvoice(rj.customerId, { dueDate: '2026-11-20' }));
    await desk.backend.scheduler.runOnce();
    expect(r.sent).toHaveLength(0);
    desk.clock.set('2026-11-21T11:00:00.000Z'); // Saturday 08:00: SP allows, RJ does not
    await desk.backend.scheduler.runOnce();
    expect(r.sent.map((s) => s.to)).toEqual(['sp@sp.com.br']);
    desk.clock.set('2026-11-22T15:00:00.000Z'); // Sunday
    await desk.backend.scheduler.runOnce({ force: true });
    expect(r.sent).toHaveLength(1);
    desk.clock.set('2026-11-23T12:00:00.000Z'); // Monday 09:00
    await desk.backend.scheduler.runOnce();
    expect(r.sent.map((s) => [s.to, s.at])).toEqual([
      ['sp@sp.com.br', '2026-11-21T11:00:00.000Z'],
      ['rj@rj.com.br', '2026-11-23T12:00:00.000Z'],
    ]);
  });

  it('contact hours the company set for a UF rule its debtors, in the pass and again just before sending; a window that ends before it starts is refused', async () => {
    const r = recordingMailer();
    const desk = openDesk({ mailer: r.mailer, clock: testClock('2026-11-25T15:00:00.000Z') }); // Wednesday 12:00 in Brasília time
    r.bind(desk.clock);
    const window = (from: number, to: number) => ({ startMinute: from * 60, endMinute: to * 60 });
    const weekdays = (from: number, to: number) => [null, ...Array.from({ length: 5 }, () => window(from, to)), null];
    const base = { clerkName: 'Carla', maxContactsPerDay: 1, maxContactsPerWeek: 3, maxCatchUpDays: 7, smtp: null, gateway: null };
    const saved = await desk.call('dunning.settings.save', { ...base, contactHours: [{ uf: 'mg', byWeekday: weekdays(10, 12) }] });
    expect(saved.contactHours).toEqual([{ uf: 'MG', byWeekday: weekdays(10, 12) }]);

    const sp = await customerWithEmail(desk, 'sp@sp.com.br');
    const mg = await customerWithEmail(desk, 'mg@mg.com.br', {
      address: { street: 'Rua C', streetNumber: '2', complement: null, district: 'Centro', city: 'Belo Horizonte', uf: 'MG', postalCode: '30110-000' },
    });
    await desk.call('invoices.create', validInvoice(sp.customerId, { dueDate: '2026-11-25' }));
    await desk.call('invoices.create', validInvoice(mg.customerId, { dueDate: '2026-11-25' }));
    await desk.backend.scheduler.runOnce();
    expect(r.sent.map((m) => m.to)).toEqual(['sp@sp.com.br']); // SP's law: until 20h
    const queued = (await desk.call('outbox.list', { status: 'queued' })).rows;
    expect(queued.map((q) => [q.toAddress, q.nextAttemptAt])).toEqual([['mg@mg.com.br', '2026-11-26T13:00:00.000Z']]); // MG: tomorrow 10h

    // The window narrows overnight: the sender re-checks it and waits for 11h.
    await desk.call('dunning.settings.save', { ...base, contactHours: [{ uf: 'MG', byWeekday: weekdays(11, 12) }] });
    desk.clock.set('2026-11-26T13:00:00.000Z');
    await desk.backend.scheduler.runOnce();
    const toMg = () => r.sent.filter((m) => m.to === 'mg@mg.com.br').map((m) => m.at);
    expect(toMg()).toEqual([]);
    const waiting = (await desk.call('outbox.list', { status: 'queued' })).rows.find((q) => q.toAddress === 'mg@mg.com.br');
    expect(waiting?.nextAttemptAt).toBe('2026-11-26T14:00:00.000Z');
    desk.clock.set('2026-11-26T14:00:00.000Z');
    await desk.backend.scheduler.runOnce();
    expect(toMg()).toEqual(['2026-11-26T14:00:00.000Z']);

    const wrong = [null, window(12, 10), null, null, null, null, null];
    const env = await desk.backend.dispatch('dunning.settings.save', { ...base, contactHours: [{ uf: 'MG', byWeekday: wrong }, { uf: 'MG', byWeekday: weekdays(9, 18) }] });
    expect(env.ok ? null : env.error.details).toEqual({
      fields: [
        { path: 'contactHours.0.byWeekday.1', message: 'Horário de contato de MG, segunda: o fim deve ser depois do início' },
        { path: 'contactHours.1.uf', message: 'Horário de contato: a UF MG aparece mais de uma vez' },
      ],
    });
  });

  it('a paused customer gets nothing until resumed; a disputed título pauses the customer', async () => {
    const r = recordingMailer();
    const desk = openDesk({ mailer: r.mailer });
    r.bind(desk.clock);
    const c = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(c.customerId, { dueDate: '2026-11-25' }));
    const pause = await desk.call('dunning.pause', { customerId: c.customerId, reason: 'Negociação em andamento', untilDate: '2026-11-30' });
    expect(pause).toMatchObject({ reason: 'Negociação em andamento', untilDate: '2026-11-30', createdBy: 'teste' });
    await desk.backend.scheduler.runOnce();
    expect(r.sent).toHaveLength(0);
    expect(await desk.call('dunning.resume', { customerId: c.customerId })).toEqual({ lifted: 1 });
    await desk.backend.scheduler.runOnce({ force: true });
    expect(r.sent).toHaveLength(1);

    const d = await customerWithEmail(desk, 'disputa@x.com.br');
    await desk.call('invoices.create', validInvoice(d.customerId, { dueDate: '2026-11-25' }));
    const disputed = await desk.call('invoices.create', validInvoice(d.customerId, { dueDate: '2026-11-10' }));
    const db = desk.raw();
    db.prepare(`UPDATE invoices SET status = 'disputed' WHERE id = ?`).run(disputed.id);
    await desk.backend.scheduler.runOnce({ force: true });
    expect(r.sent.map((s) => s.to)).not.toContain('disputa@x.com.br');
    const bad = await desk.backend.dispatch('dunning.pause', { customerId: c.customerId, reason: 'x', untilDate: '2026-11-30' });
    expect(bad.ok).toBe(false);
  });

  it('caps contacts at one a day across channels: the most advanced step wins, the other waits', async () => {
    const r = recordingMailer();
    const desk = openDesk({ mailer: r.mailer });
    r.bind(desk.clock);
    const c = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(c.customerId, { documentNumber: 'HOJE', dueDate: '2026-11-25' }));
    await desk.call('invoices.create', validInvoice(c.customerId, { documentNumber: 'ATRASADO', dueDate: '2026-11-18' }));
    await desk.backend.scheduler.runOnce();
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]!.text).toContain('ATRASADO'); // D+7 formal notice, not the D0 reminder
    const tasks = (await desk.call('queue.list', {})).rows;
    expect(tasks.map((t) => t.title)).toEqual(['Bloquear novos pedidos']); // internal: not a contact
    desk.clock.set('2026-11-26T15:00:00.000Z');
    await desk.backend.scheduler.runOnce();
    expect(r.sent).toHaveLength(2);
    expect(r.sent[1]!.text).toContain('HOJE');
  });
});

describe('régua: the creditor from the company settings', () => {
  it('every message identifies the creditor configured in Configurações › Empresa, with its charges', async () => {
    const texts: string[] = [];
    const desk = openDesk({ company: 'settings', mailer: { send: async (m) => (texts.push(m.text), { ok: true, providerId: null }) } });
    const c = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(c.customerId, { dueDate: '2026-11-18', amountCents: 1_000_000 }));
    await desk.backend.scheduler.runOnce();
    expect(texts).toHaveLength(0); // no company yet: nothing automatic
    await desk.call('settings.updateCompany', {
      legalName: 'Atacado Central Ltda',
      cnpj: '11.444.777/0001-61',
      address: { street: 'Av. Brasil', streetNumber: '500', district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
      pixKey: null,
      defaultFineBp: 200,
      defaultMonthlyInterestBp: 100,
    });
    await desk.backend.scheduler.runOnce({ force: true });
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Atacado Central Ltda — CNPJ/CPF 11.444.777/0001-61 — Av. Brasil, 500 — Centro — Campinas/SP — CEP 13010000');
    // D+7 formal notice: 2% multa (200,00) + 1% a.m. pro rata for 7 days (23,33).
    expect(texts[0]).toContain('Valor atualizado com multa e juros: R$\u00a010.223,33');
  });
});

describe('régua: effectiveness', () => {
  it('per step and channel: contacts, títulos paid within 3/7/15 days and the amount recovered', async () => {
    const desk = openDesk({ mailer: { send: async () => ({ ok: true, providerId: null }) } });
    const a = await customerWithEmail(desk, 'a@a.com.br');
    const b = await customerWithEmail(desk, 'b@b.com.br');
    const paidSoon = await desk.call('invoices.create', validInvoice(a.customerId, { dueDate: '2026-11-25', amountCents: 120_000 }));
    await desk.call('invoices.create', validInvoice(b.customerId, { dueDate: '2026-11-25', amountCents: 80_000 }));
    await desk.backend.scheduler.runOnce();
    desk.clock.set('2026-11-27T13:00:00.000Z');
    await desk.call('payments.register', { invoiceId: paidSoon.id, amountCents: 120_000, paidOn: '2026-11-27', method: 'pix' });
    // Two days after the D0 e-mails no window has passed: nothing to measure yet, but R$ 1.200,00 recovered so far.
    const { rows } = await desk.call('dunning.effectiveness', {});
    expect(rows.find((r) => r.offsetDays === 0)).toMatchObject({ contacts: 2, titulos: 2, eligible3: 0, paidWithin3: 0, recoveredCents: 120_000 });
    // 15 days after them every column's window has passed for both títulos.
    desk.clock.set('2026-12-10T13:00:00.000Z');
    const later = await desk.call('dunning.effectiveness', { asOf: '2026-12-10' });
    expect(later.rows.find((r) => r.offsetDays === 0)).toMatchObject({
      stepName: 'Vence hoje', channel: 'email', contacts: 2, titulos: 2,
      eligible3: 2, eligible7: 2, eligible15: 2, paidWithin3: 1, paidWithin7: 1, paidWithin15: 1, recoveredCents: 120_000,
    });
  });

  it('a cohort measure: a contact made today counts in no N-day column, an old one counts in those whose window has passed', async () => {
    const desk = openDesk({ mailer: { send: async () => ({ ok: true, providerId: null }) } });
    const a = await customerWithEmail(desk, 'a@a.com.br');
    const b = await customerWithEmail(desk, 'b@b.com.br');
    const old = await desk.call('invoices.create', validInvoice(a.customerId, { dueDate: '2026-11-25', amountCents: 120_000 }));
    await desk.backend.scheduler.runOnce(); // D0 e-mail to A on 2026-11-25
    desk.clock.set('2026-11-27T13:00:00.000Z');
    await desk.call('payments.register', { invoiceId: old.id, amountCents: 120_000, paidOn: '2026-11-27', method: 'pix' });
    desk.clock.set('2026-12-03T13:00:00.000Z');
    await desk.call('invoices.create', validInvoice(b.customerId, { dueDate: '2026-12-03', amountCents: 80_000 }));
    await desk.backend.scheduler.runOnce(); // D0 e-mail to B today, 8 days after A's
    const [d0] = (await desk.call('dunning.effectiveness', { days: 30 })).rows;
    // Today's contact is in no cohort yet (not "unpaid in 3 days"); A's counts in 3 and 7 days, not yet in 15.
    expect(d0).toMatchObject({ contacts: 2, titulos: 2, eligible3: 1, paidWithin3: 1, eligible7: 1, paidWithin7: 1, eligible15: 0, paidWithin15: 0, recoveredCents: 120_000 });
  });

  it('the window ends at a reference date (the dashboard\'s): later contacts and payments do not count; a future date is refused', async () => {
    const desk = openDesk({ mailer: { send: async () => ({ ok: true, providerId: null }) } });
    const a = await customerWithEmail(desk, 'a@a.com.br');
    const inv = await desk.call('invoices.create', validInvoice(a.customerId, { dueDate: '2026-11-25', amountCents: 120_000 }));
    await desk.backend.scheduler.runOnce(); // D0 e-mail sent on 2026-11-25
    expect((await desk.call('dunning.effectiveness', { days: 30 })).rows[0]).toMatchObject({ contacts: 1, paidWithin15: 0, recoveredCents: 0 });
    desk.clock.set('2026-11-28T13:00:00.000Z');
    await desk.call('payments.register', { invoiceId: inv.id, amountCents: 50_000, paidOn: '2026-11-26', method: 'pix' });
    await desk.call('payments.register', { invoiceId: inv.id, amountCents: 70_000, paidOn: '2026-11-28', method: 'pix' });

    const today = await desk.call('dunning.effectiveness', { days: 30 });
    expect(today).toMatchObject({ since: '2026-10-29', until: '2026-11-28' });
    expect(today.rows[0]).toMatchObject({ contacts: 1, titulos: 1, eligible3: 1, paidWithin3: 1, eligible7: 0, paidWithin7: 0, recoveredCents: 120_000 });
    // On the 27th the título was only partly paid: not settled, R$ 500,00 recovered so far.
    const onThe27th = await desk.call('dunning.effectiveness', { days: 30, asOf: '2026-11-27' });
    expect(onThe27th).toMatchObject({ since: '2026-10-28', until: '2026-11-27' });
    expect(onThe27th.rows[0]).toMatchObject({ contacts: 1, titulos: 1, eligible3: 0, paidWithin3: 0, paidWithin15: 0, recoveredCents: 50_000 });
    // Before the e-mail went out there was nothing to show.
    expect((await desk.call('dunning.effectiveness', { days: 30, asOf: '2026-11-24' })).rows).toEqual([]);
    // A step renamed by another connection (the result is reused until anything is written) and made to
    // look like a spreadsheet formula: the CSV neutralises it.
    const raw = desk.raw();
    raw.prepare(`UPDATE dunning_steps SET name = '=HIPERLINK("http://x";"Vence hoje")' WHERE name = 'Vence hoje'`).run();
    const csv = await desk.call('dunning.effectivenessCsv', { days: 30, asOf: '2026-11-27' });
    expect(csv.fileName).toBe('eficacia-regua-2026-10-28-a-2026-11-27.csv');
    expect(csv.content.split('\r\n')[1]).toBe(`0;"'=HIPERLINK(""http://x"";""Vence hoje"")";E-mail;1;1;0;0;0;0;0;0;500,00`);

    const env = await desk.backend.dispatch('dunning.effectiveness', { asOf: '2026-11-29' });
    expect(env.ok ? null : [env.error.code, env.error.message]).toEqual(['VALIDATION', 'A data de referência da eficácia da régua não pode estar no futuro.']);
  });

  it('exports the same table as a CSV for Excel pt-BR: BOM, `;`, CRLF, offsets as numbers, reais with a decimal comma', async () => {
    const desk = openDesk({ mailer: { send: async () => ({ ok: true, providerId: null }) } });
    const a = await customerWithEmail(desk, 'a@a.com.br');
    const b = await customerWithEmail(desk, 'b@b.com.br');
    const paidSoon = await desk.call('invoices.create', validInvoice(a.customerId, { dueDate: '2026-11-25', amountCents: 123_456 }));
    await desk.call('invoices.create', validInvoice(b.customerId, { dueDate: '2026-11-30', amountCents: 80_000 })); // D-5 e-mail
    await desk.backend.scheduler.runOnce();
    desk.clock.set('2026-11-27T13:00:00.000Z');
    await desk.call('payments.register', { invoiceId: paidSoon.id, amountCents: 123_456, paidOn: '2026-11-27', method: 'pix' });

    // 7 days after the e-mails: the 3- and 7-day windows have passed, the 15-day one has not.
    desk.clock.set('2026-12-02T13:00:00.000Z');
    const file = await desk.call('dunning.effectivenessCsv', { days: 30 });
    expect(file.fileName).toBe('eficacia-regua-2026-11-02-a-2026-12-02.csv');
    expect(file.rowCount).toBe(2);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content.slice(1).split('\r\n')).toEqual([
      'Dia (em relação ao vencimento);Etapa;Canal;Contatos;Títulos;Títulos com 3 dias decorridos;Pagos em 3 dias;Títulos com 7 dias decorridos;Pagos em 7 dias;Títulos com 15 dias decorridos;Pagos em 15 dias;Recuperado em 15 dias (R$)',
      '-5;Lembrete com boleto e Pix;E-mail;1;1;1;0;1;0;0;0;0,00',
      '0;Vence hoje;E-mail;1;1;1;1;1;1;0;0;1234,56',
      '',
    ]);
    const env = await desk.backend.dispatch('dunning.effectivenessCsv', { days: 3 });
    expect(env.ok ? null : env.error.message).toMatch(/Período: no mínimo 7 dias/);
  });
});

describe('régua: steps for how the customer pays (credit score behaviour)', () => {
  /** Three títulos from the past, paid `daysLate` after their due dates, then the score from the real analysis. */
  async function withHistory(desk: Desk, customerId: number, daysLate: number) {
    for (const [n, due] of ['2026-08-05', '2026-09-05', '2026-10-05'].entries()) {
      const inv = await desk.call('invoices.create', validInvoice(customerId, { documentNumber: `H-${customerId}-${n}`, dueDate: due, amountCents: 40_000 }));
      const paidOn = new Date(Date.parse(`${due}T12:00:00Z`) + daysLate * 86_400_000).toISOString().slice(0, 10);
      await desk.call('payments.register', { invoiceId: inv.id, amountCents: 40_000, paidOn, method: 'pix' });
    }
    return desk.call('credit.scoreCustomer', { customerId });
  }

  it('the default ladder gives a late payer a D-7 WhatsApp; a good payer and an unscored customer get none, and the good payer skips "Já pagou?"', async () => {
    const desk = openDesk();
    const late = await customerWithEmail(desk, 'late@a.com.br', { tradeName: 'Atrasa Sempre', document: CNPJS[1]! });
    const good = await customerWithEmail(desk, 'good@b.com.br', { tradeName: 'Paga em Dia', document: CNPJS[2]! });
    const unscored = await customerWithEmail(desk, 'new@c.com.br', { tradeName: 'Cliente Novo', document: CNPJS[3]! });
    expect((await withHistory(desk, late.customerId, 25)).behaviour).toBe('always_late');
    expect((await withHistory(desk, good.customerId, 0)).behaviour).toBe('on_time');

    // 2026-12-02 is D-7 on 2026-11-25.
    for (const c of [late, good, unscored]) await desk.call('invoices.create', validInvoice(c.customerId, { documentNumber: `P-${c.customerId}`, dueDate: '2026-12-02', amountCents: 90_000 }));
    await desk.backend.scheduler.runOnce();
    const preDue = (await desk.call('queue.list', {})).rows;
    expect(preDue.map((t) => [t.customerId, t.type, t.stepName])).toEqual([[late.customerId, 'whatsapp', 'Lembrete antecipado']]);
    expect(preDue[0]!.messageText).toContain('vencendo nos próximos dias');

    // The pre-due títulos get paid; new ones due Thursday 2026-11-26: "Vence hoje" for all, then on Friday
    // "Já pagou?" (D+1 business) for all but the good payer.
    const db = desk.raw();
    const preDueIds = db.prepare("SELECT id FROM invoices WHERE document_number LIKE 'P-%'").pluck().all() as number[];
    for (const id of preDueIds) await desk.call('payments.register', { invoiceId: id, amountCents: 90_000, paidOn: '2026-11-25', method: 'pix' });
    for (const c of [late, good, unscored]) await desk.call('invoices.create', validInvoice(c.customerId, { documentNumber: `J-${c.customerId}`, dueDate: '2026-11-26', amountCents: 30_000 }));
    desk.clock.set('2026-11-26T13:00:00.000Z');
    await desk.backend.scheduler.runOnce({ force: true });
    desk.clock.set('2026-11-27T13:00:00.000Z');
    await desk.backend.scheduler.runOnce({ force: true });
    const byStep = (name: string) => db.prepare('SELECT o.customer_id FROM outbox_messages o JOIN dunning_steps s ON s.id = o.step_id WHERE s.name = ? ORDER BY o.customer_id').pluck().all(name);
    expect(byStep('Vence hoje')).toEqual([late.customerId, good.customerId, unscored.customerId]);
    const reminded = byStep('Já pagou?');
    expect(reminded).toEqual([late.customerId, unscored.customerId]);
  });

  it('a step saved with a payer and a risk condition reads back with them; an unknown class is refused in pt-BR', async () => {
    const desk = openDesk();
    const saved = await desk.call('dunning.steps.save', {
      ladderId: 2, name: 'Ligação preventiva', offsetDays: -3, dayKind: 'calendar', channel: 'phone', templateId: 7, automatic: false, minAmountCents: 0, segment: null, payerCondition: 'late_payers', riskClassFrom: 'D', active: true,
    });
    const listed = (await desk.call('dunning.ladders.list', {})).ladders.find((l) => l.id === 2)!.steps.find((s) => s.id === saved.id)!;
    expect(listed).toMatchObject({ payerCondition: 'late_payers', riskClassFrom: 'D' });
    const env = await desk.backend.dispatch('dunning.steps.save', { ...saved, riskClassFrom: 'F' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toMatch(/Classe de risco inválida/);
  });
});

describe('régua: WhatsApp/SMS and the queue', () => {
  it('without a gateway a WhatsApp step becomes a task with a wa.me link; with one, a real HTTP POST', async () => {
    const desk = openDesk();
    const c = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(c.customerId, { dueDate: '2026-11-26', amountCents: 50_000 })); // D-1: WhatsApp
    await desk.backend.scheduler.runOnce();
    const task = (await desk.call('queue.list', {})).rows[0]!;
    expect(task.type).toBe('whatsapp');
    expect(task.link).toMatch(/^https:\/\/wa\.me\/5511987654321\?text=Ol%C3%A1%2C%20Joana!/);

    const bodies: { auth: string | undefined; body: string }[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push({ auth: req.headers.authorization, body });
        res.writeHead(bodies.length === 1 ? 503 : 200).end('{}');
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    toClose.push(() => new Promise<void>((ok) => server.close(() => ok())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    const other = openDesk();
    await other.call('dunning.settings.save', {
      clerkName: 'Carla',
      maxContactsPerDay: 1,
      maxContactsPerWeek: 3,
      maxCatchUpDays: 7,
      smtp: null,
      gateway: { url, authHeaderName: 'Authorization', bodyTemplate: '{"to":"{{to}}","message":"{{text}}","type":"{{channel}}"}' },
      gatewayAuthValue: 'Bearer segredo',
    });
    const settings = await other.call('dunning.settings.get', {});
    expect(settings).toMatchObject({ hasGatewayAuthValue: true, secretStorage: 'memory' });
    expect(JSON.stringify(settings)).not.toContain('segredo');
    const d = await customerWithEmail(other, 'x@x.com.br', { tradeName: 'Bar "do Zé"' });
    await other.call('invoices.create', validInvoice(d.customerId, { dueDate: '2026-11-26' }));
    await other.backend.scheduler.runOnce();
    expect((await other.call('outbox.list', {})).rows[0]).toMatchObject({ channel: 'whatsapp', status: 'queued', attempts: 1 });
    other.clock.advanceMs(5 * 60_000);
    await other.backend.scheduler.runOnce();
    expect((await other.call('outbox.list', {})).rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!.auth).toBe('Bearer segredo');
    const payload = JSON.parse(bodies[1]!.body) as { to: string; message: string; type: string };
    expect(payload).toMatchObject({ to: '5511987654321', type: 'whatsapp' });
    expect(payload.message).toContain('Bar "do Zé"');
  });

  it('the day\'s "imprimir carta" tasks come out as one PDF, a letter per page with the company header', async () => {
    const desk = openDesk();
    expect(await desk.call('queue.lettersPdf', {})).toBeNull();
    const c = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(c.customerId, { documentNumber: 'NF-CARTA', dueDate: '2026-10-26', amountCents: 250_000 })); // D+30
    await desk.backend.scheduler.runOnce();
    const refused = await desk.backend.dispatch('queue.lettersPdf', {});
    expect(refused.ok ? null : refused.error.message).toMatch(/Configurações › Empresa/);
    await desk.call('settings.updateCompany', {
      legalName: 'Atacado Central Ltda',
      cnpj: '11.444.777/0001-61',
      address: { street: 'Av. Brasil', streetNumber: '500', district: 'Centro', city: 'Campinas', uf: 'SP', postalCode: '13010-000' },
      pixKey: null,
      defaultFineBp: 200,
      defaultMonthlyInterestBp: 100,
    });
    const pdf = (await desk.call('queue.lettersPdf', {}))!;
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', encoding: 'base64', rowCount: 1, fileName: 'cartas-2026-11-25.pdf' });
    const dir = join('.test-output', 'dunning');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'cartas.pdf');
    writeFileSync(path, Buffer.from(pdf.content, 'base64'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Atacado Central Ltda');
    expect(text).toContain('Rua das Flores, 100');
    expect(text).toContain('Consta em aberto o débito abaixo');
    expect(text).toContain('NF-CARTA');
  });

  it('the queue orders by expected recovery; completing records the outcome in the history', async () => {
    const desk = openDesk();
    const small = await customerWithEmail(desk, 's@s.com.br');
    const big = await customerWithEmail(desk, 'b@b.com.br');
    // D+3 business: phone-call tasks (2026-11-20 was a holiday, so due 11-19 → D+3 = 11-25).
    await desk.call('invoices.create', validInvoice(small.customerId, { dueDate: '2026-11-19', amountCents: 10_000 }));
    await desk.call('invoices.create', validInvoice(big.customerId, { dueDate: '2026-11-19', amountCents: 900_000 }));
    await desk.backend.scheduler.runOnce();
    const queue = await desk.call('queue.list', {});
    expect(queue.rows.map((t) => [t.type, t.amountCents])).toEqual([
      ['call', 900_000],
      ['call', 10_000],
    ]);
    expect(queue.rows[0]!.messageText).toContain('Ligar para Joana');
    const done = await desk.call('queue.complete', {
      id: queue.rows[0]!.id,
      outcome: 'promise',
      delayReason: 'financial_difficulty',
      promiseDate: '2026-11-30',
      promiseCents: 900_000,
      note: 'Paga na segunda',
    });
    expect(done.status).toBe('done');
    const again = await desk.backend.dispatch('queue.complete', { id: queue.rows[0]!.id, outcome: 'done' });
    expect(again.ok).toBe(false);
    const noDate = await desk.backend.dispatch('queue.complete', { id: queue.rows[1]!.id, outcome: 'promise' });
    expect(noDate.ok ? null : noDate.error.message).toMatch(/promiseDate.*Informe a data prometida/);
    await desk.call('queue.snooze', { id: queue.rows[1]!.id, untilDate: '2026-11-27' });
    expect((await desk.call('queue.list', {})).rows).toHaveLength(0);
    const history = await desk.call('activity.list', { customerId: big.customerId });
    expect(history.rows[0]).toMatchObject({ action: 'dunning.task_done', details: expect.objectContaining({ delayReason: 'financial_difficulty', promiseCents: 900_000 }) });
  });

  it('without the company configured no automatic message is created, tasks still are, and the pass catches up later', async () => {
    const dir = makeTempDir();
    const desk = openDesk({ dir, company: null, mailer: { send: async () => ({ ok: true, providerId: null }) } });
    const c = await customerWithEmail(desk);
    await desk.call('invoices.create', validInvoice(c.customerId, { dueDate: '2026-11-18' }));
    const passSummary = (runs: { jobName: string; summary: string | null }[]) => JSON.parse(runs.find((r) => r.jobName === 'dunning.pass')!.summary!) as unknown;
    expect(passSummary(await desk.backend.scheduler.runOnce())).toMatchObject({ messages: 0, tasks: 1, heldNoCompany: 1 });
    desk.close();
    const configured = openDesk({ dir, mailer: { send: async () => ({ ok: true, providerId: null }) } });
    expect(passSummary(await configured.backend.scheduler.runOnce({ force: true }))).toMatchObject({ messages: 1, tasks: 0 });
  });
});
