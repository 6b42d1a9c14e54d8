import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Backend } from '../../electron/backend/backend.types';
import { createBackend } from '../../electron/backend/create-backend';
import { startHost } from '../../electron/backend/dev-server';
import type { AuthMode } from '../../electron/backend/users/session';
import { E2E_RENDERER_DIR } from './renderer-dir';

/** The business date every e2e test runs on (a Wednesday, in São Paulo). */
export const E2E_NOW = new Date('2026-11-25T14:00:00-03:00');

interface AppFixture {
  url: string;
  backend: Backend;
  dbPath: string;
  /** Calls the backend directly (setup, and checking what the UI wrote). */
  call<T = unknown>(method: string, params: unknown): Promise<T>;
}

export const test = base.extend<{ app: AppFixture; auth: AuthMode }>({
  /** The login gate; 'off' unless a spec says `test.use({ auth: 'required' })`. */
  auth: ['off', { option: true }],
  app: async ({ auth }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'adimple-e2e-'));
    const dbPath = join(dir, 'adimple.sqlite');
    const backend = createBackend({ dbPath, clock: { now: () => new Date(E2E_NOW) }, log: () => {}, auth });
    const server = await startHost({ backend, port: 0, staticDir: resolve(E2E_RENDERER_DIR) });
    const { port } = server.address() as AddressInfo;
    const call = async <T,>(method: string, params: unknown): Promise<T> => {
      const env = await backend.dispatch(method, params);
      if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
      return env.data as T;
    };
    await use({ url: `http://127.0.0.1:${port}/`, backend, dbPath, call });
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

export const SCREENSHOT_DIR = '.test-output/screenshots';
