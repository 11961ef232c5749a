/**
 * ehcp diff, fmt, show --canonical and check --changed-since, run as the built CLI against plan
 * files and a real temporary Git repository (git diff with the textconv driver included).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, edit } from '../unit/review/plans';
import { cli, ensureBuilt, expectOneLineError, removeWorkspace, run, workspace } from './helpers';

const dirs: string[] = [];
beforeAll(() => ensureBuilt());
afterAll(() => dirs.forEach(removeWorkspace));

const gitEnv = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...gitEnv }, encoding: 'utf8' });
}

function repo(files: Record<string, string>): string {
  const dir = workspace(files);
  dirs.push(dir);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'plans as issued');
  return dir;
}

const cut = (t: string) => edit(t, '45 minutes once a week', '30 minutes once a fortnight');
const other = BASE.replace(/Rowan Test-Ellis/g, 'Sam Lowe-Field').replace(/Rowan/g, 'Sam').replace('2017-05-09', '2016-01-20');

describe('ehcp diff <old> <new>', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({ 'old.ehcp.yaml': BASE, 'new.ehcp.yaml': cut(BASE), 'same.ehcp.yaml': BASE, 'more.ehcp.yaml': edit(BASE, '45 minutes once a week', '45 minutes twice a week'), 'broken.ehcp.yaml': 'ehcp: 1\nchild: [\n' });
    dirs.push(dir);
  });

  it('prints the cut with its size and exits 1', () => {
    const r = run(['diff', 'old.ehcp.yaml', 'new.ehcp.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('P1: 45 minutes once a week → 30 minutes once a fortnight: 67 % less therapy time (1,710 → 570 minutes a year)');
    expect(r.stdout).not.toMatch(/\u001b/); // piped: no colour
    expect(run(['diff', 'old.ehcp.yaml', 'new.ehcp.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[31m/);
  });

  it('exits 0 when nothing changed for the child', () => {
    const r = run(['diff', 'old.ehcp.yaml', 'same.ehcp.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No change for the child');
  });

  it('--fail-on reduction exits 1 only for a cut', () => {
    expect(run(['diff', 'old.ehcp.yaml', 'more.ehcp.yaml', '--fail-on', 'reduction'], { cwd: dir }).code).toBe(0);
    expect(run(['diff', 'old.ehcp.yaml', 'new.ehcp.yaml', '--fail-on', 'reduction'], { cwd: dir }).code).toBe(1);
    expect(run(['diff', 'old.ehcp.yaml', 'more.ehcp.yaml'], { cwd: dir }).code).toBe(1);
  });

  it('prints stable JSON and Markdown', () => {
    const j = run(['diff', 'old.ehcp.yaml', 'new.ehcp.yaml', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(j.stdout);
    expect(report).toMatchObject({ version: 1, similarityThreshold: 0.5, summary: { plans: 1, changedPlans: 1, reductions: 1 } });
    expect(report.plans[0]).toMatchObject({ oldPath: 'old.ehcp.yaml', newPath: 'new.ehcp.yaml', status: 'modified', child: 'Rowan' });
    expect(report.plans[0].changes[0]).toMatchObject({ kind: 'changed', item: 'provision', id: 'P1', impact: 'reduction', line: 36 });
    const m = run(['diff', 'old.ehcp.yaml', 'new.ehcp.yaml', '--format', 'markdown'], { cwd: dir });
    expect(m.stdout).toMatch(/^## What changed for the child/);
    expect(m.stdout).toContain('| new.ehcp.yaml | P1 | 45 minutes once a week → 30 minutes once a fortnight | 67 % less therapy time (1,710 → 570 minutes a year) |');
  });

  it('a usage or file problem exits 2 with one line', () => {
    for (const args of [['diff', 'old.ehcp.yaml'], ['diff', 'old.ehcp.yaml', 'missing.ehcp.yaml'], ['diff', 'old.ehcp.yaml', 'broken.ehcp.yaml'], ['diff', 'a', 'b', '--format', 'sarif'], ['diff', 'old.ehcp.yaml', 'new.ehcp.yaml', '--fail-on', 'sometimes'], ['diff', '--git', 'HEAD']]) {
      const r = run(args, { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLineError(r);
      expect(r.stderr).not.toContain('Rowan'); // no plan text on stderr
    }
  });

  it('compares two folders plan by plan', () => {
    const d = workspace({ 'a/rowan.ehcp.yaml': BASE, 'a/sam.ehcp.yaml': other, 'b/rowan.ehcp.yaml': cut(BASE), 'b/sub/sam.ehcp.yaml': other });
    dirs.push(d);
    const r = run(['diff', 'a', 'b', '--format', 'json'], { cwd: d });
    const report = JSON.parse(r.stdout);
    expect(report.plans.map((p: { status: string; newPath?: string }) => `${p.status} ${p.newPath}`)).toEqual(['modified b/rowan.ehcp.yaml', 'renamed b/sub/sam.ehcp.yaml']);
    expect(r.code).toBe(1);
  });
});

describe('ehcp diff --git, in a real repository', () => {
  let dir: string;
  beforeAll(() => {
    dir = repo({ 'caseload/rowan.ehcp.yaml': BASE, 'caseload/sam.ehcp.yaml': other, 'caseload/gone.ehcp.yaml': other.replace(/Sam/g, 'Alex').replace('2016-01-20', '2015-03-03'), 'notes.txt': 'not a plan\n' });
    git(dir, 'mv', 'caseload/sam.ehcp.yaml', 'caseload/sam-lowe-field.ehcp.yaml');
    writeFileSync(path.join(dir, 'caseload/sam-lowe-field.ehcp.yaml'), edit(other, '  - id: P2\n', '  - id: P2-reading\n'));
    writeFileSync(path.join(dir, 'caseload/rowan.ehcp.yaml'), cut(BASE));
    rmSync(path.join(dir, 'caseload/gone.ehcp.yaml'));
    writeFileSync(path.join(dir, 'caseload/new.ehcp.yaml'), BASE.replace(/Rowan Test-Ellis/g, 'Jo New').replace('2017-05-09', '2018-02-02'));
    writeFileSync(path.join(dir, 'notes.txt'), 'changed\n');
  });

  it('working tree against HEAD: added, deleted, renamed and changed plans', () => {
    const r = run(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const rows = report.plans.map((p: { status: string; oldPath?: string; newPath?: string }) => `${p.status} ${p.oldPath ?? '-'} ${p.newPath ?? '-'}`);
    expect(rows.sort()).toEqual([
      'added - caseload/new.ehcp.yaml',
      'deleted caseload/gone.ehcp.yaml -',
      'modified caseload/rowan.ehcp.yaml caseload/rowan.ehcp.yaml',
      'modified caseload/sam.ehcp.yaml caseload/sam-lowe-field.ehcp.yaml',
    ]);
    const sam = report.plans.find((p: { newPath?: string }) => p.newPath === 'caseload/sam-lowe-field.ehcp.yaml');
    expect(sam.changes).toEqual([expect.objectContaining({ id: 'P2-reading', oldId: 'P2', impact: 'neutral' })]);
    const rowan = report.plans.find((p: { newPath?: string }) => p.newPath === 'caseload/rowan.ehcp.yaml');
    expect(rowan.summary.reductions).toBe(1);
  });

  it('paths limit the plans; paths are shown relative to the current folder', () => {
    const r = run(['diff', '--git', 'HEAD', 'rowan.ehcp.yaml', '--format', 'json'], { cwd: path.join(dir, 'caseload') });
    const report = JSON.parse(r.stdout);
    expect(report.plans.map((p: { newPath: string }) => p.newPath)).toEqual(['rowan.ehcp.yaml']);
  });

  it('two revisions, and a revision that does not exist', () => {
    const d = repo({ 'p/rowan.ehcp.yaml': BASE });
    writeFileSync(path.join(d, 'p/rowan.ehcp.yaml'), cut(BASE));
    git(d, 'commit', '-q', '-am', 'annual review');
    writeFileSync(path.join(d, 'p/rowan.ehcp.yaml'), BASE); // the working tree is not part of a two-revision diff
    const r = run(['diff', '--git', 'HEAD~1..HEAD', '--format', 'markdown'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('| p/rowan.ehcp.yaml | P1 | 45 minutes once a week → 30 minutes once a fortnight |');
    expect(run(['diff', '--git', 'HEAD~1...HEAD', '--fail-on', 'reduction'], { cwd: d }).code).toBe(1);
    const bad = run(['diff', '--git', 'no-such-branch'], { cwd: d });
    expect(bad.code).toBe(2);
    expectOneLineError(bad);
    expect(bad.stderr).toContain('"no-such-branch" does not name a commit');
  });
});

describe('git textconv with ehcp show --canonical', () => {
  it('git diff ignores reordering and re-wrapping, and --word-diff shows whole words', () => {
    const dir = repo({ 'rowan.ehcp.yaml': BASE, '.gitattributes': '*.ehcp.yaml diff=ehcp\n' });
    git(dir, 'config', 'diff.ehcp.textconv', `"${process.execPath}" "${cli}" show --canonical`);
    git(dir, 'config', 'diff.ehcp.wordRegex', '[^[:space:],;()]+');
    // Reorder two provision items and re-wrap one: no difference through textconv.
    const lines = BASE.split('\n');
    const a = lines.indexOf('  - id: P1');
    const b = lines.indexOf('  - id: P2');
    const c = lines.indexOf('  - id: P3');
    const reordered = [...lines.slice(0, a), ...lines.slice(b, c), ...lines.slice(a, b), ...lines.slice(c)].join('\n');
    writeFileSync(path.join(dir, 'rowan.ehcp.yaml'), reordered.replace('Rowan reads accurately but understands', 'Rowan reads accurately\n      but understands').replace('    text: Rowan reads accurately', '    text: >-\n      Rowan reads accurately'));
    expect(git(dir, 'diff', '--no-color')).toBe('');
    expect(git(dir, 'diff', '--no-color', '--no-textconv', '--stat')).not.toBe(''); // the raw text did change
    writeFileSync(path.join(dir, 'rowan.ehcp.yaml'), cut(reordered));
    const words = git(dir, 'diff', '--no-color', '--word-diff');
    expect(words).toContain('[-45-]{+30+} minutes once a [-week-]{+fortnight+}, 38 weeks a year.');
    expect(words.match(/^@@/gm)).toHaveLength(1); // the reordering is not shown
    expect(git(dir, 'log', '-p', '--no-color', '-1')).toContain('plans as issued');
  });

  it('a file that is not valid YAML is shown as it is', () => {
    const dir = workspace({ 'bad.ehcp.yaml': 'ehcp: 1\nchild: [\n' });
    dirs.push(dir);
    const r = run(['show', '--canonical', 'bad.ehcp.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ehcp: 1\nchild: [\n');
    expect(run(['show', 'bad.ehcp.yaml'], { cwd: dir }).code).toBe(2);
  });
});

describe('ehcp check --changed-since', () => {
  it('checks only the plans changed on the branch', () => {
    const dir = repo({ 'caseload/rowan.ehcp.yaml': BASE, 'caseload/sam.ehcp.yaml': other });
    git(dir, 'checkout', '-q', '-b', 'review');
    writeFileSync(path.join(dir, 'caseload/sam.ehcp.yaml'), edit(other, '45 minutes once a week', 'therapy as required'));
    git(dir, 'commit', '-q', '-am', 'review of Sam');
    writeFileSync(path.join(dir, 'caseload/untracked.ehcp.yaml'), BASE.replace('Rowan Test-Ellis', 'Una Tracked'));
    // A commit on main after the branch forked does not count.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(path.join(dir, 'caseload/rowan.ehcp.yaml'), cut(BASE));
    git(dir, 'commit', '-q', '-am', 'change on main');
    git(dir, 'checkout', '-q', 'review');
    const r = run(['check', '--changed-since', 'main', '--format', 'json'], { cwd: dir });
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))];
    expect(files).toEqual(['caseload/sam.ehcp.yaml']);
    expect(r.code).toBe(1);
    const text = run(['check', 'caseload', '--changed-since', 'main'], { cwd: dir });
    expect(text.stdout).toMatch(/2 plans? checked|checked 2|2 plans/);
    const none = run(['check', '--changed-since', 'HEAD', 'caseload/rowan.ehcp.yaml'], { cwd: dir });
    expect(none.code).toBe(0);
    const bad = run(['check', '--changed-since', 'nope'], { cwd: dir });
    expect(bad.code).toBe(2);
    expectOneLineError(bad);
  });
});

describe('ehcp fmt', () => {
  it('--check lists plans not in the canonical layout; fmt rewrites them once; values are kept', () => {
    const messy = BASE.replace('  - id: P1\n    section: F\n', '  - section: F\n    id: P1\n');
    const dir = workspace({ 'a.ehcp.yaml': messy, 'b.ehcp.yaml': BASE });
    dirs.push(dir);
    const first = run(['fmt', '--check', '.'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout.split('\n')).toEqual(expect.arrayContaining(['a.ehcp.yaml', 'b.ehcp.yaml']));
    expect(readFileSync(path.join(dir, 'a.ehcp.yaml'), 'utf8')).toBe(messy);
    const write = run(['fmt', '.'], { cwd: dir });
    expect(write.code).toBe(0);
    const after = readFileSync(path.join(dir, 'a.ehcp.yaml'), 'utf8');
    expect(after).toContain('  - id: P1\n    section: F\n');
    expect(run(['fmt', '--check', '.'], { cwd: dir }).code).toBe(0);
    expect(run(['diff', path.join(dir, 'b.ehcp.yaml'), path.join(dir, 'a.ehcp.yaml')], { cwd: dir }).code).toBe(0);
  });

  it('writes through a symbolic link, keeping the link', () => {
    const dir = workspace({ 'real/rowan.ehcp.yaml': BASE.replace('  - id: P1\n    section: F\n', '  - section: F\n    id: P1\n') });
    dirs.push(dir);
    symlinkSync(path.join(dir, 'real', 'rowan.ehcp.yaml'), path.join(dir, 'link.ehcp.yaml'));
    expect(run(['fmt', 'link.ehcp.yaml'], { cwd: dir }).code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.ehcp.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real', 'rowan.ehcp.yaml'), 'utf8')).toContain('  - id: P1\n    section: F\n');
  });

  it('leaves a broken plan untouched and exits 2', () => {
    const dir = workspace({ 'bad.ehcp.yaml': 'ehcp: 1\nchild:\n\tname: x\n', 'good.ehcp.yaml': BASE.replace('  - id: P1\n    section: F\n', '  - section: F\n    id: P1\n') });
    dirs.push(dir);
    const r = run(['fmt', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ehcp: cannot format "bad.ehcp.yaml": the YAML has an error at line 3; fix it first\n$/);
    expect(readFileSync(path.join(dir, 'bad.ehcp.yaml'), 'utf8')).toBe('ehcp: 1\nchild:\n\tname: x\n');
    expect(readFileSync(path.join(dir, 'good.ehcp.yaml'), 'utf8')).toContain('  - id: P1\n    section: F\n');
  });
});


describe('the pre-commit hook in docs/ci.md', () => {
  it('refuses a plan that is not in the canonical layout or has errors, and accepts it once fixed', () => {
    const docs = readFileSync(path.join(__dirname, '..', '..', 'docs', 'ci.md'), 'utf8');
    const hook = /`\.git\/hooks\/pre-commit`[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(hook, 'the hook is in docs/ci.md').toBeDefined();
    const dir = repo({ 'README.txt': 'caseload\n' });
    // `ehcp` on PATH, as the docs assume: a shim for the built CLI.
    writeFileSync(path.join(dir, 'ehcp'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { mode: 0o755 });
    writeFileSync(path.join(dir, '.git', 'hooks', 'pre-commit'), hook!, { mode: 0o755 });
    const env = { ...process.env, ...gitEnv, PATH: `${dir}:${process.env.PATH}` };
    const commit = () => spawnSync('git', ['commit', '-q', '-m', 'plan'], { cwd: dir, env, encoding: 'utf8' });
    writeFileSync(path.join(dir, 'rowan.ehcp.yaml'), BASE.replace('  - id: P1\n    section: F\n', '  - section: F\n    id: P1\n'));
    git(dir, 'add', 'rowan.ehcp.yaml');
    const refused = commit();
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('Run: ehcp fmt');
    execFileSync(path.join(dir, 'ehcp'), ['fmt', 'rowan.ehcp.yaml'], { cwd: dir });
    git(dir, 'add', 'rowan.ehcp.yaml');
    const accepted = commit();
    expect(accepted.stderr).toBe('');
    expect(accepted.status).toBe(0);
    expect(git(dir, 'log', '--format=%s', '-1').trim()).toBe('plan');
  });
});
