// `npm run bench` (review part): how long does the semantic diff of a whole caseload against a
// revision take? Prints figures, asserts nothing.
//
// 1. The example caseload (8 plans) in a temporary Git repository, committed; then every plan is
//    re-laid out with `ehcp fmt` (no change for the child) and provision is cut in each one
//    ("once a week" → "once a fortnight", "38 weeks a year" → "30 weeks a year").
// 2. `ehcp diff --git HEAD` (the built CLI as a child process, Markdown output): median wall time
//    of 5 runs, and the in-process diff of every plan (parse both versions + diff), median of 20.
// 3. The same for the generated 450-plan caseload, as a caseworker's whole caseload.
//
// Expects dist/ to be built (`npm run bench` builds first).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env: gitEnv, stdio: ['ignore', 'pipe', 'pipe'] });

const work = mkdtempSync(path.join(tmpdir(), 'ehcp-bench-review-'));
const core = await loadCore(work);
console.log(`review bench: load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores at the start (wall times grow with load)`);
try {
  const examples = path.join(work, 'examples');
  cpSync(path.join(root, 'examples', 'caseload'), examples, { recursive: true });
  report('example caseload', prepare(examples), 5, 20);

  const generated = path.join(work, 'generated');
  const gen = spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-caseload.mjs'), generated, '--plans', '450'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (gen.status === 0) report('generated caseload', prepare(generated), 3, 3);
  else console.log('review bench: the caseload generator failed; skipped the 450-plan figures');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Commit the plans, then re-lay them out and cut provision in the working tree. */
function prepare(dir) {
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'plans as issued');
  const files = planFiles(dir);
  const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  const fmt = spawnSync(process.execPath, [cli, 'fmt', '.'], { cwd: dir, encoding: 'utf8' });
  if (fmt.status !== 0 && fmt.status !== 2) throw new Error(`ehcp fmt failed: ${fmt.stderr}`);
  for (const f of files) {
    const t = readFileSync(f, 'utf8');
    writeFileSync(f, t.replace('once a week', 'once a fortnight').replace('38 weeks a year', '30 weeks a year'));
  }
  return { dir, files, before };
}

function report(label, { dir, files, before }, cliRuns, coreRuns) {
  const times = [];
  let json;
  for (let i = 0; i < cliRuns; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'diff', '--git', 'HEAD', '--format', 'markdown'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - t0);
    if (r.status !== 1) throw new Error(`ehcp diff exited ${r.status}: ${r.stderr}`);
  }
  json = JSON.parse(spawnSync(process.execPath, [cli, 'diff', '--git', 'HEAD', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout);
  const pairs = files.map((f) => [before.get(f), readFileSync(f, 'utf8')]);
  const inProcess = [];
  const cpu = [];
  const diffOnly = [];
  for (let i = 0; i < coreRuns + 1; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const parsed = pairs.map(([a, b]) => [core.parsePlan(a), core.parsePlan(b)]);
    const t1 = performance.now();
    for (const [a, b] of parsed) core.diffPlans(a, b);
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    if (i === 0) continue; // the first run warms up
    inProcess.push(t2 - t0);
    diffOnly.push(t2 - t1);
    cpu.push((c.user + c.system) / 1000);
  }
  const s = json.summary;
  console.log(`review bench, ${label}: ${files.length} plans, ${s.changedPlans} changed, ${s.reductions} reductions found`);
  console.log(`  ehcp diff --git HEAD (whole CLI, git included): ${ms(median(times))} median of ${cliRuns}`);
  console.log(`  in-process, parse both versions + diff:         ${ms(median(inProcess))} wall, ${ms(median(cpu))} CPU, median of ${coreRuns} (${ms(median(inProcess) / files.length)} a plan)`);
  console.log(`  in-process, the diff alone (plans parsed):      ${ms(median(diffOnly))} (${ms(median(diffOnly) / files.length)} a plan)`);
}

function planFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...planFiles(full));
    else if (/\.ehcp\.ya?ml$/.test(name)) out.push(full);
  }
  return out.sort();
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function ms(x) {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`;
}

async function loadCore(dir) {
  const out = path.join(dir, 'review-core.cjs');
  await build({
    stdin: { contents: "export { parsePlan } from './server/src/core/parse'; export { diffPlans } from './server/src/review/diff';", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(out);
}
