/** Weeks a year: "38 weeks per year", "term time only", "all year round". */
import type { Period } from './types';

/** Weeks a year: "38 weeks per year", "a 52-week placement", "term time only", "all year round". */
export const WEEKS_RE = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    '(?<wn>[1-5]\\d)[\\s-]{1,2}weeks?(?:\\s{1,2}(?:per|a|an|each|every|of\\s+the|in\\s+the|in\\s+a|in\\s+each)\\s{1,2}(?:academic\\s+|school\\s+|calendar\\s+)?(?:year|annum)|[\\s-]{1,2}(?:a|per)[\\s-]year|[\\s-]{1,2}(?=placement|residential|provision|package|contract|basis|school\\s+year|academic\\s+year|year|programme|service))' +
    '|(?<tt>(?:during\\s+|in\\s+)?(?:school\\s+)?term[\\s-]?time(?:\\s+only)?)' +
    '|(?<yr>all\\s+year\\s+round|year[\\s-]round|all\\s+year|throughout\\s+the\\s+(?:whole\\s+)?year|including\\s+(?:the\\s+|school\\s+)?holidays|fifty[\\s-]two\\s+weeks)' +
    ')(?![A-Za-z])',
  'gi',
);
export function scanPeriod(s: string, text: string): Period | undefined {
  WEEKS_RE.lastIndex = 0;
  let first: Period | undefined;
  let m: RegExpExecArray | null;
  while ((m = WEEKS_RE.exec(s))) {
    const g = m.groups!;
    let weeksPerYear: number | undefined;
    if (g.wn) {
      weeksPerYear = Number(g.wn);
      if (weeksPerYear < 30 || weeksPerYear > 52) continue;
    } else if (g.yr) weeksPerYear = 52;
    const end = m.index + m[0].replace(/[\s-]+$/, '').length;
    const p: Period = { text: text.slice(m.index, end), span: { start: m.index, end }, weeksPerYear };
    if (weeksPerYear !== undefined) return p;
    first ??= p;
  }
  return first;
}
