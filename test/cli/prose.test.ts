import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, parseJson, removeWorkspace, run, workspace, writeFiles } from './helpers';
import { children, cleanPlan } from './plans';

const fixtures = path.join(__dirname, '../fixtures/rules');
const read = (p: string) => readFileSync(path.join(fixtures, p), 'utf8');

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = workspace({
    'caseload/.ehcprc.yaml': 'rules:\n  hard-to-read: off\n',
    'caseload/north/oliver-brown.ehcp.yaml': read('other-child-name/oliver.ehcp.yaml'),
    'caseload/south/amara-okafor.ehcp.yaml': read('other-child-name/flawed.ehcp.yaml'),
    'caseload/south/kai-robinson.ehcp.yaml': read('copied-text/other.ehcp.yaml'),
    'caseload/south/leila-hussain.ehcp.yaml': read('copied-text/flawed.ehcp.yaml'),
  });
});
afterAll(() => removeWorkspace(dir));

const messages = (stdout: string, rule: string) => parseJson({ stdout, stderr: '', code: 0 }).filter((f) => f.rule === rule).map((f) => `${f.file}: ${f.message}`);

describe('ehcp check: the accuracy checks know the caseload', () => {
  it('names the other child’s plan when a folder is checked', () => {
    const r = run(['check', 'caseload', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(messages(r.stdout, 'other-child-name')).toContainEqual(expect.stringMatching(/^caseload\/south\/amara-okafor\.ehcp\.yaml: "Oliver" is the child in oliver-brown\.ehcp\.yaml/));
    expect(messages(r.stdout, 'copied-text')).toContainEqual(expect.stringMatching(/^caseload\/south\/leila-hussain\.ehcp\.yaml: This sentence is also in kai-robinson\.ehcp\.yaml/));
  });

  it('one plan checked on its own is still compared with its caseload folder (the .ehcprc.yaml folder)', () => {
    const r = run(['check', 'caseload/south/amara-okafor.ehcp.yaml', '--format', 'json'], { cwd: dir });
    expect(messages(r.stdout, 'other-child-name')).toContainEqual(expect.stringMatching(/"Oliver" is the child in oliver-brown\.ehcp\.yaml/));
  });

  it('gives the same findings on worker threads', () => {
    // More plans than the in-process limit (40), so the CLI spreads them over worker threads.
    const filler: Record<string, string> = {};
    for (let i = 0; i < 42; i++) filler[`caseload/filler/plan-${i}.ehcp.yaml`] = cleanPlan(children[1 + (i % 3)]);
    writeFiles(dir, filler);
    const inProcess = run(['check', 'caseload', '--format', 'json'], { cwd: dir, env: { EHCP_WORKERS: '0' } });
    const pooled = run(['check', 'caseload', '--format', 'json'], { cwd: dir, env: { EHCP_WORKERS: '2' } });
    expect(pooled.stdout).toBe(inProcess.stdout);
    expect(messages(pooled.stdout, 'other-child-name')).toContainEqual(expect.stringMatching(/"Oliver" is the child in oliver-brown\.ehcp\.yaml/));
    rmSync(path.join(dir, 'caseload/filler'), { recursive: true, force: true });
  });

  it('the cache notices when another plan of the caseload changes', () => {
    const first = run(['check', 'caseload', '--format', 'json', '--cache'], { cwd: dir });
    expect(messages(first.stdout, 'other-child-name').some((m) => m.includes('oliver-brown.ehcp.yaml'))).toBe(true);
    const oliver = path.join(dir, 'caseload/north/oliver-brown.ehcp.yaml');
    writeFileSync(oliver, readFileSync(oliver, 'utf8').replace(/Oliver/g, 'Ollie'));
    const second = run(['check', 'caseload', '--format', 'json', '--cache'], { cwd: dir });
    expect(messages(second.stdout, 'other-child-name').some((m) => m.includes('is the child in oliver-brown.ehcp.yaml'))).toBe(false);
    writeFileSync(oliver, read('other-child-name/oliver.ehcp.yaml'));
  });

  it('stockPhrases and words in .ehcprc.yaml quieten copied-text and spelling', () => {
    const cfg = path.join(dir, 'caseload/.ehcprc.yaml');
    const before = run(['check', 'caseload', '--format', 'json'], { cwd: dir });
    expect(messages(before.stdout, 'copied-text').length).toBeGreaterThan(0);
    writeFileSync(cfg, 'rules:\n  hard-to-read: off\nstockPhrases:\n  - hides in the toilets\n');
    const after = run(['check', 'caseload', '--format', 'json'], { cwd: dir });
    expect(messages(after.stdout, 'copied-text')).toEqual([]);
    writeFileSync(cfg, 'rules:\n  hard-to-read: off\n');
  });
});
