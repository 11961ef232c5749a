import type { CodeLens, Location, Position } from 'vscode-languageserver/node';
import { getCodeLenses, getLinkedRanges, LIST_LINKED_COMMAND } from '../../core/codelens';
import type { ServerContext } from '../context';
import { adviceLenses } from './advice';

/**
 * A lens above each need ("2 outcomes · 3 provision items"). Its command is `ehcp.listLinked`
 * with arguments [uri, needId, position, locations]: a client can show the locations directly
 * (VS Code: editor.action.showReferences after converting them), or ask the server for them with
 * workspace/executeCommand `ehcp.listLinked` [uri, needId], which returns Location[].
 */
export function registerCodeLens(context: ServerContext): void {
  context.connection.onCodeLens((params): CodeLens[] | null => {
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    return [...adviceLenses(context, uri), ...getCodeLenses(parsed).map((lens) => ({
      range: lens.range,
      command: {
        title: lens.title,
        command: LIST_LINKED_COMMAND,
        arguments: [uri, lens.needId, lens.position satisfies Position, lens.targets.map((range): Location => ({ uri, range }))],
      },
    }))];
  });
}

/** workspace/executeCommand `ehcp.listLinked` [uri, needId] → the linked outcomes and provision. */
export function listLinked(context: ServerContext, args: unknown[] | undefined): Location[] {
  const [uri, needId] = args ?? [];
  if (typeof uri !== 'string' || typeof needId !== 'string') return [];
  const parsed = context.getParsed(uri);
  if (!parsed) return [];
  return getLinkedRanges(parsed, needId).map((range) => ({ uri, range }));
}
