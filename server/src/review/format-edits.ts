/**
 * Formatting as editor edits (pure): the smallest edit from a plan's text to its canonical layout,
 * and the canonical layout's hunks that touch a range of lines, only when the plan still reads the same.
 */
import { diffLines } from 'diff';
import { parseAllDocuments } from 'yaml';
import type { TextEdit } from '../core/types';
import { deepEqual } from './fmt';

/** The smallest single edit that turns `a` into `b` (keeps the cursor and folding where they were). */
export function minimalEdit(a: string, b: string, positionAt: (offset: number) => { line: number; character: number }): TextEdit | undefined {
  if (a === b) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { range: { start: positionAt(start), end: positionAt(endA) }, newText: b.slice(start, endB) };
}

/**
 * The line hunks of `formatted` against `text` that overlap lines first..last (0-based), as
 * edits; none when applying only those would read differently from the original plan.
 */
export function rangeEdits(text: string, formatted: string, first: number, last: number, positionAt: (offset: number) => { line: number; character: number }): TextEdit[] {
  const hunks: { start: number; end: number; newText: string; fromLine: number; toLine: number }[] = [];
  let offset = 0;
  let line = 0;
  let pending: { start: number; end: number; newText: string; fromLine: number; toLine: number } | undefined;
  for (const part of diffLines(text, formatted)) {
    const lines = part.count ?? 0;
    if (part.added) {
      pending ??= { start: offset, end: offset, newText: '', fromLine: line, toLine: line };
      pending.newText += part.value;
    } else if (part.removed) {
      pending ??= { start: offset, end: offset, newText: '', fromLine: line, toLine: line };
      pending.end = offset + part.value.length;
      pending.toLine = line + Math.max(0, lines - 1);
      offset += part.value.length;
      line += lines;
    } else {
      if (pending) hunks.push(pending);
      pending = undefined;
      offset += part.value.length;
      line += lines;
    }
  }
  if (pending) hunks.push(pending);
  const chosen = hunks.filter((h) => h.toLine >= first && h.fromLine <= last);
  if (chosen.length === 0) return [];
  let result = text;
  for (const h of [...chosen].sort((a, b) => b.start - a.start)) result = result.slice(0, h.start) + h.newText + result.slice(h.end);
  const before = parseAllDocuments(text, { logLevel: 'error' }).map((d) => d.toJS());
  const after = parseAllDocuments(result, { logLevel: 'error' });
  if (after.some((d) => d.errors.length > 0) || !deepEqual(after.map((d) => d.toJS()), before)) return [];
  return chosen.map((h) => ({ range: { start: positionAt(h.start), end: positionAt(h.end) }, newText: h.newText }));
}

