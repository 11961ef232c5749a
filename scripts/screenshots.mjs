// `npm run screenshots`: pictures of the running product for the README, taken from a real
// VS Code workbench (code-server + Chromium) with the extension installed, on a copy of the
// example caseload. Writes docs/images/editor-diagnostics.png.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, startCodeServer } from './code-server.mjs';

const PLAN = 'kai-robinson.ehcp.yaml';
const out = join(ROOT, 'docs', 'images');
mkdirSync(out, { recursive: true });
const workspace = join(mkdtempSync(join(tmpdir(), 'ehcp-shots-')), 'caseload');
cpSync(join(ROOT, 'examples', 'caseload'), workspace, { recursive: true });

const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'window.zoomLevel': 0, 'editor.minimap.enabled': false } });
const chrome = await launchChromium();
try {
  const page = await chrome.browser.newPage({ viewport: { width: 1500, height: 940 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  // Wait for the caseload check (the status bar counts), then open the plan with Quick Open.
  await page.locator('.statusbar-item:has(.codicon-error)').first().waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.keyboard.type(PLAN);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  // Go to the provision, where the vague wording is; squiggles are drawn only for visible lines.
  await page.keyboard.press('Control+G');
  await page.keyboard.type('126');
  await page.keyboard.press('Enter');
  await page.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500); // let the panel finish its layout animation before the picture
  await page.screenshot({ path: join(out, 'editor-diagnostics.png') });
  console.log(`wrote ${join('docs', 'images', 'editor-diagnostics.png')}`);

} finally {
  await chrome.close().catch(() => undefined);
  server.stop();
}
