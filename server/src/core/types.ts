/**
 * Plain data shared by the core, the CLI and the language server.
 * Positions are 0-based and LSP-shaped; `character` counts UTF-16 code units.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix is data: edits on the smallest node range, never a re-stringified document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when the edit leaves placeholders (`__`) for the writer to fill in. */
  isTemplate?: boolean;
  /** A command the editor runs after applying the edits (the reply log records an accepted change). */
  command?: FixCommand;
}

/** An editor command as data: its id and JSON arguments. */
export interface FixCommand {
  title: string;
  command: string;
  arguments?: unknown[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}

/** A span inside a string value, as offsets into that (already unfolded) string. */
export interface Span {
  start: number;
  end: number;
}
