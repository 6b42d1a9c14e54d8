import nodemailer from 'nodemailer';
import type { DeliveryResult, MessageSender, OutgoingMessage } from './messaging.types';

export interface SmtpConfig {
  host: string;
  port: number;
  /** 'tls' = implicit TLS (465); 'starttls' = upgrade required (587); 'none' only for a local relay. */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  password: string | null;
  allowSelfSigned: boolean;
  fromEmail: string;
  fromName: string;
}

/** SMTP reply codes ≥ 500 are permanent (550 mailbox unavailable, 553 bad address …). */
function classify(err: unknown): DeliveryResult {
  const e = err as { responseCode?: number; code?: string; message?: string };
  const message = e.message ?? String(err);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    return { ok: false, permanent: true, error: `Servidor de e-mail recusou o destinatário (${e.responseCode}): ${message}` };
  }
  return { ok: false, permanent: false, error: `Falha temporária no envio do e-mail${e.code ? ` (${e.code})` : ''}: ${message}` };
}

/** E-mail through SMTP with nodemailer; one connection per send (the outbox sends a few messages a minute). */
export function createSmtpMailer(config: SmtpConfig): MessageSender {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
    tls: { rejectUnauthorized: !config.allowSelfSigned, minVersion: 'TLSv1.2' },
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
        return classify(err);
      }
    },
  };
}
