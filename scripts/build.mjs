// One esbuild script, every bundle: the CLI, the language server, the extension client,
// the CLI's worker and the JSON Schema generator. `node scripts/build.mjs [--watch] [--minify]`.
import { build, context } from 'esbuild';
import { existsSync, chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const bundles = [
  // The PDF library (2 MB) is bundled only into dist/advice-worker.js, which reads PDF advice for the others.
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', bin: true, external: ['unpdf'] },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js', external: ['unpdf'] },
  { in: 'server/src/export/encrypt-worker.ts', out: 'dist/export-worker.js' },
  { in: 'server/src/advice/worker.ts', out: 'dist/advice-worker.js' },
  { in: 'server/src/reply/decrypt-worker.ts', out: 'dist/reply-worker.js' },
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
// The British English dictionary is read at run time (dictionary-en-gb cannot be bundled: it uses top-level await).
mkdirSync('dist/dictionaries', { recursive: true });
copyFileSync('node_modules/dictionary-en-gb/index.aff', 'dist/dictionaries/en-GB.aff');
copyFileSync('node_modules/dictionary-en-gb/index.dic', 'dist/dictionaries/en-GB.dic');
copyFileSync('node_modules/dictionary-en-gb/license', 'dist/dictionaries/LICENSE');
// Every word form the dictionary accepts, one a line: a Set of them loads in a few tens of milliseconds, where
// building the Hunspell dictionary takes about half a second (it is then built only to make suggestions).
const wordsFile = 'dist/dictionaries/en-GB.words';
if (!existsSync(wordsFile) || statSync(wordsFile).mtimeMs < statSync('node_modules/dictionary-en-gb/index.dic').mtimeMs) {
  const nspell = createRequire(import.meta.url)('nspell');
  const spell = nspell(readFileSync('dist/dictionaries/en-GB.aff'), readFileSync('dist/dictionaries/en-GB.dic'));
  const forms = Object.keys(spell.data).filter((w) => spell.correct(w)).sort();
  writeFileSync(wordsFile, `${forms.join('\n')}\n`);
}
if (!watch) console.log(`built ${bundles.map((b) => b.out).join(', ')}`);
