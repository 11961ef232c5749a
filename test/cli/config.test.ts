import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, parseJson, removeWorkspace, run, TEXT_LINE, workspace } from './helpers';
import { errorPlan, warningPlan } from './plans';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = workspace({
    // The root configuration switches need-without-outcome off…
    'caseload/.ehcprc.yaml': 'rules:\n  need-without-outcome: "off"\n',
    'caseload/zainab.ehcp.yaml': warningPlan(),
    // …a nearer one in a sub-folder makes unknown-reference a warning there.
    'caseload/east/.ehcprc.yaml': 'rules:\n  unknown-reference: warning\n',
    'caseload/east/rowan.ehcp.yaml': errorPlan(),
    'caseload/west/rowan.ehcp.yaml': errorPlan(),
    'other/strict.yaml': 'rules:\n  need-without-outcome: error\n',
    'broken/.ehcprc.yaml': 'rules:\n  provision-vauge: warning\n  need-without-outcome: loud\n',
    'broken/zainab.ehcp.yaml': warningPlan(),
    'badyaml/.ehcprc.yaml': 'rules: [unclosed\n',
    'badyaml/zainab.ehcp.yaml': warningPlan(),
  });
});
afterAll(() => removeWorkspace(dir));

const json = (args: string[]) => parseJson(run([...args, '--format', 'json'], { cwd: dir }));

describe('configuration', () => {
  it('applies the nearest .ehcprc.yaml above each plan', () => {
    const findings = json(['check', 'caseload']);
    expect(findings.filter((f) => f.rule === 'need-without-outcome')).toEqual([]);
    expect(findings.find((f) => f.file === 'caseload/east/rowan.ehcp.yaml' && f.rule === 'unknown-reference')?.severity).toBe('warning');
    expect(findings.find((f) => f.file === 'caseload/west/rowan.ehcp.yaml' && f.rule === 'unknown-reference')?.severity).toBe('error');
  });

  it('--config replaces the nearest configuration for every plan', () => {
    const findings = json(['check', 'caseload', '--config', 'other/strict.yaml']);
    expect(findings.find((f) => f.file === 'caseload/zainab.ehcp.yaml' && f.rule === 'need-without-outcome')?.severity).toBe('error');
    expect(findings.find((f) => f.file === 'caseload/east/rowan.ehcp.yaml' && f.rule === 'unknown-reference')?.severity).toBe('error');
  });

  it('reports mistakes in a configuration against the configuration file, with exit code 1', () => {
    const r = run(['check', 'broken'], { cwd: dir });
    expect(r.code).toBe(1);
    const config = r.stdout.split('\n').filter((l) => l.startsWith('broken/.ehcprc.yaml:'));
    expect(config.length).toBeGreaterThanOrEqual(2);
    for (const l of config) expect(TEXT_LINE.exec(l)?.[6]).toBe('config');
    expect(r.stdout).toMatch(/broken\/\.ehcprc\.yaml:2:3 {2}error {2}.*provision-vauge.*provision-vague/);
    expect(r.stdout).toMatch(/in 1 of 1 plan and 1 configuration file\n$/);
    // What is valid still applies: the plan was checked.
    expect(json(['check', 'broken']).some((f) => f.file === 'broken/zainab.ehcp.yaml')).toBe(true);
  });

  it('reports a configuration that is not valid YAML', () => {
    const r = run(['check', 'badyaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(parseJson(r).some((f) => f.file === 'badyaml/.ehcprc.yaml' && f.rule === 'config' && f.severity === 'error')).toBe(true);
  });
});
