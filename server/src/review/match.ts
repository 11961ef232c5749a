/**
 * Pairs the items of two versions of a plan: by id when the id is unique in both versions
 * (as dyff does), then the rest by how much their words overlap, best pairs first, when the
 * overlap reaches the threshold (like git's 50 % rename default). Reordering never matters.
 */
import type { ViewItem } from './plan-view';

export const DEFAULT_SIMILARITY = 0.5;

export interface Pair {
  old: ViewItem;
  new: ViewItem;
  by: 'id' | 'similarity';
  similarity: number;
}

export interface Matching {
  pairs: Pair[];
  removed: ViewItem[];
  added: ViewItem[];
}

const WORD = /[\p{L}\p{N}]+(?:[:'’.-][\p{L}\p{N}]+)*/gu;

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(WORD)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

/** Dice coefficient of the two texts' word multisets: 1 for the same words in any order, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return a === b ? 1 : 0;
  for (const [w, n] of x) common += Math.min(n, y.get(w) ?? 0);
  return (2 * common) / total;
}

function counts(items: readonly ViewItem[]): Map<string, number> {
  const c = new Map<string, number>();
  for (const i of items) c.set(i.id, (c.get(i.id) ?? 0) + 1);
  return c;
}

/** Match the items of one kind (needs with needs, provision with provision). */
export function matchItems(oldItems: readonly ViewItem[], newItems: readonly ViewItem[], threshold = DEFAULT_SIMILARITY): Matching {
  const oldCount = counts(oldItems);
  const newCount = counts(newItems);
  const pairs: Pair[] = [];
  const byIdNew = new Map(newItems.filter((i) => newCount.get(i.id) === 1).map((i) => [i.id, i]));
  const restOld: ViewItem[] = [];
  const pairedNew = new Set<ViewItem>();
  for (const o of oldItems) {
    const n = oldCount.get(o.id) === 1 ? byIdNew.get(o.id) : undefined;
    if (n) {
      pairs.push({ old: o, new: n, by: 'id', similarity: similarity(o.text, n.text) });
      pairedNew.add(n);
    } else restOld.push(o);
  }
  const restNew = newItems.filter((n) => !pairedNew.has(n));

  // Unmatched ids: pair by text, best first. Few items are left over, so all pairs are scored.
  const candidates: { o: ViewItem; n: ViewItem; s: number }[] = [];
  for (const o of restOld) {
    for (const n of restNew) {
      const s = similarity(o.text, n.text);
      if (s >= threshold && s > 0) candidates.push({ o, n, s });
    }
  }
  candidates.sort((a, b) => b.s - a.s || a.o.line - b.o.line || a.n.line - b.n.line);
  const usedOld = new Set<ViewItem>();
  const usedNew = new Set<ViewItem>();
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push({ old: c.o, new: c.n, by: 'similarity', similarity: c.s });
  }
  return {
    pairs,
    removed: restOld.filter((o) => !usedOld.has(o)),
    added: restNew.filter((n) => !usedNew.has(n)),
  };
}
