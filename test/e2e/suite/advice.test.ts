/**
 * Advice reports in a real VS Code workbench (a copy of examples/caseload): accepting an advice
 * completion inserts the recommendation and its evidence reference, and go to definition on a
 * reference into a Word report opens the read-only extracted text at the paragraph.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const plan = `ehcp: 1
child: { name: Kai Jordan Robinson, known_as: Kai, pronouns: he/him, date_of_birth: 2018-10-11 }
plan: { local_authority: Northshire County Council, caseworker: T. Ellis, status: draft }
advice:
  - id: ot
    professional: Occupational Therapist
    author: P. Desai
    date: 2026-05-28
    file: advice/kai-ot-2026-05.docx
needs:
  - id: N1
    section: B
    area: sensory and/or physical
    text: Kai's hand aches after about 5 minutes of writing.
    evidence: [ot#1.2]
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Kai will write for 10 minutes without pain.
provision:
  - id: P1
    section: F
    needs: [N1]
    outcomes: [O1]
    text: >-
      A fine
`;

const unusedOt1 = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'ehcp' && d.message.includes('ot#OT1 is not cited'));

describe('advice reports in VS Code', () => {
  it('accepts an advice completion: the recommendation is inserted and its evidence reference appears', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'advice-e2e.ehcp.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(plan));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const doc = editor.document;
    await until('the Word report to be read', () => unusedOt1(uri));
    const line = doc.lineCount - 2;
    const position = new vscode.Position(line, doc.lineAt(line).text.length);
    editor.selection = new vscode.Selection(position, position);
    const list = await until('advice completions', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      return l.items.some((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('ot#OT1')) ? l : undefined;
    });
    const item = list.items.find((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('ot#OT1'))!;
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    await editor.edit((e) => {
      e.replace(range, typeof item.insertText === 'string' ? item.insertText : item.insertText!.value);
      for (const extra of item.additionalTextEdits ?? []) e.replace(extra.range, extra.newText);
    });
    assert.match(doc.getText(), /A fine motor and handwriting programme devised by an Occupational Therapist/);
    assert.match(doc.getText(), /\n {4}evidence: \[ot#OT1\]\n/);
    // The recommendation is now used: its information finding goes away.
    await until('OT1 to count as used', () => !unusedOt1(uri));
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('goes to a paragraph of a Word report as read-only extracted text', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'advice-e2e.ehcp.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.includes('ot#1.2'))!;
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('ot#1.2') + 4);
    const targets = await until('a definition', async () => {
      const t = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
      return t.length > 0 ? t : undefined;
    });
    const target = targets[0]!;
    const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
    const targetLine = 'targetRange' in target ? target.targetRange.start.line : target.range.start.line;
    assert.equal(targetUri.scheme, 'ehcp-advice');
    const extracted = await vscode.workspace.openTextDocument(targetUri);
    assert.match(extracted.lineAt(0).text, /^Extracted text of kai-ot-2026-05\.docx \(read-only/);
    assert.match(extracted.lineAt(targetLine).text, /^1\.2 Kai's hands ache after about 5 minutes of writing/);
  });
});
