/**
 * The VS Code extension: starts the EHCP language server and adds a status bar item and two
 * commands. No domain logic lives here; everything the writer sees comes from the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerExport } from './export';
import { registerReply } from './reply';
import { registerReview } from './review';
import { registerAdvice } from './advice';

let client: LanguageClient | undefined;

const PLAN_SELECTOR = [
  { language: 'ehcp', scheme: 'file' },
  { language: 'ehcp', scheme: 'untitled' },
  { language: 'ehcp', scheme: 'vscode-remote' },
] satisfies LanguageClientOptions['documentSelector'];

/** What the extension gives other extensions and tests: the client, and how long activation took. */
export interface EhcpApi {
  client: LanguageClient;
  /** From activate() being called to the language server answering initialize. */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<EhcpApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('EHCP Plan Writer', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: PLAN_SELECTOR,
    outputChannel: output,
    synchronize: { configurationSection: 'ehcp' },
    middleware: {
      // The server's need lenses name `ehcp.listLinked`; show the linked items in the references peek.
      async provideCodeLenses(document, token, next) {
        const lenses = (await next(document, token)) ?? [];
        for (const lens of lenses) {
          const command = lens.command;
          if (command?.command !== 'ehcp.listLinked' || !client) continue;
          const [, , position, locations] = (command.arguments ?? []) as [string, string, unknown, unknown[]];
          const converter = client.protocol2CodeConverter;
          lens.command = {
            title: command.title,
            command: 'editor.action.showReferences',
            arguments: [document.uri, converter.asPosition(position as never), (locations as never[]).map((l) => converter.asLocation(l))],
          };
        }
        return lenses;
      },
    },
  };

  client = new LanguageClient('ehcp', 'EHCP Plan Writer', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.name = 'EHCP plan problems';
  status.command = 'workbench.actions.view.problems';
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'ehcp') {
      status.hide();
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'ehcp');
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    status.text = `$(error) ${errors} $(warning) ${warnings}`;
    status.tooltip = errors + warnings === 0 ? 'EHCP: no problems in this plan' : `EHCP: ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in this plan`;
    status.show();
  };

  context.subscriptions.push(
    output,
    status,
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.commands.registerCommand('ehcp.checkWorkspace', async () => {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'EHCP: checking all plans in the workspace' },
        () => client!.sendRequest<{ plans: number; errors: number; warnings: number }>('ehcp/checkWorkspace', {}),
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(`EHCP: ${plural(result.plans, 'plan')} checked: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}.`);
      return result;
    }),
    vscode.commands.registerCommand('ehcp.showOutput', () => output.show(true)),
  );

  registerExport(context);
  registerReply(context, client);
  registerReview(context, client);
  registerAdvice(context, client);

  await client.start();
  updateStatus();
  const activationMs = Date.now() - started;
  output.info(`Activated in ${activationMs} ms.`);
  return { client, activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
