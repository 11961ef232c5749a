/** Quantity primitives found in a text, and how they group into one expression ("3 x 20 mins weekly"). */
import type { Bound } from './amount';
import { hasBreakBetween } from './clauses';

export type PrimKind = 'count' | 'dur' | 'per' | 'perv' | 'money';

export interface Prim {
  kind: PrimKind;
  start: number;
  end: number;
  /** count: number of sessions; dur: minutes. */
  value?: number;
  bound?: Bound;
  /** per: sessions per week for one session per period. */
  rate?: number;
  /** count: the unit itself is an amount ("3 days", "one overnight stay"). */
  impliesAmount?: boolean;
  /** count: written with a unit ("2 sessions"), so a following "weekly" only counts when right next to it. */
  withUnit?: boolean;
  /** count: a course total, not a number per period ("6 weekly sessions"). */
  course?: boolean;
  /** per: an adverb ("weekly") rather than "per week" / "each week". */
  adverb?: boolean;
  /** per: "over 6 weeks", "in a term": a period only for a count. */
  needsCount?: boolean;
  /** per "a day" / count "4 days": for "15 minutes a day, 4 days a week". */
  dayUnit?: boolean;
}
export function scanSimple(re: RegExp, s: string, kind: PrimKind, out: Prim[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ kind, start: m.index, end: m.index + m[0].length });
}

export interface QGroup {
  count?: Prim;
  dur?: Prim;
  per?: Prim;
  start: number;
  end: number;
}

export const MAX_GAP = 60;

export function groupPrims(prims: readonly Prim[], breaks: readonly number[]): QGroup[] {
  const groups: QGroup[] = [];
  let cur: QGroup | undefined;
  for (const p of prims) {
    if (p.kind === 'perv') continue;
    const slot: 'count' | 'dur' | 'per' = p.kind === 'money' ? 'dur' : p.kind;
    // After "how often", only a count right next to it ("weekly x 3") or a nearby duration ("twice a week
    // for 30 minutes") belongs to the same expression.
    const gapLimit = cur?.per === undefined ? MAX_GAP : slot === 'count' ? (p.dayUnit ? -1 : 4) : 30;
    const joinable =
      cur !== undefined && cur[slot] === undefined && p.start - cur.end <= gapLimit && !hasBreakBetween(breaks, cur.end, p.start);
    if (!joinable) {
      cur = { start: p.start, end: p.end };
      groups.push(cur);
    }
    cur![slot] = p;
    cur!.end = Math.max(cur!.end, p.end);
  }
  return groups;
}
