/** Building fixes as data: small edits on node ranges, never a re-stringified document. */
import type { ParsedPlan, PlanModel } from './parse';
import type { Fix, Range, TextEdit } from './types';

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Next free ids by plan and prefix: rules ask once per finding, and a plan's items do not change. */
const nextIds = new WeakMap<PlanModel, Map<string, string>>();

/** The next free id with a prefix: N, O or P followed by a number. */
export function nextId(plan: PlanModel, prefix: string): string {
  let known = nextIds.get(plan);
  if (!known) nextIds.set(plan, (known = new Map()));
  let id = known.get(prefix);
  if (id === undefined) known.set(prefix, (id = findNextId(plan, prefix)));
  return id;
}

function findNextId(plan: PlanModel, prefix: string): string {
  const used = new Set([...plan.needs, ...plan.outcomes, ...plan.provision, ...plan.advice].map((i) => i.id?.value));
  const numbered = new RegExp(`^${prefix}(\\d+)$`);
  let max = 0;
  for (const id of used) {
    const m = id && numbered.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * An edit that appends one item (given as `key: value` lines) at the end of a top-level block
 * list, indented like the items already there. Undefined when the list is written in flow
 * style ([…]) or missing, where no safe small edit exists.
 */
export function appendItem(parsed: ParsedPlan, list: 'needs' | 'outcomes' | 'provision', lines: string[]): TextEdit | undefined {
  const seq = parsed.plan.lists[list];
  if (!seq || seq.flow || !seq.range || seq.items.length === 0) return undefined;
  const { index } = parsed;
  const dash = index.positionAt(seq.range[0]).character;
  const indent = ' '.repeat(dash);
  const eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  const body = lines.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`).join(eol);
  const end = index.positionAt(seq.range[1]);
  if (end.character === 0) return { range: { start: end, end }, newText: body + eol };
  const lineEnd = { line: end.line, character: index.lineText(end.line).length };
  return { range: { start: lineEnd, end: lineEnd }, newText: eol + body };
}

/** A fix from one edit, or no fix at all. */
export function fix(title: string, edit: TextEdit | undefined, isTemplate = false): Fix[] | undefined {
  return edit ? [{ title, edits: [edit], isTemplate }] : undefined;
}

/** Quotes a value for a flow list or a plain scalar when YAML would misread it. */
export function yamlString(text: string): string {
  return /^[\w .,'()/-]*$/.test(text) && !/^[\s-]|[\s:]$|: | #/.test(text) ? text : JSON.stringify(text);
}
