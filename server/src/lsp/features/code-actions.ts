import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { getCodeActions, isFix, type CodeAction as CoreAction } from '../../core/code-actions';
import type { Finding } from '../../core/types';
import type { ServerContext } from '../context';
import { toDiagnostic } from './convert';

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * textDocument/codeAction: quick fixes from the findings under the cursor. The fixes are taken
 * from the current findings (so they match the document's version); a diagnostic the client sends
 * with fixes in `data` that the current findings no longer hold is still offered from its data.
 */
export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params): CodeAction[] | null => {
    const only = params.context.only;
    if (only && !only.some((k) => k === '' || k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
    const uri = params.textDocument.uri;
    const parsed = context.getParsed(uri);
    if (!parsed) return null;
    const findings = context.getFindings(uri);
    const sent = params.context.diagnostics;
    const matches = (d: Diagnostic, f: Finding) => d.code === f.rule && sameRange(d.range, f.range);

    // Diagnostics whose fixes only the client still has (for example computed under other settings).
    const extra: Finding[] = [];
    for (const d of sent) {
      if (typeof d.code !== 'string' || !Array.isArray(d.data) || findings.some((f) => matches(d, f))) continue;
      const fixes = d.data.filter(isFix);
      if (fixes.length > 0) extra.push({ rule: d.code, severity: 'warning', message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range, fixes });
    }

    const toLsp = (a: CoreAction): CodeAction => {
      const diagnostic = sent.find((d) => matches(d, a.finding)) ?? toDiagnostic(context, a.finding);
      const action: CodeAction = { title: a.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: a.isPreferred || undefined, edit: { changes: { [uri]: a.edits } } };
      if (a.command) action.command = { title: a.command.title, command: a.command.command, arguments: a.command.arguments };
      if (a.edits.length === 0) delete action.edit;
      return action;
    };
    return getCodeActions(parsed, params.range, [...findings, ...extra]).map(toLsp);
  });
}
