// Bundles the e2e suite (TypeScript, mocha) into out/e2e/index.js. mocha stays external: it is
// required from node_modules at run time, inside the extension host.
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from '../../scripts/code-server.mjs';

export async function buildSuite() {
  const outfile = join(ROOT, 'out', 'e2e', 'index.js');
  await build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'suite', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
