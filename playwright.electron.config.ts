import { defineConfig } from '@playwright/test';

/**
 * The opt-in smoke suite of the real desktop app (test/electron), run by `npm run test:electron` after a
 * build. Not part of `npm test`: it needs the Electron binary, which machines without GitHub access lack.
 */
if (process.env.E2E_ELECTRON !== '1') {
  throw new Error('The Electron smoke suite is opt-in: run `npm run test:electron` (it builds, then sets E2E_ELECTRON=1).');
}

export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  forbidOnly: true,
  reporter: [['list']],
});
