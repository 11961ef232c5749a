/** Test helpers for editor features: `|` marks the cursor in a plan's text. */
import { parsePlan, type ParsedPlan } from '../../../server/src/core/parse';
import { LineIndex } from '../../../server/src/core/positions';
import type { Position } from '../../../server/src/core/types';

/** Removes the single `|` cursor marker and returns the text and the cursor's position. */
export function cursor(marked: string): { text: string; position: Position; parsed: ParsedPlan } {
  const mark = marked.includes('‸') ? '‸' : '|';
  const offset = marked.indexOf(mark);
  if (offset === -1) throw new Error('no cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + mark.length);
  return { text, position: new LineIndex(text).positionAt(offset), parsed: parsePlan(text) };
}

/** A plan template: the lines between a leading newline and the end, dedented. */
export function plan(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values);
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Expands a snippet as an editor would when the writer accepts every default: `${1:x}` → x, `${1|a,b|}` → a, `$1` → ''. */
export function expandSnippet(snippet: string): string {
  let out = snippet;
  for (let i = 0; i < 5; i++) {
    out = out
      .replace(/\$\{\d+:((?:[^{}\\]|\\.)*)\}/g, '$1')
      .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)[^|]*\|\}/g, '$1')
      .replace(/\$\{(\d+)\}/g, '')
      .replace(/\$\d+/g, '');
  }
  return out.replace(/\\([$}\\,|])/g, '$1');
}

/** The text after accepting a completion item (its snippet expanded with defaults). */
export function acceptCompletion(text: string, item: { insertText: string; range: { start: Position; end: Position }; isSnippet?: boolean }): string {
  const index = new LineIndex(text);
  const start = index.offsetAt(item.range.start);
  const end = index.offsetAt(item.range.end);
  const insert = item.isSnippet ? expandSnippet(item.insertText) : item.insertText;
  return text.slice(0, start) + insert + text.slice(end);
}
