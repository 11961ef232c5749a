// The language server's figures, printed by `npm run bench` (asserts nothing):
// - time from a didChange, sent after a pause in typing, to the publishDiagnostics for that version
//   (debounce included), for plans of about 300, 1,000 and 3,000 lines: p50 / p95 / max of 40 edits;
// - cold start: spawning the server to the first diagnostics of an open plan;
// - bundle sizes;
// - server memory with the 450-plan caseload (bench/generated) indexed as the workspace.
// Expects dist/ built and, for the memory figure, bench/generated (scripts/bench.mjs makes both).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist', 'server.js');
if (!existsSync(server)) {
  console.error('bench-lsp: dist/server.js is missing: run `npm run build` first.');
  process.exit(2);
}

async function start(workspace) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.on('exit', (code, signal) => { if (!stopping) console.error(`server exited: ${code} ${signal}`); });
  let stopping = false;
  child.stdin.on('error', () => undefined);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (p) => listeners.forEach((l) => l(p)));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspace ? pathToFileURL(workspace).toString() : null,
    workspaceFolders: workspace ? [{ uri: pathToFileURL(workspace).toString(), name: 'caseload' }] : null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: true } },
  });
  connection.sendNotification('initialized', {});
  const waitFor = (predicate) =>
    new Promise((resolveWait) => {
      const l = (p) => {
        if (predicate(p)) {
          listeners.delete(l);
          resolveWait(p);
        }
      };
      listeners.add(l);
    });
  return {
    connection,
    child,
    waitFor,
    async stop() {
      stopping = true;
      await connection.sendRequest('shutdown').catch(() => undefined);
      const exited = new Promise((r) => {
        child.once('exit', r);
        setTimeout(r, 2000);
      });
      connection.sendNotification('exit');
      await exited;
      connection.dispose();
      child.kill();
    },
  };
}

/** A plan of about `lines` lines: the clean fixture's items repeated with fresh ids. */
function planOfLines(lines) {
  const base = readFileSync(join(root, 'test', 'fixtures', 'plans', 'clean.ehcp.yaml'), 'utf8');
  const head = base.slice(0, base.indexOf('needs:\n'));
  const needs = [];
  const outcomes = [];
  const provision = [];
  let total = head.split('\n').length + 3;
  for (let i = 1; total < lines; i++) {
    needs.push(`  - id: N${i}\n    section: B\n    area: cognition and learning\n    text: Oliwia reads at a level about two years below most children of her age (${i}).`);
    outcomes.push(`  - id: O${i}\n    needs: [N${i}]\n    text: By the end of Key Stage 2, Oliwia will read a book banded at her age with ${80 + (i % 20)}% accuracy.`);
    provision.push(`  - id: P${i}\n    section: F\n    needs: [N${i}]\n    outcomes: [O${i}]\n    text: >-\n      Precision Teaching of reading delivered 1:1 by a Teaching Assistant trained\n      in Precision Teaching, 3 x ${10 + (i % 20)} minutes weekly.`);
    total += 4 + 3 + 7;
  }
  return `${head}needs:\n${needs.join('\n')}\noutcomes:\n${outcomes.join('\n')}\nprovision:\n${provision.join('\n')}\n`;
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

// Cold start: spawn → first diagnostics of an open plan.
{
  const t0 = performance.now();
  const lsp = await start();
  const uri = 'file:///bench/cold.ehcp.yaml';
  const first = lsp.waitFor((p) => p.uri === uri);
  lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ehcp', version: 1, text: planOfLines(300) } });
  await first;
  console.log(`Language server cold start to first diagnostics (300-line plan): ${ms(performance.now() - t0)}`);
  await lsp.stop();
}

console.log('\ndidChange → publishDiagnostics for that version (after a pause in typing, debounce included)');
console.log('lines    p50        p95        max        (40 edits)');
const lsp = await start();
for (const size of [300, 1000, 3000]) {
  const text = planOfLines(size);
  const uri = `file:///bench/plan-${size}.ehcp.yaml`;
  const opened = lsp.waitFor((p) => p.uri === uri && p.version === 1);
  lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ehcp', version: 1, text } });
  await opened;
  const times = [];
  for (let v = 2; v < 42 + 5; v++) {
    // Type one character into a provision text somewhere in the middle of the plan.
    const edited = text.replace(`3 x ${10 + (v % 20)} minutes weekly.`, `3 x ${10 + (v % 20)} minutes weekly${'!'.repeat(v % 3)}.`);
    const published = lsp.waitFor((p) => p.uri === uri && p.version === v);
    const t0 = performance.now();
    lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited }] });
    await published;
    if (v >= 7) times.push(performance.now() - t0); // the first few warm the JIT
    await sleep(60); // a pause in typing
  }
  const lineCount = text.split('\n').length;
  console.log(`${String(lineCount).padEnd(9)}${ms(pct(times, 50)).padEnd(11)}${ms(pct(times, 95)).padEnd(11)}${ms(Math.max(...times)).padEnd(11)}`);
}
await lsp.stop();

// Extension activation in a real VS Code workbench (code-server + Chromium), when they are installed.
const codeServer = join(root, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
if (existsSync(codeServer) && ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some(existsSync)) {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, [join(root, 'test', 'e2e', 'run-code-server.mjs')], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  const m = /EHCP_ACTIVATION_MS=(\d+)/.exec(run.stdout ?? '');
  console.log(`\nExtension activation in VS Code 1.100.3 (activate() to the server's initialize answer): ${m ? `${m[1]} ms` : 'not measured (the e2e run failed)'}`);
} else {
  console.log('\nExtension activation: not measured (run `npm run test:e2e` once to install code-server)');
}

console.log('\nBundle sizes');
for (const f of ['extension.js', 'server.js', 'cli.js', 'cli-worker.js']) {
  const p = join(root, 'dist', f);
  if (existsSync(p)) console.log(`  dist/${f.padEnd(15)} ${(statSync(p).size / 1024).toFixed(0)} KB`);
}

const caseload = join(root, 'bench', 'generated');
if (existsSync(caseload)) {
  const t0 = performance.now();
  const ws = await start(caseload);
  const result = await ws.connection.sendRequest('ehcp/checkWorkspace', {});
  const took = performance.now() - t0;
  const stats = await ws.connection.sendRequest('ehcp/stats', {});
  console.log(`\nServer with the ${result.plans}-plan caseload indexed (${(took / 1000).toFixed(1)} s to check it all): RSS ${(stats.rss / 1024 / 1024).toFixed(0)} MB, heap used ${(stats.heapUsed / 1024 / 1024).toFixed(0)} MB`);
  await ws.stop();
} else {
  console.log('\n(bench/generated is missing: run `npm run bench` for the caseload memory figure)');
}
