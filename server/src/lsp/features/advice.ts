/**
 * Advice in the editor: hover and go to definition on evidence references, completions of
 * recommendations and needs paragraphs, a lens on each advice entry, and `ehcp/adviceText` (the
 * extracted text of a Word or PDF report, for the client's read-only view). Thin handlers over
 * server/src/advice/features.ts; the core's own handlers call these first.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CodeLens, type CompletionItem, type Hover, type Location, type LocationLink, type Position } from 'vscode-languageserver/node';
import { getAdviceCompletions, getAdviceDefinition, getAdviceHover, getAdviceLenses } from '../../advice/features';
import { toUri } from '../plans';
import { EXTRACTED_HEADER_LINES, EXTRACTED_SCHEME } from '../advice-service';
import type { ServerContext } from '../context';

export function adviceHover(context: ServerContext, uri: string, position: Position): Hover | null {
  const parsed = context.getParsed(uri);
  if (!parsed || !context.advice) return null;
  const hover = getAdviceHover(parsed, position, context.advice.lookupFor(uri));
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
}

/** The paragraph an evidence reference names: Markdown and text files directly, Word and PDF as extracted text. */
export function adviceDefinition(context: ServerContext, uri: string, position: Position, links: boolean): Location[] | LocationLink[] | null {
  const parsed = context.getParsed(uri);
  if (!parsed || !context.advice) return null;
  const target = getAdviceDefinition(parsed, position, context.advice.lookupFor(uri));
  if (!target) return null;
  const path = context.advice.pathOf(uri, target.entry);
  if (!path) return null;
  const extracted = target.format === 'docx' || target.format === 'pdf';
  const targetUri = extracted ? extractedUri(path) : toUri(path);
  const shift = extracted ? EXTRACTED_HEADER_LINES : 0;
  const range = { start: { line: target.line + shift, character: 0 }, end: { line: target.endLine + shift, character: 0 } };
  if (links) return [{ originSelectionRange: target.originRange, targetUri, targetRange: range, targetSelectionRange: { start: range.start, end: range.start } }];
  return [{ uri: targetUri, range: { start: range.start, end: range.start } }];
}

/** `ehcp-advice:/abs/path/report.docx`: the read-only extracted-text view of a report. */
export function extractedUri(path: string): string {
  return `${EXTRACTED_SCHEME}:${toUri(path).slice('file://'.length)}`;
}

export function adviceCompletions(context: ServerContext, uri: string, position: Position, triggerCharacter?: string): CompletionItem[] {
  const parsed = context.getParsed(uri);
  if (!parsed || !context.advice) return [];
  return getAdviceCompletions(parsed, position, context.advice.lookupFor(uri), { triggerCharacter }).map((c) => ({
    label: c.label,
    kind: CompletionItemKind.Reference,
    detail: c.detail,
    documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    filterText: c.filterText,
    sortText: `0${c.sortText}`,
    textEdit: c.edit,
    additionalTextEdits: c.additionalEdits,
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}

export function adviceLenses(context: ServerContext, uri: string): CodeLens[] {
  const parsed = context.getParsed(uri);
  if (!parsed || !context.advice) return [];
  return getAdviceLenses(parsed, context.advice.lookupFor(uri)).map((lens) => ({ range: lens.range, command: { title: lens.title, command: '' } }));
}

/** `ehcp/adviceText` { uri: 'ehcp-advice:/…' } → the extracted text of that report. */
export function registerAdviceRequests(context: ServerContext): void {
  context.connection.onRequest('ehcp/adviceText', async (params: { uri?: string }) => {
    if (!context.advice || typeof params?.uri !== 'string' || !params.uri.startsWith(`${EXTRACTED_SCHEME}:`)) return null;
    const path = decodeURIComponent(params.uri.slice(EXTRACTED_SCHEME.length + 1).replace(/[?#].*$/, ''));
    // Only reports some known plan names can be opened this way.
    const known = [...context.workspacePlans()].some(({ uri, parsed }) => context.advice!.names(uri, parsed, path));
    if (!known) return null;
    return context.advice.extractedText(path);
  });
}
