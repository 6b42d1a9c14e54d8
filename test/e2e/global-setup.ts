import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { E2E_RENDERER_DIR } from './renderer-dir';

/** Builds the renderer once; every test serves the same bundle from its own backend host. */
export default function globalSetup() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', resolve(E2E_RENDERER_DIR)], { stdio: 'inherit' });
}
