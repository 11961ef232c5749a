/** "EHCP: Export to Word for the family" in the real workbench, with the save path supplied. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';

interface Result {
  exported: boolean;
  target?: string;
  reason?: string;
  encrypted?: boolean;
  unresolvedIssues?: number;
}

const plan = (name: string) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);
const out = () => mkdtempSync(path.join(tmpdir(), 'ehcp-e2e-export-'));
const part = (file: string, name: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(file)))[name]!);

describe('Export to Word for the family', () => {
  it('is contributed to the palette, the editor title and the context menus', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('ehcp.exportToWord'));
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'ehcp-plan-writer')!;
    const menus = ext.packageJSON.contributes.menus as Record<string, { command: string }[]>;
    for (const where of ['editor/title', 'editor/context', 'explorer/context']) assert.ok(menus[where]!.some((m) => m.command === 'ehcp.exportToWord'), where);
  });

  it('exports the open plan to the given path, with its bookmarks and properties', async () => {
    const doc = await vscode.workspace.openTextDocument(plan('priya-sharma.ehcp.yaml'));
    await vscode.window.showTextDocument(doc);
    const target = path.join(out(), 'priya.docx');
    const result = await vscode.commands.executeCommand<Result>('ehcp.exportToWord', { target });
    assert.equal(result.reason, undefined);
    assert.equal(result.exported, true);
    assert.equal(result.target, target);
    const xml = part(target, 'word/document.xml');
    for (const name of ['ehcp_B_N1', 'ehcp_E_O1', 'ehcp_F_P1', 'ehcp_sec_K']) assert.ok(xml.includes(`w:name="${name}"`), name);
    assert.match(part(target, 'docProps/custom.xml'), /name="ehcp_plan_path"><vt:lpwstr>priya-sharma\.ehcp\.yaml</);
    assert.match(part(target, 'docProps/core.xml'), /<dc:title>Education, Health and Care plan for Priya<\/dc:title>/);
    assert.ok(part(target, 'word/settings.xml').includes('<w:trackRevisions/>'));
  });

  it('exports the editor’s unsaved text, not the file on disk', async () => {
    const doc = await vscode.workspace.openTextDocument(plan('tomasz-kowalczyk.ehcp.yaml'));
    const editor = await vscode.window.showTextDocument(doc);
    const line = [...Array(doc.lineCount).keys()].find((i) => /^\s+known_as:/.test(doc.lineAt(i).text))!;
    await editor.edit((e) => e.replace(doc.lineAt(line).range, '  known_as: Tomek'));
    const target = path.join(out(), 't.docx');
    const result = await vscode.commands.executeCommand<Result>('ehcp.exportToWord', doc.uri, { target });
    assert.equal(result.exported, true, result.reason);
    assert.match(part(target, 'docProps/core.xml'), /plan for Tomek</);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('does not export a plan with errors unless forced, and never replaces a file unasked', async () => {
    const dir = out();
    const target = path.join(dir, 'kai.docx');
    const refused = await vscode.commands.executeCommand<Result>('ehcp.exportToWord', plan('kai-robinson.ehcp.yaml'), { target });
    assert.equal(refused.exported, false);
    assert.match(refused.reason!, /errors?/);
    assert.equal(existsSync(target), false);

    const forced = await vscode.commands.executeCommand<Result>('ehcp.exportToWord', plan('kai-robinson.ehcp.yaml'), { target, force: true });
    assert.equal(forced.exported, true, forced.reason);
    assert.ok(forced.unresolvedIssues! > 0);
    assert.ok(part(target, 'word/document.xml').includes('This draft has unresolved issues'));

    writeFileSync(path.join(dir, 'taken.docx'), 'keep me');
    const again = await vscode.commands.executeCommand<Result>('ehcp.exportToWord', plan('priya-sharma.ehcp.yaml'), { target: path.join(dir, 'taken.docx') });
    assert.equal(again.exported, false);
    assert.match(again.reason!, /already exists/);
    assert.equal(readFileSync(path.join(dir, 'taken.docx'), 'utf8'), 'keep me');
  });

  it('encrypts with a password, off the main thread', async () => {
    const target = path.join(out(), 'locked.docx');
    const result = await vscode.commands.executeCommand<Result>('ehcp.exportToWord', plan('priya-sharma.ehcp.yaml'), { target, password: 'e2e secret' });
    assert.equal(result.exported, true, result.reason);
    assert.equal(result.encrypted, true);
    const bytes = readFileSync(target);
    assert.deepEqual([...bytes.subarray(0, 4)], [0xd0, 0xcf, 0x11, 0xe0]); // an encrypted Office file, not a zip
  });
});
