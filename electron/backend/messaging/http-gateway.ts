import type { DeliveryResult, MessageSender, OutgoingMessage } from './messaging.types';

export interface HttpGatewayConfig {
  url: string;
  /** e.g. 'Authorization'; the value is a secret. */
  authHeaderName: string | null;
  authValue: string | null;
  /** JSON with {{to}}, {{text}}, {{channel}}; each filled with a JSON-escaped string (without quotes). */
  bodyTemplate: string;
}

/** Fills the body template; values are JSON string contents, so a quote in a message cannot break the JSON. */
export function fillGatewayBody(template: string, m: Pick<OutgoingMessage, 'to' | 'text' | 'channel'>): string {
  const json = (s: string) => JSON.stringify(s).slice(1, -1);
  return template.replace(/\{\{\s*(to|text|channel)\s*\}\}/g, (_all, name: 'to' | 'text' | 'channel') => json(m[name]));
}

/**
 * SMS/WhatsApp through a provider's HTTP API (WhatsApp Business API style): POST the filled body.
 * 2xx = sent; 400/404/410/422 = the number is refused; 401/403 = the gateway's credentials (settings);
 * anything else or a network error = retry.
 */
export function createHttpGateway(config: HttpGatewayConfig, timeoutMs = 15_000): MessageSender {
  return {
    async send(m: OutgoingMessage): Promise<DeliveryResult> {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey };
      if (config.authHeaderName && config.authValue) headers[config.authHeaderName] = config.authValue;
      try {
        const res = await fetch(config.url, { method: 'POST', headers, body: fillGatewayBody(config.bodyTemplate, m), signal: AbortSignal.timeout(timeoutMs) });
        const body = (await res.text()).slice(0, 300);
        if (res.ok) return { ok: true, providerId: res.headers.get('x-message-id') };
        const cause = [400, 404, 410, 422].includes(res.status) ? 'recipient' : [401, 403].includes(res.status) ? 'settings' : 'temporary';
        return { ok: false, cause, error: `Gateway respondeu ${res.status}${body ? `: ${body}` : ''}` };
      } catch (err) {
        return { ok: false, cause: 'temporary', error: `Gateway inacessível: ${err instanceof Error ? err.message : String(err)}` };
      }
    },
  };
}
