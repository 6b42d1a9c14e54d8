import type { Bridge } from '../../../shared/ipc/bridge';
import type { Envelope } from '../../../shared/ipc/envelope';

/** How the renderer reaches the backend: the Electron preload bridge or loopback HTTP in browser mode. */
export interface Transport {
  invoke(method: string, params: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

export function electronTransport(bridge: Bridge): Transport {
  return {
    invoke: (method, params) => bridge.invoke(method, params) as Promise<Envelope<unknown>>,
    subscribe: (listener) => bridge.on(listener),
  };
}

export function httpTransport(): Transport {
  return {
    async invoke(method, params) {
      let res: Response;
      try {
        res = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(params ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Sem conexão com o serviço local do Adimple.' } };
      }
      return (await res.json()) as Envelope<unknown>;
    },
    subscribe(listener) {
      const source = new EventSource('/events');
      source.onmessage = (e: MessageEvent<string>) => {
        const { name, payload } = JSON.parse(e.data) as { name: string; payload: unknown };
        listener(name, payload);
      };
      return () => source.close();
    },
  };
}

export function defaultTransport(): Transport {
  return window.bridge ? electronTransport(window.bridge) : httpTransport();
}
