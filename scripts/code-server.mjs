// code-server 4.100.3 (VS Code 1.100.3, the last release on Node 20), installed on first use into
// .cache/code-server (git-ignored, outside the extension's own dependencies), and started with this
// extension loaded. Used by `npm start`, the e2e tests and the screenshot script. Offline-safe:
// ripgrep comes from Debian's package, seeded into the cache its postinstall would download to.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = '4.100.3';
const HOME = join(ROOT, '.cache', 'code-server');
export const CODE_SERVER = join(HOME, 'node_modules', '.bin', 'code-server');

/** Installs code-server into .cache/code-server unless it is already there. */
export function ensureCodeServer(log = console.error) {
  if (existsSync(CODE_SERVER)) return CODE_SERVER;
  log(`Installing code-server ${VERSION} into .cache/code-server (first use only, about a minute)…`);
  mkdirSync(HOME, { recursive: true });
  // code-server's postinstall installs VS Code's own modules; argon2 (password log-in, built from source
  // when its prebuilt download fails offline) is what code-server loads at start. Both are needed.
  const allowScripts = { 'code-server': true, argon2: true };
  writeFileSync(join(HOME, 'package.json'), JSON.stringify({ name: 'ehcp-code-server', private: true, allowScripts }, null, 2));
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));
  const tmp = mkdtempSync(join(tmpdir(), 'ehcp-cs-'));
  if (rg) {
    // @vscode/ripgrep's postinstall downloads rg from GitHub; give it Debian's instead.
    const cache = join(tmp, 'vscode-ripgrep-cache-1.15.11');
    mkdirSync(join(cache, 'bin'), { recursive: true });
    copyFileSync(rg, join(cache, 'bin', 'rg'));
    const tar = spawnSync('tar', ['-czf', join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', join(cache, 'bin'), 'rg']);
    if (tar.status !== 0) throw new Error('could not seed the ripgrep cache (tar failed)');
  } else {
    log('ripgrep is not installed (apt-get install ripgrep); the install will try to download it.');
  }
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${VERSION}`], {
    cwd: HOME,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', npm_config_foreground_scripts: 'false' },
  });
  // code-server's postinstall refuses root without npm_config_unsafe_perm, which npm 11 no longer
  // knows: its warning about that setting is expected here and only confuses a newcomer.
  const stderr = String(result.stderr ?? '').split('\n').filter((l) => !/Unknown env config "unsafe-perm"/.test(l)).join('\n').trim();
  if (stderr) process.stderr.write(`${stderr}\n`);
  rmSync(tmp, { recursive: true, force: true });
  if (result.status !== 0 || !existsSync(CODE_SERVER)) throw new Error(`installing code-server ${VERSION} failed (npm exit ${result.status})`);
  return CODE_SERVER;
}

/**
 * Starts code-server on 127.0.0.1 with this extension in its extensions folder. Nothing is written
 * to $HOME: settings, data and caches go to a fresh folder. Resolves once /healthz answers.
 */
export async function startCodeServer({ port = 0, settings = {}, quiet = true, install = true } = {}) {
  ensureCodeServer();
  const base = mkdtempSync(join(tmpdir(), 'ehcp-vscode-'));
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.enableExperiments': false, 'chat.disableAIFeatures': true, ...settings }, null, 2),
  );
  if (install) symlinkSync(ROOT, join(extensions, 'ehcp-plan-writer.ehcp-plan-writer-0.1.0'));
  const chosen = port || (await freePort());
  const env = { ...process.env, XDG_CONFIG_HOME: join(base, 'config'), XDG_DATA_HOME: join(base, 'data'), XDG_CACHE_HOME: join(base, 'cache') };
  const args = ['--config', '/dev/null', '--bind-addr', `127.0.0.1:${chosen}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions];
  const child = spawn(CODE_SERVER, args, { env, stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'], detached: false });
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('code-server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port: chosen,
    process: child,
    stop() {
      child.kill();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** Launches Debian's Chromium headless through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium is not installed: apt-get install chromium');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}
