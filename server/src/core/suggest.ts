/** Edit distance (optimal string alignment: a swap of two letters counts once), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 0;
  if (Math.abs(x.length - y.length) > 3) return Math.abs(x.length - y.length);
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The closest candidates to a misspelt word, best first: within a third of its length
 * (1 edit for short words, otherwise 2 or 3), or differing only in case, spacing or underscores.
 */
export function suggest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  const budget = word.length <= 3 ? 1 : Math.min(3, Math.max(2, Math.floor(word.length / 3)));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    if (c === word) continue;
    const d = norm(c) === norm(word) ? 0 : editDistance(word, c);
    if (d <= budget) scored.push({ c, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, limit)
    .map((s) => s.c);
}

/** "Did you mean X?" / "Did you mean X or Y?" or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const found = suggest(word, candidates, 2);
  if (found.length === 0) return '';
  return ` Did you mean ${found.map((f) => `"${f}"`).join(' or ')}?`;
}
