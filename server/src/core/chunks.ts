/**
 * A plan's text as chunks: its top-level blocks and, in `needs`, `outcomes`, `provision` and
 * `advice`, each list item. Each chunk is parsed alone and the parts assembled into one document.
 * Shared by parsePlan (which reads a plan with a YAML error this way, so that the error stays in
 * its item) and the incremental parser (which re-parses only the chunks a keystroke changed).
 * Pure: yaml only.
 */
import { Document, isMap, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type YAMLError } from 'yaml';

const LIST_KEYS = new Set(['needs', 'outcomes', 'provision', 'advice']);

export interface Chunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  text: string;
}

export interface Block {
  key: string;
  keyStart: number;
  /** A whole top-level block (`child: …`), parsed as one chunk … */
  whole?: Chunk;
  /** … or a list block: its items, each parsed as one chunk. */
  items?: Chunk[];
}

/** One chunk, parsed alone; its nodes and errors carry offsets in the whole text. */
export interface ParsedChunk {
  /** Where the chunk's text starts: in the source parsed, then (after shift) in the plan. */
  start: number;
  doc: Document.Parsed;
  errors: YAMLError[];
}

/** The assembled plan document and the YAML errors of its chunks, in text order. */
export interface Assembled {
  doc: Document.Parsed;
  errors: YAMLError[];
}

/**
 * Item chunks are parsed under a stand-in list key, `x:` on the line before, so that the YAML
 * parser sees each item in the context it has in the plan (a list under a top-level key).
 */
const ITEM_CONTEXT = 'x:\n';

/** Parses one chunk alone, errors and all. */
export function parseChunk(chunk: Chunk, item: boolean): ParsedChunk {
  const source = item ? ITEM_CONTEXT + chunk.text : chunk.text;
  const offset = item ? ITEM_CONTEXT.length : 0;
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  return shiftChunk({ start: offset, doc, errors: doc.errors }, chunk.start);
}

/**
 * One document from the chunks, each read by `read` (parseChunk, or a cache of earlier reads).
 * A chunk with a YAML error is kept with its errors: the error is reported where it is and the
 * rest of the plan is read as written. Undefined when a chunk does not read as exactly one
 * field or one list item (the caller then parses the whole text).
 */
export function assembleChunks(blocks: Block[], read: (chunk: Chunk, item: boolean) => ParsedChunk): Assembled | undefined {
  const errors: YAMLError[] = [];
  const root = new YAMLMap();
  for (const block of blocks) {
    if (block.whole) {
      const parsed = read(block.whole, false);
      const map = parsed.doc.contents;
      if (!isMap(map) || map.items.length !== 1) return undefined;
      errors.push(...parsed.errors);
      root.items.push(map.items[0] as Pair<unknown, unknown>);
      continue;
    }
    const key = new Scalar(block.key);
    key.type = Scalar.PLAIN;
    key.range = [block.keyStart, block.keyStart + block.key.length, block.keyStart + block.key.length];
    const seq = new YAMLSeq();
    // The list runs from the first chunk's dash to the end of the last chunk's item.
    let first: YAMLSeq | undefined;
    let last: YAMLSeq | undefined;
    for (const item of block.items!) {
      const parsed = read(item, true);
      const list = listOf(parsed);
      if (list?.items.length !== 1) return undefined;
      errors.push(...parsed.errors);
      seq.items.push(list.items[0]);
      first ??= list;
      last = list;
    }
    if (!first?.range || !last?.range) return undefined;
    seq.range = [first.range[0], last.range[1], last.range[2]];
    root.items.push(new Pair(key, seq));
  }
  const doc = new Document() as Document.Parsed;
  doc.contents = root as Document.Parsed['contents'];
  return { doc, errors };
}

/** The list of a parsed item chunk, or undefined if it is not one list under the stand-in key. */
function listOf(parsed: ParsedChunk): YAMLSeq | undefined {
  const map = parsed.doc.contents;
  if (!isMap(map) || map.items.length !== 1) return undefined;
  const seq = map.items[0]!.value;
  return isSeq(seq) ? seq : undefined;
}

type Ranged = { range?: [number, number, number] | null };

/** Moves every node (and error) of a parsed chunk to a new start offset. */
export function shiftChunk(parsed: ParsedChunk, start: number): ParsedChunk {
  const delta = start - parsed.start;
  if (delta !== 0) {
    shiftNode(parsed.doc.contents, delta);
    for (const e of parsed.errors) e.pos = [e.pos[0] + delta, e.pos[1] + delta];
  }
  parsed.start = start;
  return parsed;
}

function shiftNode(node: unknown, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const r = (node as Ranged).range;
  if (r) (node as Ranged).range = [r[0] + delta, r[1] + delta, r[2] + delta];
  if (isMap(node)) {
    for (const pair of node.items) {
      shiftNode(pair.key, delta);
      shiftNode(pair.value, delta);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) shiftNode(item, delta);
  }
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
