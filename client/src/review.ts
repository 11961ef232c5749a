/**
 * "EHCP: Compare with a previous version (what changed for the child)": the semantic diff of
 * the open plan (unsaved edits included) against HEAD or a chosen commit, from the language
 * server, in a webview; reductions first, each item a link back into the plan. VS Code's own
 * Git diff ignores textconv, so this is the readable view of a change.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const COMPARE_COMMAND = 'ehcp.compareWithPrevious';

type CompareResult = { ok: true; html: string; markdown: string; rev: string; commit: string; report: unknown } | { ok: false; message: string };

interface CompareArgs {
  /** A revision: skips the choice (for keybindings and tests). */
  rev?: string;
  uri?: vscode.Uri;
}

let panel: vscode.WebviewPanel | undefined;
let target: vscode.Uri | undefined;

export function registerReview(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_COMMAND, async (arg?: CompareArgs | vscode.Uri) => {
      const args: CompareArgs = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
      const editor = vscode.window.activeTextEditor;
      const uri = args.uri ?? (editor?.document.languageId === 'ehcp' ? editor.document.uri : undefined);
      if (!uri) {
        void vscode.window.showInformationMessage('EHCP: open a plan (*.ehcp.yaml) first, then compare it with a previous version.');
        return undefined;
      }
      const protocolUri = client.code2ProtocolConverter.asUri(uri);
      const rev = args.rev ?? (await chooseRevision(client, protocolUri));
      if (rev === undefined) return undefined;
      const result = await client.sendRequest<CompareResult>('ehcp/compare', { uri: protocolUri, rev });
      if (!result.ok) {
        void vscode.window.showWarningMessage(`EHCP: ${result.message}`);
        return result;
      }
      show(uri, result);
      return result;
    }),
  );
}

async function chooseRevision(client: LanguageClient, uri: string): Promise<string | undefined> {
  const history = await client.sendRequest<{ commit: string; date: string; subject: string }[]>('ehcp/history', { uri }).catch(() => []);
  type Item = vscode.QuickPickItem & { rev?: string };
  const items: Item[] = [
    { label: 'HEAD', description: 'the last commit', rev: 'HEAD' },
    ...history.map((h) => ({ label: h.commit.slice(0, 7), description: h.date, detail: h.subject, rev: h.commit })),
    { label: 'Another revision…', description: 'a branch, tag or commit' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Compare this plan with which version?', placeHolder: 'Choose a commit' });
  if (!picked) return undefined;
  if (picked.rev) return picked.rev;
  return vscode.window.showInputBox({ title: 'Compare with a revision', prompt: 'A branch, tag or commit, for example main or HEAD~2', validateInput: (v) => (v.trim() === '' ? 'Type a revision' : undefined) });
}

function show(uri: vscode.Uri, result: Extract<CompareResult, { ok: true }>): void {
  target = uri;
  const title = `What changed: ${path.basename(uri.path)}`;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('ehcp.compare', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (message: { line?: unknown }) => {
      const line = typeof message?.line === 'number' ? message.line - 1 : undefined;
      if (line === undefined || !target) return;
      const doc = await vscode.workspace.openTextDocument(target);
      const range = new vscode.Range(line, 0, line, 0);
      await vscode.window.showTextDocument(doc, { selection: range, viewColumn: vscode.ViewColumn.One });
    });
  }
  panel.title = title;
  panel.webview.html = page(result.html, panel.webview.cspSource);
  panel.reveal(vscode.ViewColumn.Beside, true);
}

function page(body: string, cspSource: string): string {
  const nonce = Array.from({ length: 24 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 62)]).join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.5; }
  h1 { font-size: 1.4em; font-weight: 600; }
  h2 { font-size: 1.1em; margin-top: 1.4em; }
  section.reduction h2 { color: var(--vscode-errorForeground); }
  section.increase h2 { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
  ul { padding-left: 1.2em; }
  li { margin: 0.5em 0; }
  li.reduction { border-left: 3px solid var(--vscode-errorForeground); padding-left: 0.6em; list-style: none; margin-left: -1.2em; }
  a.item, span.item { font-weight: 600; }
  a.item { color: var(--vscode-textLink-foreground); text-decoration: none; }
  a.item:hover { text-decoration: underline; }
  .words { margin-top: 0.3em; padding: 0.4em 0.6em; background: var(--vscode-textBlockQuote-background); border-radius: 3px; }
  del { background: var(--vscode-diffEditor-removedTextBackground, rgba(255,0,0,.2)); text-decoration: line-through; }
  ins { background: var(--vscode-diffEditor-insertedTextBackground, rgba(0,255,0,.2)); text-decoration: none; }
  .note { opacity: 0.8; font-size: 0.9em; }
  .summary { font-size: 1.05em; }
</style>
</head>
<body>
${body}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a[data-line]');
    if (!a) return;
    event.preventDefault();
    vscode.postMessage({ line: Number(a.dataset.line) });
  });
</script>
</body>
</html>`;
}
