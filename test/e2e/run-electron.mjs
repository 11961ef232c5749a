// The same e2e suite in desktop VS Code via @vscode/test-electron (downloads VS Code, so it needs
// internet; CI here uses run-code-server.mjs instead).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from '../../scripts/code-server.mjs';
import { buildSuite } from './build-suite.mjs';

const suite = await buildSuite();
const workspace = join(mkdtempSync(join(tmpdir(), 'ehcp-e2e-')), 'caseload');
cpSync(join(ROOT, 'examples', 'caseload'), workspace, { recursive: true });
try {
  await runTests({ version: '1.100.3', extensionDevelopmentPath: ROOT, extensionTestsPath: suite, launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'] });
} catch (error) {
  console.error(`e2e (electron): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
