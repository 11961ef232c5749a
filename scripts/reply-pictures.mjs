// `npm run reply-pictures`: the README's pictures of the family's reply round trip. Exports an
// example plan (the real export), makes a family's edits in the returned file (a tracked change
// and a comment, as Word writes them), saves it through LibreOffice as a family with LibreOffice
// would, and renders the page with the edited item to docs/images/reply-returned.png (LibreOffice +
// pdftoppm, comments in the margin). Also writes docs/images/reply-returned.txt: what
// `ehcp reply` prints for that file, and docs/images/reply-editor.png: the plan in a real VS Code
// workbench (code-server + Chromium) after "EHCP: Import the family's reply…", with the quick fixes
// on the family's change (skip it with --no-editor).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './lib/load-ts.mjs';
import { launchChromium, startCodeServer } from './code-server.mjs';

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
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[1] ?? 1);
  let page = 1;
  for (let p = 1; p <= pages; p++) {
    const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
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
  if (!process.argv.includes('--no-editor')) await editorPicture(returned);
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}

/** The editor after "EHCP: Import the family's reply…": the notes on P1 and its quick fixes (code-server + Chromium). */
async function editorPicture(returned) {
  const workspace = path.join(work, 'caseload');
  mkdirSync(workspace, { recursive: true });
  for (const f of readdirSync(path.join(root, 'examples', 'caseload'))) if (f.endsWith('.ehcp.yaml')) copyFileSync(path.join(root, 'examples', 'caseload', f), path.join(workspace, f));
  copyFileSync(returned, path.join(workspace, path.basename(returned)));
  const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'editor.minimap.enabled': false, 'files.simpleDialog.enable': true } });
  const chrome = await launchChromium();
  try {
    const page = await chrome.browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    await page.locator('.statusbar-item:has(.codicon-error)').first().waitFor({ timeout: 90_000 }).catch(() => undefined);
    // The extension must be active before its command is in the palette.
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type("EHCP: Import the family's reply");
      const ours = page.locator('.quick-input-list .monaco-list-row', { hasText: "Import the family's reply" }).first();
      if (await ours.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      if (attempt > 20) throw new Error('the import command never appeared');
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Enter');
    // The simple file dialog: type the returned file's path and import it.
    await page.locator('.quick-input-widget', { hasText: "Import the family's reply" }).waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-box input').fill(path.join(workspace, path.basename(returned)));
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    // The plan opens with the reply's notes once the server has read the file.
    await page.locator('.tab', { hasText: 'priya-sharma.ehcp.yaml' }).first().waitFor({ timeout: 90_000 }).catch(async (error) => {
      await page.screenshot({ path: path.join(tmpdir(), 'ehcp-reply-pictures-failed.png') });
      throw error;
    });
    // Put the cursor on the family's change and open the quick fixes.
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+G');
    await page.keyboard.type('141:45');
    await page.keyboard.press('Enter');
    await page.locator('.squiggly-info').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(images, 'reply-editor.png') });
    console.log('wrote docs/images/reply-editor.png');
  } finally {
    await chrome.close().catch(() => undefined);
    server.stop();
  }
}

async function load() {
  return loadTs('reply-pictures', [
    "export { preparePlan, exportToDocx } from './server/src/export/docx';",
    "export { DocxEditor, roundTripThroughLibreOffice } from './test/unit/reply/docx-edit';",
  ]);
}

