/**
 * Every editor feature against the built server over stdio, as an editor sees it: edits from
 * completions, code actions and rename are applied and the resulting text compared.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, cursor, fileUri, startServer, type Diagnostic, type Lsp, type TextEdit } from './harness';

const fixtures = join(__dirname, '../fixtures');
const clean = readFileSync(join(fixtures, 'plans/clean.ehcp.yaml'), 'utf8');

interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: { changes?: Record<string, TextEdit[]> };
}
interface CompletionItem {
  label: string;
  detail?: string;
  textEdit?: TextEdit;
  insertText?: string;
  insertTextFormat?: number;
}
interface DocumentSymbol {
  name: string;
  children?: DocumentSymbol[];
}

let lsp: Lsp;
let dir: string;
let n = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ehcp-features-'));
  lsp = await startServer({ workspace: dir });
});
afterAll(() => lsp.stop());

/** Opens a plan as a new document (`withCursor`: the text marks the cursor with `|`); waits for its first diagnostics. */
async function openPlan(marked: string, withCursor = false) {
  const { text, position } = withCursor ? cursor(marked) : { text: marked, position: { line: 0, character: 0 } };
  const uri = lsp.open(join(dir, `plan-${++n}.ehcp.yaml`), text);
  const diagnostics = await lsp.diagnostics(uri, 1);
  return { uri, text, position, diagnostics, doc: { textDocument: { uri } } };
}

const positionOf = (text: string, needle: string, offset = 0) => cursor(text.replace(needle, `${needle.slice(0, offset)}|${needle.slice(offset)}`)).position;

describe('completion', () => {
  it('offers need ids (with their text) in a needs list and inserts the chosen one', async () => {
    const marked = clean.replace('    needs: [N2]\n    outcomes: [O2]', '    needs: [N2, |]\n    outcomes: [O2]');
    const { text, position, doc } = await openPlan(marked, true);
    const list = await lsp.request<{ items: CompletionItem[] }>('textDocument/completion', { ...doc, position });
    const n1 = list.items.find((i) => i.label === 'N1')!;
    expect(n1.detail ?? '').toMatch(/spoken instructions/);
    expect(list.items.map((i) => i.label)).not.toContain('O1');
    const after = applyEdits(text, [n1.textEdit!]);
    expect(after).toContain('    needs: [N2, N1]\n    outcomes: [O2]');
  });

  it('offers the four broad areas of need for area:', async () => {
    const marked = clean.replace('    area: cognition and learning', '    area: |');
    const { position, doc } = await openPlan(marked, true);
    const list = await lsp.request<{ items: CompletionItem[] }>('textDocument/completion', { ...doc, position });
    expect(list.items.map((i) => i.label)).toEqual(
      expect.arrayContaining(['communication and interaction', 'cognition and learning', 'social, emotional and mental health', 'sensory and/or physical']),
    );
  });

  it('offers section codes for provision', async () => {
    const marked = clean.replace('    section: F\n    needs: [N2]', '    section: |\n    needs: [N2]');
    const { position, doc } = await openPlan(marked, true);
    const list = await lsp.request<{ items: CompletionItem[] }>('textDocument/completion', { ...doc, position });
    expect(list.items.map((i) => i.label)).toEqual(expect.arrayContaining(['F', 'G', 'H1', 'H2']));
  });

  it('offers the missing keys of the block the cursor is in, on a half-typed line', async () => {
    const marked = clean.replace('  pronouns: she/her\n', '  pro|\n');
    const { position, doc } = await openPlan(marked, true);
    const list = await lsp.request<{ items: CompletionItem[] }>('textDocument/completion', { ...doc, position });
    const labels = list.items.map((i) => i.label);
    expect(labels).toContain('pronouns');
    expect(labels).not.toContain('name'); // already there
  });
});

describe('hover', () => {
  it('shows the linked need on a reference', async () => {
    const { text, doc } = await openPlan(clean);
    const position = positionOf(text, 'needs: [N2]\n    text: By the end', 9);
    const hover = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { ...doc, position });
    expect(hover.contents.value).toMatch(/reads at a level about two years below/);
  });

  it('shows what the checker understood from a provision text', async () => {
    const { text, doc } = await openPlan(clean);
    const position = positionOf(text, 'Direct 1:1 speech', 3);
    const hover = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { ...doc, position });
    expect(hover.contents.value).toMatch(/Speech and Language Therapist/);
    expect(hover.contents.value).toMatch(/45 min/);
  });
});

describe('inlay hints', () => {
  it('summarise who, how often and how long after each provision text', async () => {
    const { doc, text } = await openPlan(clean);
    const lines = text.split('\n').length;
    const hints = await lsp.request<{ label: string | { value: string }[]; position: { line: number } }[]>('textDocument/inlayHint', {
      ...doc,
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
    });
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    expect(labels).toHaveLength(2);
    expect(labels[0]).toMatch(/45 min/);
  });
});

describe('navigation', () => {
  it('goes from a reference to the item it names', async () => {
    const { text, doc } = await openPlan(clean);
    const position = positionOf(text, 'needs: [N2]\n    outcomes: [O2]', 9);
    const result = await lsp.request<{ range?: { start: { line: number } }; targetRange?: { start: { line: number } } }[]>('textDocument/definition', { ...doc, position });
    const line = (result[0]!.targetRange ?? result[0]!.range)!.start.line;
    expect(text.split('\n')[line]).toMatch(/- id: N2/);
  });

  it('finds every reference to a need', async () => {
    const { text, doc } = await openPlan(clean);
    const position = positionOf(text, '- id: N1', 7);
    const refs = await lsp.request<{ range: { start: { line: number } } }[]>('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
    expect(refs).toHaveLength((text.match(/\bN1\b/g) ?? []).length);
  });

  it('renames an id and every reference to it', async () => {
    const { text, doc, uri } = await openPlan(clean);
    const position = positionOf(text, '- id: N1', 7);
    const prepared = await lsp.request<unknown>('textDocument/prepareRename', { ...doc, position });
    expect(prepared).toBeTruthy();
    const edit = await lsp.request<{ changes?: Record<string, TextEdit[]>; documentChanges?: { edits: TextEdit[] }[] }>('textDocument/rename', { ...doc, position, newName: 'N10' });
    const edits = edit.changes?.[uri] ?? edit.documentChanges?.[0]?.edits ?? [];
    const after = applyEdits(text, edits);
    expect(after).not.toMatch(/\bN1\b/);
    expect((after.match(/\bN10\b/g) ?? []).length).toBe((text.match(/\bN1\b/g) ?? []).length);
    expect(after).toContain('evidence: [salt#3.1]'); // advice ids are not needs
  });

  it('gives an outline with each need and its outcomes and provision', async () => {
    const { doc } = await openPlan(clean);
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
    const names = JSON.stringify(symbols);
    expect(names).toMatch(/N1/);
    expect(names).toMatch(/O1/);
    expect(names).toMatch(/P1/);
  });

  it('still gives an outline when the plan has a syntax error', async () => {
    const { doc, diagnostics } = await openPlan(clean.replace('  - id: O2\n', '  - id: O2\n   broken: [oops\n'));
    expect(diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(true);
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
    expect(JSON.stringify(symbols)).toMatch(/N1/);
  });

  it('finds needs across the caseload by workspace symbol', async () => {
    writeFileSync(join(dir, 'on-disk.ehcp.yaml'), clean.replace('Oliwia', 'Zofia').replace(/Oliwia/g, 'Zofia'));
    await lsp.request('ehcp/checkWorkspace', {});
    const symbols = await lsp.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'Zofia' });
    expect(symbols.some((s) => s.location.uri === fileUri(join(dir, 'on-disk.ehcp.yaml')))).toBe(true);
  });

  it('folds each item and block', async () => {
    const { doc } = await openPlan(clean);
    const ranges = await lsp.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', doc);
    expect(ranges.length).toBeGreaterThan(5);
  });
});

describe('code lens', () => {
  it('counts the outcomes and provision of each need', async () => {
    const { doc } = await openPlan(clean);
    const lenses = await lsp.request<{ command?: { title: string; command: string } }[]>('textDocument/codeLens', doc);
    expect(lenses.map((l) => l.command?.title)).toEqual(['1 outcome · 1 provision item', '1 outcome · 1 provision item']);
  });
});

describe('code actions', () => {
  const actionsFor = async (plan: Awaited<ReturnType<typeof openPlan>>, rule: string) => {
    const diagnostic = plan.diagnostics.find((d) => d.code === rule)!;
    expect(diagnostic, rule).toBeDefined();
    return lsp.request<CodeAction[]>('textDocument/codeAction', { ...plan.doc, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  };
  const apply = (plan: { text: string; uri: string }, action: CodeAction) => applyEdits(plan.text, action.edit!.changes![plan.uri]!);

  it('replaces a vague phrase', async () => {
    const plan = await openPlan(clean.replace('45 minutes once a week', '45 minutes each session as required'));
    const actions = await actionsFor(plan, 'provision-vague');
    const replace = actions.find((a) => a.title.startsWith('Replace'))!;
    expect(replace.kind).toBe('quickfix');
    const after = apply(plan, replace);
    expect(after).not.toContain('as required');
    expect(after).toMatch(/45 minutes each session __ times a week/);
  });

  it('adds provision for a need that has none', async () => {
    const plan = await openPlan(readFileSync(join(fixtures, 'rules/need-without-provision/flawed.ehcp.yaml'), 'utf8'));
    const actions = await actionsFor(plan, 'need-without-provision');
    const after = apply(plan, actions.find((a) => a.title === 'Add provision for N2')!);
    expect(after).toMatch(/  - id: P2\n    section: F\n    needs: \[N2\]\n    text: __/);
  });

  it('links provision to a need', async () => {
    const plan = await openPlan(readFileSync(join(fixtures, 'rules/provision-without-need/flawed.ehcp.yaml'), 'utf8'));
    const actions = await actionsFor(plan, 'provision-without-need');
    const after = apply(plan, actions.find((a) => a.title.startsWith('Link to need N1'))!);
    expect(after).toContain('    needs: [N1]\n    text: Touch-typing');
  });

  it('fixes an unknown reference with did-you-mean', async () => {
    const plan = await openPlan(readFileSync(join(fixtures, 'rules/unknown-reference/flawed.ehcp.yaml'), 'utf8'));
    const actions = await actionsFor(plan, 'unknown-reference');
    const change = actions.find((a) => a.title.startsWith('Change to'))!;
    const after = apply(plan, change);
    expect(after).toContain('evidence: [ep#4.2, ep#4.3]');
  });
});
