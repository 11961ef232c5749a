/**
 * Navigation over a plan's ids: go to definition, find references, rename, the outline
 * (document symbols), workspace symbols across a caseload, and folding ranges.
 * Pure: plain data in the core's own types; the language server converts.
 */
import { parse as parseYaml } from 'yaml';
import { contains, foldingLines } from './cursor';
import { strSpanRange, type ParsedPlan, type PlanItem, type Str } from './parse';
import { buildThread } from './thread';
import type { Position, Range, TextEdit } from './types';

export type ItemKind = PlanItem['kind'];

/** One place an id appears: its declaration (`id: N1`) or a reference to it. */
export interface Occurrence {
  kind: ItemKind;
  id: string;
  /** The id's own characters (for evidence `salt#3.2`, only `salt`; inside quotes, without them). */
  range: Range;
  declaration: boolean;
  /** The item the declaration or reference is written in. */
  item: PlanItem;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const NOUN: Record<ItemKind, string> = { need: 'need', outcome: 'outcome', provision: 'provision item', advice: 'advice entry' };

/** Every id declaration and reference in a plan, in document order of their lists. */
export function getOccurrences(parsed: ParsedPlan): Occurrence[] {
  const { plan } = parsed;
  const out: Occurrence[] = [];
  const idRange = (s: Str, length = s.value.length) => strSpanRange(parsed, s, { start: 0, end: length });
  const declare = (item: PlanItem) => {
    if (item.id && item.id.value) out.push({ kind: item.kind, id: item.id.value, range: idRange(item.id), declaration: true, item });
  };
  const refer = (item: PlanItem, kind: ItemKind, refs: readonly Str[]) => {
    for (const r of refs) if (r.value) out.push({ kind, id: r.value, range: idRange(r), declaration: false, item });
  };
  const evidence = (item: PlanItem, refs: readonly Str[]) => {
    for (const r of refs) {
      const id = r.value.split('#')[0] ?? '';
      if (id) out.push({ kind: 'advice', id, range: idRange(r, id.length), declaration: false, item });
    }
  };
  for (const a of plan.advice) declare(a);
  for (const n of plan.needs) {
    declare(n);
    evidence(n, n.evidence);
  }
  for (const o of plan.outcomes) {
    declare(o);
    refer(o, 'need', o.needs);
    evidence(o, o.evidence);
  }
  for (const p of plan.provision) {
    declare(p);
    refer(p, 'need', p.needs);
    refer(p, 'outcome', p.outcomes ?? []);
    evidence(p, p.evidence);
  }
  return out;
}

/** The id declaration or reference under the cursor, if any. */
export function getOccurrenceAt(parsed: ParsedPlan, position: Position): Occurrence | undefined {
  return getOccurrences(parsed).find((o) => contains(o.range, position));
}

function sameSymbol(a: Occurrence, b: Occurrence): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** Where a definition lives, LocationLink-shaped. */
export interface DefinitionTarget {
  /** The span that was clicked. */
  originRange: Range;
  /** The whole item. */
  targetRange: Range;
  /** The item's id. */
  targetSelectionRange: Range;
}

/** From a reference (N1 in `needs:`, O2 in `outcomes:`, salt in `salt#3.2`) to the item it names. */
export function getDefinition(parsed: ParsedPlan, position: Position): DefinitionTarget[] {
  const all = getOccurrences(parsed);
  const at = all.find((o) => contains(o.range, position));
  if (!at) return [];
  return all
    .filter((o) => o.declaration && sameSymbol(o, at))
    .map((o) => ({ originRange: at.range, targetRange: itemRange(parsed, o.item), targetSelectionRange: o.range }));
}

/** Every place the id under the cursor appears (its declaration only when asked for). */
export function getReferences(parsed: ParsedPlan, position: Position, includeDeclaration = true): Range[] {
  const all = getOccurrences(parsed);
  const at = all.find((o) => contains(o.range, position));
  if (!at) return [];
  return all.filter((o) => sameSymbol(o, at) && (includeDeclaration || !o.declaration)).map((o) => o.range);
}

export type RenameCheck = { range: Range; placeholder: string } | { error: string };

/** Only ids and references to them can be renamed. */
export function prepareRename(parsed: ParsedPlan, position: Position): RenameCheck {
  const at = getOccurrenceAt(parsed, position);
  if (!at) return { error: 'Only ids can be renamed: put the cursor on an id such as N1, O2, P3 or salt, or on a reference to one.' };
  return { range: at.range, placeholder: at.id };
}

/**
 * The edits that rename the id under the cursor and every reference to it. Evidence references
 * keep their paragraph: renaming `salt` turns `salt#3.2` into `slt#3.2`.
 */
export function getRenameEdits(parsed: ParsedPlan, position: Position, newName: string): { edits: TextEdit[] } | { error: string } {
  const all = getOccurrences(parsed);
  const at = all.find((o) => contains(o.range, position));
  if (!at) return { error: 'Only ids can be renamed: put the cursor on an id such as N1, O2, P3 or salt, or on a reference to one.' };
  const name = newName.trim();
  const problem = checkNewId(parsed, at, name, all);
  if (problem) return { error: problem };
  if (name === at.id) return { edits: [] };
  return { edits: all.filter((o) => sameSymbol(o, at)).map((o) => ({ range: o.range, newText: name })) };
}

function checkNewId(parsed: ParsedPlan, at: Occurrence, name: string, all: Occurrence[]): string | undefined {
  if (name === '') return 'An id cannot be empty.';
  if (name.length > 40) return `"${name}" is too long for an id: keep ids short, for example N1 or salt.`;
  if (name.includes('#')) return `An id cannot contain "#": in evidence, "#" separates the advice id from the paragraph (salt#3.2).`;
  if (!ID_PATTERN.test(name)) return `"${name}" is not a valid id: use letters, digits, dots, dashes or underscores, starting with a letter or digit (for example N1 or salt).`;
  let read: unknown;
  try {
    read = parseYaml(name, { logLevel: 'silent' });
  } catch {
    read = name;
  }
  if (typeof read !== 'string') return `"${name}" would be read as a ${read === null ? 'null value' : typeof read}, not an id. Start it with a letter, for example N${name}.`;
  if (name === at.id) return undefined;
  const taken = all.find((o) => o.declaration && o.id === name);
  if (taken) {
    return `The id "${name}" is already used by the ${NOUN[taken.item.kind]} on line ${taken.range.start.line + 1}. Ids must be unique in a plan.`;
  }
  void parsed;
  return undefined;
}

// ---------------------------------------------------------------- outline

export type SymbolKind = 'section' | 'child' | 'plan' | 'field' | 'need' | 'outcome' | 'provision' | 'advice';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

const SECTION_NAMES: Record<string, string> = {
  child: 'Child',
  plan: 'Plan',
  views: 'Views (Section A)',
  advice: 'Advice (Section K)',
  needs: 'Needs (Sections B, C, D)',
  outcomes: 'Outcomes (Section E)',
  provision: 'Provision (Sections F, G, H)',
  placement: 'Placement (Section I)',
  personal_budget: 'Personal budget (Section J)',
};

/** Shortens prose to one line for outlines, lenses and symbol names. */
export function excerpt(text: string | undefined, max = 60): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function itemName(item: PlanItem): string {
  const id = item.id?.value ?? `(no id, item ${item.index + 1})`;
  const text = item.kind === 'advice' ? item.professional?.value : item.text?.value;
  return text ? `${id}: ${excerpt(text)}` : id;
}

function itemDetail(item: PlanItem): string | undefined {
  switch (item.kind) {
    case 'need':
      return [item.section && `Section ${item.section.value}`, item.area?.value].filter(Boolean).join(' · ') || undefined;
    case 'outcome':
      return item.needs.length > 0 ? `for ${item.needs.map((n) => n.value).join(', ')}` : 'no need';
    case 'provision':
      return [item.section && `Section ${item.section.value}`, item.needs.length > 0 ? `meets ${item.needs.map((n) => n.value).join(', ')}` : 'meets no need'].filter(Boolean).join(' · ');
    case 'advice':
      return [item.author?.value, item.date?.value].filter(Boolean).join(', ') || undefined;
  }
}

/** An item's range ending on its last character rather than at the start of the next line. */
export function itemRange(parsed: ParsedPlan, item: PlanItem): Range {
  const r = item.node.range;
  if (!r) return item.range;
  return parsed.index.range(r[0], trimEnd(parsed.text, r[0], r[2]));
}

function itemSymbol(parsed: ParsedPlan, item: PlanItem, children: DocumentSymbol[] = []): DocumentSymbol {
  const range = itemRange(parsed, item);
  return { name: itemName(item), detail: itemDetail(item), kind: item.kind, range, selectionRange: item.id?.range ?? range, children };
}

/**
 * The outline: one symbol per top-level block in the order written; each need has the outcomes
 * and provision linked to it as children (the golden thread), and the Outcomes and Provision
 * blocks list every item again in plan order.
 */
export function getDocumentSymbols(parsed: ParsedPlan): DocumentSymbol[] {
  const root = parsed.plan.root;
  const doc = parsed.doc;
  if (!root || !doc) return [];
  const { index, plan } = parsed;
  const thread = buildThread(plan);
  const rangeOf = (start: number, end: number) => index.range(start, trimEnd(parsed.text, start, end));
  const symbols: DocumentSymbol[] = [];
  for (const pair of root.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (!key?.range || key.value === null || key.value === undefined) continue;
    const name = String(key.value);
    const value = pair.value as { range?: [number, number, number]; items?: unknown[] } | null;
    const end = value?.range ? value.range[2] : key.range[1];
    const range = rangeOf(key.range[0], end);
    const selectionRange = index.range(key.range[0], key.range[1]);
    let children: DocumentSymbol[] = [];
    let detail: string | undefined;
    if (name === 'needs') {
      children = plan.needs.map((need) => {
        const id = need.id?.value;
        const linked = id ? [...thread.outcomesOf(id).map((o) => itemSymbol(parsed, o)), ...thread.provisionOf(id).map((p) => itemSymbol(parsed, p))] : [];
        return itemSymbol(parsed, need, linked);
      });
    } else if (name === 'outcomes') children = plan.outcomes.map((o) => itemSymbol(parsed, o));
    else if (name === 'provision') children = plan.provision.map((p) => itemSymbol(parsed, p));
    else if (name === 'advice') children = plan.advice.map((a) => itemSymbol(parsed, a));
    else if (name === 'child') detail = plan.child.name?.value;
    else if (name === 'plan') detail = plan.status?.value;
    else if (name === 'placement' || name === 'views') {
      const map = pair.value as { items?: { key?: { value?: unknown; range?: [number, number, number] }; value?: { range?: [number, number, number]; value?: unknown } | null }[] } | null;
      for (const p of map?.items ?? []) {
        if (!p.key?.range) continue;
        const fieldEnd = p.value?.range ? p.value.range[2] : p.key.range[1];
        const v = p.value?.value;
        children.push({
          name: String(p.key.value),
          detail: typeof v === 'string' ? excerpt(v, 40) : undefined,
          kind: 'field',
          range: rangeOf(p.key.range[0], fieldEnd),
          selectionRange: index.range(p.key.range[0], p.key.range[1]),
          children: [],
        });
      }
      if (name === 'placement') detail = children.find((c) => c.name === 'name')?.detail;
    } else if (name === 'personal_budget') {
      const v = (pair.value as { value?: unknown } | null)?.value;
      detail = typeof v === 'string' ? v : undefined;
    } else if (name === 'ehcp') continue;
    const count = children.length;
    if (['needs', 'outcomes', 'provision', 'advice'].includes(name)) detail = `${count} ${count === 1 ? 'item' : 'items'}`;
    symbols.push({ name: SECTION_NAMES[name] ?? name, detail, kind: name === 'child' ? 'child' : name === 'plan' ? 'plan' : 'section', range, selectionRange, children });
  }
  return symbols;
}

/** Backs an end offset over trailing white space and comments-free line ends, so ranges end on text. */
function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

// ---------------------------------------------------------------- workspace symbols

export interface WorkspaceSymbol {
  name: string;
  kind: SymbolKind;
  uri: string;
  range: Range;
  /** The child's full name (the plan the symbol is in). */
  containerName?: string;
}

/**
 * Needs, outcomes, provision and advice across a caseload, named `Amara — N1: need text`, plus one
 * symbol per plan (the child's name). `query` is matched as a case-insensitive subsequence of the
 * name, as editors do; an empty query lists everything (up to `limit`).
 */
export function getWorkspaceSymbols(plans: Iterable<{ uri: string; parsed: ParsedPlan }>, query: string, limit = 1000): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query).replace(/\s+/g, '');
  const matches = (name: string) => {
    if (!q) return true;
    const n = fold(name);
    let i = 0;
    for (const c of n) if (c === q[i]) i++;
    return i >= q.length;
  };
  for (const { uri, parsed } of plans) {
    const { plan } = parsed;
    const full = plan.child.name?.value;
    const child = plan.child.known_as?.value ?? full ?? fileName(uri);
    const push = (symbol: WorkspaceSymbol) => {
      if (out.length < limit && matches(symbol.name)) out.push(symbol);
    };
    if (plan.child.name) push({ name: `${full}${plan.status ? ` (${plan.status.value} plan)` : ''}`, kind: 'child', uri, range: plan.child.name.range, containerName: fileName(uri) });
    for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision, ...plan.advice]) {
      if (!item.id) continue;
      push({ name: `${child} — ${itemName(item)}`, kind: item.kind, uri, range: item.id.range, containerName: full ?? child });
    }
    if (out.length >= limit) break;
  }
  return out;
}

function fileName(uri: string): string {
  const last = decodeURIComponent(uri.split('/').pop() ?? uri);
  return last.replace(/\.ehcp\.ya?ml$/, '');
}

// ---------------------------------------------------------------- folding

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/**
 * Folding: each top-level block, each list item, each nested block and multi-line value (block
 * scalars included), and runs of comment lines. Read from indentation, so a document with a
 * syntax error still folds.
 */
export function getFoldingRanges(parsed: ParsedPlan): FoldingRange[] {
  return foldingLines(parsed);
}
