import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parserRules, ruleDocPath, rules } from '../../server/src/core/rules/index';
import { ensureBuilt, expectOneLineError, parseJson, removeWorkspace, run, TEXT_LINE, workspace } from './helpers';
import { cleanPlan, ERROR_PLAN_N9, errorPlan, WARNING_PLAN_N2_LINE, warningPlan } from './plans';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = workspace({
    'caseload/oliver.ehcp.yaml': cleanPlan(),
    'caseload/zainab.ehcp.yaml': warningPlan(),
    'caseload/rowan.ehcp.yaml': errorPlan(),
    'my plans/mateus one.ehcp.yml': errorPlan(),
  });
});
afterAll(() => removeWorkspace(dir));

describe('text output', () => {
  it('says so when a plan is clean, with exit code 0', () => {
    const r = run(['check', 'caseload/oliver.ehcp.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✔ 1 plan checked, no problems\n');
    expect(r.code).toBe(0);
  });

  it('prints path:line:col  severity  message  [rule], grouped by file in order, then a summary', () => {
    const r = run(['check', 'caseload'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    expect(summary).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?(, \d+ notes?)?\) in 2 of 3 plans$/);
    expect(lines.pop()).toBe('');
    const findingLines = lines.filter((l) => l !== '');
    for (const l of findingLines) expect(l).toMatch(TEXT_LINE);
    // Grouped and ordered by file: every rowan line before every zainab line, one blank line between.
    const files = findingLines.map((l) => TEXT_LINE.exec(l)![1]);
    expect(files).toEqual([...files].sort());
    expect(new Set(files)).toEqual(new Set(['caseload/rowan.ehcp.yaml', 'caseload/zainab.ehcp.yaml']));
    expect(lines.filter((l) => l === '')).toHaveLength(1);
    expect(r.stdout).toContain(`caseload/rowan.ehcp.yaml:${ERROR_PLAN_N9.line}:${ERROR_PLAN_N9.column}  error  `);
    expect(r.stdout).toMatch(new RegExp(`caseload/zainab\\.ehcp\\.yaml:${WARNING_PLAN_N2_LINE}:\\d+  warning  .*  \\[need-without-outcome\\]`));
    // Plans' text never reaches stderr.
    expect(r.stderr).not.toContain('Precision Teaching');
  });

  it('uses no colour when stdout is not a terminal, and honours FORCE_COLOR and NO_COLOR', () => {
    expect(run(['check', 'caseload'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(run(['check', 'caseload'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror\u001b[39m');
    expect(run(['check', 'caseload'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--quiet reports errors only', () => {
    const r = run(['check', 'caseload', '--quiet'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => TEXT_LINE.test(l));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => TEXT_LINE.exec(l)![4] === 'error')).toBe(true);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, 0 warnings\) in 1 of 3 plans\n$/);
  });

  it('--quiet prints nothing when there are no errors', () => {
    const r = run(['check', 'caseload/zainab.ehcp.yaml', 'caseload/oliver.ehcp.yaml', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('--max-warnings: exit code 1 when there are more warnings than allowed', () => {
    const over = run(['check', 'caseload/zainab.ehcp.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expectOneLineError(over);
    expect(over.stderr).toMatch(/more than --max-warnings 0/);
    const under = run(['check', 'caseload/zainab.ehcp.yaml', '--max-warnings=1000'], { cwd: dir });
    expect(under.code).toBe(0);
    expect(under.stderr).toBe('');
  });

  it('paths are relative to the working folder', () => {
    const r = run(['check', '.', '--format', 'json'], { cwd: `${dir}/caseload` });
    expect(new Set(parseJson(r).map((f) => f.file))).toEqual(new Set(['rowan.ehcp.yaml', 'zainab.ehcp.yaml']));
    const up = run(['check', '../caseload/rowan.ehcp.yaml', '--format', 'json'], { cwd: `${dir}/my plans` });
    expect(new Set(parseJson(up).map((f) => f.file))).toEqual(new Set(['../caseload/rowan.ehcp.yaml']));
  });
});

describe('json output', () => {
  it('is exactly one array of { file, rule, severity, message, range } with 0-based positions', () => {
    const r = run(['check', 'caseload', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const findings = parseJson(r);
    expect(Array.isArray(findings)).toBe(true);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(['file', 'rule', 'severity', 'message', 'range']);
      expect(Object.keys(f.range)).toEqual(['start', 'end']);
      expect(Object.keys(f.range.start)).toEqual(['line', 'character']);
      expect(Object.keys(f.range.end)).toEqual(['line', 'character']);
      expect(['error', 'warning', 'information', 'hint']).toContain(f.severity);
      expect(f.file).not.toContain('\\');
      expect(f.file.startsWith('/')).toBe(false);
    }
    const unknown = findings.find((f) => f.rule === 'unknown-reference');
    expect(unknown).toMatchObject({ file: 'caseload/rowan.ehcp.yaml', severity: 'error', range: { start: { line: ERROR_PLAN_N9.line - 1, character: ERROR_PLAN_N9.column - 1 } } });
  });

  it('matches the text output finding for finding (text is 1-based)', () => {
    const json = parseJson(run(['check', 'caseload', '--format', 'json'], { cwd: dir }));
    const text = run(['check', 'caseload'], { cwd: dir })
      .stdout.split('\n')
      .filter((l) => TEXT_LINE.test(l))
      .map((l) => TEXT_LINE.exec(l)!);
    expect(text.map((m) => `${m[1]}:${m[2]}:${m[3]}:${m[4]}:${m[6]}`)).toEqual(
      json.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}:${f.severity}:${f.rule}`),
    );
  });

  it('prints [] for a clean plan', () => {
    const r = run(['check', 'caseload/oliver.ehcp.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('--quiet keeps errors only', () => {
    const findings = parseJson(run(['check', 'caseload', '--format', 'json', '--quiet'], { cwd: dir }));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('sarif output', () => {
  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
      }[];
    }[];
  }

  it('is SARIF 2.1.0 with rules, help links and 1-based regions', () => {
    const r = run(['check', 'caseload', 'my plans', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$|sarif-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0]!;
    expect(run0.tool.driver.name).toBe('ehcp');
    const ruleIds = run0.tool.driver.rules.map((x) => x.id);
    for (const rule of [...parserRules, ...rules]) expect(ruleIds).toContain(rule.id);
    for (const rule of run0.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text).toContain(rule.helpUri);
      expect(rule.helpUri).toBe(`https://github.com/ehcp-plan-writer/ehcp-plan-writer/blob/main/${ruleDocPath(rule.id)}`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run0.results.length).toBeGreaterThan(0);
    for (const result of run0.results) {
      expect(run0.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const loc = result.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^(caseload\/[a-z]+\.ehcp\.yaml|my%20plans\/mateus%20one\.ehcp\.yml)$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(loc.region.endLine).toBeGreaterThanOrEqual(loc.region.startLine);
      expect(loc.region.endColumn).toBeGreaterThanOrEqual(1);
    }
    const unknown = run0.results.find((x) => x.ruleId === 'unknown-reference' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'caseload/rowan.ehcp.yaml');
    expect(unknown?.level).toBe('error');
    expect(unknown?.locations[0]!.physicalLocation.region).toMatchObject({ startLine: ERROR_PLAN_N9.line, startColumn: ERROR_PLAN_N9.column });
    expect(run0.results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'my%20plans/mateus%20one.ehcp.yml')).toBe(true);
  });

  it('maps information and hint to note', () => {
    const ws = workspace({ 'p/.ehcprc.yaml': 'rules:\n  need-without-outcome: hint\n  unknown-reference: information\n', 'p/zainab.ehcp.yaml': warningPlan(), 'p/rowan.ehcp.yaml': errorPlan() });
    try {
      const r = run(['check', 'p', '--format', 'sarif'], { cwd: ws });
      const results = (JSON.parse(r.stdout) as SarifLog).runs[0]!.results;
      expect(results.find((x) => x.ruleId === 'need-without-outcome')?.level).toBe('note');
      expect(results.find((x) => x.ruleId === 'unknown-reference')?.level).toBe('note');
    } finally {
      removeWorkspace(ws);
    }
  });
});
