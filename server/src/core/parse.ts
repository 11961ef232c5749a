/**
 * Text → YAML document with positions, the findings of the YAML and schema layers, and a
 * located model of the plan that the rules read. Never throws: every problem is a finding.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, Scalar, YAMLMap, YAMLSeq, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { assembleChunks, parseChunk, splitBlocks } from './chunks';
import { LineIndex, spanToRange } from './positions';
import { planSchema } from './model';
import { didYouMean } from './suggest';
import { unknownTopLevelField } from './unknown-field';
import type { Finding, Range, Span } from './types';

/** Plans are rarely over 200 KB; past this a file is reported, not parsed (keeps the editor responsive). */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;
/** YAML aliases allowed before a file is treated as an alias bomb. Plans need few or none. */
export const MAX_ALIASES = 100;

/** A string value in the plan with its source range. */
export interface Str {
  value: string;
  range: Range;
  node: Scalar;
}

interface ItemBase {
  /** Index in its list (needs, outcomes, provision or advice). */
  index: number;
  id?: Str;
  /** The whole item. */
  range: Range;
  node: YAMLMap;
}

export interface NeedItem extends ItemBase {
  kind: 'need';
  section?: Str;
  area?: Str;
  text?: Str;
  evidence: Str[];
}

export interface OutcomeItem extends ItemBase {
  kind: 'outcome';
  needs: Str[];
  text?: Str;
  evidence: Str[];
}

export interface ProvisionItem extends ItemBase {
  kind: 'provision';
  section?: Str;
  needs: Str[];
  /** Undefined when the item has no `outcomes:` key (it then serves the outcomes of its needs). */
  outcomes?: Str[];
  text?: Str;
  evidence: Str[];
}

export interface AdviceItem extends ItemBase {
  kind: 'advice';
  professional?: Str;
  author?: Str;
  date?: Str;
  file?: Str;
}

export type PlanItem = NeedItem | OutcomeItem | ProvisionItem | AdviceItem;

export interface PlanModel {
  child: { name?: Str; known_as?: Str; pronouns?: Str; date_of_birth?: Str };
  status?: Str;
  needs: NeedItem[];
  outcomes: OutcomeItem[];
  provision: ProvisionItem[];
  advice: AdviceItem[];
  /** The top-level sequences, for inserting new items in the right place. */
  lists: Partial<Record<'needs' | 'outcomes' | 'provision' | 'advice', YAMLSeq>>;
  root?: YAMLMap;
}

export interface ParsedPlan {
  text: string;
  index: LineIndex;
  /** The document holding the plan (the first non-empty one), if any. */
  doc?: Document.Parsed;
  /** The plain JS value when it could be built safely. */
  value?: unknown;
  plan: PlanModel;
  /** yaml-syntax and schema findings. */
  findings: Finding[];
  /** True when the YAML had errors: the model may be partial. */
  hasSyntaxErrors: boolean;
}

const emptyModel = (): PlanModel => ({ child: {}, needs: [], outcomes: [], provision: [], advice: [], lists: {} });

/**
 * Parse one plan file's text. When the YAML has an error, the plan is read chunk by chunk (each
 * top-level field and each list item alone, ./chunks) so that the error is reported where it is
 * and stays in its item: an unclosed quote or bracket in one provision item does not swallow the
 * items after it, which would bury the error under findings about items that are really there.
 */
export function parsePlan(text: string): ParsedPlan {
  const whole = parseWhole(text);
  if (!whole.hasSyntaxErrors || !whole.doc) return whole;
  const blocks = splitBlocks(text);
  const assembled = blocks && assembleChunks(blocks, parseChunk);
  // Chunks that read cleanly when the whole text does not: trust the whole text's errors.
  if (!assembled || assembled.errors.length === 0) return whole;
  return parsedFromDocument(text, whole.index, assembled.doc, assembled.errors);
}

/** The whole text through the YAML parser, as one stream. */
function parseWhole(text: string): ParsedPlan {
  const index = new LineIndex(text);
  const findings: Finding[] = [];
  const result: ParsedPlan = { text, index, plan: emptyModel(), findings, hasSyntaxErrors: false };
  const whole = index.range(0, Math.min(text.length, firstLineEnd(text)));

  if (text.length > MAX_PLAN_BYTES) {
    findings.push(fileFinding(whole, `This file is ${(text.length / 1024 / 1024).toFixed(1)} MB; plans over ${MAX_PLAN_BYTES / 1024 / 1024} MB are not checked. Split it into one plan per file.`));
    return result;
  }
  if (looksBinary(text)) {
    findings.push(fileFinding(whole, 'This file is not text (it holds binary data), so it cannot be a plan. Check that it is the right file.'));
    return result;
  }
  if (text.trim() === '') {
    findings.push({ rule: 'schema', severity: 'error', message: 'This plan is empty. Start from the plan skeleton (type "plan" and choose the snippet) or copy an example.', range: whole });
    return result;
  }

  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = []; // an empty stream
  } catch (error) {
    findings.push(fileFinding(whole, `The YAML could not be read: ${firstLine(error)}.`));
    return result;
  }

  const planDocIndex = docs.findIndex((d) => d.contents !== null);
  for (const [i, d] of docs.entries()) {
    for (const e of d.errors) {
      result.hasSyntaxErrors = true;
      findings.push(syntaxFinding(index, e));
    }
    if (i !== planDocIndex && d.contents !== null && planDocIndex !== -1) {
      const start = d.range[0];
      findings.push({ rule: 'schema', severity: 'error', message: 'This file holds more than one YAML document. Keep one plan per file: move this one into its own .ehcp.yaml file.', range: index.range(start, firstLineEnd(text, start)) });
    }
  }
  const doc = docs[planDocIndex];
  if (!doc) {
    findings.push({ rule: 'schema', severity: 'error', message: 'This file holds no plan, only comments. Start from the plan skeleton or copy an example.', range: whole });
    return result;
  }
  result.doc = doc;

  let aliases = 0;
  let firstAlias: [number, number] | undefined;
  countAliases(doc.contents, (n) => {
    aliases++;
    firstAlias ??= [n.range?.[0] ?? 0, n.range?.[1] ?? 0];
  });
  if (aliases > MAX_ALIASES) {
    findings.push({ rule: 'yaml-syntax', severity: 'error', message: `This file uses ${aliases} YAML aliases (*name); more than ${MAX_ALIASES} could expand without limit, so the plan was not checked. Write the text out in full.`, range: index.range(firstAlias![0], firstAlias![1]) });
    return result;
  }

  try {
    result.value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = /alias/i.test(firstLine(error))
      ? 'This file\'s YAML aliases (*name) expand to too much text, as an "alias bomb" does, so the plan was not checked. Write the text out in full.'
      : `The YAML could not be read: ${firstLine(error)}.`;
    findings.push({ rule: 'yaml-syntax', severity: 'error', message, range: firstAlias ? index.range(firstAlias[0], firstAlias[1]) : whole });
    return result;
  }

  return completeParse(result, doc);
}

/** Builds the located model and the schema findings for a document that has a JS value. */
function completeParse(result: ParsedPlan, doc: Document.Parsed): ParsedPlan {
  result.plan = buildModel(doc, result.index);
  result.findings.push(...schemaFindings(result));
  return result;
}

/**
 * The ParsedPlan for a document assembled elsewhere (the incremental parser): one YAML document
 * with no aliases, and the YAML errors found in its parts, in text order, their positions in the
 * whole text. Same findings and model as parsePlan gives for the text.
 */
export function parsedFromDocument(text: string, index: LineIndex, doc: Document.Parsed, errors: readonly YAMLError[] = []): ParsedPlan {
  const findings = errors.map((e) => syntaxFinding(index, e));
  const result: ParsedPlan = { text, index, doc, plan: emptyModel(), findings, hasSyntaxErrors: errors.length > 0, value: doc.toJS() };
  return completeParse(result, doc);
}

function syntaxFinding(index: LineIndex, e: YAMLError): Finding {
  return { rule: 'yaml-syntax', severity: 'error', message: yamlMessage(e.code, e.message), range: index.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)) };
}

function fileFinding(range: Range, message: string): Finding {
  return { rule: 'yaml-syntax', severity: 'error', message, range };
}

function firstLineEnd(text: string, from = 0): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/\.$/, '');
}

/** NUL bytes or many replacement characters mean a binary file opened as text. */
function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return odd > 8 && odd > sample.length / 100;
}

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'This key appears twice in the same block. Keep one and merge the text, or nothing after the first will be read.',
  TAB_AS_INDENT: 'A tab is used for indentation. YAML needs spaces: replace the tab with spaces.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it. Indent with spaces to the level of the block it belongs to.',
  MISSING_CHAR: 'A closing character is missing here (a quote or a bracket). Close it, or remove the opening one.',
  MULTILINE_IMPLICIT_KEY: 'A key cannot run over several lines. Check for a missing colon or a line that should be indented under the key above.',
  BLOCK_AS_IMPLICIT_KEY: 'A block cannot be used as a key. Check for a missing colon on the line above.',
  UNEXPECTED_TOKEN: 'Unexpected text here. Check the indentation and that each key ends with a colon.',
  BAD_SCALAR_START: 'This value cannot start with this character. Put the whole value in quotes.',
  ALIAS_PROPS: 'An alias cannot have an anchor or tag.',
  BAD_ALIAS: 'This alias does not point at any anchor.',
};

function yamlMessage(code: string, message: string): string {
  const known = YAML_MESSAGES[code];
  if (known) return known;
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
  return `YAML: ${first}.`;
}

function countAliases(node: unknown, found: (n: Node) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) found(n);
    else if (isMap(n) || isSeq(n)) {
      for (const item of n.items as unknown[]) {
        if (isMap(n)) {
          const pair = item as Pair;
          stack.push(pair.key, pair.value);
        } else stack.push(item);
      }
    }
  }
}

// ---------------------------------------------------------------- the located model

function buildModel(doc: Document.Parsed, index: LineIndex): PlanModel {
  const model = emptyModel();
  const root = deref(doc, doc.contents);
  if (!isMap(root)) return model;
  model.root = root;
  const str = (n: unknown): Str | undefined => toStr(doc, index, n);
  const strs = (n: unknown): Str[] => {
    const v = deref(doc, n);
    if (isSeq(v)) return v.items.map(str).filter((s): s is Str => s !== undefined);
    const one = str(v);
    return one ? [one] : [];
  };
  const get = (map: YAMLMap, key: string): unknown => map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;

  const child = deref(doc, get(root, 'child'));
  if (isMap(child)) {
    model.child = { name: str(get(child, 'name')), known_as: str(get(child, 'known_as')), pronouns: str(get(child, 'pronouns')), date_of_birth: str(get(child, 'date_of_birth')) };
  }
  const meta = deref(doc, get(root, 'plan'));
  if (isMap(meta)) model.status = str(get(meta, 'status'));

  const items = (key: 'needs' | 'outcomes' | 'provision' | 'advice'): { map: YAMLMap; base: ItemBase }[] => {
    const seq = deref(doc, get(root, key));
    if (!isSeq(seq)) return [];
    model.lists[key] = seq;
    const out: { map: YAMLMap; base: ItemBase }[] = [];
    seq.items.forEach((raw, i) => {
      const map = deref(doc, raw);
      if (!isMap(map)) return;
      const [start, , end] = map.range ?? [0, 0, 0];
      out.push({ map, base: { index: i, id: str(get(map, 'id')), range: index.range(start, end), node: map } });
    });
    return out;
  };

  model.needs = items('needs').map(({ map, base }) => ({ ...base, kind: 'need', section: str(get(map, 'section')), area: str(get(map, 'area')), text: str(get(map, 'text')), evidence: strs(get(map, 'evidence')) }));
  model.outcomes = items('outcomes').map(({ map, base }) => ({ ...base, kind: 'outcome', needs: strs(get(map, 'needs')), text: str(get(map, 'text')), evidence: strs(get(map, 'evidence')) }));
  model.provision = items('provision').map(({ map, base }) => {
    const hasOutcomes = map.items.some((p) => isScalar(p.key) && p.key.value === 'outcomes');
    return { ...base, kind: 'provision', section: str(get(map, 'section')), needs: strs(get(map, 'needs')), outcomes: hasOutcomes ? strs(get(map, 'outcomes')) : undefined, text: str(get(map, 'text')), evidence: strs(get(map, 'evidence')) };
  });
  model.advice = items('advice').map(({ map, base }) => ({ ...base, kind: 'advice', professional: str(get(map, 'professional')), author: str(get(map, 'author')), date: str(get(map, 'date')), file: str(get(map, 'file')) }));
  return model;
}

/** Follows an alias once (aliases were counted and bounded before the model is built). */
function deref(doc: Document.Parsed, n: unknown): unknown {
  if (isAlias(n)) {
    try {
      return n.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return n;
}

function toStr(doc: Document.Parsed, index: LineIndex, n: unknown): Str | undefined {
  const v = deref(doc, n);
  if (!isScalar(v) || v.value === null || v.value === undefined || typeof v.value === 'object') return undefined;
  const [start, end] = v.range ?? [0, 0];
  return { value: String(v.value), range: index.range(start, end), node: v };
}

/** The source range of a span inside a string value (a vague phrase in a provision text). */
export function strSpanRange(parsed: ParsedPlan, str: Str, span: Span): Range {
  return spanToRange(parsed.index, str.node, span);
}

// ---------------------------------------------------------------- schema findings

function schemaFindings(parsed: ParsedPlan): Finding[] {
  const result = planSchema.safeParse(parsed.value);
  if (result.success) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const finding = issueToFinding(parsed, issue);
    if (!finding) continue;
    const key = `${finding.range.start.line}:${finding.range.start.character}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

type Issue = z.core.$ZodIssue;

function issueToFinding(parsed: ParsedPlan, issue: Issue): Finding | undefined {
  const doc = parsed.doc!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = pathLabel(path);
  const value = valueAt(parsed.value, path);
  const node = nodeAt(doc, path);
  const range = (n: Node | undefined | null): Range => {
    const r = n?.range;
    return r ? parsed.index.range(r[0], Math.max(r[1], r[0])) : parsed.index.range(0, firstLineEnd(parsed.text));
  };

  if (issue.code === 'unrecognized_keys') {
    const parent = nodeAt(doc, path);
    const known = knownKeys(path);
    return {
      rule: 'schema',
      severity: 'error',
      message: issue.keys
        .map((k) =>
          path.length === 0
            ? unknownTopLevelField(k, (parsed.value as Record<string, unknown> | null)?.[k], known)
            : `"${k}" is not a field of ${where || 'a plan'}.${didYouMean(k, known)}`,
        )
        .join(' '),
      range: isMap(parent) ? range(keyNode(parent, issue.keys[0]!)) : range(parent),
    };
  }
  if (value === undefined && path.length > 0) {
    // A required field is missing: point at the block that should hold it.
    if (parsed.hasSyntaxErrors) return undefined; // probably a consequence of the syntax error
    const parentPath = path.slice(0, -1);
    const parent = nodeAt(doc, parentPath);
    const field = String(path[path.length - 1]);
    const at = isMap(parent) && parent.items[0] ? (parent.items[0].key as Node) : parentPath.length > 0 ? keyOf(doc, parentPath) : undefined;
    return { rule: 'schema', severity: 'error', message: `${capitalise(pathLabel(parentPath) || 'the plan')} has no "${field}". Add it: ${fieldHint(path)}`, range: range(at ?? parent) };
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String);
    const got = String(value);
    const hint = didYouMean(got, options);
    const choices = options.length <= 10 ? ` Use one of: ${options.join(', ')}.` : '';
    return { rule: 'schema', severity: 'error', message: `"${got}" is not allowed for ${where}.${hint || choices}`, range: range(node) };
  }
  if (issue.code === 'invalid_type') {
    const got = Array.isArray(value) ? 'a list' : value === null ? 'empty' : typeof value === 'object' ? 'a block of fields' : `a ${typeof value}`;
    const expected = issue.expected === 'array' ? 'a list, for example [N1, N2]' : issue.expected === 'object' ? 'a block of fields' : `a ${issue.expected}`;
    return { rule: 'schema', severity: 'error', message: `${capitalise(where)} should be ${expected}, but it is ${got}.`, range: range(node) };
  }
  if (issue.code === 'invalid_union' && path[0] === 'personal_budget') {
    return { rule: 'schema', severity: 'error', message: 'The personal budget should be "none", or an amount and what it covers (amount:, covers:).', range: range(node) };
  }
  return { rule: 'schema', severity: 'error', message: `${capitalise(where)}: ${issue.message.replace(/\.$/, '')}.`, range: range(node) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pathLabel(path: (string | number)[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    const next = path[i + 1];
    if (typeof next === 'number' && typeof p === 'string') {
      const singular: Record<string, string> = { needs: 'need', outcomes: 'outcome', provision: 'provision item', advice: 'advice entry', evidence: 'evidence reference' };
      parts.push(`${singular[p] ?? p} ${next + 1}`);
      i++;
    } else parts.push(typeof p === 'number' ? `item ${p + 1}` : `"${p}"`);
  }
  return parts.join(', ');
}

function fieldHint(path: (string | number)[]): string {
  const field = String(path[path.length - 1]);
  const hints: Record<string, string> = {
    ehcp: 'ehcp: 1 at the top of the file.',
    id: 'a short id such as N1, O1 or P1.',
    text: 'the prose for this item.',
    section: 'the plan section (B, C or D for needs; F, G, H1 or H2 for provision).',
    needs: 'the ids of the needs it relates to, for example needs: [N1].',
    known_as: 'the name used throughout the plan.',
    pronouns: 'she/her, he/him or they/them.',
    area: 'the broad area of need: communication and interaction; cognition and learning; social, emotional and mental health; or sensory and/or physical.',
  };
  return hints[field] ?? `${field}: …`;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let v: unknown = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function nodeAt(doc: Document.Parsed, path: (string | number)[]): Node | undefined {
  let n: unknown = doc.contents;
  for (const p of path) {
    n = deref(doc, n);
    if (isMap(n)) n = n.items.find((pair) => isScalar(pair.key) && pair.key.value === p)?.value;
    else if (isSeq(n) && typeof p === 'number') n = n.items[p];
    else return undefined;
  }
  return (n ?? undefined) as Node | undefined;
}

/** The key node whose value is at `path`, or the item itself for list entries. */
function keyOf(doc: Document.Parsed, path: (string | number)[]): Node | undefined {
  const parent = deref(doc, nodeAt(doc, path.slice(0, -1)));
  const last = path[path.length - 1];
  if (isMap(parent)) return keyNode(parent, String(last));
  if (isSeq(parent) && typeof last === 'number') {
    const item = deref(doc, parent.items[last]);
    if (isMap(item) && item.items[0]) return item.items[0].key as Node;
    return item as Node;
  }
  return undefined;
}

function keyNode(map: YAMLMap, key: string): Node | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.key as Node | undefined;
}

/** Field names the schema knows at a path, for "did you mean". */
function knownKeys(path: (string | number)[]): string[] {
  let schema: unknown = planSchema;
  for (const p of path) {
    schema = unwrap(schema);
    const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof p === 'string') schema = def.shape?.[p];
    else if (def?.type === 'array' && typeof p === 'number') schema = def.element;
    else return [];
  }
  schema = unwrap(schema);
  const def = (schema as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown; options?: unknown[] } } | undefined;
  for (let i = 0; i < 5 && s?.def; i++) {
    if (s.def.type === 'optional' || s.def.type === 'nullable' || s.def.type === 'default') s = s.def.innerType as typeof s;
    else if (s.def.type === 'union') s = (s.def.options ?? []).find((o) => (o as { def?: { type?: string } }).def?.type === 'object') as typeof s;
    else break;
  }
  return s;
}
