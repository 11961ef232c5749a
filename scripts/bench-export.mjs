// `npm run bench` (export part): how fast is the Word export? Prints figures, asserts nothing.
//
// 1. The deterministic 450-plan caseload from scripts/gen-caseload.mjs, in bench/generated
//    (generated here when missing).
// 2. In one process, after a warm-up: milliseconds per document for the whole export of every plan
//    (parse + check + build + pack + accessibility check; target under 10 ms), and each stage apart.
// 3. Encryption (Office Agile, AES-256) per document, over a sample.
// 4. pandoc, when installed, converting equivalent Markdown (headings, paragraphs, pipe tables) to
//    .docx, one process per document as a caseworker would run it, as a peer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASELOAD, generatedCaseload } from './lib/caseload.mjs';
import { loadTs } from './lib/load-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLANS = 450;
const ENCRYPT_SAMPLE = 10;
const PANDOC_SAMPLE = 30;

const files = generatedCaseload(PLANS);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const load = loadavg()[0];

const core = await loadCore();
const prepared = texts.map((t, i) => core.preparePlan(t, path.relative(CASELOAD, files[i])));
const ready = prepared.filter((p) => p.ok).map((p) => p.source);
if (ready.length === 0) fail('no plan could be prepared');

// Warm-up (JIT, caches), then the measured pass over every plan.
for (const s of ready.slice(0, 30)) await core.exportToDocx(s, { unresolvedIssues: 1 });

let start = performance.now();
const prepareAgain = texts.map((t, i) => core.preparePlan(t, files[i]));
const prepareMs = performance.now() - start;

const docs = [];
start = performance.now();
const cpuStart = process.cpuUsage();
for (const [i, s] of ready.entries()) docs.push(await core.exportToDocx(s, { unresolvedIssues: 1, glossary: prepared.filter((p) => p.ok)[i].glossary }));
const exportMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const exportCpuMs = (cpu.user + cpu.system) / 1000;

start = performance.now();
for (const s of ready) core.buildDocument(s, {});
const buildMs = performance.now() - start;

start = performance.now();
for (const s of ready) await core.Packer.toBuffer(core.buildDocument(s, {}));
const buildPackMs = performance.now() - start;

start = performance.now();
let failures = 0;
for (const d of docs) failures += core.checkAccessibility(d).length > 0 ? 1 : 0;
const checkMs = performance.now() - start;

start = performance.now();
for (const d of docs.slice(0, ENCRYPT_SAMPLE)) core.encryptDocxSync(d, 'bench password');
const encryptMs = (performance.now() - start) / Math.min(ENCRYPT_SAMPLE, docs.length);

const n = ready.length;
const kb = docs.reduce((a, d) => a + d.length, 0) / n / 1024;
const per = (ms) => `${(ms / n).toFixed(1)} ms`;
console.log(`Word export over ${n} generated plans (${PLANS - n} could not be read), one process, load ${load.toFixed(1)}:`);
console.log(`  whole export (build + pack + accessibility check): ${per(exportMs)} per document (target < 10 ms; ${per(exportCpuMs)} of CPU time), ${kb.toFixed(0)} KB each`);
console.log(`    build the document model: ${per(buildMs)}; pack to .docx: ${per(buildPackMs - buildMs)}; accessibility check: ${per(checkMs)}`);
console.log(`  parse + check each plan first: ${(prepareMs / texts.length).toFixed(1)} ms per plan (${prepareAgain.length} plans)`);
console.log(`  documents failing the accessibility check: ${failures}`);
console.log(`  encryption (Agile, AES-256): ${encryptMs.toFixed(0)} ms per document (sample of ${Math.min(ENCRYPT_SAMPLE, docs.length)}; runs on a worker thread)`);

// pandoc as a peer.
if (spawnSync('pandoc', ['--version'], { stdio: 'ignore' }).status === 0) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ehcp-bench-pandoc-'));
  try {
    const sample = ready.slice(0, PANDOC_SAMPLE);
    const mds = sample.map((s, i) => {
      const f = path.join(dir, `${i}.md`);
      writeFileSync(f, markdown(s.plan));
      return f;
    });
    spawnSync('pandoc', [mds[0], '-o', path.join(dir, 'warm.docx')]);
    start = performance.now();
    for (const [i, f] of mds.entries()) {
      const r = spawnSync('pandoc', [f, '-f', 'markdown', '-o', path.join(dir, `${i}.docx`)], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) fail(`pandoc failed: ${r.stderr}`);
    }
    const pandocMs = (performance.now() - start) / mds.length;
    const version = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    const ours = performance.now();
    for (const s of sample) await core.exportToDocx(s, {});
    const oursMs = (performance.now() - ours) / sample.length;
    console.log(`  peer: ${version} converting equivalent Markdown to .docx: ${pandocMs.toFixed(0)} ms per document (a process each, ${mds.length} plans); ours on the same plans: ${oursMs.toFixed(1)} ms in-process`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.log('  peer: pandoc is not installed (Debian: apt-get install pandoc), so it was not compared');
}

/** Roughly what our document holds, as Markdown: sections, needs, outcomes, a provision table. */
function markdown(plan) {
  const cell = (s) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  const out = [`% Education, Health and Care plan for ${plan.child.known_as}`, '', '# Section A: Views', ''];
  for (const v of Object.values(plan.views ?? {})) out.push(v, '');
  for (const s of ['B', 'C', 'D']) {
    out.push(`# Section ${s}`, '');
    for (const n of plan.needs.filter((x) => x.section === s)) out.push(`**${n.id}:** ${cell(n.text)}`, '');
  }
  out.push('# Section E: Outcomes', '');
  for (const o of plan.outcomes) out.push(`**${o.id}:** ${cell(o.text)}`, '');
  for (const s of ['F', 'G', 'H1', 'H2']) {
    out.push(`# Section ${s}`, '', '| Provision | For |', '|---|---|');
    for (const p of plan.provision.filter((x) => x.section === s)) out.push(`| **${p.id}:** ${cell(p.text)} | ${p.needs.join(', ')} |`);
    out.push('');
  }
  out.push('# Section K', '', '| Advice | Author | Date |', '|---|---|---|');
  for (const a of plan.advice ?? []) out.push(`| ${cell(a.professional)} | ${cell(a.author ?? '')} | ${a.date ?? ''} |`);
  return `${out.join('\n')}\n`;
}

async function loadCore() {
  return loadTs('bench-export', [
    "export { preparePlan, exportToDocx } from './server/src/export/docx';",
    "export { buildDocument } from './server/src/export/document';",
    "export { checkAccessibility } from './server/src/export/accessibility';",
    "export { encryptDocxSync } from './server/src/export/encrypt';",
    "export { Packer } from 'docx';",
  ]);
}

function fail(message) {
  console.error(`bench-export: ${message}`);
  process.exit(1);
}
