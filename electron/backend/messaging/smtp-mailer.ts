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

/** The RFC 3463 enhanced status after the reply code ("550 5.1.1 …" → class 5, subject 1), when the server sends one. */
function enhancedStatus(response: string | undefined): { klass: number; subject: number } | null {
  const m = /^\d{3}[ -]([245])\.(\d{1,3})\.\d{1,3}\b/.exec(response ?? '');
  return m ? { klass: Number(m[1]), subject: Number(m[2]) } : null;
}

/**
 * Whether a 5xx reply to RCPT TO is about the address itself: 5.1.x (bad mailbox/address) or 5.2.x (mailbox
 * disabled or full), or a bare 550/551/553 when no enhanced status says otherwise. 5.7.x ("Unable to relay",
 * "not authorized") is the company's server refusing to send for this account, whoever the recipient.
 */
function isRecipientRejection(responseCode: number, response: string | undefined): boolean {
  const status = enhancedStatus(response);
  if (status) return status.subject === 1 || status.subject === 2 || ([550, 551, 553].includes(responseCode) && status.subject !== 7);
  return [550, 551, 553].includes(responseCode);
}

/**
 * Sorts a failure by whose problem it is (see FailureCause). Only a RCPT TO refusal of the address blames the
 * contact; a refused sender (MAIL FROM), message (DATA) or relay, the certificate, STARTTLS and the login are
 * the company's settings; everything else (server down, 4xx) is retried.
 */
function classify(err: unknown, config: SmtpConfig): DeliveryResult {
  const e = err as { responseCode?: number; response?: string; code?: string; command?: string; message?: string };
  const message = e.message ?? String(err);
  const where = `${config.host}:${config.port}`;
  const settings = (error: string): DeliveryResult => ({ ok: false, cause: 'settings', error });
  if (CERTIFICATE_ERRORS.test(message)) {
    return settings(
      `Certificado do servidor de e-mail ${where} não é confiável (${message}). Nada foi enviado. Certificados autoassinados ou que não conferem com o nome do servidor não são mais aceitos (a opção de aceitá-los foi removida): instale no servidor um certificado válido emitido para ${config.host} ou use o SMTP do seu provedor de e-mail em Régua › Configurações de envio.`,
    );
  }
  if (e.command === 'STARTTLS' || /STARTTLS/i.test(message)) {
    return settings(`O servidor de e-mail ${where} não aceitou STARTTLS, exigido pela configuração (${message}). Nada foi enviado; use SSL/TLS (porta 465) ou outro servidor.`);
  }
  if (e.code === 'EAUTH') return settings(`O servidor de e-mail ${where} recusou o usuário ou a senha (${message}). Confira em Régua › Configurações de envio.`);
  if (/wrong version number|packet length too long|unknown protocol/i.test(message)) {
    return settings(`A segurança escolhida não corresponde à porta ${config.port} de ${config.host} (${message}): SSL/TLS costuma ser a 465 e STARTTLS a 587.`);
  }
  const reply = e.response ?? message;
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    if (e.command === 'RCPT TO' && isRecipientRejection(e.responseCode, e.response)) {
      return { ok: false, cause: 'recipient', error: `Servidor de e-mail recusou o destinatário (${e.responseCode}): ${reply}` };
    }
    if (e.command === 'MAIL FROM') {
      return settings(
        `O servidor de e-mail ${where} recusou o remetente ${config.fromEmail} (${reply}). Nada foi enviado; o e-mail do remetente precisa pertencer à conta usada no envio: confira o remetente e o usuário em Régua › Configurações de envio.`,
      );
    }
    if (e.command === 'RCPT TO') {
      return settings(
        `O servidor de e-mail ${where} não aceitou enviar mensagens de ${config.fromEmail} para fora (${reply}). O endereço do cliente não foi considerado errado; costuma faltar usuário e senha ou o remetente não pertence à conta: confira em Régua › Configurações de envio.`,
      );
    }
    return settings(`O servidor de e-mail ${where} recusou a mensagem enviada por ${config.fromEmail} (${reply}). Confira o remetente e a conta em Régua › Configurações de envio.`);
  }
  return { ok: false, cause: 'temporary', error: `Falha temporária no envio do e-mail${e.code ? ` (${e.code})` : ''}: ${message}` };
}

/** Settings the mailer refuses to send with, whatever an older version saved: nothing may leave in the clear but to a local relay, and never a password. */
function refusedSettings(config: SmtpConfig): string | null {
  if (config.security !== 'none') return null;
  if (!isLocalRelayHost(config.host)) {
    return `Envio sem criptografia só é permitido para um servidor local ou da rede interna, indicado pelo endereço IP (ex.: 192.168.0.10) ou localhost; ${config.host} não é. Informe o IP do servidor ou escolha SSL/TLS ou STARTTLS em Régua › Configurações de envio.`;
  }
  if (config.user) {
    return `Envio sem criptografia com usuário e senha foi recusado: a senha de ${config.user} passaria em texto aberto até ${config.host}. Deixe o usuário vazio ou escolha SSL/TLS ou STARTTLS em Régua › Configurações de envio.`;
  }
  return null;
}

/** E-mail through SMTP with nodemailer; one connection per send (the outbox sends a few messages a minute). */
export function createSmtpMailer(config: SmtpConfig, trust: SmtpTrust = {}): MessageSender {
  const refused = refusedSettings(config);
  if (refused) return { send: async () => ({ ok: false, cause: 'settings', error: refused }) };
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
        if (info.rejected.length > 0) return { ok: false, cause: 'recipient', error: `Destinatário recusado: ${info.rejected.map(String).join(', ')}` };
        return { ok: true, providerId: info.messageId };
      } catch (err) {
        return classify(err, config);
      }
    },
  };
}
