/**
 * The editor features of the language server, each a thin handler over the pure core:
 * completion, hover, inlay hints, navigation (definition, references, rename, outline, workspace
 * symbols, folding), CodeLens and quick fixes. server.ts merges `capabilities` into its
 * initialize result and calls `registerFeatures` once.
 */
import { CodeActionKind, type ServerCapabilities } from 'vscode-languageserver/node';
import { LIST_LINKED_COMMAND } from '../../core/codelens';
import type { ServerContext } from '../context';
import { registerAdviceRequests } from './advice';
import { registerCodeActions } from './code-actions';
import { listLinked, registerCodeLens } from './codelens';
import { completionTriggerCharacters, registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerInlayHints } from './inlay-hints';
import { registerNavigation } from './navigation';

/** Server-side commands, answered with workspace/executeCommand. */
export const featureCommands = [LIST_LINKED_COMMAND];

export const capabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: completionTriggerCharacters, resolveProvider: false, completionItem: { labelDetailsSupport: true } },
  hoverProvider: true,
  inlayHintProvider: { resolveProvider: false },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'EHC plan' },
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: false },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
  executeCommandProvider: { commands: featureCommands },
};

/**
 * Registers every feature handler. `executeCommand` is registered here for `ehcp.listLinked`;
 * a server that has commands of its own should pass them to `executeFeatureCommand` instead of
 * registering a second onExecuteCommand handler (a connection keeps only the last one).
 */
export function registerFeatures(context: ServerContext, options: { executeCommand?: boolean } = {}): void {
  registerCompletion(context);
  registerHover(context);
  registerInlayHints(context);
  registerNavigation(context);
  registerCodeLens(context);
  registerCodeActions(context);
  registerAdviceRequests(context);
  if (options.executeCommand !== false) {
    context.connection.onExecuteCommand((params) => executeFeatureCommand(context, params.command, params.arguments));
  }
}

/** Runs one of {@link featureCommands}; undefined for a command that is not a feature's. */
export function executeFeatureCommand(context: ServerContext, command: string, args: unknown[] | undefined): unknown {
  if (command === LIST_LINKED_COMMAND) return listLinked(context, args);
  return undefined;
}
