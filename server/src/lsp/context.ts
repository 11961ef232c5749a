/**
 * What the LSP feature handlers get from the server wiring. Handlers only fetch the document,
 * call the pure core and convert the result to LSP types.
 */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleConfig } from '../core/config';
import type { ParsedPlan } from '../core/parse';
import type { Finding } from '../core/types';
import type { AdviceService } from './advice-service';

export interface ServerSettings {
  rules: Record<string, 'off' | 'error' | 'warning' | 'information' | 'hint'>;
  extraVaguePhrases: string[];
  inlayHints: { enabled: boolean };
  workspaceDiagnostics: { enabled: boolean };
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The parsed plan for an open document or a workspace plan on disk, cached by uri + version. */
  getParsed(uri: string): ParsedPlan | undefined;
  /** The findings for a plan (cached with the parse), with the effective configuration applied. */
  getFindings(uri: string): Finding[];
  /** The effective rule configuration for a plan: its `.ehcprc.yaml`, then the editor settings on top. */
  getConfig(uri: string): RuleConfig;
  settings(): ServerSettings;
  /** Every plan known: open documents and, when enabled, the plans in the workspace folders. */
  workspacePlans(): Iterable<{ uri: string; parsed: ParsedPlan }>;
  /** A link to a rule's documentation. */
  ruleDocUri(ruleId: string): string;
  /**
   * What the client said it supports in `initialize` (snippets, location links, hierarchical
   * symbols). Optional: without it the feature handlers assume a client like VS Code.
   */
  clientCapabilities?(): ClientCapabilities | undefined;
  /** The advice reports the plans name, read off the typing path. Optional: without it there are no advice features. */
  advice?: AdviceService;
}
