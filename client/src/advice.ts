/**
 * A read-only view of the text EHCP Plan Writer extracted from a Word or PDF advice report, where
 * go to definition on an evidence reference (`salt#3.2`) lands. The documents use their own scheme
 * (`ehcp-advice:`) and their first line says they are extracted text; the language server supplies
 * the text (it only serves reports that a plan names).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const EXTRACTED_SCHEME = 'ehcp-advice';

export function registerAdvice(context: vscode.ExtensionContext, client: LanguageClient): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const text = await client.sendRequest<string | null>('ehcp/adviceText', { uri: uri.toString() });
      return text ?? `This report is not named by any plan in the workspace, so its text is not shown.\n`;
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, provider),
  );
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{docx,pdf,DOCX,PDF}');
  const refresh = (file: vscode.Uri) => {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === EXTRACTED_SCHEME && doc.uri.path === file.path) changed.fire(doc.uri);
    }
  };
  context.subscriptions.push(watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh));
}
