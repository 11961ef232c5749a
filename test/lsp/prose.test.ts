import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, fileUri, startServer, type Diagnostic, type Lsp, type TextEdit } from './harness';

const fixtures = join(__dirname, '../fixtures/rules');

interface CodeAction {
  title: string;
  edit?: { changes?: Record<string, TextEdit[]> };
}

describe('accuracy and plain-English checks in the language server', () => {
  let lsp: Lsp;
  let dir: string;
  beforeAll(async () => {
    // A caseload on disk: Oliver's plan, and Amara's plan that names Oliver by mistake.
    dir = mkdtempSync(join(tmpdir(), 'ehcp-prose-'));
    copyFileSync(join(fixtures, 'other-child-name/oliver.ehcp.yaml'), join(dir, 'oliver-brown.ehcp.yaml'));
    copyFileSync(join(fixtures, 'other-child-name/flawed.ehcp.yaml'), join(dir, 'amara-okafor.ehcp.yaml'));
    copyFileSync(join(fixtures, 'copied-text/other.ehcp.yaml'), join(dir, 'kai-robinson.ehcp.yaml'));
    lsp = await startServer({ workspace: dir });
  });
  afterAll(() => lsp.stop());

  const codes = (d: Diagnostic[]) => d.map((x) => x.code);

  it('names the other plan in the workspace when a plan uses another child’s name', async () => {
    const path = join(dir, 'amara-okafor.ehcp.yaml');
    const uri = lsp.open(path, readFileSync(path, 'utf8'));
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'other-child-name' && /oliver-brown\.ehcp\.yaml/.test(x.message)));
    const oliver = diags.find((x) => x.code === 'other-child-name' && x.message.includes('"Oliver"'))!;
    expect(oliver.message).toMatch(/"Oliver" is the child in oliver-brown\.ehcp\.yaml: is this text about another child\?/);
    expect(oliver.severity).toBe(2);
    // Sam (her brother), Simran (declared) and Mrs Patel are people the plan names.
    expect(diags.filter((x) => x.code === 'other-child-name').map((x) => x.message)).not.toEqual(expect.arrayContaining([expect.stringMatching(/"(Sam|Simran|Patel|Grace|May|Hope)"/)]));
  });

  it('finds a sentence pasted from another plan of the workspace', async () => {
    const text = readFileSync(join(fixtures, 'copied-text/flawed.ehcp.yaml'), 'utf8');
    const uri = lsp.open(join(dir, 'leila-hussain.ehcp.yaml'), text);
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'copied-text'));
    expect(diags.find((x) => x.code === 'copied-text')!.message).toMatch(/also in kai-robinson\.ehcp\.yaml/);
  });

  it('spells in British English once the dictionary has loaded, with a fix that applies', async () => {
    const text = readFileSync(join(fixtures, 'spelling/flawed.ehcp.yaml'), 'utf8');
    const path = join(dir, 'ffion-davies.ehcp.yaml');
    writeFileSync(path, text);
    const uri = lsp.open(path, text);
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'spelling' && x.message.includes('recieve')), 20_000);
    const us = diags.find((x) => x.code === 'spelling' && x.message.includes('behavior'))!;
    expect(us.message).toBe('"behavior" is the US spelling: the British form is "behaviour".');
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: us.range, context: { diagnostics: [us] } });
    const fix = actions.find((a) => a.title === 'Change to "behaviour"')!;
    expect(applyEdits(text, fix.edit!.changes![uri]!)).toContain("Ffion's behaviour changes");
    expect(codes(diags).filter((c) => c === 'spelling')).toHaveLength(3); // quoted speech, "cafe" and "computer program" are left alone
  });

  it('adds an unexplained acronym to the plan’s glossary', async () => {
    const text = readFileSync(join(fixtures, 'unexplained-acronym/flawed.ehcp.yaml'), 'utf8');
    const uri = lsp.open(join(dir, 'kwame.ehcp.yaml'), text);
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'unexplained-acronym'));
    const rwi = diags.find((x) => x.code === 'unexplained-acronym' && x.message.includes('"RWI"'))!;
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rwi.range, context: { diagnostics: [rwi] } });
    const add = actions.find((a) => a.title === 'Add RWI to the plan’s glossary')!;
    const after = applyEdits(text, add.edit!.changes![uri]!);
    expect(after).toMatch(/glossary:\n {2}Bucket Time: A short group session\.\n {2}RWI: __\n/);
    const v = lsp.change(uri, after.replace('RWI: __', 'RWI: Read Write Inc, the phonics programme the school uses.'));
    const again = await lsp.diagnostics(uri, v);
    expect(again.filter((x) => x.code === 'unexplained-acronym').map((x) => x.message)).not.toContainEqual(expect.stringContaining('"RWI"'));
  });

  it('keeps answering while a plan is typed into', async () => {
    const uri = fileUri(join(dir, 'amara-okafor.ehcp.yaml'));
    const text = readFileSync(join(dir, 'amara-okafor.ehcp.yaml'), 'utf8');
    let v = 0;
    for (let i = 0; i < 10; i++) v = lsp.change(uri, text.replace('Oliver becomes', `Oliver${'x'.repeat(i)} becomes`));
    const diags = await lsp.waitFor(uri, () => lsp.published.some((p) => p.uri === uri && p.version === v));
    expect(codes(diags)).not.toContain('yaml-syntax');
  });
});
