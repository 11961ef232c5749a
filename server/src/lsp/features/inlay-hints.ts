import type { InlayHint } from 'vscode-languageserver/node';
import { getInlayHints } from '../../core/inlay-hints';
import type { ServerContext } from '../context';
import { markdown } from './convert';

/** textDocument/inlayHint: what each provision text says, after it. Off when the setting is off. */
export function registerInlayHints(context: ServerContext): void {
  context.connection.languages.inlayHint.on((params): InlayHint[] => {
    if (!context.settings().inlayHints.enabled) return [];
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return [];
    return getInlayHints(parsed, params.range, { config: context.getConfig(uri) }).map((hint) => ({
      position: hint.position,
      label: hint.label,
      paddingLeft: true,
      tooltip: hint.tooltip ? markdown(hint.tooltip) : undefined,
    }));
  });
}
