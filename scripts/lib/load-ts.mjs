// Scripts (benchmarks, accuracy, pictures) call the project's TypeScript directly: bundle a small entry
// that re-exports what they need into node_modules/.cache and require it.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `lines` are `export … from './server/src/…'` lines, relative to the repository root; `name` names the
 * cached bundle. Returns the bundle's exports.
 */
export async function loadTs(name, lines, { outDir = join(ROOT, 'node_modules', '.cache', 'ehcp-scripts') } = {}) {
  const outfile = join(outDir, `${name}.cjs`);
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
