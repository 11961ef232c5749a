/**
 * Writing the family's wording into the plan: one edit that replaces only an item's `text` value,
 * in the scalar style the writer used (a folded `>-` block stays folded, re-wrapped at its width;
 * a `|` block keeps its lines; a quoted or plain value stays on its line), so comments and the rest
 * of the layout are untouched. Checked by re-reading: if YAML would read anything but the new
 * text, the value is written double-quoted instead. Pure.
 */
import { parseDocument, Scalar } from 'yaml';
import { replace } from '../core/edits';
import type { ParsedPlan, Str } from '../core/parse';
import type { TextEdit } from '../core/types';

/** The edit that makes `str` (an item's text) read `value`. */
export function replaceText(parsed: ParsedPlan, str: Str, value: string): TextEdit {
  const { text, index } = parsed;
  const [start, end] = str.node.range ?? [0, 0, 0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const type = str.node.type;
  if (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL) {
    const headerEnd = text.indexOf('\n', start);
    const body = text.slice(headerEnd + 1, end);
    const indentMatch = /^( +)\S/m.exec(body);
    const indent = indentMatch?.[1] ?? ' '.repeat(index.positionAt(start).character + 2);
    const width = Math.max(40, ...body.split(/\r?\n/).map((l) => l.trimEnd().length));
    const lines = type === Scalar.BLOCK_FOLDED ? foldedLines(value, width - indent.length) : value.split('\n');
    const newBody = lines.map((l) => (l === '' ? '' : indent + l)).join(eol);
    // Replace from the first body line to the last non-blank character, leaving the header and the line ending after.
    const bodyStart = headerEnd + 1;
    let bodyEnd = end;
    while (bodyEnd > bodyStart && /\s/.test(text[bodyEnd - 1]!)) bodyEnd--;
    const candidate = replace(index.range(bodyStart, bodyEnd), newBody);
    if (!value.includes('\n\n\n') && !/^\s|\s$/.test(value) && readsAs(parsed, candidate, str, value)) return candidate;
  } else {
    const oneLine = !value.includes('\n');
    if (oneLine && type === Scalar.PLAIN && plainSafe(value)) {
      const candidate = replace(index.range(start, end), value);
      if (readsAs(parsed, candidate, str, value)) return candidate;
    }
    if (oneLine && type === Scalar.QUOTE_SINGLE) {
      const candidate = replace(index.range(start, end), `'${value.replace(/'/g, "''")}'`);
      if (readsAs(parsed, candidate, str, value)) return candidate;
    }
  }
  return replace(index.range(start, end), JSON.stringify(value));
}

/** Folded block lines for a value: each value line wrapped at `width`, lines separated by a blank line (which folds back to one line break). */
function foldedLines(value: string, width: number): string[] {
  const out: string[] = [];
  value.split('\n').forEach((line, i) => {
    if (i > 0) out.push('');
    if (line === '') return;
    let current = '';
    for (const word of line.split(' ')) {
      if (current !== '' && current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    out.push(current);
  });
  // A value line that is empty (a blank paragraph) needs its own blank line: collapse the doubled ones we made.
  return out;
}

function plainSafe(value: string): boolean {
  return value !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/: |\s#|:$|\s$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*)$/i.test(value);
}

/** True when applying the edit makes YAML read exactly `value` at that node. */
function readsAs(parsed: ParsedPlan, edit: TextEdit, str: Str, value: string): boolean {
  const { index, text } = parsed;
  const a = index.offsetAt(edit.range.start);
  const b = index.offsetAt(edit.range.end);
  const next = text.slice(0, a) + edit.newText + text.slice(b);
  const [start] = str.node.range ?? [0];
  try {
    const doc = parseDocument(next, { prettyErrors: false, logLevel: 'silent' });
    if (doc.errors.length > 0) return false;
    let found: unknown;
    // Find the scalar starting where the old one started.
    const visit = (node: unknown): void => {
      if (found !== undefined || !node || typeof node !== 'object') return;
      const n = node as { range?: number[]; items?: unknown[]; value?: unknown; key?: unknown };
      if (n instanceof Scalar && n.range?.[0] === start) {
        found = n.value;
        return;
      }
      if (Array.isArray(n.items)) for (const item of n.items) visit(item);
      if ('key' in n) visit(n.key);
      if ('value' in n && !(n instanceof Scalar)) visit(n.value);
    };
    visit(doc.contents);
    if (typeof found !== 'string') return false;
    return found.replace(/\n$/, '') === value;
  } catch {
    return false;
  }
}
