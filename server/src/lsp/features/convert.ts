/** Core data → LSP types, shared by the feature handlers. */
import {
  CompletionItemKind,
  DiagnosticSeverity,
  SymbolKind,
  type ClientCapabilities,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver/node';
import type { CompletionKind } from '../../core/completion';
import type { SymbolKind as CoreSymbolKind } from '../../core/navigation';
import type { Finding, Severity } from '../../core/types';
import type { ServerContext } from '../context';

export function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

export const completionKind: Record<CompletionKind, CompletionItemKind> = {
  id: CompletionItemKind.Reference,
  reference: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  role: CompletionItemKind.Text,
};

export const symbolKind: Record<CoreSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  child: SymbolKind.Object,
  plan: SymbolKind.Object,
  field: SymbolKind.Field,
  need: SymbolKind.Interface,
  outcome: SymbolKind.Event,
  provision: SymbolKind.Method,
  advice: SymbolKind.File,
};

const severity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as the diagnostic the server publishes for it (for code actions that need to name it). */
export function toDiagnostic(context: ServerContext, finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: severity[finding.severity],
    code: finding.rule,
    codeDescription: { href: context.ruleDocUri(finding.rule) },
    source: 'ehcp',
    message: finding.message,
    ...(finding.fixes && finding.fixes.length > 0 ? { data: finding.fixes } : {}),
  };
}

/** The client's capabilities when the server shared them; undefined means "assume VS Code". */
export function capabilitiesOf(context: ServerContext): ClientCapabilities | undefined {
  return context.clientCapabilities?.();
}
