/**
 * Re-parsing a long plan on every keystroke is bounded by the YAML parser (about 35 ms for 3,000
 * lines). A plan's text is a handful of top-level blocks and, in `needs`, `outcomes`, `provision`
 * and `advice`, a list of items; a keystroke changes one of them. This parser splits the text into
 * those chunks, parses only the chunks whose text changed, moves the nodes of the others to their
 * new offsets, and assembles one document, so the rest of the core sees exactly what parsePlan gives.
 *
 * It takes the safe road whenever the text is not simple block YAML: anything it does not
 * recognise (document markers, directives, anchors or aliases, flow or unusual top-level lines,
 * duplicate top-level keys, a chunk with a YAML error) goes to the full parser, which reports errors.
 * One instance per open document: its cache holds that document's nodes.
 */
import { Document, isMap, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { MAX_PLAN_BYTES, parsedFromDocument, parsePlan, type ParsedPlan } from './parse';
import { LineIndex } from './positions';

/** Below this size the full parse is already instant; the incremental path is for long plans. */
export const INCREMENTAL_MIN_LENGTH = 24 * 1024;

const LIST_KEYS = new Set(['needs', 'outcomes', 'provision', 'advice']);

interface Chunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  text: string;
}

interface Block {
  key: string;
  keyStart: number;
  /** A whole top-level block (`child: …`), parsed as one chunk … */
  whole?: Chunk;
  /** … or a list block: its items, each parsed as one chunk. */
  items?: Chunk[];
}

interface Parsed {
  start: number;
  doc: Document.Parsed;
}

export class IncrementalParser {
  private cache = new Map<string, Parsed[]>();
  /** How the last text was read: chunk by chunk, or by the full parser. */
  lastPath: 'incremental' | 'full' = 'full';

  constructor(private readonly minLength = INCREMENTAL_MIN_LENGTH) {}

  parse(text: string): ParsedPlan {
    this.lastPath = 'full';
    // Small plans parse fast anyway; huge ones are refused by parsePlan with one clear finding.
    if (text.length < this.minLength || text.length > MAX_PLAN_BYTES) return parsePlan(text);
    const blocks = splitBlocks(text);
    const assembled = blocks && this.assemble(blocks);
    if (!assembled) {
      this.cache.clear();
      return parsePlan(text);
    }
    this.lastPath = 'incremental';
    return parsedFromDocument(text, new LineIndex(text), assembled);
  }

  private assemble(blocks: Block[]): Document.Parsed | undefined {
    const previous = this.cache;
    this.cache = new Map();
    const chunkNode = (chunk: Chunk): Node | undefined => {
      const reused = previous.get(chunk.text)?.pop();
      const parsed = reused ? shift(reused, chunk.start) : parseChunk(chunk);
      if (!parsed) return undefined;
      this.cache.set(chunk.text, [...(this.cache.get(chunk.text) ?? []), parsed]);
      return parsed.doc.contents as Node;
    };

    const root = new YAMLMap();
    for (const block of blocks) {
      if (block.whole) {
        const map = chunkNode(block.whole);
        if (!isMap(map) || map.items.length !== 1) return undefined;
        root.items.push(map.items[0] as Pair<unknown, unknown>);
        continue;
      }
      const key = new Scalar(block.key);
      key.type = Scalar.PLAIN;
      key.range = [block.keyStart, block.keyStart + block.key.length, block.keyStart + block.key.length];
      const seq = new YAMLSeq();
      let first: YAMLSeq | undefined;
      let last: YAMLSeq | undefined;
      for (const item of block.items!) {
        const part = chunkNode(item);
        if (!isSeq(part) || part.items.length !== 1) return undefined;
        first ??= part;
        last = part;
        seq.items.push(part.items[0]);
      }
      if (!first || !last || !first.range || !last.range) return undefined;
      seq.range = [first.range[0], last.range[1], last.range[2]];
      root.items.push(new Pair(key, seq));
    }
    const doc = new Document() as Document.Parsed;
    doc.contents = root as Document.Parsed['contents'];
    return doc;
  }
}

function parseChunk(chunk: Chunk): Parsed | undefined {
  const doc = parseDocument(chunk.text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) return undefined;
  return shift({ start: 0, doc }, chunk.start);
}

/** Moves every node of a parsed chunk to a new start offset. */
function shift(parsed: Parsed, start: number): Parsed {
  const delta = start - parsed.start;
  if (delta !== 0) {
    visit(parsed.doc, (_key, node) => {
      const n = node as { range?: [number, number, number] | null };
      if (n.range) n.range = [n.range[0] + delta, n.range[1] + delta, n.range[2] + delta];
    });
  }
  parsed.start = start;
  return parsed;
}

/**
 * The plan's top-level blocks and list items, or undefined when the text is anything but plain
 * block YAML this splitter fully understands.
 */
export function splitBlocks(text: string): Block[] | undefined {
  // Anchors, aliases, tags, directives, document markers and tabs are left to the full parser.
  if (/(^|[\s[{,])[&*!][^\s]/.test(text) || /^(---|\.\.\.|%)/m.test(text) || text.includes('\t')) return undefined;
  const blocks: Block[] = [];
  const seen = new Set<string>();
  let current: Block | undefined;
  let dash = -1; // indentation of the items' "- " in the current list block
  let itemStart = -1;
  const finish = (end: number) => {
    if (!current) return;
    if (current.whole) current.whole.text = text.slice(current.whole.start, end);
    else if (itemStart >= 0) current.items!.push({ start: itemStart, text: text.slice(itemStart, end) });
    itemStart = -1;
  };
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(pos, end).replace(/\r?\n$/, '');
    const body = line.trimStart();
    const indent = line.length - body.length;
    const isItem = body.startsWith('- ') || body === '-';
    if (body === '' || body.startsWith('#')) {
      // blank lines and comments belong to whatever they follow
    } else if (indent === 0 && !(current?.items && dash === 0 && isItem)) {
      const m = /^([A-Za-z_][\w-]*) *:( |$)/.exec(line);
      if (!m || seen.has(m[1]!)) return undefined;
      finish(pos);
      const key = m[1]!;
      seen.add(key);
      const bare = /^[A-Za-z_][\w-]* *:( +#.*)? *$/.test(line);
      current = LIST_KEYS.has(key) && bare ? { key, keyStart: pos, items: [] } : { key, keyStart: pos, whole: { start: pos, text: '' } };
      blocks.push(current);
      dash = -1;
    } else if (!current) {
      return undefined;
    } else if (current.items) {
      if (dash === -1) {
        if (!isItem) return undefined;
        dash = indent;
      }
      if (indent === dash && isItem) {
        if (itemStart >= 0) current.items.push({ start: itemStart, text: text.slice(itemStart, pos) });
        itemStart = pos;
      } else if (indent <= dash) {
        return undefined;
      }
    }
    pos = end;
  }
  finish(text.length);
  if (blocks.length === 0 || blocks.some((b) => b.items && b.items.length === 0)) return undefined;
  return blocks;
}
