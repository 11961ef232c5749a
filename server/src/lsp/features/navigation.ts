import {
  LSPErrorCodes,
  ResponseError,
  type DocumentSymbol,
  type Location,
  type LocationLink,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import {
  getDefinition,
  getDocumentSymbols,
  getFoldingRanges,
  getReferences,
  getRenameEdits,
  getWorkspaceSymbols,
  prepareRename,
  type DocumentSymbol as CoreSymbol,
} from '../../core/navigation';
import type { ServerContext } from '../context';
import { adviceDefinition } from './advice';
import { capabilitiesOf, symbolKind } from './convert';

/** Definition, references, rename, outline, workspace symbols and folding. */
export function registerNavigation(context: ServerContext): void {
  const { connection } = context;

  connection.onDefinition((params): Location[] | LocationLink[] | null => {
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    const links = capabilitiesOf(context)?.textDocument?.definition?.linkSupport ?? false;
    const inAdvice = adviceDefinition(context, uri, params.position, links);
    if (inAdvice) return inAdvice;
    const targets = getDefinition(parsed, params.position);
    if (targets.length === 0) return null;
    if (links) return targets.map((t) => ({ originSelectionRange: t.originRange, targetUri: uri, targetRange: t.targetRange, targetSelectionRange: t.targetSelectionRange }));
    return targets.map((t) => ({ uri, range: t.targetSelectionRange }));
  });

  connection.onReferences((params): Location[] | null => {
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    return getReferences(parsed, params.position, params.context.includeDeclaration).map((range) => ({ uri, range }));
  });

  connection.onPrepareRename((params) => {
    const parsed = context.getParsed(params.textDocument.uri);
    if (!parsed) return null;
    const result = prepareRename(parsed, params.position);
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return result;
  });

  connection.onRenameRequest((params) => {
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    const result = getRenameEdits(parsed, params.position, params.newName);
    if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
    return { changes: { [uri]: result.edits } };
  });

  connection.onDocumentSymbol((params): DocumentSymbol[] | SymbolInformation[] | null => {
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    const symbols = getDocumentSymbols(parsed);
    const hierarchical = capabilitiesOf(context)?.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ?? true;
    if (hierarchical) return symbols.map(toDocumentSymbol);
    const flat: SymbolInformation[] = [];
    const walk = (s: CoreSymbol, container?: string) => {
      flat.push({ name: s.name, kind: symbolKind[s.kind], location: { uri, range: s.range }, containerName: container });
      for (const c of s.children) walk(c, s.name);
    };
    symbols.forEach((s) => walk(s));
    return flat;
  });

  connection.onWorkspaceSymbol((params): SymbolInformation[] => {
    return getWorkspaceSymbols(context.workspacePlans(), params.query).map((s) => ({
      name: s.name,
      kind: symbolKind[s.kind],
      location: { uri: s.uri, range: s.range },
      containerName: s.containerName,
    }));
  });

  connection.onFoldingRanges((params) => {
    const parsed = context.getParsed(params.textDocument.uri);
    if (!parsed) return null;
    return getFoldingRanges(parsed).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: r.kind } : {}) }));
  });
}

function toDocumentSymbol(s: CoreSymbol): DocumentSymbol {
  return { name: s.name, detail: s.detail, kind: symbolKind[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}
