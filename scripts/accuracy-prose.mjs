// Prints catches and false alarms per accuracy and plain-English check on the labelled prose.
// `node scripts/accuracy-prose.mjs [--verbose]` (bundles scripts/accuracy-prose-main.ts with esbuild first).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'ehcp-accuracy-'));
try {
  const out = join(dir, 'accuracy-prose.cjs');
  await build({
    entryPoints: [join(root, 'scripts/accuracy-prose-main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    define: { ACCURACY_ROOT: JSON.stringify(root) },
  });
  createRequire(import.meta.url)(out).main(process.argv.includes('--verbose'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
