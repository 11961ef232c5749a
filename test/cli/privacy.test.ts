/**
 * Plans describe real children: nothing the CLI or its worker threads print on stderr may carry
 * plan text, including what the YAML library prints through Node's process warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, removeWorkspace, run, workspace } from './helpers';
import { HOSTILE_PLANS, SECRET } from '../util/hostile-plans';

let dir: string;

beforeAll(() => {
  ensureBuilt();
  const files: Record<string, string> = {};
  // Enough plans that `ehcp check` spreads them over worker threads.
  for (let i = 0; i < 12; i++) for (const [name, text] of Object.entries(HOSTILE_PLANS)) files[`p${i}-${name}.ehcp.yaml`] = text;
  dir = workspace(files);
});
afterAll(() => removeWorkspace(dir));

describe('no plan text on stderr', () => {
  it('in-process: every hostile plan is reported, and stderr holds none of its text', () => {
    const result = run(['check', '.', '--format', 'json'], { cwd: dir, env: { EHCP_WORKERS: '0' } });
    expect(result.code).toBe(1);
    expect(new Set((JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file)).size).toBe(12 * Object.keys(HOSTILE_PLANS).length);
    expect(result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toMatch(/stringified|Warning:/);
  });

  it('on worker threads: the same', () => {
    const result = run(['check', '.', '--format', 'text'], { cwd: dir, env: { EHCP_WORKERS: '2' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('yaml-syntax');
    expect(result.stderr).not.toContain(SECRET);
    expect(result.stderr).not.toMatch(/stringified|Warning:/);
  });

  it('fmt, show and diff over the same plans: stderr holds none of their text', () => {
    for (const args of [['fmt', '--check', '.'], ['show', '--canonical', `p0-collection-key.ehcp.yaml`], ['diff', 'p0-collection-key.ehcp.yaml', 'p1-flow-map-key.ehcp.yaml']]) {
      const result = run(args, { cwd: dir });
      expect(result.stderr, args.join(' ')).not.toContain(SECRET);
      expect(result.stderr, args.join(' ')).not.toMatch(/stringified|Warning:/);
    }
  });
});
