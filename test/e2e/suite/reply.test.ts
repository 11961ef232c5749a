/**
 * "EHCP: Import the family's reply…" in the real workbench: export a plan with the extension,
 * make the family's edits in the returned file (a tracked change and a comment), import it, see
 * the notes, accept one change through its quick fix, undo it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DocxEditor } from '../../unit/reply/docx-edit';

const planUri = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'priya-sharma.ehcp.yaml');

async function poll<T>(what: string, get: () => T | undefined | Promise<T | undefined>, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await get();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const replyNotes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'object' ? String(d.code.value).startsWith('reply-') : String(d.code).startsWith('reply-'));
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe("Import the family's reply", () => {
  it('is in the palette and on .docx files in the Explorer', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('ehcp.importReply'));
    assert.ok(commands.includes('ehcp.reply.decideItem'));
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'ehcp-plan-writer')!;
    const menus = ext.packageJSON.contributes.menus as Record<string, { command: string }[]>;
    assert.ok(menus['explorer/context']!.some((m) => m.command === 'ehcp.importReply'));
  });

  it('imports a returned export, shows its notes and accepts one change as one undoable edit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ehcp-e2e-reply-'));
    const exported = path.join(dir, 'priya.docx');
    const done = await vscode.commands.executeCommand<{ exported: boolean; reason?: string }>('ehcp.exportToWord', planUri(), { target: exported });
    assert.equal(done.exported, true, done.reason);

    const returned = path.join(dir, 'priya-returned.docx');
    writeFileSync(
      returned,
      new DocxEditor(new Uint8Array(readFileSync(exported)))
        .replace('ehcp_F_P1', '45 minutes once a week', '1 hour once a week', { author: 'Mrs Sharma', date: '2026-12-02T18:00:00Z' })
        .comment('ehcp_F_P1', 'working on vocabulary', 'Please include her reading comprehension too.', { author: 'Mrs Sharma', date: '2026-12-02T18:05:00Z' })
        .bytes(),
    );

    const result = await vscode.commands.executeCommand<{ status: string; planUri?: string; comments?: number; changes?: number }>('ehcp.importReply', { file: returned });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    assert.equal(result.comments, 1);
    assert.equal(result.changes, 1);
    const doc = await vscode.workspace.openTextDocument(planUri());
    const editor = await vscode.window.showTextDocument(doc);
    const before = doc.getText();

    const notes = await poll('the reply notes', () => {
      const n = replyNotes(doc.uri);
      return n.length >= 2 ? n : undefined;
    });
    const comment = notes.find((d) => codeOf(d) === 'reply-comment')!;
    assert.equal(comment.severity, vscode.DiagnosticSeverity.Information);
    assert.match(comment.message, /^Comment from Mrs Sharma, 2 December 2026, 18:05 on "working on vocabulary": "Please include her reading comprehension too\."/);
    const change = notes.find((d) => codeOf(d) === 'reply-change')!;
    assert.match(change.message, /Replace "45 minutes once a week" with "1 hour once a week"/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, change.range, vscode.CodeActionKind.QuickFix.value);
    const accept = actions.find((a) => a.title.startsWith("Accept the family's change"));
    assert.ok(accept?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(accept.edit));
    if (accept.command) await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));

    const after = doc.getText();
    assert.match(after.replace(/\s+/g, ' '), /Speech and Language Therapist, 1 hour once a week, 38 weeks a year, working on vocabulary/);
    // Only the item's text changed: the lines outside P1's text are as they were.
    const a = after.split('\n');
    const b = before.split('\n');
    assert.deepEqual(a.slice(0, 139), b.slice(0, 139));
    assert.deepEqual(a.slice(-20), b.slice(-20));
    // Re-checked at once: the change is no longer offered; the comment stays.
    await poll('the accepted change to go', () => !replyNotes(doc.uri).some((d) => codeOf(d) === 'reply-change'));
    assert.ok(replyNotes(doc.uri).some((d) => codeOf(d) === 'reply-comment'));
    const log = path.join(path.dirname(doc.uri.fsPath), 'priya-sharma.ehcp.replies.yaml');
    await poll('the reply log', () => existsSync(log));
    assert.match(readFileSync(log, 'utf8'), /decision: accepted/);

    // One undo takes the whole change back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await poll('the undo', () => doc.getText() === before);
    void editor;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
