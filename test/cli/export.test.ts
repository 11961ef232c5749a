/** `ehcp export`, run as the built CLI in temporary folders. */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility } from '../../server/src/export/accessibility';
import { decryptDocx, isEncryptedDocx } from '../../server/src/export/encrypt';
import { unzip } from '../export/helpers';
import { ensureBuilt, expectOneLineError, removeWorkspace, run, workspace } from './helpers';
import { HOSTILE_PLANS, SECRET } from '../util/hostile-plans';
import { children, cleanPlan, errorPlan } from './plans';

const dirs: string[] = [];
const ws = (files: Record<string, string | Uint8Array> = {}) => {
  const d = workspace(files);
  dirs.push(d);
  return d;
};
afterEach(() => {
  while (dirs.length) removeWorkspace(dirs.pop()!);
});
beforeAll(() => ensureBuilt());

/** No temporary file may be left behind in a folder. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const isDocx = (file: string) => {
  const bytes = readFileSync(file);
  return bytes[0] === 0x50 && bytes[1] === 0x4b && checkAccessibility(bytes).length === 0;
};

describe('ehcp export', () => {
  it('writes the document beside the plan, named after it', () => {
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan() });
    const r = run(['export', 'a.ehcp.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('a.ehcp.yaml → a.docx');
    expect(r.stderr).toBe('');
    expect(isDocx(path.join(cwd, 'a.docx'))).toBe(true);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('-o names the file; an existing file is never overwritten without --force', () => {
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan(), 'out.docx': 'precious' });
    const r = run(['export', 'a.ehcp.yaml', '-o', 'out.docx'], { cwd });
    expect(r.code).toBe(2);
    expectOneLineError(r);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(path.join(cwd, 'out.docx'), 'utf8')).toBe('precious');
    const forced = run(['export', 'a.ehcp.yaml', '-o', 'out.docx', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(isDocx(path.join(cwd, 'out.docx'))).toBe(true);
    expect(leftovers(cwd)).toEqual([]);
  });

  it('does not export a plan with errors unless forced, and a forced one says so', () => {
    const cwd = ws({ 'e.ehcp.yaml': errorPlan() });
    const r = run(['export', 'e.ehcp.yaml'], { cwd });
    expect(r.code).toBe(1);
    expectOneLineError(r);
    expect(r.stderr).toMatch(/has \d+ errors?, so it was not exported/);
    expect(existsSync(path.join(cwd, 'e.docx'))).toBe(false);
    const forced = run(['export', 'e.ehcp.yaml', '--force'], { cwd });
    expect(forced.code).toBe(0);
    const doc = unzip(readFileSync(path.join(cwd, 'e.docx')))['word/document.xml']!;
    expect(doc).toContain('This draft has unresolved issues');
  });

  it('a plan that cannot be read is not exported, even when forced', () => {
    const cwd = ws({ 'bad.ehcp.yaml': 'ehcp: 1\nchild: [unclosed\n' });
    const r = run(['export', 'bad.ehcp.yaml', '--force'], { cwd });
    expect(r.code).toBe(1);
    expectOneLineError(r);
    expect(r.stderr).toContain('cannot be read as a plan');
    expect(readdirSync(cwd)).toEqual(['bad.ehcp.yaml']);
  });

  it('a folder exports every plan with a progress line, into --out-dir', () => {
    const cwd = ws({ 'caseload/a.ehcp.yaml': cleanPlan(children[0]), 'caseload/sub/b.ehcp.yaml': cleanPlan(children[1]), 'caseload/c.ehcp.yaml': errorPlan(), 'out/.keep': '' });
    const r = run(['export', 'caseload', '--out-dir', 'out'], { cwd });
    expect(r.code).toBe(1); // c has errors
    expect(r.stdout).toMatch(/^\[1\/3\] caseload\/a\.ehcp\.yaml → out\/a\.docx$/m);
    expect(r.stdout).toMatch(/^\[3\/3\] caseload\/sub\/b\.ehcp\.yaml → out\/b\.docx$/m);
    expect(r.stderr).toMatch(/^\[2\/3\] ehcp: caseload\/c\.ehcp\.yaml has/m);
    expect(r.stderr).toContain('exported 2 of 3 plans');
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['.keep', 'a.docx', 'b.docx']);
  });

  it('usage mistakes exit 2 with one line', () => {
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan(), 'b.ehcp.yaml': cleanPlan(children[1]), 'sub/a.ehcp.yaml': cleanPlan(children[2]) });
    for (const args of [
      ['export'],
      ['export', 'a.ehcp.yaml', '--password', 'hunter2'],
      ['export', 'a.ehcp.yaml', '--password=hunter2'],
      ['export', 'a.ehcp.yaml', '-o', 'x.pdf'],
      ['export', '.', '-o', 'one.docx'],
      ['export', 'a.ehcp.yaml', '--out-dir', 'missing'],
      ['export', 'a.ehcp.yaml', '--bogus'],
      ['export', 'nothing-here.ehcp.yaml'],
      ['export', 'a.ehcp.yaml', '--password-stdin', '--password-file', 'p'],
      ['export', 'a.ehcp.yaml', 'sub/a.ehcp.yaml', '--out-dir', '.'],
    ]) {
      const r = run(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expectOneLineError(r);
      expect(r.stderr).not.toContain('hunter2');
    }
    expect(readdirSync(cwd).sort()).toEqual(['a.ehcp.yaml', 'b.ehcp.yaml', 'sub']);
  });

  it('--help describes the command', () => {
    const r = run(['export', '--help'], { cwd: ws() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--password-stdin');
    expect(run(['--help'], { cwd: ws() }).stdout).toContain('ehcp export');
  });

  it('a folder that cannot be written to: one line, exit 2, nothing left behind', () => {
    if (process.getuid?.() !== 0) return; // needs root to run the CLI as another user
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan(), 'locked/.keep': '' });
    chmodSync(path.join(cwd, 'locked'), 0o555);
    const r = run(['export', 'a.ehcp.yaml', '--out-dir', 'locked'], { cwd, uid: 65534, gid: 65534 });
    expect(r.code).toBe(2);
    expectOneLineError(r);
    expect(r.stderr).toContain('is not writable');
    expect(readdirSync(path.join(cwd, 'locked'))).toEqual(['.keep']);
  });

  it('encrypts with a password from stdin or a file, which never reaches the output', async () => {
    const password = 'correct horse battery staple £';
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan(), 'pw.txt': `${password}\n` });
    const r = spawnSync(process.execPath, [path.join(__dirname, '../../dist/cli.js'), 'export', 'a.ehcp.yaml', '--password-stdin'], { cwd, input: `${password}\n`, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(password-protected)');
    expect(r.stdout + r.stderr).not.toContain(password);
    const encrypted = readFileSync(path.join(cwd, 'a.docx'));
    expect(isEncryptedDocx(encrypted)).toBe(true);
    expect(checkAccessibility(await decryptDocx(encrypted, password))).toEqual([]);
    await expect(decryptDocx(encrypted, 'wrong')).rejects.toThrow();

    const viaFile = run(['export', 'a.ehcp.yaml', '-o', 'b.docx', '--password-file', 'pw.txt'], { cwd });
    expect(viaFile.code).toBe(0);
    expect(isEncryptedDocx(readFileSync(path.join(cwd, 'b.docx')))).toBe(true);
    expect(leftovers(cwd)).toEqual([]);
  }, 180_000); // two encryptions of about a second each, far slower on a loaded machine

  it('refuses an empty password', () => {
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan() });
    const r = spawnSync(process.execPath, [path.join(__dirname, '../../dist/cli.js'), 'export', 'a.ehcp.yaml', '--password-stdin'], { cwd, input: '\n', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('ehcp: the password is empty');
    expect(existsSync(path.join(cwd, 'a.docx'))).toBe(false);
  });

  it('--large-print and --no-track-changes reach the document', () => {
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan() });
    expect(run(['export', 'a.ehcp.yaml', '--large-print', '--no-track-changes'], { cwd }).code).toBe(0);
    const parts = unzip(readFileSync(path.join(cwd, 'a.docx')));
    expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="36"\/>/s);
    expect(parts['word/settings.xml']).not.toMatch(/<w:trackRevisions\/>|<w:trackRevisions w:val="(true|1|on)"/);
  });

  it('--check-accessibility checks existing documents: 0 when they pass, 1 when one fails', () => {
    const cwd = ws({ 'a.ehcp.yaml': cleanPlan(), 'not.docx': 'plain text' });
    run(['export', 'a.ehcp.yaml'], { cwd });
    const ok = run(['export', '--check-accessibility', 'a.docx'], { cwd });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('a.docx: passes the accessibility check');
    const bad = run(['export', '--check-accessibility', 'a.docx', 'not.docx'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('not.docx: not-a-document:');
    const missing = run(['export', '--check-accessibility', 'gone.docx'], { cwd });
    expect(missing.code).toBe(2);
    expectOneLineError(missing);
  });

  it('lists the terms the glossary cannot explain, on stdout', () => {
    const plan = cleanPlan().replace(/text: Direct 1:1 speech/, 'text: With the QXV team, direct 1:1 speech');
    const cwd = ws({ 'a.ehcp.yaml': plan });
    const r = run(['export', 'a.ehcp.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a.ehcp.yaml: the glossary cannot explain 1 term: QXV');
    expect(r.stderr).toBe('');
  });

  it('hostile plans: none exported, even forced, and none of their text on stderr', () => {
    const files: Record<string, string> = { 'out/.keep': '' };
    for (const [name, text] of Object.entries(HOSTILE_PLANS)) files[`${name}.ehcp.yaml`] = text;
    const cwd = ws(files);
    const r = run(['export', '.', '--out-dir', 'out', '--force'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toMatch(/stringified|Warning:|\n\s+at /);
    expect(r.stderr.split('\n').filter((l) => l.includes('cannot be read as a plan')).length).toBeGreaterThanOrEqual(Object.keys(HOSTILE_PLANS).length - 2);
    const written = readdirSync(path.join(cwd, 'out')).filter((f) => f.endsWith('.docx'));
    for (const f of written) expect(isDocx(path.join(cwd, 'out', f))).toBe(true); // anything exported is a whole, valid document
  });

  it('keeps plan text off stderr', () => {
    const cwd = ws({ 'e.ehcp.yaml': errorPlan() });
    const r = run(['export', 'e.ehcp.yaml'], { cwd });
    const known = /known_as: (.+)/.exec(errorPlan())![1]!;
    expect(r.stderr).not.toContain(known);
    expect(statSync(cwd).isDirectory()).toBe(true);
  });
});

describe('writing is atomic', () => {
  it('an existing file that appears while exporting is not replaced', async () => {
    const { writeFileAtomic } = await import('../../server/src/export/write');
    const cwd = ws({ 'x.docx': 'first' });
    expect(() => writeFileAtomic(path.join(cwd, 'x.docx'), new Uint8Array([1, 2, 3]))).toThrow(/already exists/);
    expect(readFileSync(path.join(cwd, 'x.docx'), 'utf8')).toBe('first');
    writeFileAtomic(path.join(cwd, 'y.docx'), new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path.join(cwd, 'y.docx'))]).toEqual([1, 2, 3]);
    expect(() => writeFileAtomic(path.join(cwd, 'missing', 'z.docx'), new Uint8Array([1]))).toThrow(/does not exist/);
    writeFileSync(path.join(cwd, 'y.docx'), 'old');
    writeFileAtomic(path.join(cwd, 'y.docx'), new Uint8Array([4]), { overwrite: true });
    expect([...readFileSync(path.join(cwd, 'y.docx'))]).toEqual([4]);
    expect(leftovers(cwd)).toEqual([]);
  });
});
