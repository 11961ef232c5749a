/**
 * The prose of a plan (views, needs, outcomes, provision, the personal budget), split into
 * sentences and words with offsets into each string value. Pure; never reads keys or ids.
 */
import { isMap, isScalar } from 'yaml';
import type { ParsedPlan, Str } from '../parse';
import type { Span } from '../types';

/**
 * A prose value longer than this is not read by the prose checks: no plan has a paragraph this
 * long, and a pasted document or a hostile file must not slow the editor down.
 */
export const MAX_PROSE_CHARS = 20_000;

export interface ProseField {
  /** Where it is, in words a writer knows: "Section A, the parents' views", "need N1". */
  where: string;
  /** The plan section letter (A, B, …) or "J". */
  section: string;
  str: Str;
}

const VIEW_LABELS: Record<string, string> = {
  child: 'the child’s views',
  parents: 'the parents’ views',
  aspirations: 'the aspirations',
  history: 'the history',
};

const fieldsOf = new WeakMap<ParsedPlan, ProseField[]>();

/** Every prose value of the plan, in plan order (computed once per parsed plan). */
export function proseFields(parsed: ParsedPlan): ProseField[] {
  let found = fieldsOf.get(parsed);
  if (!found) fieldsOf.set(parsed, (found = computeFields(parsed)));
  return found;
}

function computeFields(parsed: ParsedPlan): ProseField[] {
  return allFields(parsed).filter((f) => f.str.value.length <= MAX_PROSE_CHARS);
}

function allFields(parsed: ParsedPlan): ProseField[] {
  const out: ProseField[] = [];
  const root = parsed.plan.root;
  const strAt = (map: unknown, key: string): Str | undefined => {
    if (!isMap(map)) return undefined;
    const v = map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
    if (!isScalar(v) || typeof v.value !== 'string' || v.value.trim() === '') return undefined;
    const [start, end] = v.range ?? [0, 0];
    return { value: v.value, range: parsed.index.range(start, end), node: v };
  };
  const child = (map: unknown, key: string): unknown => (isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value : undefined);
  const views = child(root, 'views');
  for (const key of Object.keys(VIEW_LABELS)) {
    const str = strAt(views, key);
    if (str) out.push({ where: `Section A, ${VIEW_LABELS[key]}`, section: 'A', str });
  }
  const label = (kind: string, item: { id?: Str; index: number }) => `${kind} ${item.id?.value ?? item.index + 1}`;
  for (const need of parsed.plan.needs) if (need.text && typeof need.text.node.value === 'string') out.push({ where: label('need', need), section: need.section?.value ?? 'B', str: need.text });
  for (const outcome of parsed.plan.outcomes) if (outcome.text && typeof outcome.text.node.value === 'string') out.push({ where: label('outcome', outcome), section: 'E', str: outcome.text });
  for (const item of parsed.plan.provision) if (item.text && typeof item.text.node.value === 'string') out.push({ where: label('provision', item), section: item.section?.value ?? 'F', str: item.text });
  const covers = strAt(child(root, 'personal_budget'), 'covers');
  if (covers) out.push({ where: 'the personal budget', section: 'J', str: covers });
  return out;
}

export interface Sentence extends Span {
  text: string;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|No|Nos|approx|etc|e\.g|i\.e|cf|vs|Co|Ltd|Rev|Fr|incl|min|mins|hr|hrs|wk|wks|yr|yrs|para|paras|ref|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$/;

const sentenceMemo = new Map<string, Sentence[]>();

/** Sentences of a prose value, with offsets. Line breaks between short lines (a `|` block) end a sentence too. */
export function splitSentences(text: string): Sentence[] {
  let found = sentenceMemo.get(text);
  if (!found) {
    found = computeSentences(text);
    if (sentenceMemo.size >= 30_000) sentenceMemo.delete(sentenceMemo.keys().next().value!);
    sentenceMemo.set(text, found);
  }
  return found;
}

function computeSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    // Only a few characters either side are looked at, so a huge value without full stops stays linear.
    if (c === '\n' && (text[i + 1] === '\n' || /[.!?:;]["'”’)]*\s*$/.test(text.slice(Math.max(start, i - 8), i)) || /^\s*[-*•]/.test(text.slice(i + 1, i + 4)))) {
      push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < text.length && /["'”’)\]]/.test(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) continue; // 2.5, e.g.x, "Yes."Then
    let k = j;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k < text.length && /[a-z0-9,;]/.test(text[k]!)) continue; // "e.g. a ball", "Dr. smith" (no new sentence)
    if (c === '.' && ABBREVIATIONS.test(text.slice(Math.max(start, i - 6), i + 1))) continue;
    push(j);
  }
  push(text.length);
  return out;
}

export interface Word extends Span {
  text: string;
}

const WORD = /\p{L}[\p{L}\p{M}'’\u2010\u2011-]*\p{L}|\p{L}/gu;

const wordMemo = new Map<string, Word[]>();

/** Words (letters, inner apostrophes and hyphens) with offsets. The result is shared: do not change it. */
export function words(text: string, offset = 0): Word[] {
  if (offset !== 0) return computeWords(text, offset);
  let found = wordMemo.get(text);
  if (!found) {
    found = computeWords(text, 0);
    if (wordMemo.size >= 30_000) wordMemo.delete(wordMemo.keys().next().value!);
    wordMemo.set(text, found);
  }
  return found;
}

function computeWords(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let w = m[0];
    let end = m.index + w.length;
    // "Priya's" → "Priya" (the possessive is not part of the name).
    const poss = /['’]s$/.exec(w);
    if (poss) {
      w = w.slice(0, -2);
      end -= 2;
    }
    out.push({ text: w, start: offset + m.index, end: offset + end });
  }
  return out;
}

/** Spans of quoted speech in a text ("…" and “…”; single quotes only when they clearly pair). */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/"[^"\n]{1,400}"|“[^”\n]{1,400}”|(?<![\p{L}])'[^'\n]{1,400}'(?![\p{L}])|(?<![\p{L}])‘[^’\n]{1,400}’(?![\p{L}])/gu)) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function inSpans(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => at >= s.start && at < s.end);
}

/** Lower case without accents: "Zoë" → "zoe". */
export function fold(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Damerau–Levenshtein distance, bounded (returns max + 1 when further). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const w = b.length + 1;
  const d = new Uint16Array((a.length + 1) * w);
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    d[i * w] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1, d[(i - 1) * w + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * w + j - 2]! + 1);
      d[i * w + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length * w + b.length]!;
}

/**
 * A bounded memo for per-text results: while a writer types, only the value being edited is read
 * again. Results are plain data that no caller mutates. Give the text apart from its context
 * (`memoised(context, make, text)`): the text is then looked up as it is, and a string the parser
 * handed over unchanged is not copied or hashed again on every keystroke, as a key built by
 * joining context and text would be.
 */
export function memo<V>(size = 30_000): (key: string, make: () => V, text?: string) => V {
  const cache = new Map<string, Map<string, V>>();
  let entries = 0;
  return (key, make, text = '') => {
    let inner = cache.get(key);
    let v = inner?.get(text);
    if (v === undefined) {
      v = make();
      if (entries >= size) {
        cache.clear();
        entries = 0;
        inner = undefined;
      }
      if (!inner) cache.set(key, (inner = new Map()));
      inner.set(text, v);
      entries++;
    }
    return v;
  };
}

/** At most this many findings per prose rule and plan: past it the plan needs rewriting, not more squiggles. */
export const MAX_PROSE_FINDINGS = 100;

/** `report`, silent after MAX_PROSE_FINDINGS calls. */
export function limited<A extends unknown[]>(report: (...args: A) => void): (...args: A) => void {
  let n = 0;
  return (...args) => {
    if (n++ < MAX_PROSE_FINDINGS) report(...args);
  };
}
