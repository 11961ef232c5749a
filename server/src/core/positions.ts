import { Scalar } from 'yaml';
import type { Position, Range, Span } from './types';

/**
 * Offsets ↔ LSP positions for one text. Offsets are UTF-16 code units (JS string indices),
 * which is LSP's default position encoding. A lone '\r' is not a line break (LSP treats it as
 * one, but YAML does not and plans never use old Mac line endings).
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1]! : this.text.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of one line without its line ending. */
  lineText(line: number): string {
    const start = this.starts[line] ?? this.text.length;
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$/, '');
  }
}

/**
 * Maps offsets in a scalar's parsed value back to offsets in the source, so that a phrase found
 * in the value (after YAML has unfolded lines, stripped indentation and decoded quotes) can be
 * underlined exactly where the writer typed it. Works by walking value and source together:
 * equal characters align; a folded line break in the source aligns with the space it became;
 * indentation, quote marks, block headers and escape sequences are skipped. Linear in the
 * length of the scalar.
 */
export function scalarOffsets(source: string, node: Scalar): (valueOffset: number) => number {
  const value = typeof node.value === 'string' ? node.value : String(node.value);
  const [start, end] = node.range ?? [0, 0, 0];
  const map = new Int32Array(value.length + 1);
  let s = start;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    const nl = source.indexOf('\n', s);
    s = nl === -1 || nl >= end ? end : nl + 1;
  } else if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) {
    s += 1;
  }
  const doubleQuoted = node.type === Scalar.QUOTE_DOUBLE;
  let v = 0;
  while (v < value.length && s < end) {
    const want = value[v]!;
    const got = source[s]!;
    if (doubleQuoted && got === '\\') {
      map[v] = s;
      s += escapeLength(source, s);
      v += 1;
    } else if (got === want) {
      map[v++] = s++;
    } else if ((got === '\n' || got === '\r') && want === ' ') {
      // A folded line break: the value has one space where the source has a break and indentation.
      map[v++] = s;
      s = skipBreakAndIndent(source, s, end);
    } else {
      s += 1;
    }
  }
  for (; v <= value.length; v++) map[v] = Math.min(s, end);
  return (offset) => map[Math.max(0, Math.min(offset, value.length))]!;
}

function escapeLength(source: string, at: number): number {
  const c = source[at + 1];
  if (c === 'x') return 4;
  if (c === 'u') return 6;
  if (c === 'U') return 10;
  if (c === '\r' || c === '\n') return 1; // escaped line break: let the main loop skip the break
  return 2;
}

function skipBreakAndIndent(source: string, at: number, end: number): number {
  let s = at;
  if (source[s] === '\r') s++;
  if (source[s] === '\n') s++;
  while (s < end && (source[s] === ' ' || source[s] === '\t')) s++;
  return s;
}

/** The source range of a span inside a scalar's value. */
export function spanToRange(index: LineIndex, node: Scalar, span: Span): Range {
  const at = scalarOffsets(index.text, node);
  const start = at(span.start);
  const end = span.end > span.start ? at(span.end - 1) + 1 : start;
  return index.range(start, end);
}
