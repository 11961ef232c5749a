/**
 * Re-parsing a long plan on every keystroke is bounded by the YAML parser (about 35 ms for 3,000
 * lines). A plan's text is a handful of top-level blocks and, in `needs`, `outcomes`, `provision`
 * and `advice`, a list of items; a keystroke changes one of them. This parser splits the text into
 * those chunks (./chunks), parses only the chunks whose text changed, moves the nodes of the others
 * to their new offsets, and assembles one document, so the rest of the core sees exactly what
 * parsePlan gives. A chunk with a YAML error (a half-typed line, an unclosed quote or bracket) is
 * read alone and its errors reported, as parsePlan reads it.
 *
 * It takes the safe road whenever the text is not simple block YAML: anything the splitter does
 * not recognise (document markers, directives, anchors or aliases, flow or unusual top-level lines,
 * duplicate top-level keys, a chunk that does not read as one item or one field) goes to parsePlan.
 * One instance per open document: its cache holds that document's nodes.
 */
import { assembleChunks, parseChunk, shiftChunk, splitBlocks, type Chunk, type ParsedChunk } from './chunks';
import { MAX_PLAN_BYTES, parsedFromDocument, parsePlan, type ParsedPlan } from './parse';
import { LineIndex } from './positions';

export { splitBlocks } from './chunks';

/** Below this size the full parse is already instant; the incremental path is for long plans. */
export const INCREMENTAL_MIN_LENGTH = 24 * 1024;

export class IncrementalParser {
  /** Parsed chunks by their text; a chunk that appears twice has two entries. */
  private cache = new Map<string, ParsedChunk[]>();
  /** How the last text was read: chunk by chunk, or by the full parser. */
  lastPath: 'incremental' | 'full' = 'full';

  constructor(private readonly minLength = INCREMENTAL_MIN_LENGTH) {}

  parse(text: string): ParsedPlan {
    this.lastPath = 'full';
    // Small plans parse fast anyway; huge ones are refused by parsePlan with one clear finding.
    if (text.length < this.minLength || text.length > MAX_PLAN_BYTES) return parsePlan(text);
    const blocks = splitBlocks(text);
    if (!blocks) return parsePlan(text);
    const previous = this.cache;
    const next = new Map<string, ParsedChunk[]>();
    const taken = new Map<string, number>();
    const read = (chunk: Chunk, item: boolean): ParsedChunk => {
      const n = taken.get(chunk.text) ?? 0;
      const reused = previous.get(chunk.text)?.[n];
      if (reused) taken.set(chunk.text, n + 1);
      const parsed = reused ? shiftChunk(reused, chunk.start) : parseChunk(chunk, item);
      const list = next.get(chunk.text);
      if (list) list.push(parsed);
      else next.set(chunk.text, [parsed]);
      return parsed;
    };
    const assembled = assembleChunks(blocks, read);
    // The cache is kept when parsePlan is needed, so the keystroke that mends the text re-parses
    // only what changed since the last chunked read.
    if (!assembled) return parsePlan(text);
    this.cache = next;
    this.lastPath = 'incremental';
    return parsedFromDocument(text, new LineIndex(text), assembled.doc, assembled.errors);
  }
}
