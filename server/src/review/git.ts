/**
 * Git at the edge: `git` run with argument arrays (never a shell), for the CLI and the language
 * server. Plan text read from Git is returned to the caller, never logged.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export class GitError extends Error {}

const PLAN = /.\.ehcp\.ya?ml$/i;

/** Run git in `cwd`; stdout as bytes. Errors become a one-line GitError (git's own first line of stderr). */
export function git(args: readonly string[], cwd: string, input?: string): Buffer {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(input === undefined ? {} : { input }),
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new GitError('git is not installed or not on PATH');
    const first = (e.stderr?.toString('utf8') ?? '').split('\n').find((l) => l.trim() !== '') ?? 'git failed';
    throw new GitError(first.replace(/^(fatal|error): /, '').trim());
  }
}

/** The top folder of the repository holding `cwd`. */
export function repoRoot(cwd: string): string {
  try {
    return git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError('this folder is not in a Git repository');
    throw error;
  }
}

/** The commit a revision names, or a GitError saying it names none. */
export function resolveCommit(rev: string, cwd: string): string {
  if (rev.startsWith('-')) throw new GitError(`"${rev}" is not a revision`);
  try {
    return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], cwd).toString('utf8').trim();
  } catch {
    throw new GitError(`"${rev}" does not name a commit in this repository`);
  }
}

export function mergeBase(a: string, b: string, cwd: string): string | undefined {
  try {
    return git(['merge-base', a, b], cwd).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A revision range as typed: `rev` (against the working tree), `a..b`, or `a...b` (from their merge base). */
export interface Revisions {
  from: string;
  /** Undefined: the working tree. */
  to?: string;
}

export function parseRevisions(spec: string, cwd: string): Revisions {
  const three = spec.indexOf('...');
  if (three !== -1) {
    const a = resolveCommit(spec.slice(0, three) || 'HEAD', cwd);
    const b = resolveCommit(spec.slice(three + 3) || 'HEAD', cwd);
    return { from: mergeBase(a, b, cwd) ?? a, to: b };
  }
  const two = spec.indexOf('..');
  if (two !== -1) return { from: resolveCommit(spec.slice(0, two) || 'HEAD', cwd), to: resolveCommit(spec.slice(two + 2) || 'HEAD', cwd) };
  return { from: resolveCommit(spec, cwd) };
}

export interface ChangedPlan {
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  /** Paths relative to the repository root, with forward slashes. */
  oldPath?: string;
  newPath?: string;
}

/**
 * Plans that differ between two revisions, or between a revision and the working tree (untracked
 * plans included), with renames found as git finds them (50 % similar).
 */
export function changedPlans(revs: Revisions, pathspecs: readonly string[], cwd: string): ChangedPlan[] {
  const root = repoRoot(cwd);
  const rels = pathspecs.length > 0 ? pathspecs.map((p) => path.relative(root, path.resolve(cwd, p))) : [''];
  if (rels.some((r) => r.startsWith('..'))) throw new GitError(`${pathspecs[rels.findIndex((r) => r.startsWith('..'))]} is outside the repository`);
  const specs = rels.map((r) => (r === '' ? ':/' : `:(top,literal)${r.split(path.sep).join('/')}`));
  const args = ['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--ignore-submodules', revs.from];
  if (revs.to) args.push(revs.to);
  args.push('--', ...specs);
  const fields = git(args, root).toString('utf8').split('\0');
  const out: ChangedPlan[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    if (status === '') continue;
    const code = status[0]!;
    if (code === 'R' || code === 'C') {
      const from = fields[i++]!;
      const to = fields[i++]!;
      const fromPlan = PLAN.test(from);
      const toPlan = PLAN.test(to);
      if (code === 'R' && fromPlan && toPlan) out.push({ status: 'renamed', oldPath: from, newPath: to });
      else if (code === 'R' && fromPlan) out.push({ status: 'deleted', oldPath: from });
      if (toPlan && (code === 'C' || !fromPlan)) out.push({ status: 'added', newPath: to });
      continue;
    }
    const file = fields[i++]!;
    if (!PLAN.test(file)) continue;
    if (code === 'A') out.push({ status: 'added', newPath: file });
    else if (code === 'D') out.push({ status: 'deleted', oldPath: file });
    else out.push({ status: 'modified', oldPath: file, newPath: file });
  }
  if (!revs.to) {
    const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...specs], root).toString('utf8').split('\0');
    for (const f of untracked) if (f && PLAN.test(f) && !out.some((c) => c.newPath === f)) out.push({ status: 'added', newPath: f });
  }
  return out.sort((a, b) => ((a.newPath ?? a.oldPath)! < (b.newPath ?? b.oldPath)! ? -1 : 1));
}

/** A file's bytes at a revision (path relative to the repository root). */
export function readAtRevision(rev: string, file: string, root: string): Buffer {
  return git(['cat-file', 'blob', `${rev}:${file}`], root);
}

/**
 * Many files at revisions with one `git cat-file --batch` (one process, not one per plan).
 * A file that is not there gives a GitError in its place.
 */
export function readManyAtRevisions(wanted: readonly { rev: string; file: string }[], root: string): (Buffer | GitError)[] {
  if (wanted.length === 0) return [];
  if (wanted.some((w) => /[\r\n]/.test(w.file))) return wanted.map((w) => tryRead(w.rev, w.file, root));
  const out = git(['cat-file', '--batch'], root, wanted.map((w) => `${w.rev}:${w.file}\n`).join(''));
  const results: (Buffer | GitError)[] = [];
  let at = 0;
  for (const w of wanted) {
    const nl = out.indexOf(0x0a, at);
    if (nl === -1) {
      results.push(new GitError(`could not read ${w.file}`));
      continue;
    }
    const header = out.subarray(at, nl).toString('utf8');
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      results.push(new GitError(`${w.file} is not in ${w.rev.slice(0, 12)}`));
      at = nl + 1;
      continue;
    }
    const size = Number(m[2]);
    results.push(m[1] === 'blob' ? out.subarray(nl + 1, nl + 1 + size) : new GitError(`${w.file} is not a file in ${w.rev.slice(0, 12)}`));
    at = nl + 1 + size + 1;
  }
  return results;
}

function tryRead(rev: string, file: string, root: string): Buffer | GitError {
  try {
    return readAtRevision(rev, file, root);
  } catch (error) {
    return error instanceof GitError ? error : new GitError(String(error));
  }
}

/** Commits that touched a file, newest first (for choosing a version to compare with). */
export function fileHistory(file: string, cwd: string, limit = 30): { commit: string; date: string; subject: string }[] {
  const out = git(['log', `-n${limit}`, '--format=%H%x00%cs%x00%s', '--', path.basename(file)], path.dirname(file)).toString('utf8');
  return out
    .split('\n')
    .filter((l) => l.includes('\0'))
    .map((l) => {
      const [commit, date, subject] = l.split('\0') as [string, string, string];
      return { commit, date, subject };
    });
}
