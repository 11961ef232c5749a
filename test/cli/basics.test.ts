import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parserRules, rules } from '../../server/src/core/rules/index';
import { ensureBuilt, expectOneLineError, removeWorkspace, root, run, workspace } from './helpers';
import { cleanPlan } from './plans';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = workspace({ 'oliver.ehcp.yaml': cleanPlan() });
});
afterAll(() => removeWorkspace(dir));

describe('ehcp --help, --version, rules', () => {
  it('prints help with exit code 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = run([flag], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ehcp check <files | folders | globs…>');
      expect(r.stdout).toContain('--format');
      expect(r.stderr).toBe('');
    }
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const r = run(['--version'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('lists every rule with its default severity and description', () => {
    const r = run(['rules'], { cwd: dir });
    expect(r.code).toBe(0);
    for (const rule of [...parserRules, ...rules]) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`${rule.id} `));
      expect(line, rule.id).toBeDefined();
      expect(line).toContain(rule.severity);
      expect(line).toContain(rule.description);
    }
  });

  it('lists the rules as json', () => {
    const r = run(['rules', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; severity: string; description: string; helpUri: string }[];
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining(rules.map((x) => x.id)));
    expect(list.every((x) => x.helpUri.startsWith('https://'))).toBe(true);
  });
});

describe('usage errors: exit code 2 and one line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /no command/],
    ['an unknown command', ['lint', 'oliver.ehcp.yaml'], /unknown command "lint"/],
    ['an unknown option', ['check', 'oliver.ehcp.yaml', '--colour'], /unknown option "--colour"/],
    ['an unknown format', ['check', 'oliver.ehcp.yaml', '--format', 'xml'], /unknown format "xml"/],
    ['a format with no value', ['check', 'oliver.ehcp.yaml', '--format'], /--format needs a value/],
    ['a bad --max-warnings', ['check', 'oliver.ehcp.yaml', '--max-warnings', 'lots'], /--max-warnings/],
    ['check with no paths', ['check'], /at least one/],
    ['a file that does not exist', ['check', 'nobody.ehcp.yaml'], /cannot read "nobody.ehcp.yaml": no such file or folder/],
    ['a folder that does not exist', ['check', 'no/such/folder'], /cannot read "no\/such\/folder": no such file or folder/],
    ['a glob that matches nothing', ['check', 'caseload/**/*.ehcp.yaml'], /no plans found/],
    ['a missing --config file', ['check', 'oliver.ehcp.yaml', '--config', 'missing.yaml'], /configuration "missing.yaml": no such file/],
  ];
  for (const [name, args, reason] of cases) {
    it(name, () => {
      const r = run(args, { cwd: dir });
      expect(r.code).toBe(2);
      expectOneLineError(r);
      expect(r.stderr).toMatch(reason);
      expect(r.stdout).toBe('');
    });
  }

  it('a folder with no plans in it', () => {
    const empty = workspace({ 'notes.txt': 'not a plan', 'other.yaml': 'a: 1\n' });
    try {
      const r = run(['check', '.'], { cwd: empty });
      expect(r.code).toBe(2);
      expectOneLineError(r);
      expect(r.stderr).toMatch(/no plans found/);
    } finally {
      removeWorkspace(empty);
    }
  });
});
