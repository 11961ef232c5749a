/**
 * Plain data for advice reports (Section K): what a reader of a .docx, .pdf, .md or .txt report
 * sees, as headings and labelled paragraphs. Shared by the readers, the rules, the editor features
 * and `ehcp advice`.
 */

export type AdviceFormat = 'docx' | 'pdf' | 'md' | 'txt';

/** One line of a report before its labels and structure are worked out (what a reader produced). */
export interface RawBlock {
  kind: 'heading' | 'paragraph' | 'bullet' | 'row';
  text: string;
  /** Heading level, 1 = top, when the format says so (Word outline level, Markdown #). */
  level?: number;
  /** The label Word's automatic numbering gives the paragraph ("3.2", "R4", "a)"), as rendered. */
  numbering?: string;
  /** What separates the numbering from the text: a tab, a space or nothing. */
  suffix?: string;
  /** Table rows: the text of each cell. `header` marks a row that repeats as the table's header. */
  cells?: string[];
  header?: boolean;
  /** The first row of a table. */
  tableStart?: boolean;
  /** 0-based line in the source file, for Markdown and text (their extracted text is the file). */
  line?: number;
  /** 0-based last line in the source file, when the block spans several. */
  endLine?: number;
}

/** One heading, numbered paragraph or recommendation, as the professional wrote it. */
export interface AdviceBlock {
  kind: 'heading' | 'paragraph' | 'recommendation';
  /** The label as a reader sees it, without trailing punctuation: "3.2", "R4", "Recommendation 5". */
  label?: string;
  /** True when the report gave no label and the reader made one up (heading path and ordinal). */
  madeUp?: boolean;
  /** True when the label came from Word's automatic numbering. */
  automatic?: boolean;
  /** The number exactly as Word renders it ("3.2.", "R4", "(a)"), for automatic numbering. */
  number?: string;
  /** The headings this block sits under, outermost first (label and text, e.g. "4. Recommendations"). */
  headings: string[];
  /** The text without its label. */
  text: string;
  /** True for paragraphs that describe the child's needs (under a needs-like heading). */
  needsLike?: boolean;
  /** Start and end offsets, and 0-based line, of the block in {@link AdviceDocument.text}. */
  offset: number;
  end: number;
  line: number;
}

/** A report read into blocks. `text` is the extracted text the offsets point into. */
export interface AdviceDocument {
  format: AdviceFormat;
  text: string;
  blocks: AdviceBlock[];
  /** Notes for the writer about what was left out ("3 pages had no text"). */
  notes: string[];
}

export type UnreadableReason = 'corrupt' | 'encrypted' | 'too-large' | 'unsupported' | 'no-text';

/** Why a report could not be read, as one plain line for the writer. */
export class AdviceReadError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
  ) {
    super(message);
    this.name = 'AdviceReadError';
  }
}

/** The outcome of reading one advice file. */
export type AdviceResult =
  | { ok: true; doc: AdviceDocument; path: string; ms: number }
  | { ok: false; reason: UnreadableReason | 'missing'; message: string; path: string };

/** Limits that keep a hostile file from taking memory or time. */
export interface ReadLimits {
  /** Largest file read at all, in bytes. */
  maxFileBytes: number;
  /** Largest total of inflated bytes taken from a .docx. */
  maxInflatedBytes: number;
  /** Most pages read from a PDF. */
  maxPdfPages: number;
  /** Longest time spent in a PDF, in milliseconds. */
  maxPdfMs: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxInflatedBytes: 40 * 1024 * 1024,
  maxPdfPages: 200,
  maxPdfMs: 8000,
};
