/**
 * The canonical layout of a plan: stable key order, two-space indentation, references as
 * `[N1, N2]`, one item per entry, long prose folded the same way, one blank line between
 * sections. Comments are kept and the writer's words are never altered: every result is
 * parsed again and must give the same values and the same comments, or nothing is changed.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, Scalar, visit, type Document, type Node } from 'yaml';
import { naturalCompare } from './diff';

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

export interface FormatOptions {
  /** Fold prose longer than this; 0 keeps each paragraph on one line. Default 80. */
  lineWidth?: number;
  /** Sort needs, outcomes, provision and advice by id (for reading diffs, not for saving). */
  sortItems?: boolean;
}

const ORDER: Record<string, readonly string[]> = {
  '': ['ehcp', 'child', 'plan', 'views', 'advice', 'needs', 'outcomes', 'provision', 'placement', 'personal_budget'],
  child: ['name', 'known_as', 'pronouns', 'date_of_birth'],
  plan: ['local_authority', 'caseworker', 'status', 'dates'],
  'plan.dates': ['request_received', 'assessment_agreed', 'draft_issued', 'final_issued', 'last_annual_review', 'next_annual_review'],
  views: ['child', 'parents', 'aspirations', 'history'],
  'advice.*': ['id', 'professional', 'author', 'date', 'file'],
  'needs.*': ['id', 'section', 'area', 'text', 'evidence'],
  'outcomes.*': ['id', 'needs', 'text', 'evidence'],
  'provision.*': ['id', 'section', 'needs', 'outcomes', 'text', 'evidence'],
  placement: ['name', 'type'],
  personal_budget: ['amount', 'covers'],
};

const PROSE = new Set(['needs.*.text', 'outcomes.*.text', 'provision.*.text', 'views.child', 'views.parents', 'views.aspirations', 'views.history', 'personal_budget.covers']);
const ID_LISTS = new Set(['outcomes.*.needs', 'provision.*.needs', 'provision.*.outcomes', 'needs.*.evidence', 'outcomes.*.evidence', 'provision.*.evidence']);
const ITEM_LISTS = new Set(['advice', 'needs', 'outcomes', 'provision']);

/** Format a plan's text. Refuses (ok: false, with a one-line reason) rather than risk the writer's words. */
export function formatPlanText(text: string, options: FormatOptions = {}): FormatResult {
  const lineWidth = options.lineWidth ?? 80;
  const crlf = /\r\n/.test(text);
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[];
  } catch {
    return { ok: false, reason: 'the YAML could not be read' };
  }
  if (!Array.isArray(docs) || docs.length === 0) return { ok: false, reason: 'the file holds no plan' };
  if (docs.length > 1) return { ok: false, reason: 'the file holds more than one YAML document; keep one plan per file' };
  const doc = docs[0]!;
  const error = doc.errors[0];
  if (error) return { ok: false, reason: `the YAML has an error at line ${text.slice(0, error.pos[0]).split('\n').length}; fix it first` };
  let aliases = false;
  visit(doc, { Alias: () => { aliases = true; return visit.BREAK; } });
  if (aliases) return { ok: false, reason: 'the file uses YAML aliases (*name); write the text out in full first' };
  if (!isMap(doc.contents)) return { ok: false, reason: 'the file does not hold a plan (a block of fields)' };

  let before: unknown;
  try {
    before = doc.toJS({ maxAliasCount: 0 });
  } catch {
    return { ok: false, reason: 'the YAML could not be read' };
  }
  const commentsBefore = comments(text);

  arrange(doc.contents, '', options.sortItems === true, lineWidth);
  doc.directives.docStart = doc.directives.docStart === true ? true : null;
  let out: string;
  try {
    // The library folds every long line, plain ones too (moving a trailing comment off the line it
    // belongs to); so nothing is folded there, and folded prose is wrapped here instead.
    out = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, defaultKeyType: 'PLAIN' });
    if (lineWidth > 0) out = wrapFoldedBlocks(out, lineWidth);
  } catch {
    return { ok: false, reason: 'the plan could not be laid out; it was left as it is' };
  }
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');

  // The promise: the same values and the same comments, or no change at all.
  const check = parseAllDocuments(out, { uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[];
  const again = Array.isArray(check) && check.length === 1 && check[0]!.errors.length === 0 ? check[0]!.toJS() : Symbol('unreadable');
  if (!deepEqual(before, again, options.sortItems === true)) return { ok: false, reason: 'formatting would have changed the plan\'s values, so the file was left as it is (please report this)' };
  if (commentsBefore.join('\n') !== comments(out).join('\n') && !options.sortItems) return { ok: false, reason: 'formatting would have lost a comment, so the file was left as it is (please report this)' };
  return { ok: true, text: out, changed: out !== text };
}

/** The comments of a text, sorted (YAML comments: a # at a line start or after a space, outside scalars). */
function comments(text: string): string[] {
  const found: string[] = [];
  const docs = parseAllDocuments(text, { keepSourceTokens: false, logLevel: 'error' }) as Document.Parsed[];
  const add = (c: string | null | undefined): void => {
    if (c) for (const line of c.split('\n')) if (line.trim() !== '') found.push(line.trim());
  };
  for (const d of Array.isArray(docs) ? docs : []) {
    add(d.commentBefore);
    add(d.comment);
    visit(d, {
      Node: (_k, n) => {
        add((n as Node).commentBefore);
        add((n as Node).comment);
      },
    });
  }
  return found.sort();
}

function keyName(k: unknown): string | undefined {
  return isScalar(k) ? String(k.value) : undefined;
}

function arrange(node: unknown, path: string, sortItems: boolean, lineWidth: number): void {
  if (isMap(node)) {
    const order = ORDER[path];
    if (order) {
      const rank = (k: string | undefined): number => {
        const i = k === undefined ? -1 : order.indexOf(k);
        return i === -1 ? order.length : i;
      };
      const items = node.items.map((p, i) => ({ p, i }));
      items.sort((a, b) => rank(keyName(a.p.key)) - rank(keyName(b.p.key)) || a.i - b.i);
      node.items = items.map((x) => x.p);
    }
    node.flow = false;
    node.items.forEach((pair, i) => {
      if (!isPair(pair)) return;
      const name = keyName(pair.key) ?? '';
      const childPath = path === '' ? name : `${path}.${name}`;
      if (isScalar(pair.key)) {
        pair.key.type = 'PLAIN';
        pair.key.spaceBefore = path === '' && i > 0;
      }
      if (isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value)) (pair.value as Node).spaceBefore = false;
      arrangeValue(pair.value, childPath, sortItems, lineWidth, name.length + path.split('.').length * 2 + 4);
    });
  } else arrangeValue(node, path, sortItems, lineWidth, 0);
}

function arrangeValue(value: unknown, path: string, sortItems: boolean, lineWidth: number, keyWidth: number): void {
  if (isScalar(value)) {
    scalarStyle(value, path, lineWidth, keyWidth);
    return;
  }
  if (isSeq(value)) {
    const generic = path.replace(/\.\d+/g, '.*');
    if (ID_LISTS.has(generic) && value.items.every((x) => isScalar(x) && !x.commentBefore && !x.comment)) {
      value.flow = true;
      for (const x of value.items) if (isScalar(x)) x.type = 'PLAIN';
      return;
    }
    if (ITEM_LISTS.has(path) && value.items.length > 0) value.flow = false;
    if (sortItems && ITEM_LISTS.has(path)) {
      const idOf = (x: unknown): string => (isMap(x) ? String((x.get('id') as unknown) ?? '') : '');
      value.items = [...value.items].sort((a, b) => naturalCompare(idOf(a), idOf(b)));
    }
    value.items.forEach((item) => {
      if (isScalar(item) || isMap(item) || isSeq(item)) (item as Node).spaceBefore = false;
      if (isMap(item)) arrange(item, `${path}.*`, sortItems, lineWidth);
      else arrangeValue(item, `${path}.*`, sortItems, lineWidth, 4);
    });
    return;
  }
  if (isMap(value)) arrange(value, path.replace(/\.\d+/g, '.*'), sortItems, lineWidth);
}

function scalarStyle(s: Scalar, path: string, lineWidth: number, keyWidth: number): void {
  if (typeof s.value !== 'string') {
    s.type = undefined;
    return;
  }
  const v = s.value;
  if (PROSE.has(path)) {
    if (v.includes('\n')) s.type = 'BLOCK_LITERAL';
    // A comment after the text (a suppression, a note) stays on the line it was written on.
    else if (s.comment) s.type = 'PLAIN';
    else if (lineWidth > 0 && v.length + keyWidth > lineWidth && !/^\s|\s$/.test(v)) s.type = 'BLOCK_FOLDED';
    else s.type = 'PLAIN';
  } else s.type = v.includes('\n') ? 'BLOCK_LITERAL' : 'PLAIN';
}

/**
 * Wrap the one-line body of each `>-` block at spaces. A single line break between two lines of
 * a folded block reads as one space, so breaking at a lone space keeps the value as it was.
 */
function wrapFoldedBlocks(text: string, width: number): string {
  const docs = parseAllDocuments(text, { logLevel: 'error' }) as Document.Parsed[];
  const spans: [number, number][] = [];
  for (const d of Array.isArray(docs) ? docs : []) {
    visit(d, {
      Scalar: (_k, n) => {
        if (n.type === 'BLOCK_FOLDED' && n.range) spans.push([n.range[0], n.range[1]]);
      },
    });
  }
  let out = text;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) {
    const bodyStart = out.indexOf('\n', start) + 1;
    if (bodyStart === 0 || bodyStart >= end) continue;
    const body = out.slice(bodyStart, end);
    const lines = body.split('\n');
    const indents = lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length);
    const base = Math.min(...indents);
    const wrapped = lines.flatMap((line) => (line.match(/^ */)![0].length === base ? wrapLine(line, base, width) : [line]));
    out = out.slice(0, bodyStart) + wrapped.join('\n') + out.slice(end);
  }
  return out;
}

function wrapLine(line: string, indent: number, width: number): string[] {
  const pad = ' '.repeat(indent);
  let rest = line.slice(indent);
  const lines: string[] = [];
  const lone = (i: number): boolean => rest[i] === ' ' && rest[i - 1] !== ' ' && rest[i + 1] !== ' ' && i > 0 && i < rest.length - 1;
  while (indent + rest.length > width) {
    const room = Math.max(1, width - indent);
    let cut = -1;
    for (let i = Math.min(room, rest.length - 2); i > 0; i--) if (lone(i)) { cut = i; break; }
    if (cut === -1) for (let i = room + 1; i < rest.length - 1; i++) if (lone(i)) { cut = i; break; }
    if (cut === -1) break;
    lines.push(pad + rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  lines.push(pad + rest);
  return lines;
}

/** The same plain values, whatever the order of keys (and of list items when `unordered`). */
export function deepEqual(a: unknown, b: unknown, unordered = false): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    if (unordered) {
      const key = (x: unknown): string => JSON.stringify(x);
      const xs = a.map(key).sort();
      const ys = b.map(key).sort();
      return xs.every((x, i) => x === ys[i]);
    }
    return a.every((x, i) => deepEqual(x, b[i], unordered));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], unordered));
}

