/** Small edits the prose checks offer: add a name to `names:`, a term to `glossary:`. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedPlan } from '../parse';
import type { TextEdit } from '../types';

/** A YAML scalar for a name or term: plain when safe, else double-quoted. */
export function yamlScalar(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’&()/-]*$/u.test(text) && !/:\s|\s#/.test(text) && !/^(?:yes|no|on|off|true|false|null|y|n)$/i.test(text) ? text : JSON.stringify(text);
}

function topLevel(parsed: ParsedPlan, key: string): { value?: Node; ok: boolean } {
  const root = parsed.plan.root;
  if (!isMap(root) || parsed.hasSyntaxErrors) return { ok: false };
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  return { value: (pair?.value ?? undefined) as Node | undefined, ok: true };
}

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(lineStart, offset).replace(/[^ ]/g, ' ');
}

/** Insert a line after the one holding `end` (a node's value end). */
function lineAfter(parsed: ParsedPlan, end: number, line: string): TextEdit {
  const text = parsed.text;
  const eol = text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  if (eol === -1) return { range: parsed.index.range(text.length, text.length), newText: `\n${line}` };
  return { range: parsed.index.range(eol, eol), newText: `\n${line}` };
}

function appendAtEnd(parsed: ParsedPlan, block: string): TextEdit {
  const text = parsed.text;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text.length === 0 || text.endsWith('\n') ? '' : nl;
  return { range: parsed.index.range(text.length, text.length), newText: `${sep}${block.replace(/\n/g, nl)}${nl}` };
}

/** Adds `item` to the top-level list `key` (creating it at the end of the plan when missing). */
export function appendToTopLevelList(parsed: ParsedPlan, key: string, item: string): TextEdit | undefined {
  const { value, ok } = topLevel(parsed, key);
  if (!ok) return undefined;
  const scalar = yamlScalar(item);
  if (value === undefined || (isScalar(value) && value.value === null)) {
    if (value === undefined) return appendAtEnd(parsed, `${key}: [${scalar}]`);
    return undefined;
  }
  if (!isSeq(value) || !value.range) return undefined;
  if (value.flow) {
    const close = parsed.text.lastIndexOf(']', value.range[1]);
    if (close === -1) return undefined;
    return { range: parsed.index.range(close, close), newText: value.items.length > 0 ? `, ${scalar}` : scalar };
  }
  const last = value.items[value.items.length - 1] as Node | undefined;
  const end = last?.range?.[1] ?? value.range[1];
  return lineAfter(parsed, end, `${indentAt(parsed.text, value.range[0])}- ${scalar}`);
}

/** Adds `term: meaning` to the top-level map `key` (creating it at the end of the plan when missing). */
export function addToTopLevelMap(parsed: ParsedPlan, key: string, term: string, meaning: string): TextEdit | undefined {
  const { value, ok } = topLevel(parsed, key);
  if (!ok) return undefined;
  const entry = `${yamlScalar(term)}: ${meaning}`;
  if (value === undefined) return appendAtEnd(parsed, `${key}:\n  ${entry}`);
  if (!isMap(value) || !value.range) return undefined;
  if (value.flow) {
    const close = parsed.text.lastIndexOf('}', value.range[1]);
    if (close === -1) return undefined;
    return { range: parsed.index.range(close, close), newText: value.items.length > 0 ? `, ${entry}` : entry };
  }
  const first = value.items[0]?.key as Node | undefined;
  const last = value.items[value.items.length - 1];
  const end = (last?.value as Node | undefined)?.range?.[1] ?? (last?.key as Node | undefined)?.range?.[1] ?? value.range[1];
  return lineAfter(parsed, end, `${indentAt(parsed.text, first?.range?.[0] ?? value.range[0])}${entry}`);
}
