// `npm test`: type-check, lint, vitest (unit, integration, shell), Playwright (browser), then one summary
// line "N passed, N failed" that adds up both runners' JSON reports. A failed type-check or lint counts
// as one failure each, so the line never hides a red stage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const OUT = '.test-output';
mkdirSync(OUT, { recursive: true });
for (const f of ['vitest.json', 'playwright.json']) rmSync(`${OUT}/${f}`, { force: true });

const stages = [
  { name: 'typecheck', cmd: ['tsc', '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: ['eslint', '.', '--max-warnings=0'] },
  { name: 'vitest', cmd: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/vitest.json`] },
  { name: 'playwright', cmd: ['playwright', 'test'] },
];

let stageFailures = 0;
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const r = spawnSync('npx', ['--no-install', ...stage.cmd], { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${stage.name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (!ok && (stage.name === 'typecheck' || stage.name === 'lint')) stageFailures++;
  if (!ok && (stage.name === 'vitest' || stage.name === 'playwright') && !existsSync(`${OUT}/${stage.name}.json`)) stageFailures++;
}

const read = (f) => (existsSync(`${OUT}/${f}`) ? JSON.parse(readFileSync(`${OUT}/${f}`, 'utf8')) : null);
const vitest = read('vitest.json');
const pw = read('playwright.json');
const passed = (vitest?.numPassedTests ?? 0) + (pw?.stats?.expected ?? 0) + (pw?.stats?.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (pw?.stats?.unexpected ?? 0) + stageFailures;
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (pw?.stats?.skipped ?? 0);

console.log(`\nvitest: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? 0} failed · playwright: ${pw?.stats?.expected ?? 0} passed, ${pw?.stats?.unexpected ?? 0} failed`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
