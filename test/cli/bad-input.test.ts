import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, ftruncateSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectOneLineError, parseJson, removeWorkspace, run, workspace, type RunResult } from './helpers';
import { cleanPlan, errorPlan } from './plans';

const aliasBomb = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n');

const bigPlan = (() => {
  const base = cleanPlan();
  const padding = `# ${'Notes from the review meeting. '.repeat(3)}\n`;
  return base + padding.repeat(Math.ceil((5 * 1024 * 1024) / padding.length));
})();

const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);

const syntaxHalfWay = (() => {
  const lines = errorPlan().split('\n');
  const at = lines.indexOf('outcomes:');
  lines.splice(at, 0, '  - id: "N3', '    section: [B');
  return lines.join('\n');
})();
const SYNTAX_LINE = syntaxHalfWay.split('\n').indexOf('  - id: "N3');

const numberText = cleanPlan().replace(/text: Direct 1:1 speech.*$/m, 'text: 42');
const listText = cleanPlan().replace(/text: Direct 1:1 speech.*$/m, 'text: [speech therapy, weekly]');

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = workspace({
    'bad/alias-bomb.ehcp.yaml': aliasBomb,
    'bad/big.ehcp.yaml': bigPlan,
    'bad/binary.ehcp.yaml': junk,
    'bad/empty.ehcp.yaml': '',
    'bad/comments-only.ehcp.yaml': '# just a comment\n',
    'bad/not-a-plan.ehcp.yaml': 'shopping:\n  - eggs\n  - bread\nbudget: 12.50\n',
    'bad/syntax-half-way.ehcp.yaml': syntaxHalfWay,
    'bad/number-text.ehcp.yaml': numberText,
    'bad/list-text.ehcp.yaml': listText,
    'bad/deep.ehcp.yaml': `plan: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    'bad/bom-crlf.ehcp.yaml': `\ufeff${errorPlan().replace(/\n/g, '\r\n')}`,
  });
  // Over 50 MB without using the disk: a sparse file the CLI must not read.
  const fd = openSync(path.join(dir, 'huge.ehcp.yaml'), 'w');
  ftruncateSync(fd, 60 * 1024 * 1024);
  closeSync(fd);
});
afterAll(() => removeWorkspace(dir));

function findingsFor(name: string): { r: RunResult; rules: string[]; messages: string[] } {
  const r = run(['check', `bad/${name}`, '--format', 'json'], { cwd: dir });
  const findings = parseJson(r);
  return { r, rules: findings.map((f) => f.rule), messages: findings.map((f) => f.message) };
}

function expectCleanFailure(r: RunResult): void {
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('');
}

describe('bad input gives findings, never a crash', () => {
  it('an alias bomb', () => {
    const { r, rules } = findingsFor('alias-bomb.ehcp.yaml');
    expectCleanFailure(r);
    expect(rules).toContain('yaml-syntax');
  });

  it('a 5 MB file', () => {
    const { r, rules, messages } = findingsFor('big.ehcp.yaml');
    expectCleanFailure(r);
    expect(rules).toEqual(['yaml-syntax']);
    expect(messages[0]).toMatch(/MB/);
  });

  it('a 60 MB file is reported without being read', () => {
    const r = run(['check', 'huge.ehcp.yaml', '--format', 'json'], { cwd: dir });
    expectCleanFailure(r);
    const findings = parseJson(r);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: 'huge.ehcp.yaml', rule: 'yaml-syntax', severity: 'error' });
    expect(findings[0]!.message).toMatch(/60 MB/);
  });

  it('binary junk', () => {
    const { r, rules, messages } = findingsFor('binary.ehcp.yaml');
    expectCleanFailure(r);
    expect(rules).toEqual(['yaml-syntax']);
    expect(messages[0]).toMatch(/not text|binary/i);
  });

  it('an empty file and a file of comments', () => {
    for (const name of ['empty.ehcp.yaml', 'comments-only.ehcp.yaml']) {
      const { r, rules } = findingsFor(name);
      expectCleanFailure(r);
      expect(rules).toEqual(['schema']);
    }
  });

  it('YAML that is not a plan', () => {
    const { r, rules } = findingsFor('not-a-plan.ehcp.yaml');
    expectCleanFailure(r);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((x) => x === 'schema')).toBe(true);
  });

  it('a syntax error half way down', () => {
    const r = run(['check', 'bad/syntax-half-way.ehcp.yaml', '--format', 'json'], { cwd: dir });
    expectCleanFailure(r);
    const findings = parseJson(r);
    const syntax = findings.filter((f) => f.rule === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]!.range.start.line).toBeGreaterThanOrEqual(SYNTAX_LINE);
    const text = run(['check', 'bad/syntax-half-way.ehcp.yaml'], { cwd: dir });
    expect(text.stdout).toMatch(/bad\/syntax-half-way\.ehcp\.yaml:\d+:\d+ {2}error {2}.* {2}\[yaml-syntax\]/);
  });

  it('a provision whose text is a number or a list', () => {
    for (const name of ['number-text.ehcp.yaml', 'list-text.ehcp.yaml']) {
      const { r, rules } = findingsFor(name);
      expectCleanFailure(r);
      expect(rules).toContain('schema');
    }
  });

  it('YAML nested too deeply to parse', () => {
    const { r, rules } = findingsFor('deep.ehcp.yaml');
    expectCleanFailure(r);
    expect(rules).toContain('yaml-syntax');
  });

  it('a byte order mark and CRLF line endings do not shift positions', () => {
    const plain = workspace({ 'p.ehcp.yaml': errorPlan() });
    try {
      const expected = parseJson(run(['check', 'p.ehcp.yaml', '--format', 'json'], { cwd: plain })).map((f) => [f.rule, f.range.start]);
      const actual = findingsFor('bom-crlf.ehcp.yaml').r;
      expect(parseJson(actual).map((f) => [f.rule, f.range.start])).toEqual(expected);
    } finally {
      removeWorkspace(plain);
    }
  });

  it('a whole folder of bad files: a finding for each, nothing on stderr', () => {
    const r = run(['check', 'bad', '--format', 'json'], { cwd: dir });
    expectCleanFailure(r);
    const files = new Set(parseJson(r).map((f) => f.file));
    expect(files.size).toBe(11);
  });
});

describe('files that cannot be read: exit code 2 and one line', () => {
  it('a folder that does not exist', () => {
    const r = run(['check', 'no-such-folder/'], { cwd: dir });
    expect(r.code).toBe(2);
    expectOneLineError(r);
  });

  it('a FIFO named like a plan is refused, not waited on', () => {
    const fifoDir = workspace();
    try {
      execFileSync('mkfifo', [path.join(fifoDir, 'pipe.ehcp.yaml')]);
      const r = run(['check', 'pipe.ehcp.yaml'], { cwd: fifoDir });
      expect(r.code).toBe(2);
      expectOneLineError(r);
      expect(r.stderr).toMatch(/pipe\.ehcp\.yaml.*not a regular file/);
      // In a folder it is skipped.
      const folder = run(['check', '.'], { cwd: fifoDir });
      expect(folder.code).toBe(2);
      expect(folder.stderr).toMatch(/no plans found/);
    } finally {
      removeWorkspace(fifoDir);
    }
  });

  it('an unreadable plan file', () => {
    const ws = workspace({ 'plans/secret.ehcp.yaml': errorPlan(), 'plans/fine.ehcp.yaml': cleanPlan() });
    try {
      chmodSync(path.join(ws, 'plans', 'secret.ehcp.yaml'), 0o000);
      // root can read anything: run the CLI as an unprivileged user then.
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const r = run(['check', 'plans', '--format', 'json'], { cwd: ws, ...asUser });
      expect(r.code).toBe(2);
      expectOneLineError(r);
      expect(r.stderr).toMatch(/cannot read "plans\/secret\.ehcp\.yaml": permission denied/);
      expect(r.stderr).not.toContain('Precision Teaching');
    } finally {
      removeWorkspace(ws);
    }
  });
});
