// The language server's figures, printed by `npm run bench` (asserts nothing):
// - time from a didChange, sent after a pause in typing, to the publishDiagnostics for that version
//   (debounce included), typing in prose in plans of about 300, 1,000 and 3,000 lines;
// - the same by kind of edit in a 3,000-line plan with about 100 findings: prose, ids, sections,
//   keys, flow lists, top-level fields, and transient YAML errors (a half-typed line, an unclosed
//   quote or bracket), keystroke by keystroke as incremental changes (scripts/bench-plan.mjs);
//   `--kinds` prints only this table, `--runs=N` repeats the sessions;
// - cold start: spawning the server to the first diagnostics of an open plan;
// - bundle sizes;
// - server memory with the 450-plan caseload (bench/generated) indexed as the workspace.
// Expects dist/ built and, for the memory figure, bench/generated (scripts/bench.mjs makes both).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { applyKey, editSessions, realisticPlan } from './bench-plan.mjs';

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

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');

/** 0-based LSP position of an offset (UTF-16 code units; '\n' ends a line). */
function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/**
 * Sends keystrokes as the editor does (one incremental change each, after a pause in typing) and
 * returns the time from each didChange to the publishDiagnostics for its version.
 */
async function typeKeys(lsp, doc, keys, pause) {
  const times = [];
  for (const key of keys) {
    const range = { start: positionAt(doc.text, key.at), end: positionAt(doc.text, key.at + key.remove) };
    doc.text = applyKey(doc.text, key);
    const version = ++doc.version;
    const published = lsp.waitFor((p) => p.uri === doc.uri && p.version === version);
    const t0 = performance.now();
    lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version }, contentChanges: [{ range, text: key.insert }] });
    await published;
    times.push(performance.now() - t0);
    await sleep(pause);
  }
  return times;
}

async function open(lsp, uri, text) {
  const opened = lsp.waitFor((p) => p.uri === uri && p.version === 1);
  lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ehcp', version: 1, text } });
  const diagnostics = (await opened).diagnostics.length;
  return { uri, text, version: 1, diagnostics };
}

const row = (label, times) => `${label.padEnd(18)}${ms(pct(times, 50)).padEnd(11)}${ms(pct(times, 95)).padEnd(11)}${ms(Math.max(...times)).padEnd(11)}${times.length}`;

// Cold start: spawn → first diagnostics of an open plan.
{
  const t0 = performance.now();
  const lsp = await start();
  await open(lsp, 'file:///bench/cold.ehcp.yaml', realisticPlan(300));
  console.log(`Language server cold start to first diagnostics (300-line plan): ${ms(performance.now() - t0)}`);
  await lsp.stop();
}

const PAUSE_MS = 80; // between keystrokes: a fast typist, but past the server's burst debounce
const kindsOnly = process.argv.includes('--kinds');
const runs = Math.max(1, Number(/--runs=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 1));
const lsp = await start();
if (!kindsOnly) {
  console.log('\ndidChange → publishDiagnostics for that version, typing into a provision text (after a pause)');
  console.log('lines    p50        p95        max        keystrokes');
  for (const size of [300, 1000, 3000]) {
    const doc = await open(lsp, `file:///bench/plan-${size}.ehcp.yaml`, realisticPlan(size));
    const prose = editSessions(doc.text).find((s) => s.kind === 'prose');
    await typeKeys(lsp, doc, prose.keys.slice(0, 6), PAUSE_MS); // warm the JIT
    const times = await typeKeys(lsp, doc, prose.keys, PAUSE_MS);
    const lines = doc.text.split('\n').length;
    console.log(`${String(lines).padEnd(9)}${ms(pct(times, 50)).padEnd(11)}${ms(pct(times, 95)).padEnd(11)}${ms(Math.max(...times)).padEnd(11)}${times.length}`);
    lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc.uri } });
  }
}

// Every kind of edit in one long plan with findings, keystroke by keystroke.
{
  const text = realisticPlan(3000);
  const doc = await open(lsp, 'file:///bench/editing.ehcp.yaml', text);
  const sessions = editSessions(text);
  await typeKeys(lsp, doc, sessions.flatMap((s) => s.keys), 20); // warm-up: one pass of everything
  const byKind = new Map(sessions.map((s) => [s.kind, []]));
  const loadBefore = load();
  for (let r = 0; r < runs; r++) for (const s of sessions) byKind.get(s.kind).push(...(await typeKeys(lsp, doc, s.keys, PAUSE_MS)));
  if (doc.text !== text) throw new Error('bench-lsp: the edit sessions did not restore the plan');
  console.log(`\nKeystrokes by kind of edit, ${text.split('\n').length}-line plan with ${doc.diagnostics} findings (didChange → publishDiagnostics, incremental sync, ${PAUSE_MS} ms between keys, ${runs} run${runs > 1 ? 's' : ''})`);
  console.log(`load average (1/5/15 min) ${loadBefore} before, ${load()} after, on ${availableParallelism()} cores`);
  console.log('edit              p50        p95        max        keystrokes');
  for (const [kind, times] of byKind) console.log(row(kind, times));
  console.log(row('all', [...byKind.values()].flat()));
}
await lsp.stop();
if (kindsOnly) process.exit(0);

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
