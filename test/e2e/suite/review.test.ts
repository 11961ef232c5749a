/**
 * The compare view in a real workbench: the workspace (a throwaway copy of the example
 * caseload) is made a Git repository, a provision item is cut in the open editor without
 * saving, and "EHCP: Compare with a previous version" shows the cut first, linked to the item.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Result {
  ok: boolean;
  message?: string;
  html?: string;
  report?: { summary: { reductions: number }; plans: { changes: { id: string; impact: string; line?: number; summary: string }[] }[] };
}

const webviewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);

describe('EHCP: Compare with a previous version', () => {
  before(() => {
    const dir = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=E2E', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Plans as issued');
  });

  it('is a command of the extension', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('ehcp.compareWithPrevious'));
  });

  it('shows an unsaved cut in provision first, with its size, in a webview', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'priya-sharma.ehcp.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const text = doc.getText();
    const at = text.indexOf('45 minutes once a week');
    assert.ok(at > 0, 'the example has weekly therapy to cut');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + '45 minutes once a week'.length)), '30 minutes once a fortnight'));
    assert.ok(doc.isDirty);
    const line = doc.positionAt(at).line;

    const result = await until('the comparison', async () => vscode.commands.executeCommand<Result>('ehcp.compareWithPrevious', { rev: 'HEAD' }));
    assert.equal(result.ok, true, result.message);
    const first = result.report!.plans[0]!.changes[0]!;
    assert.equal(first.impact, 'reduction');
    assert.match(first.summary, /45 minutes once a week → 30 minutes once a fortnight: 67 % less therapy time \(1,710 → 570 minutes a year\)/);
    assert.ok(first.line !== undefined && first.line <= line + 1 && first.line >= line - 10, `the link points at the item (line ${first.line}, edit on ${line + 1})`);
    assert.ok(result.html!.indexOf('Reductions') < result.html!.indexOf('Other changes') || !result.html!.includes('Other changes'));
    const tab = await until('the compare view', () => webviewTabs().find((t) => t.label === 'What changed: priya-sharma.ehcp.yaml'));
    assert.ok(tab);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('says clearly when a revision does not exist', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'priya-sharma.ehcp.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<Result>('ehcp.compareWithPrevious', { rev: 'no-such-branch' });
    assert.equal(result.ok, false);
    assert.match(result.message!, /does not name a commit/);
  });
});
