// Before `npm test` (and, for code-server alone, `npm start`): the system packages needed. Chromium
// hosts the VS Code workbench, ripgrep and the Kerberos headers let code-server install offline,
// Neovim runs the README's Neovim configuration; LibreOffice is the advice reader's test oracle and, with poppler and msoffcrypto-tool, checks the Word export. `node scripts/test-deps.mjs [package…]` checks the
// named ones (default: all). Installs them with apt-get when run as root on Debian (as CI does);
// otherwise says what to install and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { pkg: 'chromium', ok: () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some(existsSync) },
  { pkg: 'ripgrep', ok: () => spawnSync('rg', ['--version']).status === 0 },
  { pkg: 'libkrb5-dev', ok: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') },
  { pkg: 'neovim', ok: () => spawnSync('nvim', ['--version']).status === 0 },
  // The Word export's tests: LibreOffice renders and round-trips the .docx, poppler reads the tagged
  // PDF's structure, msoffcrypto-tool and LibreOffice itself (through python3-uno) open the encrypted file.
  { pkg: 'libreoffice-writer-nogui', ok: () => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0 },
  { pkg: 'poppler-utils', ok: () => spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0 },
  { pkg: 'python3-msoffcrypto-tool', ok: () => existsSync('/usr/bin/msoffcrypto-tool') },
  { pkg: 'python3-uno', ok: () => spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0 },
  // The review tests (ehcp diff --git, --changed-since, textconv) run real git.
  { pkg: 'git', ok: () => spawnSync('git', ['--version']).status === 0 },
];
const wanted = process.argv.slice(2);
const missing = needs.filter((n) => (wanted.length === 0 || wanted.includes(n.pkg)) && !n.ok()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0;
if (!canApt) {
  console.error(`This needs: ${missing.join(', ')}. Install them (Debian: sudo apt-get install ${missing.join(' ')}) and run it again.`);
  process.exit(1);
}
console.error(`Installing ${missing.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
