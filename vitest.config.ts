import { defineConfig } from 'vitest/config';

/** Unit, integration and shell tests; the browser suite is Playwright's (test/e2e). */
export default defineConfig({
  root: '.',
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/shell/**/*.test.ts', 'test/lint/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
