/**
 * Helpers for the CLI tests: they run the BUILT dist/cli.js as a real child process, in temporary
 * folders holding small fictional plans.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI; EHCP_TEST_CLI points the tests at another build. */
export const cli = process.env.EHCP_TEST_CLI ?? path.join(root, 'dist', 'cli.js');
const worker = path.join(path.dirname(cli), 'cli-worker.js');

let sharedCli: string | undefined;

/**
 * The built CLI where an unprivileged user can run it: the checkout may sit in a folder only root
 * can enter (a fresh `mktemp -d` clone), so dist/ is copied once into a folder everyone can read.
 */
function cliForOtherUsers(): string {
  if (!sharedCli) {
    const dir = mkdtempSync(path.join(tmpdir(), 'ehcp-cli-shared-'));
    chmodSync(dir, 0o755);
    cpSync(path.dirname(cli), path.join(dir, 'dist'), { recursive: true });
    sharedCli = path.join(dir, 'dist', path.basename(cli));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return sharedCli;
}

/** Build dist/ if it is missing (`npm test` builds first; a lone `vitest run test/cli` may not). */
export function ensureBuilt(): void {
  if (existsSync(cli) && existsSync(worker)) return;
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Run as another user (only possible when the tests run as root). */
  uid?: number;
  gid?: number;
}

/** Run `node dist/cli.js …args` and wait for it. Colour and worker settings from the outer environment are cleared. */
export function run(args: readonly string[], options: RunOptions): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, EHCP_WORKERS: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  const result = spawnSync(process.execPath, [options.uid !== undefined ? cliForOtherUsers() : cli, ...args], spawnOptions);
  if (result.error) throw result.error;
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A temporary folder with the given files (path → text or bytes); returns its absolute path. */
export function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ehcp-cli-test-'));
  // Readable by everyone, so a test can run the CLI as an unprivileged user.
  chmodSync(dir, 0o755);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A one-line `ehcp: …` reason and nothing that looks like a stack trace. */
export function expectOneLineError(result: RunResult): void {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  if (lines.length !== 1 || !lines[0]!.startsWith('ehcp: ')) throw new Error(`expected one "ehcp: …" line on stderr, got:\n${result.stderr}`);
  if (/\n\s+at /.test(result.stderr) || /Error:/.test(result.stderr)) throw new Error(`stderr looks like a stack trace:\n${result.stderr}`);
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export function parseJson(result: RunResult): JsonFinding[] {
  return JSON.parse(result.stdout) as JsonFinding[];
}

/** `path:line:col  severity  message  [rule-id]` */
export const TEXT_LINE = /^(\S.*?):(\d+):(\d+) {2}(error|warning|information|hint) {2}(.+) {2}\[([a-z][a-z0-9-]*)\]$/;
