// Bundles the Electron shell: electron/main/main.ts -> dist-electron/main.cjs and
// electron/preload/preload.ts -> dist-electron/preload.cjs (a sandboxed preload must be one CJS file).
// Run after `vite build` (npm run build). Native and optional modules stay external; electron-builder
// ships them from node_modules (better-sqlite3 is unpacked from the asar, see electron-builder.yml).
import { rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-electron');

/** Loaded at run time from node_modules, never bundled. */
const mainExternals = [
  'electron',
  'better-sqlite3',
  // optional native peers some libraries probe for with require() inside try/catch
  'bufferutil',
  'utf-8-validate',
  'fsevents',
  'cpu-features',
];

const production = process.env.NODE_ENV !== 'development';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  minify: false,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  absWorkingDir: root,
  metafile: true,
};

rmSync(outdir, { recursive: true, force: true });

const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: join(outdir, 'main.cjs'),
    external: mainExternals,
    // import-runner.ts reads import.meta.url only when __filename is missing (ESM under tsx); here it is not.
    logOverride: { 'empty-import-meta': 'silent' },
  }),
  // The ERP import runs in a worker thread with its own SQLite connection (electron/backend/imports).
  build({
    ...common,
    entryPoints: ['electron/backend/imports/import.worker.ts'],
    outfile: join(outdir, 'import-worker.cjs'),
    external: mainExternals,
    logOverride: { 'empty-import-meta': 'silent' },
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: join(outdir, 'preload.cjs'),
    external: ['electron'],
  }),
]).catch(() => {
  // esbuild has already printed the errors (logLevel); keep the output short.
  process.exit(1);
});

for (const result of results) {
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    console.log(`${relative(root, join(root, file))}  ${(info.bytes / 1024).toFixed(1)} KiB`);
  }
}
