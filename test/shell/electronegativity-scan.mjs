// Runs Electronegativity's scanner over one folder and writes `{ errors, findings }` as JSON to a file.
// Usage: electronegativity-scan.mjs <folder> <electron version> <out.json>. This is the function the
// `electronegativity` CLI calls, called directly because the CLI's file output drops the files it could not
// parse without a word and writes its CSV with two racing async writes. Used by electronegativity.test.ts.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The package's main module (dist/runner.js) is the `run(options, forCli)` function itself. */
const run = require('@doyensec/electronegativity');

const [input, electronVersion, outFile] = process.argv.slice(2);
if (!input || !electronVersion || !outFile) {
  console.error('usage: electronegativity-scan.mjs <folder> <electron version> <out.json>');
  process.exit(2);
}

const result = await run(
  {
    input,
    electronVersionOverride: electronVersion,
    // Its only network check: it downloads Electron's release list to say whether a newer patch exists.
    // Offline here; version currency is kept by updating the pinned electron (README, "Segurança do app desktop").
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    customScan: [],
    parserPlugins: [],
    isRelative: true,
  },
  false,
);

const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file,
  line: issue.location.line,
  column: issue.location.column,
  sample: issue.sample ?? null,
  description: issue.description,
  manualReview: Boolean(issue.manualReview),
}));
writeFileSync(outFile, JSON.stringify({ errors: result.errors, findings }, null, 2));
