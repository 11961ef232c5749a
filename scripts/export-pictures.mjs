// `npm run export-pictures`: two pages of an exported example for the README, rendered the way a
// family's computer would show them: the plan → .docx (dist/cli.js export) → PDF (LibreOffice,
// headless, a fresh profile) → PNG (poppler's pdftoppm). Writes docs/images/export-cover.png and
// docs/images/export-provision.png. The example is Priya's plan from examples/caseload, turned into
// a draft so the pictures show the comment deadline.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'images');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) fail('dist/cli.js is missing: run `npm run build` first (npm run export-pictures builds)');
for (const [tool, pkg] of [['soffice', 'libreoffice-writer-nogui'], ['pdftoppm', 'poppler-utils']]) {
  if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0 && spawnSync(tool, ['-v'], { stdio: 'ignore' }).status !== 0) fail(`${tool} is missing (Debian: apt-get install ${pkg})`);
}

const dir = mkdtempSync(join(tmpdir(), 'ehcp-export-pictures-'));
try {
  const plan = readFileSync(join(root, 'examples', 'caseload', 'priya-sharma.ehcp.yaml'), 'utf8')
    .replace('status: final', 'status: draft')
    .replace(/\n    final_issued: .*/, '')
    .replace('  caseworker: J. Fields\n', '  caseworker: J. Fields\n  caseworker_contact: 01632 960 123, j.fields@northshire.example\n');
  writeFileSync(join(dir, 'priya-sharma.ehcp.yaml'), plan);
  copyFileSync(join(root, 'examples', 'caseload', '.ehcprc.yaml'), join(dir, '.ehcprc.yaml'));
  step('export', process.execPath, [cli, 'export', join(dir, 'priya-sharma.ehcp.yaml'), '-o', join(dir, 'priya.docx')]);
  const profile = join(dir, 'profile');
  step('LibreOffice', 'soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'priya.docx')]);
  const pdf = join(dir, 'priya.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(step('pdfinfo', 'pdfinfo', [pdf]))?.[1] ?? 0);
  // The page where Section F's table starts (its header row; the contents page names the section too).
  let provisionPage = 0;
  for (let p = 1; p <= pages && !provisionPage; p++) {
    const text = step('pdftotext', 'pdftotext', ['-f', String(p), '-l', String(p), pdf, '-']);
    if (text.includes('Section F: Special educational provision') && text.includes('Who gives it')) provisionPage = p;
  }
  if (!provisionPage) fail('could not find Section F in the rendered PDF');
  mkdirSync(out, { recursive: true });
  for (const [page, name] of [[1, 'export-cover'], [provisionPage, 'export-provision']]) {
    step('pdftoppm', 'pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(out, name)]);
    console.log(`wrote docs/images/${name}.png (page ${page} of ${pages})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function step(what, command, args) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) fail(`${what} failed: ${(r.stderr || r.stdout || '').trim().split('\n')[0]}`);
  return r.stdout;
}

function fail(message) {
  console.error(`export-pictures: ${message}`);
  process.exit(1);
}
