/** How long / how much: durations, clock-time ranges, money, and floors and ceilings ("at least", "up to"). */
import type { Amount } from './types';
import { NUMBER, NUMWORD, parseNumber } from './numbers';
import type { Prim } from './primitives';

export const Q_FLOOR =
  'at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|minimum|min\\.|no\\s+less\\s+than|not\\s+less\\s+than|no\\s+fewer\\s+than|not\\s+fewer\\s+than|not\\s+below';
export const Q_CEIL =
  'up\\s+to|a\\s+maximum\\s+of|maximum\\s+of|a\\s+max\\s+of|maximum|max\\.?|no\\s+more\\s+than|not\\s+more\\s+than|not\\s+exceeding|at\\s+most';
export const Q_APPROX = 'approximately|approx\\.?|around|about|roughly|circa|c\\.';
export const BOUND = `(?<bound>(?:${Q_FLOOR}|${Q_CEIL}|${Q_APPROX})\\s{1,3})?`;
export const FLOOR_RE = new RegExp(`^(?:${Q_FLOOR})`, 'i');
export const CEIL_RE = new RegExp(`^(?:${Q_CEIL})`, 'i');

export type Bound = Amount['bound'];

export function boundOf(boundText: string | undefined, isRange: boolean): Bound {
  if (boundText) {
    if (CEIL_RE.test(boundText)) return 'ceiling';
    if (FLOOR_RE.test(boundText)) return 'floor';
  }
  return isRange ? 'floor' : 'exact';
}

/** Durations: "45-minute", "1.5 hrs", "half an hour", "1 hour 30 minutes", "20-30 mins", "up to 3 hours". */
export const DURATION_RE = new RegExp(
  '(?<=^|[^A-Za-z0-9.]|\\bx|\\dx)' +
    BOUND +
    '(?:(?<half>half\\s+an?|a\\s+half|half|a\\s+quarter\\s+of\\s+an?|quarter\\s+of\\s+an?|three\\s+quarters\\s+of\\s+an?)' +
    `|(?<n1>${NUMBER}|an?)(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<n2>${NUMBER}))?(?<andhalf>\\s+and\\s+a\\s+half|\\s+and\\s+a\\s+quarter)?)` +
    '(?<unit>\\s{0,2}-?\\s{0,2}(?:hours?|hrs?|minutes?|mins?)|(?<=\\d)(?:h|m))(?![A-Za-z])' +
    '(?<tail>\\s+and\\s+a\\s+half)?' +
    `(?:\\s{0,2}(?:and\\s+)?(?<extra>\\d{1,2}|${NUMWORD})\\s{0,2}(?:minutes?|mins?|m)(?![A-Za-z]))?`,
  'gi',
);
export const MONEY_RE = /\u00a3\s?\d{1,3}(?:,\d{3}){0,3}(?:\.\d{2})?(?![0-9])|(?<![A-Za-z0-9])\d{1,6}(?:\.\d{2})?\s?(?:pounds|GBP)(?![A-Za-z])/gi;
/** Clock-time ranges: "from 9:00 to 10:30", "1.15pm-2pm". */
export const TIME_RANGE_RE =
  /(?<![A-Za-z0-9:.])(?:from\s{1,2}|between\s{1,2})?(?<h1>[01]?\d|2[0-3])(?:[:.](?<m1>[0-5]\d))?\s?(?<p1>am|pm|a\.m\.|p\.m\.)?\s{0,2}(?:-|to|until|till|and)\s{0,2}(?<h2>[01]?\d|2[0-3])(?:[:.](?<m2>[0-5]\d))?\s?(?<p2>am|pm|a\.m\.|p\.m\.)?(?![0-9A-Za-z])/gi;

export function scanTimeRanges(s: string, out: Prim[]): void {
  TIME_RANGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TIME_RANGE_RE.exec(s))) {
    const g = m.groups!;
    // Needs minutes or am/pm on both sides, so "2-3 times" is not a time.
    const side1 = g.m1 !== undefined || g.p1 !== undefined;
    const side2 = g.m2 !== undefined || g.p2 !== undefined;
    if (!side1 || !side2) continue;
    const toMinutes = (h: string, mm: string | undefined, p: string | undefined) => {
      let hour = Number(h) % 12;
      if (p && /^p/i.test(p)) hour += 12;
      else if (!p && Number(h) >= 12) hour = Number(h);
      return hour * 60 + Number(mm ?? 0);
    };
    const a = toMinutes(g.h1!, g.m1, g.p1 ?? (g.p2 && Number(g.h1) <= Number(g.h2) ? g.p2 : undefined));
    let b = toMinutes(g.h2!, g.m2, g.p2);
    if (b <= a) b += 12 * 60;
    const minutes = b - a;
    if (minutes <= 0 || minutes > 12 * 60) continue;
    const end = m.index + m[0].replace(/\s+$/, '').length;
    out.push({ kind: 'dur', start: m.index, end, value: minutes, bound: 'exact' });
  }
}

/** A day or half a day as the length of one event: "a one-day Team Teach course", "a half-day Makaton course". */
const DAY_EVENT_RE =
  /(?<![A-Za-z0-9-])(?:half|one|two|three|full|whole|[1-3])[\s-]days?(?=[\s-]{1,2}(?:[A-Za-z&-]{2,20}\s{1,2}){0,3}(?:courses?|training|sessions?|workshops?|events?|visits?|programmes?|conferences?)(?![A-Za-z]))/gi;

export function scanDurations(s: string, out: Prim[]): void {
  DAY_EVENT_RE.lastIndex = 0;
  let d: RegExpExecArray | null;
  while ((d = DAY_EVENT_RE.exec(s))) out.push({ kind: 'dur', start: d.index, end: d.index + d[0].length, bound: 'exact' });
  DURATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_RE.exec(s))) {
    const g = m.groups!;
    const unit = (g.unit ?? '').replace(/[\s-]/g, '').toLowerCase();
    const perUnit = unit.startsWith('h') ? 60 : 1;
    let n: number | undefined;
    if (g.half) {
      const h = g.half.toLowerCase();
      n = h.startsWith('three') ? 0.75 : h.includes('quarter') ? 0.25 : 0.5;
    } else {
      n = parseNumber(g.n1);
      if (g.andhalf) n = (n ?? 0) + (/quarter/i.test(g.andhalf) ? 0.25 : 0.5);
    }
    if (g.tail) n = (n ?? 0) + 0.5;
    if (n === undefined) continue;
    let minutes = n * perUnit;
    if (g.extra && perUnit === 60) minutes += parseNumber(g.extra) ?? 0;
    out.push({
      kind: 'dur',
      start: m.index,
      end: m.index + m[0].length,
      value: Math.round(minutes * 100) / 100,
      bound: boundOf(g.bound, g.n2 !== undefined),
    });
  }
}
