import type { Backend } from '../backend/backend.types';
import type { AppInfo } from '../../shared/ipc/contract';

/** `--demo` on the command line (`npm run start:demo`). */
export function hasDemoFlag(argv: readonly string[]): boolean {
  return argv.includes('--demo');
}

/**
 * Loads the demo portfolio when the database has no customers yet, so `--demo` never touches real data.
 * Returns whether it loaded.
 */
export async function loadDemoIfEmpty(backend: Backend, log: (msg: string) => void = () => {}): Promise<boolean> {
  const info = await backend.dispatch('app.info', {}, { origin: 'startup' });
  if (!info.ok) {
    log(`--demo: app.info failed: ${info.error.message}`);
    return false;
  }
  const { customerCount } = info.data as AppInfo;
  if (customerCount > 0) {
    log(`--demo: database already has ${customerCount} customers; demo data not loaded`);
    return false;
  }
  const loaded = await backend.dispatch('demo.load', {}, { origin: 'startup' });
  if (!loaded.ok) {
    log(`--demo: demo.load failed: ${loaded.error.message}`);
    return false;
  }
  return true;
}
