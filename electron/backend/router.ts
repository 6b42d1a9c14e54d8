import type { Api, EventName, Events, Method, Table } from '../../shared/ipc/contract';
import { AppError, type Envelope } from '../../shared/ipc/envelope';
import { validationFailure } from '../../shared/ipc/validation-envelope';
import { schemas, type ParsedParams } from '../../shared/ipc/schemas';
import type { CallContext, EventListener } from './backend.types';

export interface Handler<M extends Method> {
  /** Tables a successful call writes; the router announces them in `data.changed`. */
  writes?: Table[];
  run(params: ParsedParams<M>, ctx: CallContext): Api[M]['result'] | Promise<Api[M]['result']>;
}

export type HandlerMap = { [M in Method]: Handler<M> };
/** A feature's slice of the map; the backend merges the slices and checks none overlap. */
export type HandlerGroup = Partial<HandlerMap>;

export interface Router {
  dispatch(method: string, params: unknown, ctx?: CallContext): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  emit<E extends EventName>(name: E, payload: Events[E]): void;
}

/** Merges the feature groups; every method of `methods` (by default the whole contract) must be served once. */
export function mergeHandlers(groups: HandlerGroup[], methods: readonly string[] = Object.keys(schemas)): HandlerMap {
  const merged: Partial<Record<string, unknown>> = {};
  for (const group of groups) {
    for (const [method, handler] of Object.entries(group)) {
      if (method in merged) throw new Error(`Duplicate handler for ${method}`);
      merged[method] = handler;
    }
  }
  const missing = methods.filter((m) => !(m in merged));
  if (missing.length > 0) throw new Error(`Methods without handler: ${missing.join(', ')}`);
  const extra = Object.keys(merged).filter((m) => !methods.includes(m));
  if (extra.length > 0) throw new Error(`Handlers without schema: ${extra.join(', ')}`);
  return merged as HandlerMap;
}

export function createRouter(handlers: HandlerMap, log: (msg: string) => void = () => {}): Router {
  const listeners = new Set<EventListener>();
  const emit: Router['emit'] = (name, payload) => {
    for (const l of listeners) l(name, payload);
  };

  async function dispatch(method: string, params: unknown, ctx: CallContext = { origin: 'test' }): Promise<Envelope<unknown>> {
    if (typeof method !== 'string' || !Object.hasOwn(schemas, method)) {
      return fail('NOT_FOUND', `Operação desconhecida: ${String(method).slice(0, 60)}`);
    }
    const m = method as Method;
    const parsed = schemas[m].safeParse(params ?? {});
    if (!parsed.success) return validationFailure(parsed.error);
    const handler = handlers[m] as Handler<Method>;
    try {
      const data = await handler.run(parsed.data as never, ctx);
      if (handler.writes?.length) emit('data.changed', { tables: handler.writes });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
      log(`INTERNAL in ${m}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('INTERNAL', 'Erro inesperado. Nada foi alterado; tente novamente ou contate o suporte.');
    }
  }

  return {
    dispatch,
    emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function fail(code: 'NOT_FOUND' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
