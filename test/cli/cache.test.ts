import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, parseJson, removeWorkspace, run, workspace } from './helpers';
import { children, cleanPlan, errorPlan, warningPlan } from './plans';

beforeAll(() => ensureBuilt());

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeWorkspace(d);
});

const LONG_AGO = new Date('2024-01-01T00:00:00Z');

function caseload(): string {
  const dir = workspace({
    'plans/rowan.ehcp.yaml': errorPlan(),
    'plans/zainab.ehcp.yaml': warningPlan(),
    'plans/oliver.ehcp.yaml': cleanPlan(),
  });
  // Old timestamps, as for plans that have not just been saved.
  for (const f of readdirSync(path.join(dir, 'plans'))) utimesSync(path.join(dir, 'plans', f), LONG_AGO, LONG_AGO);
  dirs.push(dir);
  return dir;
}

const check = (dir: string, ...extra: string[]) => run(['check', 'plans', '--format', 'json', ...extra], { cwd: dir });

describe('--cache', () => {
  it('writes .ehcpcache in the working folder and gives the same findings as an uncached run', () => {
    const dir = caseload();
    const plain = check(dir);
    const first = check(dir, '--cache');
    expect(existsSync(path.join(dir, '.ehcpcache'))).toBe(true);
    const second = check(dir, '--cache');
    expect(first.stdout).toBe(plain.stdout);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.code).toBe(plain.code);
    expect(second.stderr).toBe('');
    // Written atomically: no temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('does not read a plan whose size and modification time are unchanged', () => {
    const dir = caseload();
    const file = path.join(dir, 'plans', 'rowan.ehcp.yaml');
    const before = check(dir, '--cache');
    // Same size, same mtime, different bytes: only a run that skipped reading would miss this.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('N9', 'N1'));
    utimesSync(file, LONG_AGO, LONG_AGO);
    expect(statSync(file).size).toBe(Buffer.byteLength(text));
    expect(check(dir, '--cache').stdout).toBe(before.stdout);
    // Without the cache the change is seen.
    expect(check(dir).stdout).not.toBe(before.stdout);
  });

  it('re-checks a plan whose content changed', () => {
    const dir = caseload();
    check(dir, '--cache');
    const file = path.join(dir, 'plans', 'rowan.ehcp.yaml');
    writeFileSync(file, cleanPlan(children[2]));
    const after = check(dir, '--cache');
    expect(parseJson(after).some((f) => f.file === 'plans/rowan.ehcp.yaml')).toBe(false);
    expect(after.code).toBe(0);
  });

  it('keeps the findings of a plan that was only touched (same bytes, new time)', () => {
    const dir = caseload();
    const before = check(dir, '--cache');
    const now = new Date();
    utimesSync(path.join(dir, 'plans', 'rowan.ehcp.yaml'), now, now);
    expect(check(dir, '--cache').stdout).toBe(before.stdout);
  });

  it('is invalidated by a change of configuration', () => {
    const dir = caseload();
    const before = parseJson(check(dir, '--cache'));
    expect(before.some((f) => f.rule === 'need-without-outcome')).toBe(true);
    writeFileSync(path.join(dir, 'plans', '.ehcprc.yaml'), 'rules:\n  need-without-outcome: "off"\n');
    expect(parseJson(check(dir, '--cache')).some((f) => f.rule === 'need-without-outcome')).toBe(false);
  });

  it('ignores a corrupt cache file and rebuilds it', () => {
    const dir = caseload();
    const plain = check(dir);
    for (const junk of ['{ not json', '', '{"format":1,"core":"0.0.0-other","files":{}}', '{"format":1,"files":{"x":{"size":"big"}}}', '\u0000\u0001\u0002']) {
      writeFileSync(path.join(dir, '.ehcpcache'), junk);
      const r = check(dir, '--cache');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(plain.code);
      expect(r.stdout).toBe(plain.stdout);
    }
    expect(() => JSON.parse(readFileSync(path.join(dir, '.ehcpcache'), 'utf8'))).not.toThrow();
  });

  it('--cache-location takes a file or a folder', () => {
    const dir = caseload();
    // The folder does not exist: the run still succeeds and says the cache could not be saved.
    const missingFolder = check(dir, '--cache-location', 'nowhere/at/all/cache.json');
    expect(missingFolder.code).toBe(1);
    expect(missingFolder.stderr).toMatch(/^ehcp: could not save the cache/);
    expect(JSON.parse(missingFolder.stdout).length).toBeGreaterThan(0);

    const folder = workspace();
    dirs.push(folder);
    check(dir, '--cache', '--cache-location', folder);
    expect(existsSync(path.join(folder, '.ehcpcache'))).toBe(true);
    check(dir, '--cache-location', 'plain-file');
    expect(existsSync(path.join(dir, 'plain-file'))).toBe(true);
    expect(existsSync(path.join(dir, '.ehcpcache'))).toBe(false);
  });
});
