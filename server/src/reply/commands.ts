/**
 * The reply's command and request names and argument shapes, shared by the language server and
 * the VS Code client. No imports: the client bundles this file alone.
 */

/** Server command: records decisions in the reply log. Arguments: one RecordArgs. */
export const RECORD_COMMAND = 'ehcp.reply.record';
/** Client command: asks the writer for a reason (or an answer), then runs RECORD_COMMAND. Arguments: one RecordArgs without the reason. */
export const DECIDE_COMMAND = 'ehcp.reply.decide';
/** Request: read a returned file (ImportParams) → ImportResult. */
export const IMPORT_REQUEST = 'ehcp/reply/import';
/** Request: forget the imported reply of a plan ({ planUri }) → boolean. */
export const CLEAR_REQUEST = 'ehcp/reply/clear';

export type Decision = 'accepted' | 'declined' | 'noted';

export interface RecordArgs {
  planUri: string;
  keys: string[];
  decision: Decision;
  item?: string;
  reason?: string;
}

export interface ImportParams {
  fileName: string;
  /** The returned file's bytes, base64. */
  data: string;
  /** The plan to compare with; when absent the server finds it from the document. */
  planUri?: string;
  /** For an encrypted file; used once, never stored or logged. */
  password?: string;
}

export type ImportResult =
  | { status: 'ok'; planUri: string; comments: number; changes: number; untied: number; conflicts: number; otherChild?: { document: string; plan: string }; planUnchanged?: boolean }
  | { status: 'needs-password' }
  | { status: 'wrong-password'; message: string }
  | { status: 'choose-plan'; planPath?: string; candidates: string[] }
  | { status: 'error'; message: string };
