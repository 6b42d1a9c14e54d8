import type { Envelope } from '../../shared/ipc/envelope';
import type { EventName, Events } from '../../shared/ipc/contract';
import type { FileIntake } from './files/file-intake';
import type { Scheduler } from './scheduler/scheduler';

/**
 * Where a call came from; the shell sets `origin: 'ipc'`, the loopback host `origin: 'http'`. `'startup'` is
 * the process's own start-up steps (`--demo`), which run before anyone can log in and pass the login gate.
 */
export interface CallContext {
  origin: 'ipc' | 'http' | 'test' | 'startup';
}

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** Today's date and the current instant, injected so tests and simulations control time. */
export interface Clock {
  now(): Date;
}

export interface Backend {
  dispatch(method: string, params: unknown, ctx?: CallContext): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  /** Files the user picked (open dialog, browser upload), addressed by token. */
  files: FileIntake;
  /** The régua's scheduler: `runOnce()` for tests and "run now", `resume()` after sleep. */
  scheduler: Scheduler;
  close(): void;
}
