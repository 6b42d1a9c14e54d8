/**
 * Electronegativity (Doyensec's Electron security scanner) over the shell, as part of `npm test`.
 *
 * Scanned: electron/main and electron/preload (every Electron API we call) and renderer/index.html (the CSP
 * meta). Not scanned: electron/backend and shared/ (plain Node, no Electron API) and renderer/src (runs in
 * the sandboxed page; it reaches the shell only through `window.bridge`, and its external links land on
 * the allow-list in electron/main/security.ts, which is scanned).
 *
 * Fails on any HIGH or MEDIUM finding without an entry in electron/main/electronegativity-review.json, and on
 * entries no finding matches any more. The network check for newer Electron patches is excluded (offline
 * here); README "Segurança do app desktop" says how version currency is kept instead.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const SCANNED = ['electron/main', 'electron/preload', 'renderer/index.html'];
const REVIEW_FILE = 'electron/main/electronegativity-review.json';
const BLOCKING_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/** Staged beside the sources in the same scan: proves the scanner reads our TypeScript and that an
 * unreviewed insecure window fails this suite. Its findings are kept apart from the shell's. */
const CANARY_FILE = 'scanner-canary/insecure-window.ts';
const CANARY_SOURCE = `import { BrowserWindow } from 'electron';
export const insecure = (): BrowserWindow => new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });
`;

const findingSchema = z.object({
  check: z.string(),
  severity: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']),
  confidence: z.string(),
  file: z.string(),
  line: z.number(),
  column: z.number(),
  sample: z.string().nullable(),
  description: z.string(),
});
const scanSchema = z.object({
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  findings: z.array(findingSchema),
});
const reviewSchema = z.object({
  reviewed: z.array(
    z.strictObject({
      check: z.string().regex(/^[A-Z_]+$/, 'check: the id Electronegativity prints, e.g. OPEN_EXTERNAL_JS_CHECK'),
      file: z.string().min(1),
      reason: z.string().min(20).regex(/^[^\n]+$/, 'reason: one line'),
    }),
  ),
});

type Finding = z.infer<typeof findingSchema>;
type Review = z.infer<typeof reviewSchema>['reviewed'];

const isReviewed = (finding: Finding, review: Review) => review.some((r) => r.check === finding.check && r.file === finding.file);
const unreviewedBlocking = (findings: Finding[], review: Review) => findings.filter((f) => BLOCKING_SEVERITIES.has(f.severity) && !isReviewed(f, review));
const describeFinding = (f: Finding) => `${f.check} ${f.severity} ${f.file}:${f.line}:${f.column} ${f.sample ?? f.description}`;

/** The exact electron version package.json pins, so the version-dependent checks judge the one we ship. */
function pinnedElectronVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const version = pkg.devDependencies.electron ?? '';
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json: electron must be pinned to an exact version, found "${version}"`);
  return version;
}

let workDir: string;
let shellFindings: Finding[];
let canaryFindings: Finding[];
let scanErrors: z.infer<typeof scanSchema>['errors'];
let review: Review;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'adimple-electronegativity-'));
  // The staged tree mirrors the repository's paths, so findings name files as git does.
  const staged = join(workDir, 'src');
  for (const path of SCANNED) cpSync(resolve(path), join(staged, path), { recursive: true });
  mkdirSync(dirname(join(staged, CANARY_FILE)), { recursive: true });
  writeFileSync(join(staged, CANARY_FILE), CANARY_SOURCE);

  const out = join(workDir, 'scan.json');
  await promisify(execFile)(process.execPath, [resolve('test/shell/electronegativity-scan.mjs'), staged, pinnedElectronVersion(), out], {
    timeout: 120_000,
  });
  const scan = scanSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  const findings = scan.findings.map((f) => ({ ...f, file: f.file.replaceAll('\\', '/') }));
  shellFindings = findings.filter((f) => f.file !== CANARY_FILE);
  canaryFindings = findings.filter((f) => f.file === CANARY_FILE);
  scanErrors = scan.errors;
  review = reviewSchema.parse(JSON.parse(readFileSync(resolve(REVIEW_FILE), 'utf8'))).reviewed;
}, 180_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('Electronegativity scan of the shell', () => {
  it('parses every scanned file', () => {
    expect(scanErrors).toEqual([]);
  });

  it('has no HIGH or MEDIUM finding that is not reviewed', () => {
    expect(unreviewedBlocking(shellFindings, review).map(describeFinding)).toEqual([]);
  });

  it('keeps no review entry that no finding matches any more', () => {
    const stale = review.filter((r) => !shellFindings.some((f) => f.check === r.check && f.file === r.file));
    expect(stale).toEqual([]);
  });

  it('sees the CSP meta of renderer/index.html (no "no CSP" finding)', () => {
    const csp = shellFindings.filter((f) => f.check === 'CSP_GLOBAL_CHECK');
    expect(csp.map((f) => f.file)).toEqual(['renderer/index.html']);
    expect(csp.every((f) => !BLOCKING_SEVERITIES.has(f.severity))).toBe(true);
  });

  it('fails on an unreviewed insecure window (the canary staged beside the sources)', () => {
    const flagged = unreviewedBlocking(canaryFindings, review).map((f) => `${f.check} ${f.severity}`);
    expect(flagged).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK HIGH', 'SANDBOX_JS_CHECK MEDIUM']));
  });
});
