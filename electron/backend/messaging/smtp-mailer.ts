import { rootCertificates } from 'node:tls';
import nodemailer from 'nodemailer';
import { isLocalRelayHost, type SmtpSecurity } from '../../../shared/domain/smtp-security';
import type { DeliveryResult, MessageSender, OutgoingMessage } from './messaging.types';

export interface SmtpConfig {
  host: string;
  port: number;
  /** 'tls' = implicit TLS (465); 'starttls' = upgrade required (587); 'none' only for a local relay. */
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
  fromEmail: string;
  fromName: string;
}

export interface SmtpTrust {
  /**
   * Certificate authorities (PEM) trusted besides the system's, e.g. a test CA. The server's certificate is
   * always verified (chain and host name): there is no switch to turn verification off.
   */
  extraCaPem?: readonly string[];
}

/** Node's TLS errors that mean "this server's certificate is not one we trust". */
const CERTIFICATE_ERRORS = /certificate|self[- ]signed|CERT_|unable to (get|verify)|Hostname\/IP does not match/i;

/**
 * A 5xx reply to the recipient (550 mailbox unavailable, 553 bad address …) is permanent: the contact is wrong.
 * Everything else is about the server or its settings (certificate, STARTTLS, login, port): retried, explained,
 * and never blamed on the debtor's address.
 */
function classify(err: unknown, config: SmtpConfig): DeliveryResult {
  const e = err as { responseCode?: number; code?: string; command?: string; message?: string };
  const message = e.message ?? String(err);
  const where = `${config.host}:${config.port}`;
  const retry = (error: string): DeliveryResult => ({ ok: false, permanent: false, error });
  if (CERTIFICATE_ERRORS.test(message)) {
    return retry(`Certificado do servidor de e-mail ${where} não é confiável (${message}). Nada foi enviado; confira o servidor em Régua › Configurações de envio.`);
  }
  if (e.command === 'STARTTLS' || /STARTTLS/i.test(message)) {
    return retry(`O servidor de e-mail ${where} não aceitou STARTTLS, exigido pela configuração (${message}). Nada foi enviado; use SSL/TLS (porta 465) ou outro servidor.`);
  }
  if (e.code === 'EAUTH') return retry(`O servidor de e-mail ${where} recusou o usuário ou a senha (${message}). Confira em Régua › Configurações de envio.`);
  if (/wrong version number|packet length too long|unknown protocol/i.test(message)) {
    return retry(`A segurança escolhida não corresponde à porta ${config.port} de ${config.host} (${message}): SSL/TLS costuma ser a 465 e STARTTLS a 587.`);
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && (e.command === 'RCPT TO' || e.code === 'EENVELOPE')) {
    return { ok: false, permanent: true, error: `Servidor de e-mail recusou o destinatário (${e.responseCode}): ${message}` };
  }
  return retry(`Falha temporária no envio do e-mail${e.code ? ` (${e.code})` : ''}: ${message}`);
}

/** E-mail through SMTP with nodemailer; one connection per send (the outbox sends a few messages a minute). */
export function createSmtpMailer(config: SmtpConfig, trust: SmtpTrust = {}): MessageSender {
  // Settings saved by an older version may say 'none' for a public server: refuse rather than send in the clear.
  if (config.security === 'none' && !isLocalRelayHost(config.host)) {
    const error = `Envio sem criptografia só é permitido para um servidor local ou da rede interna; ${config.host} não é. Escolha SSL/TLS ou STARTTLS em Régua › Configurações de envio.`;
    return { send: async () => ({ ok: false, permanent: false, error }) };
  }
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      // Node's `ca` replaces the system list, so the extra authorities are added to it.
      ...(trust.extraCaPem?.length ? { ca: [...rootCertificates, ...trust.extraCaPem] } : {}),
    },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m: OutgoingMessage): Promise<DeliveryResult> {
      try {
        const info = await transport.sendMail({
          from: { name: config.fromName, address: config.fromEmail },
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          headers: { 'X-Adimple-Key': m.idempotencyKey },
        });
        if (info.rejected.length > 0) return { ok: false, permanent: true, error: `Destinatário recusado: ${info.rejected.map(String).join(', ')}` };
        return { ok: true, providerId: info.messageId };
      } catch (err) {
        return classify(err, config);
      }
    },
  };
}
