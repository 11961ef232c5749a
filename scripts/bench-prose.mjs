// `node scripts/bench-prose.mjs`: what the accuracy and plain-English checks cost. Prints figures, asserts nothing.
// Uses the 450-plan caseload in bench/generated (scripts/bench.mjs, or scripts/gen-caseload.mjs, makes it).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(import.meta.dirname, '..');
const caseload = join(root, 'bench', 'generated');
if (!existsSync(caseload)) spawnSync(process.execPath, [join(root, 'scripts/gen-caseload.mjs'), caseload, '--plans', '450'], { stdio: ['ignore', 'ignore', 'inherit'] });
const dir = mkdtempSync(join(tmpdir(), 'ehcp-bench-prose-'));
try {
  const out = join(dir, 'bench-prose.cjs');
  await build({ entryPoints: [join(root, 'scripts/bench-prose-main.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  createRequire(import.meta.url)(out).main(root, caseload);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
