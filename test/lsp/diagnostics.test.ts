import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, startServer, type Lsp } from './harness';

const clean = readFileSync(join(__dirname, '../fixtures/plans/clean.ehcp.yaml'), 'utf8');
const vague = readFileSync(join(__dirname, '../fixtures/rules/provision-vague/flawed.ehcp.yaml'), 'utf8');

describe('diagnostics over stdio', () => {
  let lsp: Lsp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehcp-lsp-'));
    lsp = await startServer();
  });
  afterAll(() => lsp.stop());

  it('publishes versioned diagnostics with rule codes and doc links on open', async () => {
    const uri = lsp.open(join(dir, 'a.ehcp.yaml'), vague);
    const diags = await lsp.diagnostics(uri, 1);
    expect(diags.map((d) => d.code)).toContain('provision-vague');
    const d = diags.find((x) => x.code === 'provision-vague')!;
    expect(d.source).toBe('ehcp');
    expect(d.severity).toBe(1);
    expect(d.codeDescription?.href).toMatch(/^file:\/\/.*docs\/rules\/provision-vague\.md$/);
    expect(readFileSync(new URL(d.codeDescription!.href), 'utf8')).toMatch(/provision-vague/);
  });

  it('a clean plan has no diagnostics, and a change that breaks it gets them', async () => {
    const uri = lsp.open(join(dir, 'b.ehcp.yaml'), clean);
    expect(await lsp.diagnostics(uri, 1)).toEqual([]);
    const v = lsp.change(uri, clean.replace('45 minutes once a week', 'as required'));
    const diags = await lsp.diagnostics(uri, v);
    expect(diags.map((d) => d.code)).toEqual(expect.arrayContaining(['provision-no-amount', 'provision-vague']));
  });

  it('rapid typing ends with diagnostics for the latest version only', async () => {
    const uri = lsp.open(join(dir, 'c.ehcp.yaml'), clean);
    await lsp.diagnostics(uri, 1);
    const typed = ', as required';
    let last = 1;
    for (let i = 1; i <= typed.length; i++) last = lsp.change(uri, clean.replace('38 weeks a year.', `38 weeks a year${typed.slice(0, i)}.`));
    const diags = await lsp.waitFor(uri, () => lsp.published.some((p) => p.uri === uri && p.version === last));
    const versions = lsp.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    expect(versions[versions.length - 1]).toBe(last);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions); // never an older version after a newer one
    expect(diags.some((d) => d.code === 'provision-vague')).toBe(true);
  });

  it('a syntax error half way still gives the findings for the rest', async () => {
    const broken = vague.replace('  - id: O1\n', '  - id: O1\n   oops: [unclosed\n');
    const uri = lsp.open(join(dir, 'd.ehcp.yaml'), broken);
    const codes = (await lsp.diagnostics(uri, 1)).map((d) => d.code);
    expect(codes).toContain('yaml-syntax');
    expect(codes).toContain('provision-vague');
  });

  it('hostile input gives findings and the server keeps answering', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `k${i}: &k${i} [${Array(9).fill(i === 0 ? '*a' : `*k${i - 1}`).join(', ')}]`)].join('\n');
    for (const [name, text] of [
      ['bomb', bomb],
      ['big', clean + `# ${'x'.repeat(98)}\n`.repeat(52_000)],
      ['junk', '\u0000\u0001\u0002 binary \u0000'.repeat(100)],
      ['empty', ''],
    ] as const) {
      const uri = lsp.open(join(dir, `${name}.ehcp.yaml`), text);
      const diags = await lsp.diagnostics(uri, 1, 20_000);
      expect(diags.length, name).toBeGreaterThan(0);
    }
    const uri = lsp.open(join(dir, 'after.ehcp.yaml'), clean);
    expect(await lsp.diagnostics(uri, 1)).toEqual([]);
  });

  it('settings switch a rule off without a restart', async () => {
    const uri = lsp.open(join(dir, 'e.ehcp.yaml'), vague);
    expect((await lsp.diagnostics(uri, 1)).some((d) => d.code === 'provision-vague')).toBe(true);
    lsp.settings = { rules: { 'provision-vague': 'off' } };
    lsp.notify('workspace/didChangeConfiguration', { settings: {} });
    await lsp.waitFor(uri, (d) => d.length > 0 && !d.some((x) => x.code === 'provision-vague'));
    lsp.settings = {};
    lsp.notify('workspace/didChangeConfiguration', { settings: {} });
    await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'provision-vague'));
  });
});

describe('caseload-wide diagnostics', () => {
  let lsp: Lsp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehcp-caseload-'));
    mkdirSync(join(dir, 'team-a'));
    writeFileSync(join(dir, 'team-a', 'flawed.ehcp.yaml'), vague);
    writeFileSync(join(dir, 'clean.ehcp.yml'), clean);
    writeFileSync(join(dir, '.ehcprc.yaml'), 'rules:\n  provision-no-frequency: warning\n');
    lsp = await startServer({ workspace: dir });
  });
  afterAll(() => lsp.stop());

  it('checks plans on disk that are not open, with the caseload config', async () => {
    const uri = fileUri(join(dir, 'team-a', 'flawed.ehcp.yaml'));
    const diags = await lsp.waitFor(uri, (d) => d.length > 0);
    expect(diags.find((d) => d.code === 'provision-no-frequency')?.severity).toBe(2);
    expect(await lsp.waitFor(fileUri(join(dir, 'clean.ehcp.yml')), () => true)).toEqual([]);
  });

  it('refreshes a plan when it changes on disk', async () => {
    const path = join(dir, 'clean.ehcp.yml');
    writeFileSync(path, clean.replace('45 minutes once a week', 'as required'));
    lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path), type: 2 }] });
    const diags = await lsp.waitFor(fileUri(path), (d) => d.length > 0);
    expect(diags.map((d) => d.code)).toContain('provision-vague');
  });

  it('answers ehcp/checkWorkspace with counts', async () => {
    const result = await lsp.request<{ plans: number; errors: number; warnings: number }>('ehcp/checkWorkspace', {});
    expect(result.plans).toBe(2);
    expect(result.errors).toBeGreaterThan(0);
  });
});

describe('checking the whole caseload on request', () => {
  it('counts every plan even when the request races the start-up scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehcp-race-'));
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `plan-${i}.ehcp.yaml`), vague);
    const lsp = await startServer({ workspace: dir });
    try {
      const perPlan = (await lsp.waitFor(fileUri(join(dir, 'plan-0.ehcp.yaml')), (d) => d.length > 0)).filter((d) => d.severity === 1).length;
      const result = await lsp.request<{ plans: number; errors: number }>('ehcp/checkWorkspace', {});
      expect(result).toMatchObject({ plans: 30, errors: 30 * perPlan });
    } finally {
      await lsp.stop();
    }
  });
});
