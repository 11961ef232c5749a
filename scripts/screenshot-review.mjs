// `npm run screenshots` (review part): a picture of "EHCP: Compare with a previous version" for
// the README, from a real VS Code workbench (code-server + Chromium). A copy of the example
// caseload is committed to a temporary Git repository, Priya's plan is changed as at an annual
// review, and the compare view is opened from the command palette. Writes docs/images/compare-view.png.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, startCodeServer } from './code-server.mjs';

const PLAN = 'priya-sharma.ehcp.yaml';
const out = join(ROOT, 'docs', 'images');
mkdirSync(out, { recursive: true });
const workspace = join(mkdtempSync(join(tmpdir(), 'ehcp-shots-review-')), 'caseload');
cpSync(join(ROOT, 'examples', 'caseload'), workspace, { recursive: true });
const git = (...args) => execFileSync('git', ['-c', 'user.name=Screenshots', '-c', 'user.email=shots@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, stdio: 'pipe' });
git('init', '-q');
git('add', '.');
git('commit', '-q', '-m', 'Plans as issued');

// An annual review: therapy cut to fortnightly, a group size dropped, an item moved to G, an id renamed.
const file = join(workspace, PLAN);
const replace = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`screenshot-review: the example no longer contains "${from}"`);
  return text.replace(from, to);
};
let text = readFileSync(file, 'utf8');
text = replace(text, 'and Language Therapist, 45 minutes once a week, 38 weeks a year,', 'and Language Therapist, 30 minutes once a fortnight, 38 weeks a year,');
text = replace(text, 'in a group of no more than 4 pupils, 30 minutes twice a week', 'in a small group, 30 minutes twice a week');
text = replace(text, '  - id: P4\n    section: F\n', '  - id: P4\n    section: G\n');
text = replace(text, '  - id: P7\n', '  - id: P7-elsa\n');
text = replace(text, '1:1, 30 minutes once a week, 38 weeks a year, in which Priya', '1:1, 30 minutes twice a week, 38 weeks a year, in which Priya');
text = replace(text, 'status: final', 'status: amended');
writeFileSync(file, text);

const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'window.zoomLevel': 0, 'editor.minimap.enabled': false } });
const chrome = await launchChromium();
try {
  const page = await chrome.browser.newPage({ viewport: { width: 1500, height: 940 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.statusbar-item:has(.codicon-error)').first().waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.keyboard.type(PLAN);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+G');
  await page.keyboard.type('135');
  await page.keyboard.press('Enter');
  // The command palette, then HEAD in the choice of versions.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('EHCP: Compare with a previous version');
  await page.locator('.quick-input-list .monaco-list-row:has-text("Compare with a previous version")').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row:has-text("HEAD")').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  // The webview is an iframe inside an iframe: wait until its body shows the reductions.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('fake.html') || f.name() === 'active-frame');
    const found = frame ? await frame.locator('section.reduction').count().catch(() => 0) : 0;
    if (found > 0) break;
    if (Date.now() > deadline) throw new Error('screenshot-review: the compare view did not appear');
    await page.waitForTimeout(200);
  }
  await page.keyboard.press('Control+B'); // hide the side bar: more room for the plan and the view
  await page.waitForTimeout(500); // let the layout settle before the picture
  await page.screenshot({ path: join(out, 'compare-view.png') });
  console.log(`wrote ${join('docs', 'images', 'compare-view.png')}`);
} finally {
  await chrome.close().catch(() => undefined);
  server.stop();
}
