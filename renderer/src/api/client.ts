import type { ApiParams, ApiResult, EventName, Events, Method } from '../../../shared/ipc/contract';
import type { ApiError } from '../../../shared/ipc/envelope';
import { defaultTransport, type Transport } from './transport';

/** A failed call, carrying the envelope's clerk-readable message and per-field errors. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.error.details?.fields ?? []).map((f) => [f.path, f.message]));
  }
}

let transport: Transport = defaultTransport();

export const api = {
  async invoke<M extends Method>(method: M, params: ApiParams<M>): Promise<ApiResult<M>> {
    const env = await transport.invoke(method, params);
    if (!env.ok) throw new ApiCallError(env.error);
    return env.data as ApiResult<M>;
  },
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    return transport.subscribe((n, payload) => {
      if (n === name) listener(payload as Events[E]);
    });
  },
  /** Raw access for the shell-only methods (platform.*). */
  transport: () => transport,
  useTransport(t: Transport) {
    transport = t;
  },
};
