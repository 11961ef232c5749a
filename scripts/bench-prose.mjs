// `node scripts/bench-prose.mjs`: what the accuracy and plain-English checks cost. Prints figures, asserts nothing.
// Uses the 450-plan caseload in bench/generated (scripts/bench.mjs, or scripts/gen-caseload.mjs, makes it).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CASELOAD, generatedCaseload } from './lib/caseload.mjs';

const root = resolve(import.meta.dirname, '..');
generatedCaseload();
const caseload = CASELOAD;
const dir = mkdtempSync(join(tmpdir(), 'ehcp-bench-prose-'));
try {
  const out = join(dir, 'bench-prose.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench-prose-main.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  createRequire(import.meta.url)(out).main(root, caseload);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
