/**
 * Runs inside a real VS Code workbench (code-server, or desktop VS Code via @vscode/test-electron)
 * with a copy of examples/caseload open. Polls for results; never sleeps and hopes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedFindings } from '../../util/expectations';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const planUri = (name: string) => vscode.Uri.joinPath(folder(), name);

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'ehcp');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(planUri(name));
  return vscode.window.showTextDocument(doc);
}

describe('EHCP Plan Writer in VS Code', () => {
  it('activates on an example plan with the ehcp language', async () => {
    const editor = await open('kai-robinson.ehcp.yaml');
    assert.equal(editor.document.languageId, 'ehcp');
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'ehcp-plan-writer');
    assert.ok(ext, 'the extension is installed');
    await until('activation', () => ext.isActive || undefined);
    const api = ext.exports as { activationMs?: number };
    assert.ok(typeof api.activationMs === 'number' && api.activationMs > 0);
    console.log(`EHCP_ACTIVATION_MS=${api.activationMs}`); // read by scripts/bench-lsp.mjs
  });

  it('shows the diagnostics the plan comments expect, with rule codes', async () => {
    const editor = await open('kai-robinson.ehcp.yaml');
    const expected = expectedFindings(editor.document.getText());
    const actual = await until('diagnostics', () => {
      const keys = ours(editor.document.uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
      return keys.length === expected.length ? keys : undefined;
    });
    assert.deepEqual(actual, expected);
    const vague = ours(editor.document.uri).find((d) => codeOf(d) === 'provision-vague')!;
    assert.equal(vague.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof vague.code === 'object' && vague.code.target.path.endsWith('docs/rules/provision-vague.md'));
  });

  it('applies a quick fix for a vague phrase', async () => {
    const editor = await open('kai-robinson.ehcp.yaml');
    const diagnostic = await until('a fixable vague phrase', () =>
      ours(editor.document.uri).find((d) => codeOf(d) === 'provision-vague' && /as required/i.test(editor.document.getText(d.range))),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && a.title.startsWith('Replace "as required"'));
    assert.ok(fix, `a quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    const line = diagnostic.range.start.line;
    const before = editor.document.lineAt(line).text;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const after = editor.document.lineAt(line).text;
    assert.notEqual(after, before);
    assert.ok(!/as required/i.test(after.slice(diagnostic.range.start.character, diagnostic.range.start.character + 20)));
  });

  it('completes need ids in a needs list and inserts one', async () => {
    const editor = await open('priya-sharma.ehcp.yaml');
    const doc = editor.document;
    const line = [...Array(doc.lineCount).keys()].find((i) => /^\s+needs: \[N1\]/.test(doc.lineAt(i).text))!;
    const bracket = doc.lineAt(line).text.indexOf('[');
    // Turn "[N1]" into "[N1, ]" and complete after the comma.
    await editor.edit((e) => e.insert(new vscode.Position(line, bracket + 3), ', '));
    const position = new vscode.Position(line, bracket + 5);
    const list = await until('completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
      return l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'N2') ? l : undefined;
    });
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'N2')!;
    await editor.edit((e) => e.insert(position, typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? 'N2')));
    assert.match(doc.lineAt(line).text, /needs: \[N1, N2\]/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('renames a need id everywhere it is used', async () => {
    const editor = await open('priya-sharma.ehcp.yaml');
    const doc = editor.document;
    const countN1 = () => (doc.getText().match(/\bN1\b/g) ?? []).length;
    const uses = countN1();
    assert.ok(uses > 1);
    const line = [...Array(doc.lineCount).keys()].find((i) => /- id: N1\b/.test(doc.lineAt(i).text))!;
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('N1') + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, position, 'N10');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(countN1(), 0);
    assert.equal((doc.getText().match(/\bN10\b/g) ?? []).length, uses);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows no problems for a clean plan', async () => {
    const faulty = planUri('jamal-ibrahim.ehcp.yaml');
    // Wait until the caseload check has reached the faulty plan, so an empty list below means clean, not "not yet checked".
    await until('caseload diagnostics', () => (ours(faulty).length > 0 ? true : undefined));
    const editor = await open('tomasz-kowalczyk.ehcp.yaml');
    const text = editor.document.getText();
    assert.deepEqual(expectedFindings(text), []);
    assert.deepEqual(ours(editor.document.uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}: ${d.message}`), []);
  });
});
