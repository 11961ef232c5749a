/**
 * Re-parsing a long plan on every keystroke is bounded by the YAML parser (about 35 ms for 3,000
 * lines). A plan's text is a handful of top-level blocks and, in `needs`, `outcomes`, `provision`
 * and `advice`, a list of items; a keystroke changes one of them. This parser splits the text into
 * those chunks, parses only the chunks whose text changed, moves the nodes of the others to their
 * new offsets, and assembles one document, so the rest of the core sees exactly what parsePlan gives.
 *
 * It takes the safe road whenever the text is not simple block YAML: anything it does not
 * recognise (document markers, directives, anchors or aliases, flow or unusual top-level lines,
 * duplicate top-level keys, a chunk that does not read as one item or one field) goes to the full
 * parser. A chunk with a YAML error (a half-typed line, an unclosed quote or bracket) is read
 * alone and its errors reported, as the full parser reports them.
 * One instance per open document: its cache holds that document's nodes.
 */
import { Document, isMap, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type YAMLError } from 'yaml';
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
  /** The chunk's YAML errors, positions in the whole text (moved with the chunk). */
  errors: YAMLError[];
}

export class IncrementalParser {
  /** Parsed chunks by their text; a chunk that appears twice has two entries. */
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
    // The cache is kept when the full parser is needed, so the keystroke that mends the text
    // re-parses only what changed since the last chunked read.
    if (!assembled) return parsePlan(text);
    this.lastPath = 'incremental';
    return parsedFromDocument(text, new LineIndex(text), assembled.doc, assembled.errors);
  }

  private assemble(blocks: Block[]): { doc: Document.Parsed; errors: YAMLError[] } | undefined {
    const previous = this.cache;
    const next = new Map<string, Parsed[]>();
    const taken = new Map<string, number>();
    const errors: YAMLError[] = [];
    const parsedChunk = (chunk: Chunk, item: boolean): Parsed => {
      const n = taken.get(chunk.text) ?? 0;
      const reused = previous.get(chunk.text)?.[n];
      if (reused) taken.set(chunk.text, n + 1);
      const parsed = reused ? shift(reused, chunk.start) : parseChunk(chunk, item);
      const list = next.get(chunk.text);
      if (list) list.push(parsed);
      else next.set(chunk.text, [parsed]);
      return parsed;
    };

    const root = new YAMLMap();
    for (const block of blocks) {
      if (block.whole) {
        const parsed = parsedChunk(block.whole, false);
        const map = parsed.doc.contents;
        if (parsed.errors.length > 0 || !isMap(map) || map.items.length !== 1) return undefined;
        root.items.push(map.items[0] as Pair<unknown, unknown>);
        continue;
      }
      const key = new Scalar(block.key);
      key.type = Scalar.PLAIN;
      key.range = [block.keyStart, block.keyStart + block.key.length, block.keyStart + block.key.length];
      const seq = new YAMLSeq();
      const items = block.items!;
      // The list runs from the first chunk's dash to the end of the last chunk's item.
      let first: YAMLSeq | undefined;
      let last: YAMLSeq | undefined;
      for (let k = 0; k < items.length; ) {
        const parsed = parsedChunk(items[k]!, true);
        if (parsed.errors.length === 0) {
          const one = listOf(parsed);
          if (one?.items.length !== 1) return undefined;
          seq.items.push(one.items[0]);
          first ??= one;
          last = one;
          k++;
          continue;
        }
        const window = readWindow(items, k, (chunk) => parsedChunk(chunk, true));
        if (!window) return undefined;
        seq.items.push(...window.nodes);
        first ??= window.list;
        errors.push(...window.errors);
        k = window.next;
      }
      if (!first?.range || !last?.range) return undefined;
      seq.range = [first.range[0], last.range[1], last.range[2]];
      root.items.push(new Pair(key, seq));
    }
    this.cache = next;
    const doc = new Document() as Document.Parsed;
    doc.contents = root as Document.Parsed['contents'];
    return { doc, errors };
  }
}

/**
 * Item chunks are parsed under a stand-in list key, `x:` on the line before, so that the YAML
 * parser sees each item in the context it has in the plan (a list under a top-level key).
 */
const ITEM_CONTEXT = 'x:\n';

/** The list of a parsed item chunk (or window), or undefined if it is not one list. */
function listOf(parsed: Parsed): YAMLSeq | undefined {
  const map = parsed.doc.contents;
  if (!isMap(map) || map.items.length !== 1) return undefined;
  const seq = map.items[0]!.value;
  return isSeq(seq) ? seq : undefined;
}

/** Most windows end within an item or two of the error; past this the full parser is cheaper. */
const MAX_WINDOW_ITEMS = 40;

/**
 * An item with a YAML error can change how the items after it are read (an unclosed bracket
 * takes in the next item's lines). The items from `k` on are parsed together, one more at a
 * time, until the parser is back in step: the window's list has an item starting exactly where
 * a later item's chunk starts, no error at or after it, and that chunk alone has no error.
 * Everything before that point is taken from the window, errors included, as the full parser
 * reads it. Undefined when the list ends first (the full parser then reads the plan).
 */
function readWindow(items: Chunk[], k: number, alone: (chunk: Chunk) => Parsed): { list: YAMLSeq; nodes: unknown[]; errors: YAMLError[]; next: number } | undefined {
  const start = items[k]!.start;
  for (let j = k + 1; j < items.length && j - k <= MAX_WINDOW_ITEMS; j++) {
    const boundary = items[j]!.start;
    if (alone(items[j]!).errors.length > 0) continue;
    const window = parseChunk({ start, text: items.slice(k, j + 1).map((c) => c.text).join('') }, true);
    const list = listOf(window);
    if (!list) continue;
    const at = list.items.findIndex((n) => (n as Ranged).range?.[0] === boundary);
    if (at <= 0 || window.errors.some((e) => e.pos[0] >= boundary)) continue;
    return { list, nodes: list.items.slice(0, at), errors: window.errors, next: j };
  }
  return undefined;
}

/**
 * Parses one chunk alone. A chunk with a YAML error is kept, with its errors: the caller decides
 * whether it can be read alone (see readWindow).
 */
function parseChunk(chunk: Chunk, item: boolean): Parsed {
  const source = item ? ITEM_CONTEXT + chunk.text : chunk.text;
  const offset = item ? ITEM_CONTEXT.length : 0;
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false });
  // `start` is where the chunk's own text begins, in the source parsed and then in the plan.
  return shift({ start: offset, doc, errors: doc.errors }, chunk.start);
}

type Ranged = { range?: [number, number, number] | null };

/** Moves every node (and error) of a parsed chunk to a new start offset. */
function shift(parsed: Parsed, start: number): Parsed {
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
