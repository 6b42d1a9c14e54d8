// `npm run test:electron` (after `npm run build`): the Playwright `_electron` smoke suite against the built
// app, with E2E_ELECTRON=1 set here so the same command works in cmd.exe, PowerShell and POSIX shells.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['--no-install', 'playwright', 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, E2E_ELECTRON: '1' },
});
process.exit(result.status ?? 1);
