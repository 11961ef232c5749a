/** How often: counts ("3 x", "twice", "6 sessions"), periods ("weekly", "per half term", "every Monday") and pervasive provision ("in every lesson"). */
import type { Span } from '../types';
import { BOUND, boundOf } from './amount';
import { hasBreakBetween, overlapsAny, previousWord } from './clauses';
import { NUMBER, NUMWORD, SMALL_NUM, parseNumber } from './numbers';
import type { Prim, QGroup } from './primitives';

export const PER_UNITS =
  '(?:(?:autumn|spring|summer)\\s+)?(?:half[\\s-]?)?terms?|school\\s+holidays?|holidays?|school\\s+days?|school\\s+weeks?|week\\s?days?|weekends?|weeks?|wks?|days?|mornings?|afternoons?|evenings?|nights?|fortnights?|months?|half[\\s-]?terms?|terms?|academic\\s+years?|school\\s+years?|years?|annum';
/** Counts: "3 x", "x3", "three times", "twice", "2 sessions", "3 days", "one overnight stay". */
export const COUNT_UNITS =
  'sessions?|lessons?|visits?|appointments?|periods?|slots?|school\\s+days|days?|mornings?|afternoons?|half[\\s-]days?|evenings?|nights?|overnight\\s+stays?|overnights?|short\\s+breaks?|stays?|weekends?|check-ins?|contacts?|blocks?|meetings?|consultations?|reviews?|classes|calls?';
/** One word between a number and its unit ("three transition mornings", "10 Drawing and Talking sessions"), never one that starts another phrase. */
const COUNT_FILLER =
  '(?!(?:of|and|or|the|a|an|with|for|in|to|at|on|by|per|each|every|children|pupils|students|learners|adults|staff|peers|people|times|minutes?|mins?|hours?|hrs?|weeks?|months?|years?|terms?)(?![A-Za-z-]))[a-z][a-z-]{1,20}';
export const COUNT_RE = new RegExp(
  '(?<![A-Za-z0-9.])' +
    BOUND +
    '(?:(?<once>once|twice|thrice)(?![A-Za-z])' +
    `|(?<n>${NUMBER})(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<n2>${NUMBER}))?\\s{0,2}(?:x|times)(?![A-Za-z])` +
    `|x\\s{0,2}(?<nx>\\d{1,2}|${NUMWORD})(?![0-9])(?!\\s{0,2}-?\\s{0,2}(?:hours?|hrs?|minutes?|mins?|h|m)(?![A-Za-z]))` +
    `|(?<np>${NUMBER})(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<np2>${NUMBER}))?(?=\\s{1,2}(?:per|each|every|a|an)\\s{1,2}(?:${PER_UNITS})(?![A-Za-z]))` +
    `|(?<nd>${NUMBER}|an?|one|single)\\s{1,2}(?=(?:(?:one-off|single|further|extra|additional)\\s{1,2})?(?:\\d{1,3}(?:\\.\\d{1,2})?|${NUMWORD}|an?)[\\s-]{0,2}(?:minutes?|mins?|hours?|hrs?)[\\s-]{1,2}(?:(?:individual|group|1:1|one-to-one|small\\s+group|direct|therapy|teaching)\\s+)?(?:sessions?|lessons?|slots?|periods?|blocks?|visits?|appointments?|check-ins?|consultations?|meetings?|reviews?|calls?|contacts?|tutorials?))` +
    '|(?<hd>half\\s+a\\s+day|half\\s+a\\s+morning|half\\s+an\\s+afternoon)(?![A-Za-z])' +
    `|(?<nu>${NUMBER}|an?|one|single)(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<nu2>${NUMBER}))?\\s{1,2}(?:(?:individual|separate|weekly|daily|fortnightly|monthly|termly|short|hour-long|1:1|one-to-one|small\\s+group|group|direct|therapy|teaching|withdrawal|full|whole|overnight|school|college|home|further|extra|additional|${COUNT_FILLER})\\s{1,2}){0,2}(?<unit>${COUNT_UNITS})(?![A-Za-z])` +
    ')',
  'gi',
);
export const DAYLIKE_UNIT = /^(?:school\s+days|days?|mornings?|afternoons?|evenings?|nights?|weekends?)$/i;
export const AMOUNT_UNIT = /^(?:school\s+days|days?|mornings?|afternoons?|half[\s-]days?|nights?|overnight\s+stays?|overnights?|short\s+breaks?|stays?|weekends?)$/i;

/** How often: "weekly", "a week", "per half term", "each morning", "every 6 weeks", "over 6 weeks". */
export const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thur?s?|fri)(?=s?(?![A-Za-z]))';
export const WEEKDAY_G = /monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thur?s?|fri/gi;
const DAY_PART = '(?:\\s{1,2}(?:mornings?|afternoons?|lunch\\s?times?|lunches|break\\s?times?|evenings?|after\\s+school|before\\s+school|during\\s+registration))';
const DAY_LIST = `(?:\\s{0,2}(?:,|and|&|\\+|/)\\s{0,2}${WEEKDAY}s?){1,4}`;
/** Distinct weekdays named in a text ("Mon, Wed and Fri" = 3; "Monday to Friday" = 5). */
export function weekdaysIn(text: string): number {
  const order = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const days = (text.toLowerCase().match(WEEKDAY_G) ?? []).map((d) => d.slice(0, 3));
  if (/\s(?:to|until|-)\s?/i.test(text) && days.length === 2) {
    const a = order.indexOf(days[0]!);
    const b = order.indexOf(days[1]!);
    if (a >= 0 && b > a) return b - a + 1;
  }
  return new Set(days).size;
}
export const NOT_A_PERIOD = '(?!\\s+(?:centres?|centers?|trips?|care|services?|placements?|off|release|visits?|out|opening|provision|nursery|school|\'s))';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)';
const TERM_NAME = '(?:(?:the\\s+)?(?:(?:first|second|last|final)\\s+half\\s+of\\s+the\\s+|first\\s+(?:week|fortnight|month|half\\s+term)\\s+of\\s+the\\s+)?(?:autumn|spring|summer)\\s+(?:half[\\s-]?)?term(?:\\s+\\d{4})?)';
const DATE = `(?:(?:early|mid|late)[\\s-]{1,2})?${MONTH}(?:\\s{1,2}\\d{4})?`;
/** A stated time for a course or a one-off: see PER_RE's `crs`. */
const COURSE =
  `(?:in|during|across|over|throughout|before|by|from|until)\\s{1,2}${TERM_NAME}` +
  `|(?:in|during|before|by|from|until|between)\\s{1,2}(?:the\\s{1,2}(?:first|second|third|last|final)\\s{1,2}(?:week|fortnight|half)\\s{1,2}of\\s{1,2})?${DATE}(?:\\s{1,2}(?:and|to|-|or|until)\\s{1,2}${DATE})?(?=[\\s,.;)]|$)` +
  "|(?:in|during|across|throughout|over)\\s{1,2}(?:the\\s+)?(?:Year|Yr|Y)\\s?\\d{1,2}(?![0-9])" +
  `|over\\s{1,2}(?:a|the|one)\\s{1,2}(?:\\d{1,2}|${NUMWORD})[\\s-]weeks?\\s+(?:period|block|course|programme)` +
  '|(?:before|by|at|in)\\s{1,2}the\\s{1,2}(?:end|start|beginning)\\s{1,2}of\\s{1,2}(?:the\\s{1,2})?(?:(?:autumn|spring|summer|academic|school|first|next)\\s{1,2})?(?:half[\\s-]?)?(?:term|year|half\\s+term)(?:\\s+\\d{4})?' +
  `|within\\s{1,2}(?:\\d{1,2}|${NUMWORD})\\s{1,2}(?:school\\s+)?(?:weeks?|months?|days?)\\s{1,2}of` +
  "|before\\s{1,2}(?:he|she|they|[A-Z][a-z]{1,20})\\s{1,2}(?:starts?|returns?|moves?|transfers?|begins?|joins?)(?![A-Za-z])" +
  '|as\\s+a\\s+one-off|one-off';

export const PER_RE = new RegExp(
  '(?:(?<![A-Za-z0-9])(?:' +
    '(?<!(?:bi|semi)-?)(?<adv>weekly|wkly|daily|fortnightly|monthly|half[\\s-]?termly|termly|annually|yearly|nightly|bi-?annually)(?![A-Za-z])(?!\\s+(?:living|life|routines?|timetables?|planners?|schedules?|tasks|chores|activities\\s+of|life\\s+skills))' +
    `|(?<ev>every|each)\\s{1,2}(?:(?<evn>other|second|alternate|${SMALL_NUM})\\s{1,2})?(?<evu>${PER_UNITS})(?![A-Za-z'])${NOT_A_PERIOD}` +
    `|(?<pp>per|a|an|in\\s+a|in\\s+an|in\\s+each|in\\s+every|over\\s+(?:a|an|one|the|each)|across\\s+(?:a|the|each)|during\\s+(?:a|each))\\s{1,2}(?<ppu>${PER_UNITS})(?![A-Za-z'])${NOT_A_PERIOD}` +
    `|(?<ov>over|across)\\s{1,2}(?<ovn>${SMALL_NUM})\\s{1,2}(?<ovu>weeks|days|months|terms|half[\\s-]?terms|school\\s+days|school\\s+weeks)(?![A-Za-z])` +
    `|(?<evt>every)\\s{1,2}(?<evtn>${NUMBER})(?:\\s{0,2}(?:-|to|or)\\s{0,2}${NUMBER})?\\s{0,2}-?\\s{0,2}(?:minutes?|mins?|hours?|hrs?)(?![A-Za-z])` +
    '|(?<alt>(?:on\\s+)?alternate\\s+(?:days|weeks))(?![A-Za-z])' +
    '|(?<pw>pw|p/w|p\\.w\\.?)(?![A-Za-z])' +
    `|(?<wd>(?:every|each)\\s{1,2}${WEEKDAY}s?(?:\\s{0,2}(?:,|and|&|\\+|/)\\s{0,2}${WEEKDAY}s?){0,4}${DAY_PART}?` +
    // "on Mondays", "on Monday and Wednesday lunchtimes", "on Monday afternoons", "Mon, Wed and Fri", "Monday to Friday".
    `|on\\s{1,2}${WEEKDAY}s(?:\\s{0,2}(?:,|and|&|\\+|/)\\s{0,2}${WEEKDAY}s?){0,4}${DAY_PART}?` +
    `|on\\s{1,2}${WEEKDAY}${DAY_LIST}${DAY_PART}?|on\\s{1,2}${WEEKDAY}${DAY_PART.replace('s?', 's')}` +
    `|${WEEKDAY}s?${DAY_LIST}${DAY_PART}?|${WEEKDAY}\\s{1,2}(?:to|until|-)\\s{1,2}${WEEKDAY})(?![A-Za-z])` +
    // "every hour", "hourly", "at each change of lesson": how often, but not a number of sessions a week.
    '|(?<hr>(?:every|each)\\s{1,2}(?:hour|half[\\s-]hour)|hourly)(?![A-Za-z])' +
    // A course over a stated time: "in June and July 2027", "during the spring term", "across Year 6",
    // "before September 2027", "by the end of the autumn term", "within 4 weeks of", "over a 12-week period".
    `|(?<crs>${COURSE})(?![A-Za-z])` +
    `))|(?<sl>/\\s?(?:${PER_UNITS}))(?![A-Za-z])`,
  'gi',
);
export const NOT_PER_AFTER_A = new Set(['for', 'within', 'after', 'than', 'of', 'half', 'about', 'nearly', 'almost', 'just', 'least', 'most', 'only', 'over', 'under']);

export const EVERY =
  '(?:every|each|all|all\\s+of\\s+(?:his|her|their|the))\\s{1,2}(?:(?:of\\s+)?(?:his|her|their|the)\\s{1,2})?(?:(?!(?:lessons?|activit(?:y|ies)|tests?|sessions?)\\b)[A-Za-z-]{2,20}\\s{1,2})?';
/** Pervasive: "in every lesson", "throughout the school day", "at all times", "full-time". */
export const PERVASIVE_RE = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    `(?:(?:in|during|across|at|for|throughout|within)\\s{1,2})?${EVERY}(?:lessons?|class(?:es)?|subjects?|curriculum\\s+areas?|areas\\s+of\\s+the\\s+curriculum|areas\\s+of\\s+learning|unstructured\\s+times?|break\\s?times?|breaks|lunch\\s?times?|play\\s?times?|transitions?|meal\\s?times?|meals|settings|environments|contexts|times\\s+of\\s+(?:the\\s+)?day|tests?|exams?|examinations?|assessments?|transfers?|changes?(?:\\s+of\\s+(?:activity|lesson|room|task|classroom))?|journeys?|personal\\s+care|hoisting(?:\\s+and\\s+personal\\s+care)?|moving\\s+and\\s+handling|toileting|materials|resources|worksheets|texts|handouts|written\\s+work|trips?|outings?)` +
    // "each session will last 45 minutes" is not pervasive; "in every session" is.
    `|(?:in|during|across|at|for|throughout|within|on)\\s{1,2}${EVERY}(?:sessions?|activit(?:y|ies)|tasks?|work|visits?|clubs?)` +
    '|(?:throughout|across)\\s{1,2}(?:the|each|every|his|her|their)\\s{1,2}(?:whole\\s+|entire\\s+|full\\s+)?(?:school\\s+|college\\s+|nursery\\s+|teaching\\s+|learning\\s+|setting\\s+)?(?:day|week|curriculum|session)' +
    '|at\\s+all\\s+times' +
    '|(?:for\\s+|during\\s+)?(?:the\\s+)?(?:whole|entire|full)\\s+(?:of\\s+(?:every|each|the|his|her|their)\\s+)?(?:school\\s+|college\\s+|nursery\\s+|teaching\\s+)?(?:day|week|session)' +
    '|all\\s+day(?:\\s+every\\s+day)?' +
    '|full[\\s-]time' +
    '|(?:at|during)\\s+(?:all\\s+)?unstructured\\s+times?' +
    '|(?:at|during)\\s+(?:all\\s+)?(?:times\\s+of\\s+)?transitions?' +
    '|(?:at|during)\\s{1,2}(?:morning\\s+)?(?:break|lunch|play)\\s?(?:times?|s)?(?:\\s{1,2}(?:and|&)\\s{1,2}(?:lunch|break|play)\\s?(?:times?|s)?)?' +
    ')(?![A-Za-z-])',
  'gi',
);

export const DEFAULT_WEEKS_PER_YEAR = 38;

export function unitRate(rawUnit: string, weeksPerYear: number): number | undefined {
  const u = rawUnit.toLowerCase().replace(/^(?:autumn|spring|summer)/, '').replace(/[\s-]+/g, '').replace(/s$/, '');
  switch (u) {
    case 'schoolday':
    case 'day':
    case 'weekday':
    case 'morning':
    case 'afternoon':
      return 5;
    case 'evening':
    case 'night':
      return 7;
    case 'schoolholiday':
    case 'holiday':
      return 6 / 52;
    case 'week':
    case 'wk':
    case 'schoolweek':
    case 'weekend':
      return 1;
    case 'fortnight':
      return 0.5;
    case 'month':
      return 12 / 52;
    case 'halfterm':
      return 6 / weeksPerYear;
    case 'term':
      return 3 / weeksPerYear;
    case 'year':
    case 'academicyear':
    case 'schoolyear':
    case 'annum':
      return 1 / weeksPerYear;
    default:
      return undefined;
  }
}

export function advRate(adv: string, weeksPerYear: number): number | undefined {
  const a = adv.toLowerCase().replace(/[\s-]+/g, '');
  switch (a) {
    case 'weekly':
    case 'wkly':
      return 1;
    case 'daily':
      return 5;
    case 'nightly':
      return 7;
    case 'fortnightly':
      return 0.5;
    case 'monthly':
      return 12 / 52;
    case 'halftermly':
      return 6 / weeksPerYear;
    case 'termly':
      return 3 / weeksPerYear;
    case 'annually':
    case 'yearly':
      return 1 / weeksPerYear;
    case 'biannually':
      return 2 / weeksPerYear;
    default:
      return undefined;
  }
}
export function scanCounts(s: string, out: Prim[], ratios: readonly Span[]): void {
  COUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNT_RE.exec(s))) {
    const g = m.groups!;
    if (overlapsAny(ratios, m.index, m.index + 1)) {
      // "1 to 1 - 4x a week": the count starts after the ratio.
      COUNT_RE.lastIndex = m.index + 1;
      continue;
    }
    let value: number | undefined;
    let impliesAmount = false;
    let isRange = false;
    let withUnit = false;
    let course = false;
    let dayUnit = false;
    if (g.once) value = parseNumber(g.once);
    else if (g.n !== undefined) {
      value = parseNumber(g.n);
      isRange = g.n2 !== undefined;
    } else if (g.nx !== undefined) value = parseNumber(g.nx);
    else if (g.nd !== undefined) value = parseNumber(g.nd);
    else if (g.np !== undefined) {
      value = parseNumber(g.np);
      isRange = g.np2 !== undefined;
    }
    else if (g.hd) {
      value = 1;
      impliesAmount = true;
    } else if (g.nu !== undefined) {
      const nu = g.nu.toLowerCase();
      const unit = g.unit ?? '';
      if ((nu === 'a' || nu === 'an') && DAYLIKE_UNIT.test(unit)) {
        // "once a day": "a day" is how often, not a count.
        COUNT_RE.lastIndex = m.index + 1;
        continue;
      }
      value = parseNumber(nu);
      isRange = g.nu2 !== undefined;
      impliesAmount = AMOUNT_UNIT.test(unit) || /(?:half|full|whole)[\s-]days?\s/i.test(m[0]);
      withUnit = true;
      dayUnit = /^(?:school\s+)?days?$/i.test(unit);
      course = /(?:weekly|daily|fortnightly|monthly|termly)\s/i.test(m[0]) && (value ?? 0) > 1;
    }
    if (value === undefined || value <= 0 || value > 100) continue;
    out.push({
      kind: 'count',
      start: m.index,
      end: m.index + m[0].length,
      value,
      bound: boundOf(g.bound, isRange),
      impliesAmount,
      withUnit,
      course,
      dayUnit,
    });
  }
}

export function scanPeriods(s: string, out: Prim[], weeksPerYear: number): void {
  PER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PER_RE.exec(s))) {
    const g = m.groups!;
    let rate: number | undefined;
    if (g.adv) rate = advRate(g.adv, weeksPerYear);
    else if (g.evu) {
      const base = unitRate(g.evu, weeksPerYear);
      const every = g.evn ? g.evn.toLowerCase() : '';
      const n = every === '' ? 1 : every === 'other' || every === 'second' || every === 'alternate' ? 2 : parseNumber(every);
      if (base !== undefined && n) rate = base / n;
    } else if (g.ppu) {
      const pp = (g.pp ?? '').toLowerCase();
      if (pp === 'a' || pp === 'an') {
        const prev = previousWord(s, m.index);
        if (NOT_PER_AFTER_A.has(prev)) continue;
        // "a Year 6 class" is not "a year".
        if (/^years?$/i.test(g.ppu) && /^\s{0,2}\d/.test(s.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
      }
      rate = unitRate(g.ppu, weeksPerYear);
    } else if (g.ovu) {
      const n = parseNumber(g.ovn);
      const base = unitRate(g.ovu, weeksPerYear);
      if (n && base !== undefined) rate = base / n;
    } else if (g.alt) rate = /day/i.test(g.alt) ? 2.5 : 0.5;
    else if (g.evt) {
      // "every 20 minutes": how often, but not a number of sessions a week.
      out.push({ kind: 'per', start: m.index, end: m.index + m[0].length });
      continue;
    } else if (g.pw) rate = 1;
    else if (g.wd) rate = weekdaysIn(g.wd);
    else if (g.hr) {
      out.push({ kind: 'per', start: m.index, end: m.index + m[0].length });
      continue;
    } else if (g.crs) {
      // A count over a stated time is a frequency ("8 sessions over the spring term"); alone it is not.
      const weeks = /(\d{1,2}|[a-z]+)[\s-]weeks?\s+(?:period|block|course|programme)/i.exec(g.crs);
      const n = weeks ? parseNumber(weeks[1]) : undefined;
      out.push({ kind: 'per', start: m.index, end: m.index + m[0].length, rate: n ? 1 / n : undefined, needsCount: true, course: true });
      continue;
    }
    else if (g.sl) rate = unitRate(g.sl.replace(/^\/\s?/, ''), weeksPerYear);
    if (rate === undefined) continue;
    const needsCount = g.ovu !== undefined || /^(?:in|over|across|during)\s/i.test(g.pp ?? '');
    const dayUnit = rate === 5 && !g.evn;
    out.push({ kind: 'per', start: m.index, end: m.index + m[0].length, rate, adverb: g.adv !== undefined, needsCount, dayUnit });
  }
}
/**
 * How many sessions the count gives for each period. "6 weekly sessions" is a course total; "8 sessions
 * of CBT, fortnightly" too, but "3 sessions weekly" and "3 x weekly" are per week.
 */
export function sessionsPerPeriod(s: string, count: Prim | undefined, per: Prim): number {
  if (!count || count.value === undefined || count.course) return 1;
  if (count.withUnit && per.adverb && !(count.end <= per.start && /^\s{1,3}$/.test(s.slice(count.end, per.start)))) return 1;
  return count.value;
}

/** The "4 days a week" right next to a "... a day" expression, if any. */
export function daysAWeek(groups: readonly QGroup[], g: QGroup, s: string, breaks: readonly number[]): { value: number; start: number; end: number } | undefined {
  const i = groups.indexOf(g);
  for (const other of [groups[i + 1], groups[i - 1]]) {
    if (!other?.count?.dayUnit || other.per?.rate !== 1 || other.count.value === undefined) continue;
    const gap = other.start > g.end ? s.slice(g.end, other.start) : s.slice(other.end, g.start);
    if (gap.length > 6 || hasBreakBetween(breaks, Math.min(g.end, other.end), Math.max(g.start, other.start))) continue;
    return { value: other.count.value, start: Math.min(other.count.start, other.per.start), end: Math.max(other.count.end, other.per.end) };
  }
  return undefined;
}
