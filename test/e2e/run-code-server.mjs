// Runs the e2e mocha suite inside a real VS Code workbench: code-server 4.100.3 in headless
// Chromium, offline. The workbench loads the extension from this folder and the suite from
// out/e2e, runs it in the extension host and reports the exit code back to the page.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launchChromium, startCodeServer } from '../../scripts/code-server.mjs';
import { buildSuite } from './build-suite.mjs';

const suite = await buildSuite();
// A throwaway copy of the example caseload: the tests edit files.
const workspace = join(mkdtempSync(join(tmpdir(), 'ehcp-e2e-')), 'caseload');
cpSync(join(ROOT, 'examples', 'caseload'), workspace, { recursive: true });

const server = await startCodeServer({ install: false });
const chrome = await launchChromium();
let code = 1;
try {
  const page = await chrome.browser.newPage();
  const done = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const lines = Array.isArray(args) ? args : [args];
      console.log(...lines);
      // The workbench does not always call codeAutomationExit after a run: end on the suite's own result line.
      for (const line of lines) {
        const m = /EHCP_E2E_RESULT failures=(\d+)/.exec(String(line));
        if (m) resolve(Number(m[1]) === 0 ? 0 : 1);
      }
    });
    void page.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode));
  });
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(suite)],
  ]);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 240_000));
  const result = await Promise.race([done, timeout]);
  if (result === 'timeout') {
    console.error('e2e: the suite did not finish within 4 minutes');
    await page.screenshot({ path: join(ROOT, 'out', 'e2e-timeout.png') }).catch(() => undefined);
  } else code = Number(result);
} finally {
  await chrome.close().catch(() => undefined);
  server.stop();
}
process.exit(code);
