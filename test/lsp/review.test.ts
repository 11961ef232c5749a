/**
 * The language server's review features over stdio: Format Document gives the canonical layout
 * (edits applied, comments kept), and ehcp/compare diffs the open buffer against a real Git commit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlanText } from '../../server/src/review/fmt';
import { BASE, edit } from '../unit/review/plans';
import { applyEdits, startServer, type Lsp, type TextEdit } from './harness';

let dir: string;
let lsp: Lsp;
const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...gitEnv }, encoding: 'utf8' });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ehcp-lsp-review-'));
  writeFileSync(path.join(dir, 'rowan.ehcp.yaml'), BASE);
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'issued');
  lsp = await startServer({ workspace: dir });
});
afterAll(async () => {
  await lsp?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Format Document', () => {
  it('returns edits that give the canonical layout and keep comments', async () => {
    const messy = BASE.replace('  - id: P1\n    section: F\n', '  # therapy first\n  - section: F\n    id: P1\n').replace('needs: [N2]\n    outcomes: [O2]', 'needs:\n      - N2\n    outcomes: [ O2 ]');
    const uri = lsp.open(path.join(dir, 'messy.ehcp.yaml'), messy);
    const edits = await lsp.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.length).toBe(1);
    const after = applyEdits(messy, edits);
    const expected = formatPlanText(messy);
    expect(expected.ok && after).toBe(expected.ok && expected.text);
    expect(after).toContain('  # therapy first\n  - id: P1\n    section: F\n');
    expect(after).toContain('    needs: [N2]\n    outcomes: [O2]\n');
    await lsp.change(uri, after);
    expect(await lsp.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it('returns no edits for a plan with YAML errors', async () => {
    const uri = lsp.open(path.join(dir, 'broken.ehcp.yaml'), 'ehcp: 1\nchild:\n\tname: x\n');
    expect(await lsp.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });
});

describe('ehcp/compare', () => {
  it('compares the open, unsaved buffer with HEAD and lists the cut first', async () => {
    const file = path.join(dir, 'rowan.ehcp.yaml');
    const uri = lsp.open(file, edit(BASE, '45 minutes once a week', '30 minutes once a fortnight'));
    const r = await lsp.request<{ ok: boolean; html: string; markdown: string; report: { summary: { reductions: number }; plans: { changes: { id: string; impact: string; line: number }[] }[] } }>('ehcp/compare', { uri });
    expect(r.ok).toBe(true);
    expect(r.report.summary.reductions).toBe(1);
    expect(r.report.plans[0]!.changes[0]).toMatchObject({ id: 'P1', impact: 'reduction', line: 36 });
    expect(r.html).toContain('data-line="36"');
    expect(r.html).toContain('67 % less therapy time');
    expect(r.html.indexOf('Reductions')).toBeLessThan(r.html.indexOf('P1'));
    const bad = await lsp.request<{ ok: boolean; message: string }>('ehcp/compare', { uri, rev: 'no-such-rev' });
    expect(bad).toEqual({ ok: false, message: '"no-such-rev" does not name a commit in this repository.' });
    const history = await lsp.request<{ commit: string; subject: string }[]>('ehcp/history', { uri });
    expect(history.map((h) => h.subject)).toEqual(['issued']);
  });

  it('says so for a plan that is not in the revision', async () => {
    const uri = lsp.open(path.join(dir, 'new.ehcp.yaml'), BASE);
    const r = await lsp.request<{ ok: boolean; message: string }>('ehcp/compare', { uri });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/not in HEAD/);
  });
});

describe('Format Selection', () => {
  it('lays out only the items in the range, and the plan reads the same', async () => {
    const messy = BASE.replace('  - id: P1\n    section: F\n', '  - section: F\n    id: P1\n').replace('  - id: N1\n    section: B\n', '  - section: B\n    id: N1\n');
    const uri = lsp.open(path.join(dir, 'range.ehcp.yaml'), messy);
    const p1 = messy.split('\n').findIndex((l) => l === '    id: P1');
    const edits = await lsp.request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: p1 - 1, character: 0 }, end: { line: p1 + 3, character: 0 } }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.length).toBeGreaterThan(0);
    const after = applyEdits(messy, edits);
    expect(after).toContain('  - id: P1\n    section: F\n');
    expect(after).toContain('  - section: B\n    id: N1\n'); // outside the range: untouched
  });
});
