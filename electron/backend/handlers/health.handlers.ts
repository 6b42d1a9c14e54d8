import type { HandlerGroup } from '../router';

/** The normal backend only runs after the start-up quick_check passed (see backup/recovery-backend.ts otherwise). */
export function healthHandlers(): HandlerGroup {
  return {
    'app.health': { run: () => ({ status: 'ok' as const }) },
  };
}
