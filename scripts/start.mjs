// `npm start`: the example caseload in a browser-based VS Code with this extension installed.
// Builds, installs code-server on first use (.cache/, git-ignored), serves on 127.0.0.1 only and
// prints the address. Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, startCodeServer } from './code-server.mjs';

for (const step of [['build.mjs'], ['test-deps.mjs', 'ripgrep', 'libkrb5-dev']]) {
  const done = spawnSync(process.execPath, [join(ROOT, 'scripts', step[0]), ...step.slice(1)], { stdio: 'inherit' });
  if (done.status !== 0) process.exit(done.status ?? 1);
}

const port = Number(process.env.PORT ?? 8080);
let server;
try {
  server = await startCodeServer({ port });
} catch (error) {
  console.error(`ehcp: could not start the editor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const folder = join(ROOT, 'examples', 'caseload');
const address = `${server.url}/?folder=${encodeURIComponent(folder)}`;
console.log(`\nEHCP Plan Writer is running. Open this address in a browser:\n\n  ${address}\n\nIt listens on 127.0.0.1 only. Press Ctrl+C to stop.`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.process.on('exit', (code) => {
  console.error(`code-server stopped (exit ${code}).`);
  process.exit(code ?? 1);
});
