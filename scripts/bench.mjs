// `npm run bench`: how fast is checking a caseworker's whole caseload? Prints figures, asserts nothing.
//
// 1. Generates the deterministic 450-plan caseload into bench/generated (git-ignored).
// 2. In-process, one core, after a warm-up pass: YAML parse only (parseDocument of every file),
//    then the full check (parse + model + schema + every rule), and the checking overhead over the
//    parse (target: at most 50 %).
// 3. The built CLI as a child process: a cold `ehcp check` of the caseload (worker threads across
//    the cores; target: less wall time than the single-core parse), then a re-check of the
//    unchanged caseload with --cache (target: well under 0.5 s).
//
// Expects dist/ to be built (`npm run bench` builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './lib/load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const caseload = path.join(root, 'bench', 'generated');
const generator = path.join(root, 'scripts', 'gen-caseload.mjs');
const cli = path.join(root, 'dist', 'cli.js');
const PLANS = 450;
const RUNS = 3;

if (!existsSync(generator)) fail(`the caseload generator ${path.relative(root, generator)} is missing`);
if (!existsSync(cli)) fail('dist/cli.js is missing: run `npm run build` first (or `npm run bench`, which builds)');

const loadAtStart = loadavg()[0];

// 1. The caseload.
rmSync(caseload, { recursive: true, force: true });
mkdirSync(caseload, { recursive: true });
const gen = spawnSync(process.execPath, [generator, caseload, '--plans', String(PLANS)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (gen.status !== 0) fail(`the caseload generator failed (exit code ${gen.status})`);
const files = planFiles(caseload).sort();
if (files.length === 0) fail('the generator wrote no plans');
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const lines = texts.reduce((n, t) => n + countLines(t), 0);

// 2. In-process, one core. The core is bundled the way the CLI bundles it.
const core = await loadCore();
const parseOnly = measure(() => {
  for (const t of texts) core.parseDocument(t);
});
const corePlanParse = measure(() => {
  for (const t of texts) core.parsePlan(t);
});
let findingCount = 0;
const fullCheck = measure(() => {
  findingCount = 0;
  for (const t of texts) findingCount += core.checkText(t).length;
});
const overhead = (fullCheck - parseOnly) / parseOnly;

// 3. The built CLI.
const cacheDir = path.join(tmpdir(), `ehcp-bench-${process.pid}`);
mkdirSync(cacheDir, { recursive: true });
const cacheFile = path.join(cacheDir, '.ehcpcache');
const cold = median(Array.from({ length: RUNS }, () => runCli(['check', caseload, '--format', 'json'])));
const coldOneThread = median(Array.from({ length: RUNS }, () => runCli(['check', caseload, '--format', 'json'], { EHCP_WORKERS: '0' })));
runCli(['check', caseload, '--format', 'json', '--cache', '--cache-location', cacheFile]); // prime the cache
const cached = median(Array.from({ length: RUNS }, () => runCli(['check', caseload, '--format', 'json', '--cache', '--cache-location', cacheFile])));
rmSync(cacheDir, { recursive: true, force: true });

// The table.
const cores = availableParallelism();
const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
const rows = [
  ['Parse only, 1 core (yaml parseDocument)', s(parseOnly), '', ''],
  ['  core parsePlan (YAML + model + schema)', s(corePlanParse), '', ''],
  ['Full check in-process, 1 core (parse + rules)', s(fullCheck), '', ''],
  ['  checking overhead over parse only', `${(overhead * 100).toFixed(0)} %`, '<= 50 %', overhead <= 0.5 ? 'yes' : 'no'],
  [`ehcp check, cold (${Math.min(cores, 8)} worker threads)`, s(cold), `< ${s(parseOnly)}`, cold < parseOnly ? 'yes' : 'no'],
  ['  for comparison: cold, in-process (1 thread)', s(coldOneThread), '', ''],
  ['ehcp check --cache, unchanged caseload', s(cached), '< 0.5 s', cached < 500 ? 'yes' : 'no'],
];
const head = ['measure', 'time', 'target', 'met'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ').trimEnd();

console.log('');
console.log(`Caseload: ${files.length} plans, ${(bytes / 1024 / 1024).toFixed(2)} MB, ${lines.toLocaleString('en-GB')} lines, ${findingCount.toLocaleString('en-GB')} findings (${path.relative(root, caseload)})`);
console.log(`Machine:  Node ${process.version}, ${cores} cores available, load average ${loadAtStart.toFixed(2)} at the start (other work on the machine slows every figure)`);
console.log(`Times are the median of ${RUNS} runs; in-process figures are measured after a warm-up pass, CLI figures include Node start-up.`);
console.log('');
console.log(line(head));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log('');

function planFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') out.push(...planFiles(full));
    else if (entry.isFile() && /\.ehcp\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

function countLines(text) {
  let n = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** One warm-up pass, then the median of RUNS timed passes, in milliseconds. */
function measure(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of one CLI run, in milliseconds. Output is discarded; exit code 2 means it could not run. */
function runCli(args, env = {}) {
  const start = performance.now();
  const childEnv = { ...process.env, ...env };
  if (!('EHCP_WORKERS' in env)) delete childEnv.EHCP_WORKERS;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1) fail(`ehcp ${args.join(' ')} exited with ${result.status}: ${(result.stderr ?? '').trim()}`);
  return ms;
}

/** The checking core and the yaml parser, bundled as the CLI bundles them, loaded in this process. */
async function loadCore() {
  return loadTs('bench-core', [
    "export { parseDocument } from 'yaml';\nexport { parsePlan } from './server/src/core/parse';\nexport { checkText } from './server/src/core/check';\n",
  ]);
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
