import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, parseJson, removeWorkspace, run, workspace } from './helpers';
import { children, cleanPlan, errorPlan } from './plans';

let dir: string;
const bad = errorPlan(children[2]);
beforeAll(() => {
  ensureBuilt();
  dir = workspace({
    'caseload/b.ehcp.yaml': bad,
    'caseload/a.ehcp.yml': bad,
    'caseload/north/deep/c.ehcp.yaml': bad,
    'caseload/north/C.EHCP.YAML': bad,
    'caseload/node_modules/x/skip.ehcp.yaml': bad,
    'caseload/.archive/skip.ehcp.yaml': bad,
    'caseload/notes.yaml': bad,
    'caseload/readme.md': '# not a plan',
    'caseload/clean.ehcp.yaml': cleanPlan(),
    'loose/plan.yaml': bad,
  });
});
afterAll(() => removeWorkspace(dir));

const filesOf = (args: string[]) => {
  const r = run([...args, '--format', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return [...new Set(parseJson(r).map((f) => f.file))];
};

describe('which files are checked', () => {
  it('searches folders recursively for *.ehcp.yaml and *.ehcp.yml, skipping node_modules and dot-folders, sorted by path', () => {
    expect(filesOf(['check', 'caseload'])).toEqual([
      'caseload/a.ehcp.yml',
      'caseload/b.ehcp.yaml',
      'caseload/north/C.EHCP.YAML',
      'caseload/north/deep/c.ehcp.yaml',
    ]);
  });

  it('counts the clean plans in the summary', () => {
    const r = run(['check', 'caseload'], { cwd: dir });
    expect(r.stdout).toMatch(/in 4 of 5 plans\n$/);
  });

  it('expands globs and keeps plan files only', () => {
    expect(filesOf(['check', 'caseload/**/*.ehcp.yaml'])).toEqual(['caseload/b.ehcp.yaml', 'caseload/north/deep/c.ehcp.yaml']);
    expect(filesOf(['check', 'caseload/*'])).toEqual(['caseload/a.ehcp.yml', 'caseload/b.ehcp.yaml']);
    expect(filesOf(['check', 'caseload/{a,b}.ehcp.y*ml'])).toEqual(['caseload/a.ehcp.yml', 'caseload/b.ehcp.yaml']);
  });

  it('checks a file named explicitly whatever its name', () => {
    expect(filesOf(['check', 'loose/plan.yaml'])).toEqual(['loose/plan.yaml']);
  });

  it('checks each plan once, however many arguments name it', () => {
    const r = run(['check', 'caseload/b.ehcp.yaml', './caseload/b.ehcp.yaml', 'caseload', 'caseload/*.ehcp.yaml', '--format', 'json'], { cwd: dir });
    const findings = parseJson(r);
    const once = parseJson(run(['check', 'caseload', '--format', 'json'], { cwd: dir }));
    expect(findings).toEqual(once);
  });

  it('accepts absolute paths and shows them relative to the working folder', () => {
    expect(filesOf(['check', `${dir}/caseload/b.ehcp.yaml`])).toEqual(['caseload/b.ehcp.yaml']);
  });
});
