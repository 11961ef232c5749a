import { CompletionTriggerKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { getCompletions } from '../../core/completion';
import type { ServerContext } from '../context';
import { adviceCompletions } from './advice';
import { capabilitiesOf, completionKind, markdown } from './convert';

export const completionTriggerCharacters = [' ', '[', ',', '#'];

/** textDocument/completion: the core's completions as text edits with absolute indentation. */
export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion((params): CompletionList | null => {
    const parsed = context.getParsed(params.textDocument.uri);
    if (!parsed) return null;
    const triggerCharacter = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
    const snippets = capabilitiesOf(context)?.textDocument?.completion?.completionItem?.snippetSupport ?? true;
    const items = getCompletions(parsed, params.position, { triggerCharacter }).map((item): CompletionItem => {
      const newText = item.isSnippet && !snippets ? plainText(item.insertText) : item.insertText;
      return {
        label: item.label,
        kind: completionKind[item.kind],
        detail: item.detail,
        ...(item.description ? { labelDetails: { description: item.description } } : {}),
        documentation: item.documentation ? markdown(item.documentation) : undefined,
        textEdit: { range: item.range, newText },
        insertTextFormat: item.isSnippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
        sortText: item.sortText,
        filterText: item.filterText,
        preselect: item.preselect || undefined,
        command: item.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
      };
    });
    // Recommendations from the advice (provision text) and needs paragraphs (need text), first.
    return { isIncomplete: false, items: [...adviceCompletions(context, params.textDocument.uri, params.position, triggerCharacter), ...items] };
  });
}

/** A snippet as plain text for clients without snippet support: defaults kept, tab stops dropped. */
export function plainText(snippet: string): string {
  let out = snippet;
  for (let i = 0; i < 5; i++) {
    out = out
      .replace(/\$\{\d+:((?:[^{}\\]|\\.)*)\}/g, '$1')
      .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+\}/g, '')
      .replace(/\$\d+/g, '');
  }
  return out.replace(/\\([$}\\,|])/g, '$1');
}
