/** Clause breaks (sentence ends, semicolons, bullets, new lines that start an item) and the word and span look-ups the readers share. */
import type { Span } from '../types';

export const BREAK_RE = /[;\u2022\u25e6\u25aa\u25cf\u2023\u2043]|[.!?](?=\s|$)|\n/g;
export const ABBREVIATIONS = new Set([
  'eg', 'ie', 'approx', 'min', 'mins', 'hr', 'hrs', 'no', 'c', 'ca', 'vs', 'incl', 'inc', 'max', 'dr', 'mr', 'mrs', 'ms', 'wk', 'wks', 'yr', 'yrs', 'st', 'etc', 'pw', 'p', 'w', 'e', 'i', 'g',
]);

export function findBreaks(s: string): number[] {
  const out: number[] = [];
  BREAK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BREAK_RE.exec(s))) {
    const i = m.index;
    const ch = s[i]!;
    if (ch === '.') {
      let j = i;
      while (j > 0 && i - j < 8 && /[A-Za-z.]/.test(s[j - 1]!)) j--;
      const word = s.slice(j, i).replace(/\./g, '').toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
    } else if (ch === '\n') {
      // A line break inside a sentence (a wrapped line) is only white space.
      let k = i + 1;
      while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
      const next = s[k];
      let p = i - 1;
      while (p >= 0 && s[p] === ' ') p--;
      const prev = s[p];
      const newItem =
        next === undefined ||
        next === '\n' ||
        /[-*\u2022\u25e6\u25aa\u25cf\u2023\u2043>]/.test(next) ||
        /^\d{1,2}[.)]\s/.test(s.slice(k, k + 4)) ||
        prev === undefined ||
        /[.:;!?]/.test(prev);
      if (!newItem) continue;
    }
    out.push(i);
  }
  return out;
}

/** Index of the first break >= pos (binary search). */
export function lowerBound(breaks: readonly number[], pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hasBreakBetween(breaks: readonly number[], from: number, to: number): boolean {
  const i = lowerBound(breaks, from);
  return i < breaks.length && breaks[i]! < to;
}

/** [start, end) of the clause holding pos. */
export function clauseAround(breaks: readonly number[], pos: number, length: number): [number, number] {
  const i = lowerBound(breaks, pos);
  const start = i > 0 ? breaks[i - 1]! + 1 : 0;
  const end = i < breaks.length ? breaks[i]! : length;
  return [start, end];
}
export function previousWord(s: string, pos: number): string {
  let e = pos;
  while (e > 0 && s[e - 1] === ' ') e--;
  let b = e;
  while (b > 0 && e - b < 20 && /[A-Za-z0-9'-]/.test(s[b - 1]!)) b--;
  return s.slice(b, e).toLowerCase();
}

export function nextWord(s: string, pos: number): string {
  let b = pos;
  while (b < s.length && s[b] === ' ') b++;
  let e = b;
  while (e < s.length && e - b < 20 && /[A-Za-z0-9'-]/.test(s[e]!)) e++;
  return s.slice(b, e).toLowerCase();
}
/** Whether [start, end) overlaps any of the spans (sorted by start, not overlapping much): binary search. */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  // spans[0..lo) start before `end`; look back a few for one that reaches past `start`.
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (spans[i]!.end > start) return true;
  return false;
}
