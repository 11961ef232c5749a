// `npm run reply-pictures`: the README's pictures of the family's reply round trip. Exports an
// example plan (the real export), makes a family's edits in the returned file (a tracked change
// and a comment, as Word writes them), saves it through LibreOffice as a family with LibreOffice
// would, and renders the page with the edited item to docs/images/reply-returned.png (LibreOffice +
// pdftoppm, comments in the margin). Also writes docs/images/reply-returned.txt: what
// `ehcp reply` prints for that file.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const images = path.join(root, 'docs', 'images');
const PLAN = 'priya-sharma.ehcp.yaml';
mkdirSync(images, { recursive: true });
const work = mkdtempSync(path.join(tmpdir(), 'ehcp-reply-pictures-'));

try {
  const lib = await load();
  const text = readFileSync(path.join(root, 'examples', 'caseload', PLAN), 'utf8');
  const prepared = lib.preparePlan(text, PLAN);
  if (!prepared.ok) throw new Error(prepared.reason);
  const exported = new Uint8Array(await lib.exportToDocx(prepared.source, { productVersion: 'pictures' }));
  const edited = new lib.DocxEditor(exported)
    .replace('ehcp_F_P1', '45 minutes once a week', '1 hour once a week', { author: 'Mrs Sharma', date: '2026-12-02T18:00:00Z' })
    .comment('ehcp_F_P1', 'telling events in order', 'Please add reading comprehension: her school report says she struggles with it.', { author: 'Mrs Sharma', date: '2026-12-02T18:05:00Z' })
    .bytes();
  const [saved] = lib.roundTripThroughLibreOffice([edited]);
  const returned = path.join(work, 'priya-sharma-returned.docx');
  writeFileSync(returned, saved);

  // The page holding the edited item, with comments in the margin.
  const pdfDir = path.join(work, 'pdf');
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}', '--outdir', pdfDir, returned], { stdio: 'ignore', timeout: 180_000 });
  const pdf = path.join(pdfDir, 'priya-sharma-returned.pdf');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 1);
  let page = 1;
  for (let p = 1; p <= pages; p++) {
    const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    if (t.includes('Section F: Special educational provision') && /\bP1:/.test(t)) {
      page = p;
      break;
    }
  }
  const prefix = path.join(work, 'page');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), pdf, prefix]);
  const png = readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.png'));
  if (!png) throw new Error('pdftoppm wrote no picture');
  copyFileSync(path.join(work, png), path.join(images, 'reply-returned.png'));

  // What `ehcp reply` says about it, run on a copy of the plan beside the returned file.
  copyFileSync(path.join(root, 'examples', 'caseload', PLAN), path.join(work, PLAN));
  const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'reply', 'priya-sharma-returned.docx'], { cwd: work, encoding: 'utf8' });
  if (cli.status !== 0) throw new Error(`ehcp reply exited ${cli.status}: ${cli.stderr}`);
  writeFileSync(path.join(images, 'reply-returned.txt'), cli.stdout);
  console.log(`wrote docs/images/reply-returned.png (page ${page} of ${pages}) and docs/images/reply-returned.txt`);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}

async function load() {
  const outfile = path.join(root, 'node_modules', '.cache', 'ehcp-pictures', 'reply.cjs');
  await build({
    stdin: {
      contents: [
        "export { preparePlan, exportToDocx } from './server/src/export/docx';",
        "export { DocxEditor, roundTripThroughLibreOffice } from './test/unit/reply/docx-edit';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

