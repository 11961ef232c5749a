import { readdirSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, parseJson, removeWorkspace, run, workspace } from './helpers';
import { children, cleanPlan, errorPlan, warningPlan } from './plans';

// More plans than the in-process limit (40), so the CLI spreads them over worker threads.
const PLANS = 60;
let dir: string;
beforeAll(() => {
  ensureBuilt();
  const files: Record<string, string> = {};
  for (let i = 0; i < PLANS; i++) {
    const child = children[i % children.length]!;
    const make = [cleanPlan, warningPlan, errorPlan][i % 3]!;
    files[`caseload/${['north', 'south', 'east'][i % 3]}/plan-${String(i).padStart(3, '0')}.ehcp.yaml`] = make(child);
  }
  files['caseload/broken.ehcp.yaml'] = 'ehcp: 1\nchild: [unclosed\n';
  dir = workspace(files);
  const old = new Date('2024-01-01T00:00:00Z');
  for (const sub of ['north', 'south', 'east']) {
    for (const f of readdirSync(path.join(dir, 'caseload', sub))) utimesSync(path.join(dir, 'caseload', sub, f), old, old);
  }
});
afterAll(() => removeWorkspace(dir));

describe('worker threads', () => {
  it('give exactly the output of an in-process run, in the same order', () => {
    for (const format of ['json', 'text', 'sarif']) {
      const inProcess = run(['check', 'caseload', '--format', format], { cwd: dir, env: { EHCP_WORKERS: '0' } });
      const pooled = run(['check', 'caseload', '--format', format], { cwd: dir, env: { EHCP_WORKERS: '3' } });
      const auto = run(['check', 'caseload', '--format', format], { cwd: dir });
      expect(pooled.stderr).toBe('');
      expect(pooled.code).toBe(1);
      expect(pooled.stdout).toBe(inProcess.stdout);
      expect(auto.stdout).toBe(inProcess.stdout);
    }
    // Nine whole-caseload runs: on a loaded 2-core machine this can pass 30 s without being wrong.
  }, 180_000);

  it('sort the findings by file, then position', () => {
    const findings = parseJson(run(['check', 'caseload', '--format', 'json'], { cwd: dir, env: { EHCP_WORKERS: '2' } }));
    const files = findings.map((f) => f.file);
    expect(files).toEqual([...files].sort());
    expect(new Set(files).size).toBe(1 + (PLANS / 3) * 2);
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      if (a.file !== b.file) continue;
      expect(a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character <= b.range.start.character)).toBe(true);
    }
  });

  it('work with the cache', () => {
    const plain = run(['check', 'caseload', '--format', 'json'], { cwd: dir, env: { EHCP_WORKERS: '2' } });
    const first = run(['check', 'caseload', '--format', 'json', '--cache'], { cwd: dir, env: { EHCP_WORKERS: '2' } });
    const second = run(['check', 'caseload', '--format', 'json', '--cache'], { cwd: dir, env: { EHCP_WORKERS: '2' } });
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
  });
});
