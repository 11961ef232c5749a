/** Group size: ratios (1:1, 2:1), "a group of no more than 4", and "small group" with no size. */
import type { GroupSize } from './types';
import { overlapsAny } from './clauses';
import { NUMWORD, parseNumber } from './numbers';

/** 1:1, 2:1, one-to-one, individually, in pairs. */
export const RATIO_RE = new RegExp(
  '(?<![0-9:.])(?<!(?:at|from|until|till|by|before|after|to)\\s{1,3})(?:(?<ra>[1-4])\\s?:\\s?(?<rb>1)|1\\s?:\\s?(?<rc>10|[1-9]))(?![0-9]|[:.]\\d)' +
    '|(?<![A-Za-z0-9])(?<oto>(?:one|1)[\\s-]{1,2}(?:to|2)[\\s-]{1,2}(?:one|1))(?![A-Za-z0-9])' +
    '|(?<![0-9.])(?<dash>1-1)(?![0-9])' +
    '|(?<![A-Za-z])(?<ind>individually|(?:on\\s+an\\s+)?individual(?:ised)?\\s+(?:basis|sessions?|support|work|teaching|therapy|tuition|lessons?|withdrawal|input|intervention))(?![A-Za-z])' +
    '|(?<![A-Za-z])(?<pair>in\\s+(?:a\\s+)?pairs?|paired|with\\s+(?:a|one)\\s+(?:peer|partner|other\\s+(?:pupil|child|student)))(?![A-Za-z])',
  'gi',
);

export const GROUP_NOUN =
  '(?:(?:small|smaller)[\\s-]+)?(?:(?:teaching|nurture|social(?:\\s+skills)?|intervention|withdrawal|focus|work|therapy|language|phonics|reading|literacy|numeracy|maths|tutor|tutorial|learning)\\s+)?(?:groups?|class(?:es)?)';
export const GROUP_Q =
  'no\\s+more\\s+than|not\\s+more\\s+than|up\\s+to|a\\s+maximum\\s+of|maximum\\s+of|a\\s+max\\s+of|max\\s+of|maximum|max\\.?|at\\s+most|no\\s+larger\\s+than|no\\s+bigger\\s+than|not\\s+exceeding|fewer\\s+than|less\\s+than|between';
/** "a group of no more than 4", "groups of up to 6 pupils", "small group (max 6)", "a class of 8". */
export const GROUP_RE = new RegExp(
  `(?<![A-Za-z])(?:(?:a|in\\s+a|in)\\s+)?${GROUP_NOUN}(?:\\s+sizes?)?\\s{0,2}(?<lead>\\(\\s{0,2}(?:of\\s+)?|(?:of|with)\\s+)?(?:(?<gq>${GROUP_Q})\\s+)?(?<g1>\\d{1,2}|${NUMWORD})(?:\\s{0,2}(?:-|to|or|and)\\s{0,2}(?<g2>\\d{1,2}|${NUMWORD}))?(?![0-9]|[:.]\\d)(?:\\s+(?:other\\s+)?(?:pupils|children|students|learners|young\\s+people|peers|CYP|members))?(?:\\s+(?:or\\s+fewer|or\\s+less|maximum|max))?(?:\\s{0,2}\\))?` +
    `|(?<![A-Za-z])(?:1|one)\\s{1,2}(?:adult|member\\s+of\\s+staff|staff\\s+member|teacher|TA|practitioner)\\s{1,2}(?:to|for|per)\\s{1,2}(?:every\\s+)?(?<g5>\\d{1,2}|${NUMWORD})\\s{1,2}(?:pupils|children|students|learners|young\\s+people)(?![A-Za-z])` +
    `|(?<![A-Za-z])(?<gq2>${GROUP_Q})\\s+(?<g3>\\d{1,2}|${NUMWORD})(?:\\s{0,2}(?:-|to)\\s{0,2}(?<g4>\\d{1,2}|${NUMWORD}))?\\s+(?:other\\s+)?(?:pupils|children|students|learners|young\\s+people|peers)(?![A-Za-z])` +
    // "(6 children at most)", "4 pupils maximum".
    `|(?<![A-Za-z0-9])(?<g6>\\d{1,2}|${NUMWORD})\\s+(?:other\\s+)?(?:pupils|children|students|learners|young\\s+people)\\s+(?:at\\s+most|or\\s+fewer|or\\s+less|maximum|max)(?![A-Za-z])`,
  'gi',
);
/** "small group" / "small class" with no size. */
export const SMALL_GROUP_RE = new RegExp(
  '(?<![A-Za-z])(?:a\\s+)?small(?:er)?[\\s-]+(?:(?:teaching|nurture|social(?:\\s+skills)?|intervention|withdrawal|focus|work|therapy|language|learning)\\s+)?(?:groups?|class(?:es)?)(?:\\s+(?:sizes?|settings?|environments?))?(?![A-Za-z])',
  'gi',
);
export interface GroupHit extends GroupSize {
  unsized?: boolean;
}

export function scanGroups(s: string, text: string): GroupHit[] {
  const hits: GroupHit[] = [];
  const add = (start: number, end: number, max: number | undefined, unsized = false) =>
    hits.push({ text: text.slice(start, end), span: { start, end }, max, unsized });
  let m: RegExpExecArray | null;
  RATIO_RE.lastIndex = 0;
  while ((m = RATIO_RE.exec(s))) {
    const g = m.groups!;
    const max = g.rc ? Number(g.rc) : g.pair ? 2 : 1;
    add(m.index, m.index + m[0].length, max);
  }
  GROUP_RE.lastIndex = 0;
  while ((m = GROUP_RE.exec(s))) {
    const g = m.groups!;
    let max: number | undefined;
    if (g.g5 !== undefined) max = parseNumber(g.g5);
    else if (g.g6 !== undefined) max = parseNumber(g.g6);
    else if (g.g3 !== undefined) {
      max = parseNumber(g.g4 ?? g.g3);
      if (/^(?:fewer|less)/i.test(g.gq2 ?? '') && max !== undefined) max -= 1;
    } else {
      if (!g.lead && !g.gq) continue; // "class 3" is a name, not a size
      max = parseNumber(g.g2 ?? g.g1);
      if (/^(?:fewer|less)/i.test(g.gq ?? '') && max !== undefined) max -= 1;
    }
    if (max === undefined || max < 1 || max > 40) continue;
    add(m.index, m.index + m[0].length, max);
  }
  const sized = hits.map((h) => h.span).sort((a, b) => a.start - b.start);
  SMALL_GROUP_RE.lastIndex = 0;
  while ((m = SMALL_GROUP_RE.exec(s))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAny(sized, start, end)) continue;
    // "a small group (no more than 4 pupils)", "small-group phonics (a group of 3)": the size follows at once.
    let lo = 0;
    let hi = sized.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sized[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const next = sized[lo];
    const restated = next && next.start - end <= 40 ? next : undefined;
    if (restated && /^[^.;\n]{0,40}$/.test(s.slice(end, restated.start)) && !/\s(?:and|plus|also)\s/i.test(s.slice(end, restated.start))) continue;
    add(start, end, undefined, true);
  }
  hits.sort((a, b) => a.span.start - b.span.start);
  return hits;
}
