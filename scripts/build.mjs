// One esbuild script, every bundle: the CLI, the language server, the extension client,
// the CLI's worker and the JSON Schema generator. `node scripts/build.mjs [--watch] [--minify]`.
import { build, context } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const bundles = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', bin: true },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js' },
  { in: 'server/src/export/encrypt-worker.ts', out: 'dist/export-worker.js' },
  { in: 'server/src/advice/worker.ts', out: 'dist/advice-worker.js' },
  { in: 'server/src/reply/decrypt-worker.ts', out: 'dist/reply-worker.js' },
  // The server reads advice on dist/advice-worker.js, which bundles the PDF library: keep it out of the server.
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', bin: true, external: ['unpdf'] },
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
  { in: 'client/src/export-core.ts', out: 'dist/export-host.js' },
  { in: 'scripts/gen-schema.ts', out: 'dist/gen-schema.js' },
].filter((b) => existsSync(b.in));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: minify ? false : 'linked',
  minify,
  logLevel: 'warning',
};

for (const b of bundles) {
  const options = {
    ...common,
    entryPoints: [b.in],
    external: [...common.external, ...(b.external ?? [])],
    outfile: b.out,
    banner: b.bin ? { js: '#!/usr/bin/env node' } : undefined,
  };
  if (watch) {
    await (await context(options)).watch();
  } else {
    await build(options);
    if (b.bin) chmodSync(b.out, 0o755);
  }
}
if (!watch) console.log(`built ${bundles.map((b) => b.out).join(', ')}`);
