import { execFileSync } from 'node:child_process';

/** Builds the renderer once; every test serves the same bundle from its own backend host. */
export default function globalSetup() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
