/**
 * What is at a position in a plan's text: the key path, whether the cursor is on a key, a value,
 * a list item or inside prose, the partial word being typed and the keys and list values around it.
 *
 * Read from the raw lines by indentation, not from the YAML tree: while a writer types, the line
 * under the cursor is usually half-written and the document often has a syntax error somewhere, so
 * the tree has no node there. Plans are block-style YAML, which indentation describes well; flow
 * lists (`[N1, N2]`), block scalars (`|`, `>`) and plain scalars that run over several lines are
 * recognised so that their content is never mistaken for keys.
 */
import type { ParsedPlan } from './parse';
import type { Position, Range } from './types';

export type PathSegment = string | number;

export type CursorKind =
  /** Typing a key (or nothing yet) in a block of fields; `path` is the block's path. */
  | 'key'
  /** After `key: ` on the key's own line; `path` ends with the key. */
  | 'value'
  /** After a list dash `- `; `path` ends with the new or current item's index. */
  | 'item'
  /** Inside a flow list `[a, b]`; `path` ends with the item's index. */
  | 'flow-item'
  /** Inside a multi-line scalar (a block scalar or a plain scalar continued on the next lines). */
  | 'text'
  /** In a comment, before the indentation, or somewhere nothing can be typed. */
  | 'none';

export interface CursorContext {
  kind: CursorKind;
  path: PathSegment[];
  /** The word or token under the cursor (what a completion replaces). */
  range: Range;
  /** The part of the token before the cursor. */
  prefix: string;
  /** The whole token under the cursor. */
  token: string;
  /** The column at which keys of the block the cursor is in start (for 'key' and 'item'). */
  column: number;
  /** Keys already present in the block of fields the cursor is in (other lines than the cursor's). */
  siblingKeys: string[];
  /** Values already in the list the cursor is in ('item' and 'flow-item'), the token under the cursor excluded. */
  listed: string[];
  /** For 'value': the key's value is empty so far (nothing after `key:`). */
  emptyValue: boolean;
  /** For 'value': there is no space after the colon yet, so an insertion must add one. */
  needsSpace: boolean;
  /** The full text of the value the cursor is in ('value' and 'text'), when known. */
  value?: string;
  /** The word under the cursor inside a value (for prose, where a completion replaces one word). */
  word?: { range: Range; prefix: string };
}

interface Entry {
  type: 'item' | 'key';
  col: number;
  key?: string;
  /** Column of the colon that ends a key. */
  colon?: number;
  /** Column where the value starts (after the colon or the dash and spaces). */
  valueCol: number;
  /** The value as written on this line, comment removed and right-trimmed. */
  value: string;
}

interface LineInfo {
  text: string;
  indent: number;
  blank: boolean;
  entries: Entry[];
}

interface Frame {
  type: 'item' | 'key';
  col: number;
  name: PathSegment;
  /** Items seen in the list this frame holds. */
  count: number;
  /** The value on the frame's own line is empty, so the block below belongs to it. */
  open: boolean;
}

type Owner =
  | { kind: 'block' | 'plain'; col: number; path: PathSegment[]; line: number }
  | { kind: 'flow'; depth: number; path: PathSegment[]; line: number; col: number; count: number };

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{},&*!|>%@`][^#]*?))[ \t]*:(?=[ \t]|$)/;
const BLOCK_INDICATOR = /^[|>][0-9+-]*\s*(?:#.*)?$/;
const TOKEN_CHAR = /[^\s,[\]{}"']/;

/** Splits one line into its list dashes and key. */
function lineInfo(text: string): LineInfo {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  const indent = i;
  const blank = i === text.length || text[i] === '#' || text.slice(i).trim() === '';
  const entries: Entry[] = [];
  if (blank) return { text, indent, blank, entries };
  if (/^(?:---|\.\.\.)(?:\s|$)/.test(text)) return { text, indent, blank: true, entries };
  for (;;) {
    if (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      const col = i;
      i++;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      entries.push({ type: 'item', col, valueCol: i, value: valueText(text, i) });
      continue;
    }
    break;
  }
  const m = KEY.exec(text.slice(i));
  if (m) {
    const key = m[1] ?? (m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? '').trimEnd());
    const colon = i + m[0].length - 1;
    let v = colon + 1;
    while (v < text.length && (text[v] === ' ' || text[v] === '\t')) v++;
    // The item's value is the map that starts here, not a scalar.
    const last = entries[entries.length - 1];
    if (last) last.value = '';
    entries.push({ type: 'key', col: i, key, colon, valueCol: v, value: valueText(text, v) });
  }
  return { text, indent, blank, entries };
}

/** The value from a column to the end of the line, without a trailing comment. */
function valueText(text: string, from: number): string {
  return text.slice(from, commentStart(text, from)).trimEnd();
}

/** Where a `#` comment starts on a line (after `from`), respecting quotes; the line length if none. */
export function commentStart(text: string, from = 0): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === from || /[\s[{,:]/.test(text[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return text.length;
}

function valueKind(value: string): 'empty' | 'block' | 'flow' | 'plain' {
  if (value === '' || /^[&!]\S*$/.test(value)) return 'empty';
  if (BLOCK_INDICATOR.test(value)) return 'block';
  if (value.startsWith('[') || value.startsWith('{')) return 'flow';
  return 'plain';
}

/** Net bracket depth change of a piece of flow text, ignoring quoted parts. */
function bracketDepth(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  const end = commentStart(text);
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

/** Items of a flow list's text (between the brackets), unquoted, with their columns. */
function flowItems(text: string, start: number, end: number): { value: string; start: number; end: number }[] {
  const items: { value: string; start: number; end: number }[] = [];
  let depth = 0;
  let quote: string | undefined;
  let itemStart = start;
  const push = (to: number) => {
    const raw = text.slice(itemStart, to);
    const lead = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (value) items.push({ value: unquote(value), start: itemStart + lead, end: itemStart + lead + value.length });
  };
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) {
        push(i);
        return items;
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      push(i);
      itemStart = i + 1;
    }
  }
  push(end);
  return items;
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

function pathKey(path: readonly PathSegment[]): string {
  return path.map(String).join('\u0000');
}

interface Scan {
  lines: LineInfo[];
  /** For each line, the stack before it was read and the multi-line value it continues, if any. */
  before: { stack: Frame[]; owner?: Owner }[];
  /** Keys per block path (joined), with the line each is on. */
  keys: Map<string, { key: string; line: number }[]>;
  /** Scalar items per list path (joined), with the line each is on. */
  items: Map<string, { value: string; line: number }[]>;
  /** Lines that continue a multi-line value (block scalar, plain scalar or flow list). */
  inValue: boolean[];
}

const scans = new WeakMap<ParsedPlan, Scan>();

/** Reads every line once per parsed text (cached): the key path of each dash and key. */
function scan(parsed: ParsedPlan): Scan {
  const cached = scans.get(parsed);
  if (cached) return cached;
  const { index } = parsed;
  const lines: LineInfo[] = [];
  const before: Scan['before'] = [];
  const keys = new Map<string, { key: string; line: number }[]>();
  const items = new Map<string, { value: string; line: number }[]>();
  const inValue: boolean[] = [];
  let stack: Frame[] = [];
  let owner: Owner | undefined;
  const names = () => stack.map((f) => f.name);
  const add = <T>(map: Map<string, T[]>, path: PathSegment[], value: T) => {
    const k = pathKey(path);
    const list = map.get(k);
    if (list) list.push(value);
    else map.set(k, [value]);
  };

  for (let n = 0; n < index.lineCount; n++) {
    const info = lineInfo(index.lineText(n));
    lines.push(info);
    before.push({ stack: stack.map((f) => ({ ...f })), owner });
    inValue.push(false);
    if (owner) {
      if (owner.kind === 'flow' && (info.blank || info.indent > owner.col)) {
        owner.depth += bracketDepth(info.text);
        if (owner.depth <= 0) owner = undefined;
        inValue[n] = true;
        continue;
      }
      // A flow list left open ends (with a syntax error) where the block structure resumes.
      if (owner.kind !== 'flow' && (info.blank || info.indent > owner.col)) {
        inValue[n] = !info.blank;
        continue;
      }
      owner = undefined;
    }
    if (info.blank) {
      if (/^(?:---|\.\.\.)(?:\s|$)/.test(info.text)) stack = [];
      continue;
    }
    for (const e of info.entries) {
      if (e.type === 'item') {
        popForItem(stack, e.col);
        const parent = stack[stack.length - 1];
        const i = parent ? parent.count++ : 0;
        stack.push({ type: 'item', col: e.col, name: i, count: 0, open: e.value === '' });
        if (e.value !== '' && !info.entries.some((x) => x.type === 'key')) add(items, names().slice(0, -1), { value: unquote(e.value), line: n });
      } else {
        popForKey(stack, e.col);
        add(keys, names(), { key: e.key!, line: n });
        stack.push({ type: 'key', col: e.col, name: e.key!, count: 0, open: valueKind(e.value) === 'empty' });
      }
    }
    const last = info.entries[info.entries.length - 1];
    if (!last) continue; // a scalar line that is not a key: nothing to track
    const kind = valueKind(last.value);
    if (kind === 'block' || kind === 'plain') owner = { kind, col: last.col, path: names(), line: n };
    else if (kind === 'flow') {
      const depth = bracketDepth(last.value);
      const list = flowItems(info.text, last.valueCol + 1, info.text.length);
      if (depth > 0) owner = { kind: 'flow', depth, path: names(), line: n, col: last.col, count: list.length };
      for (const item of list) add(items, names(), { value: item.value, line: n });
    }
  }
  const result = { lines, before, keys, items, inValue };
  scans.set(parsed, result);
  return result;
}

function popForItem(stack: Frame[], col: number): void {
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.col > col || (top.col === col && top.type === 'item')) stack.pop();
    else if (top.col === col && top.type === 'key' && !top.open) stack.pop();
    else return;
  }
}

function popForKey(stack: Frame[], col: number): void {
  while (stack.length > 0 && stack[stack.length - 1]!.col >= col) stack.pop();
}

/** What is at a position: see {@link CursorContext}. Never throws. */
export function getCursorContext(parsed: ParsedPlan, position: Position): CursorContext {
  const { index } = parsed;
  const line = Math.max(0, Math.min(position.line, index.lineCount - 1));
  const s = scan(parsed);
  const info = s.lines[line]!;
  const ch = Math.max(0, Math.min(position.character, info.text.length));
  const { stack: frames, owner } = s.before[line]!;
  const stack = frames.map((f) => ({ ...f }));
  const names = () => stack.map((f) => f.name);
  const at = (character: number): Position => ({ line, character });
  const base = (kind: CursorKind, path: PathSegment[], start = ch, end = ch): CursorContext => ({
    kind,
    path,
    range: { start: at(start), end: at(end) },
    prefix: info.text.slice(start, ch),
    token: info.text.slice(start, end),
    column: ch,
    siblingKeys: [],
    listed: [],
    emptyValue: false,
    needsSpace: false,
  });
  const none = () => base('none', names());

  // Inside a flow list that started on an earlier line.
  if (owner?.kind === 'flow' && (info.blank || info.indent > owner.col)) {
    const startLine = owner.line;
    const startInfo = s.lines[startLine]!;
    const open = startInfo.text.indexOf('[', startInfo.entries[startInfo.entries.length - 1]?.valueCol ?? 0);
    const from = index.offsetAt({ line: startLine, character: open + 1 });
    const cursor = index.offsetAt({ line, character: ch });
    const closeRel = findClose(parsed.text, from);
    const all = flowItems(parsed.text, from, closeRel);
    if (cursor > closeRel) return none();
    return flowContext(parsed, owner.path, all, cursor, ch);
  }
  // Inside a multi-line scalar.
  if (owner && (owner.kind === 'block' || owner.kind === 'plain') && ((info.blank && ch > owner.col) || (!info.blank && info.indent > owner.col))) {
    if (!info.blank && ch < info.indent) return base('none', owner.path);
    const word = wordAround(info.text, ch, /[\p{L}\p{N}_'’-]/u);
    return { ...base('text', owner.path, word.start, word.end), value: scalarValueAt(parsed, owner.path) };
  }
  if (isComment(info.text, ch)) return none();

  // A blank line: a new key at the cursor's column (or nothing in the middle of nowhere).
  if (info.blank) {
    popForKey(stack, ch);
    return withSiblings(s, { ...base('key', names()), column: ch }, line);
  }
  if (ch < info.indent) return none();

  // Walk the line's dashes and key up to the cursor.
  let lastItem: { entry: Entry; index: number } | undefined;
  for (const e of info.entries) {
    if (e.type === 'item') {
      if (ch <= e.col) return none();
      popForItem(stack, e.col);
      const parent = stack[stack.length - 1];
      const i = parent ? parent.count++ : 0;
      stack.push({ type: 'item', col: e.col, name: i, count: 0, open: true });
      lastItem = { entry: e, index: i };
      continue;
    }
    // A key: the cursor is on the key itself, or in its value.
    if (ch <= e.colon!) {
      popForKey(stack, e.col);
      const end = e.colon!;
      const keyEnd = info.text.slice(e.col, end).trimEnd().length + e.col;
      if (ch > keyEnd) return none();
      return withSiblings(s, { ...base('key', names(), e.col, keyEnd), column: e.col }, line, e.key);
    }
    popForKey(stack, e.col);
    stack.push({ type: 'key', col: e.col, name: e.key!, count: 0, open: false });
    return valueContext(parsed, s, info, line, ch, e, names());
  }
  if (lastItem) {
    // After a dash with no key: a scalar list item, or the first key of a new block in a list.
    const e = lastItem.entry;
    if (e.value.startsWith('[')) return flowOnLine(parsed, info, line, ch, e.valueCol, names());
    const end = e.valueCol + e.value.length;
    if (ch < e.valueCol) return none();
    if (ch > end && e.value !== '') return none();
    const listPath = names().slice(0, -1);
    const ctx = base('item', names(), e.valueCol, Math.max(end, ch));
    ctx.column = e.valueCol;
    ctx.listed = (s.items.get(pathKey(listPath)) ?? []).filter((x) => x.line !== line).map((x) => x.value);
    ctx.siblingKeys = (s.keys.get(pathKey(names())) ?? []).filter((x) => x.line !== line).map((x) => x.key);
    return ctx;
  }
  // A line with no dash and no colon: a key being typed (or a stray scalar).
  popForKey(stack, info.indent);
  const word = wordAround(info.text, ch, /[^\s:#]/);
  if (word.start !== info.indent) return none();
  return withSiblings(s, { ...base('key', names(), word.start, word.end), column: info.indent }, line);
}

function withSiblings(s: Scan, ctx: CursorContext, line: number, self?: string): CursorContext {
  const keys = (s.keys.get(pathKey(ctx.path)) ?? []).filter((k) => k.line !== line || (self !== undefined && k.key !== self));
  return { ...ctx, siblingKeys: keys.map((k) => k.key) };
}

function valueContext(parsed: ParsedPlan, s: Scan, info: LineInfo, line: number, ch: number, e: Entry, path: PathSegment[]): CursorContext {
  const at = (character: number): Position => ({ line, character });
  const value = e.value;
  if (value.startsWith('[')) return flowOnLine(parsed, info, line, ch, e.valueCol, path);
  if (valueKind(value) === 'block' || value.startsWith('{')) {
    return { kind: 'none', path, range: { start: at(ch), end: at(ch) }, prefix: '', token: '', column: e.col, siblingKeys: [], listed: [], emptyValue: false, needsSpace: false };
  }
  const needsSpace = e.valueCol === e.colon! + 1 && ch === e.colon! + 1;
  const end = e.valueCol + value.length;
  if (ch > end && value !== '') {
    // Past the end of a plain value that runs on: still in prose (a provision text on one line).
    const word = wordAround(info.text, ch, /[\p{L}\p{N}_'’-]/u);
    return { kind: 'text', path, range: { start: at(word.start), end: at(word.end) }, prefix: info.text.slice(word.start, ch), token: info.text.slice(word.start, word.end), column: e.col, siblingKeys: [], listed: [], emptyValue: false, needsSpace: false, value: scalarValueAt(parsed, path) ?? value };
  }
  const start = Math.min(e.valueCol, ch);
  const w = wordAround(info.text, ch, /[\p{L}\p{N}_'’-]/u);
  return {
    word: { range: { start: at(Math.max(w.start, e.valueCol)), end: at(w.end) }, prefix: info.text.slice(Math.max(w.start, e.valueCol), ch) },
    kind: 'value',
    path,
    range: { start: at(start), end: at(Math.max(end, ch)) },
    prefix: info.text.slice(start, ch),
    token: info.text.slice(start, Math.max(end, ch)),
    column: e.col,
    siblingKeys: (s.keys.get(pathKey(path.slice(0, -1))) ?? []).filter((k) => k.line !== line).map((k) => k.key),
    listed: [],
    emptyValue: value === '',
    needsSpace,
    value: scalarValueAt(parsed, path) ?? value,
  };
}

/** A flow list that opens on the cursor's line at `valueCol`. */
function flowOnLine(parsed: ParsedPlan, info: LineInfo, line: number, ch: number, valueCol: number, path: PathSegment[]): CursorContext {
  const from = parsed.index.offsetAt({ line, character: valueCol + 1 });
  const cursor = parsed.index.offsetAt({ line, character: ch });
  const close = findClose(parsed.text, from);
  const all = flowItems(parsed.text, from, close);
  if (cursor < from || cursor > close) {
    return { kind: 'none', path, range: { start: { line, character: ch }, end: { line, character: ch } }, prefix: '', token: '', column: valueCol, siblingKeys: [], listed: [], emptyValue: false, needsSpace: false };
  }
  return flowContext(parsed, path, all, cursor, ch);
}

/** The offset of the bracket closing a flow list whose content starts at `from` (or where it must have ended). */
function findClose(text: string, from: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '\n') {
      // An unclosed list ends where a line starts with a key or a dash at a lower indentation.
      const rest = text.slice(i + 1, text.indexOf('\n', i + 1) === -1 ? text.length : text.indexOf('\n', i + 1));
      if (/^\s*(?:- |[^\s#,\]]+:(?:\s|$))/.test(rest)) return i;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? '')) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) return i;
      i = nl - 1;
    }
  }
  return text.length;
}

function flowContext(parsed: ParsedPlan, listPath: PathSegment[], all: { value: string; start: number; end: number }[], cursor: number, ch: number): CursorContext {
  const { index } = parsed;
  const hit = all.findIndex((item) => cursor >= item.start && cursor <= item.end);
  const item = all[hit];
  const i = item ? hit : all.filter((x) => x.end <= cursor).length;
  return {
    kind: 'flow-item',
    path: [...listPath, i],
    range: item ? index.range(item.start, item.end) : index.range(cursor, cursor),
    prefix: item ? parsed.text.slice(item.start, cursor) : '',
    token: item ? parsed.text.slice(item.start, item.end) : '',
    column: ch,
    siblingKeys: [],
    listed: all.filter((_, j) => j !== hit).map((x) => x.value),
    emptyValue: false,
    needsSpace: false,
  };
}

function wordAround(text: string, ch: number, char: RegExp): { start: number; end: number } {
  let start = ch;
  while (start > 0 && char.test(text[start - 1]!)) start--;
  let end = ch;
  while (end < text.length && char.test(text[end]!)) end++;
  return { start, end };
}

function isComment(text: string, ch: number): boolean {
  return commentStart(text) < ch;
}

/** The full string value at a path in the parsed document, when it has one. */
function scalarValueAt(parsed: ParsedPlan, path: PathSegment[]): string | undefined {
  if (!parsed.doc) return undefined;
  try {
    const v = parsed.doc.getIn(path, false);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Folding ranges from indentation: every line that starts a block (a key or a list dash) folds
 * the lines indented under it; runs of two or more comment lines fold as comments.
 */
export function foldingLines(parsed: ParsedPlan): { startLine: number; endLine: number; kind?: 'comment' }[] {
  const { lines, inValue } = scan(parsed);
  const out: { startLine: number; endLine: number; kind?: 'comment' }[] = [];
  const isComment = (l: LineInfo) => l.text.trimStart().startsWith('#');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isComment(line) && !inValue[i]) {
      let j = i;
      while (j + 1 < lines.length && isComment(lines[j + 1]!) && !inValue[j + 1]) j++;
      if (j > i && (i === 0 || !isComment(lines[i - 1]!))) out.push({ startLine: i, endLine: j, kind: 'comment' });
      continue;
    }
    const first = line.entries[0];
    if (line.blank || inValue[i] || !first) continue;
    const opensBlock = first.type === 'key' && valueKind(first.value) === 'empty';
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.blank) continue;
      const compact = opensBlock && l.entries[0]?.type === 'item' && l.entries[0].col === first.col;
      if (l.indent > first.col || compact) last = j;
      else break;
    }
    if (last > i) out.push({ startLine: i, endLine: last });
  }
  return out;
}

/** True when `position` lies within `range` (ends included). */
export function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** True when two ranges overlap or touch. */
export function intersects(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The token-ish word at a position, for features that only need "what word is here". */
export function tokenAt(parsed: ParsedPlan, position: Position): { text: string; range: Range } | undefined {
  const line = parsed.index.lineText(position.line);
  const w = wordAround(line, Math.min(position.character, line.length), TOKEN_CHAR);
  if (w.start === w.end) return undefined;
  return { text: line.slice(w.start, w.end), range: { start: { line: position.line, character: w.start }, end: { line: position.line, character: w.end } } };
}

// ---------------------------------------------------------------- the schema at a path

/** What the format (model.ts) says about the value at a key path. */
export interface SchemaInfo {
  type: 'object' | 'array' | 'enum' | 'literal' | 'string' | 'number' | 'union' | 'unknown';
  description?: string;
  /** The field must be present in its block. */
  required: boolean;
  /** Field names of an object, in the format's order (for a union, of its object option). */
  keys: string[];
  /** Allowed values of an enum or literal (for a union, of its literal options). */
  options: string[];
}

interface ZodLike {
  description?: string;
  def: { type: string; shape?: Record<string, ZodLike>; element?: ZodLike; innerType?: ZodLike; options?: ZodLike[]; entries?: Record<string, string>; values?: unknown[] };
}

/** The zod schema for a key path (list indices as numbers), or undefined when the format has no such place. */
export function schemaAt(root: unknown, path: readonly PathSegment[]): ZodLike | undefined {
  let s = root as ZodLike | undefined;
  for (const p of path) {
    s = unwrapSchema(s);
    if (!s) return undefined;
    if (s.def.type === 'union') s = (s.def.options ?? []).map(unwrapSchema).find((o) => o?.def.type === 'object');
    if (!s) return undefined;
    if (s.def.type === 'object' && typeof p === 'string') s = s.def.shape?.[p];
    else if (s.def.type === 'array' && typeof p === 'number') s = s.def.element;
    else return undefined;
  }
  return s;
}

function unwrapSchema(s: ZodLike | undefined): ZodLike | undefined {
  for (let i = 0; i < 5 && s; i++) {
    if (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default') s = s.def.innerType;
    else break;
  }
  return s;
}

/** A plain description of a schema node: its kind, description, fields and allowed values. */
export function describeSchema(schema: ZodLike | undefined): SchemaInfo {
  if (!schema) return { type: 'unknown', required: false, keys: [], options: [] };
  const required = schema.def.type !== 'optional' && schema.def.type !== 'default';
  let description = schema.description;
  const s = unwrapSchema(schema)!;
  description ??= s.description;
  const t = s.def.type;
  const literals = (options: ZodLike[]) => options.flatMap((o) => (o.def.type === 'literal' ? (o.def.values ?? []).map(String) : o.def.type === 'enum' ? Object.values(o.def.entries ?? {}) : []));
  if (t === 'object') return { type: 'object', description, required, keys: Object.keys(s.def.shape ?? {}), options: [] };
  if (t === 'array') return { type: 'array', description, required, keys: [], options: [] };
  if (t === 'enum') return { type: 'enum', description, required, keys: [], options: Object.values(s.def.entries ?? {}) };
  if (t === 'literal') return { type: 'literal', description, required, keys: [], options: (s.def.values ?? []).map(String) };
  if (t === 'string' || t === 'number') return { type: t, description, required, keys: [], options: [] };
  if (t === 'union') {
    const options = (s.def.options ?? []).map((o) => unwrapSchema(o)!).filter(Boolean);
    const object = options.find((o) => o.def.type === 'object');
    return { type: 'union', description, required, keys: Object.keys(object?.def.shape ?? {}), options: literals(options) };
  }
  return { type: 'unknown', description, required, keys: [], options: [] };
}

/** The element schema of an array schema. */
export function elementOf(schema: ZodLike | undefined): ZodLike | undefined {
  const s = unwrapSchema(schema);
  return s?.def.type === 'array' ? s.def.element : undefined;
}
