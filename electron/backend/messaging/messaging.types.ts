/** What the outbox hands to a channel, and what the channel answers. */
export interface OutgoingMessage {
  channel: 'email' | 'whatsapp' | 'sms';
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Also sent as a Message-ID / request header, so a provider can drop a duplicate on its side. */
  idempotencyKey: string;
}

/**
 * Whose problem a failed send is, which decides what happens next:
 * - 'recipient': the address or number is refused (mailbox does not exist, invalid number). Not retried; the
 *   contact is marked invalid and the clerk gets a task to fix it.
 * - 'settings': the company's own sending setup (certificate, STARTTLS, login, sender address, relay, gateway
 *   credentials). Retried with backoff, never blamed on the contact; the company gets one alert a day.
 * - 'temporary': anything passing (server down, timeout, 4xx greylisting). Retried with backoff.
 */
export type FailureCause = 'recipient' | 'settings' | 'temporary';

export type DeliveryResult = { ok: true; providerId: string | null } | { ok: false; cause: FailureCause; error: string };

export interface MessageSender {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

/** Where secrets (SMTP password, gateway token) live: never in the database. */
export interface SecretStore {
  /** Shown in the settings screen, e.g. 'electron-safe-storage' or 'memory'. */
  readonly kind: string;
  get(name: string): string | null;
  set(name: string, value: string): void;
}

/**
 * Browser/test mode: secrets live only in this process's memory and are lost on restart (the SMTP
 * password must be typed again). The desktop app uses Electron safeStorage instead (electron/main).
 */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    kind: 'memory',
    get: (name) => values.get(name) ?? null,
    set: (name, value) => {
      if (value === '') values.delete(name);
      else values.set(name, value);
    },
  };
}
