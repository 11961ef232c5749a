/**
 * The quantification reader: one provision text → what a careful tribunal reader can tell from it
 * (who delivers, how often, how long / how much, group size, weeks a year) and the vague wording in it.
 *
 * SEND Code of Practice 9.69: provision "must be detailed and specific and should normally be
 * quantified, for example, in terms of the type, hours and frequency of support and level of
 * expertise". L v Clarke & Somerset CC [1998]; Worcestershire CC v SE [2020] UKUT 217.
 *
 * Pure and bounded: every pattern is precompiled, uses bounded repetition only, and is run once
 * over the text; context look-ups around a match read a slice of at most ~100 characters. Spans are
 * UTF-16 offsets into the text as given (the text is normalised to a same-length copy first).
 */
import type {
  Amount,
  Frequency,
  GroupSize,
  Missing,
  Period,
  Provider,
  ProvisionReading,
  QuantifyOptions,
  VagueKind,
  VaguePhrase,
} from './quantify-types';
import type { Span } from './types';
import {
  advisoryRoles,
  ceilingAdvice,
  roleKey,
  roles,
  unsizedGroupAdvice,
  vagueLexicon,
  type RoleInfo,
  type VagueEntry,
} from './vocabulary';

// ---------------------------------------------------------------------------
// Normalisation: a copy of the same length, so offsets carry over unchanged.

const NON_PLAIN = /[^\x20-\x7e\n]/;
const NON_PLAIN_G = /[^\x20-\x7e\n]/g;

function normaliseChar(ch: string, offset: number, s: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x0d) return s.charCodeAt(offset + 1) === 0x0a ? ' ' : '\n';
  if (c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x200b || c === 0xfeff) return ' ';
  if ((c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return ' ';
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d || c === 0xad) return '-';
  if (c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0x2032 || c === 0x00b4 || c === 0x0060) return "'";
  if (c === 0x201c || c === 0x201d || c === 0x2033) return '"';
  if (c === 0x00d7) return 'x';
  if (c === 0x2028 || c === 0x2029 || c === 0x85) return '\n';
  return ch;
}

/** Same-length copy with plain spaces, ASCII hyphens and quotes, "x" for "×" and LF line ends. */
function normalise(text: string): string {
  return NON_PLAIN.test(text) ? text.replace(NON_PLAIN_G, normaliseChar) : text;
}

// ---------------------------------------------------------------------------
// Clause breaks: sentence ends, semicolons, bullets, and line breaks that start a new item.

const BREAK_RE = /[;\u2022\u25e6\u25aa\u25cf\u2023\u2043]|[.!?](?=\s|$)|\n/g;
const ABBREVIATIONS = new Set([
  'eg', 'ie', 'approx', 'min', 'mins', 'hr', 'hrs', 'no', 'c', 'ca', 'vs', 'incl', 'inc', 'max', 'dr', 'mr', 'mrs', 'ms', 'wk', 'wks', 'yr', 'yrs', 'st', 'etc', 'pw', 'p', 'w', 'e', 'i', 'g',
]);

function findBreaks(s: string): number[] {
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
function lowerBound(breaks: readonly number[], pos: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hasBreakBetween(breaks: readonly number[], from: number, to: number): boolean {
  const i = lowerBound(breaks, from);
  return i < breaks.length && breaks[i]! < to;
}

/** [start, end) of the clause holding pos. */
function clauseAround(breaks: readonly number[], pos: number, length: number): [number, number] {
  const i = lowerBound(breaks, pos);
  const start = i > 0 ? breaks[i - 1]! + 1 : 0;
  const end = i < breaks.length ? breaks[i]! : length;
  return [start, end];
}

// ---------------------------------------------------------------------------
// Numbers

const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, a: 1, an: 1, once: 1, twice: 2, thrice: 3, single: 1,
};

const NUMWORD =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)(?![a-z])';
const NUMBER = `(?:\\d{1,3}(?:\\.\\d{1,2})?(?:\\s?\u00bd)?|\u00bd|${NUMWORD})`;
const SMALL_NUM = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

/** Value of a number as written: "3", "1.5", "2½", "twenty-five", "a", "half". */
function parseNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().toLowerCase();
  if (s === '') return undefined;
  if (/^[\d.]+\s?\u00bd?$/.test(s) || s === '\u00bd') {
    const half = s.endsWith('\u00bd') ? 0.5 : 0;
    const digits = s.replace(/\s?\u00bd$/, '');
    const v = digits === '' ? 0 : Number(digits);
    return Number.isFinite(v) ? v + half : undefined;
  }
  let total = 0;
  for (const w of s.split(/[\s-]+/)) {
    const v = UNIT_WORDS[w];
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

// ---------------------------------------------------------------------------
// Quantity patterns (all bounded; run once each over the text)

const Q_FLOOR =
  'at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|minimum|min\\.|no\\s+less\\s+than|not\\s+less\\s+than|no\\s+fewer\\s+than|not\\s+fewer\\s+than|not\\s+below';
const Q_CEIL =
  'up\\s+to|a\\s+maximum\\s+of|maximum\\s+of|a\\s+max\\s+of|maximum|max\\.?|no\\s+more\\s+than|not\\s+more\\s+than|not\\s+exceeding|at\\s+most';
const Q_APPROX = 'approximately|approx\\.?|around|about|roughly|circa|c\\.';
const BOUND = `(?<bound>(?:${Q_FLOOR}|${Q_CEIL}|${Q_APPROX})\\s{1,3})?`;
const FLOOR_RE = new RegExp(`^(?:${Q_FLOOR})`, 'i');
const CEIL_RE = new RegExp(`^(?:${Q_CEIL})`, 'i');

type Bound = Amount['bound'];

function boundOf(boundText: string | undefined, isRange: boolean): Bound {
  if (boundText) {
    if (CEIL_RE.test(boundText)) return 'ceiling';
    if (FLOOR_RE.test(boundText)) return 'floor';
  }
  return isRange ? 'floor' : 'exact';
}

/** Durations: "45-minute", "1.5 hrs", "half an hour", "1 hour 30 minutes", "20-30 mins", "up to 3 hours". */
const DURATION_RE = new RegExp(
  '(?<=^|[^A-Za-z0-9.]|\\bx|\\dx)' +
    BOUND +
    '(?:(?<half>half\\s+an?|a\\s+half|half|a\\s+quarter\\s+of\\s+an?|quarter\\s+of\\s+an?|three\\s+quarters\\s+of\\s+an?)' +
    `|(?<n1>${NUMBER}|an?)(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<n2>${NUMBER}))?(?<andhalf>\\s+and\\s+a\\s+half|\\s+and\\s+a\\s+quarter)?)` +
    '(?<unit>\\s{0,2}-?\\s{0,2}(?:hours?|hrs?|minutes?|mins?)|(?<=\\d)(?:h|m))(?![A-Za-z])' +
    '(?<tail>\\s+and\\s+a\\s+half)?' +
    `(?:\\s{0,2}(?:and\\s+)?(?<extra>\\d{1,2}|${NUMWORD})\\s{0,2}(?:minutes?|mins?|m)(?![A-Za-z]))?`,
  'gi',
);

const PER_UNITS =
  '(?:(?:autumn|spring|summer)\\s+)?(?:half[\\s-]?)?terms?|school\\s+holidays?|holidays?|school\\s+days?|school\\s+weeks?|week\\s?days?|weekends?|weeks?|wks?|days?|mornings?|afternoons?|evenings?|nights?|fortnights?|months?|half[\\s-]?terms?|terms?|academic\\s+years?|school\\s+years?|years?|annum';
/** Counts: "3 x", "x3", "three times", "twice", "2 sessions", "3 days", "one overnight stay". */
const COUNT_UNITS =
  'sessions?|lessons?|visits?|appointments?|periods?|slots?|school\\s+days|days?|mornings?|afternoons?|half[\\s-]days?|evenings?|nights?|overnight\\s+stays?|overnights?|short\\s+breaks?|stays?|weekends?|check-ins?|contacts?|blocks?|meetings?|consultations?|reviews?|classes|calls?';
const COUNT_RE = new RegExp(
  '(?<![A-Za-z0-9.])' +
    BOUND +
    '(?:(?<once>once|twice|thrice)(?![A-Za-z])' +
    `|(?<n>${NUMBER})(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<n2>${NUMBER}))?\\s{0,2}(?:x|times)(?![A-Za-z])` +
    `|x\\s{0,2}(?<nx>\\d{1,2}|${NUMWORD})(?![0-9])(?!\\s{0,2}-?\\s{0,2}(?:hours?|hrs?|minutes?|mins?|h|m)(?![A-Za-z]))` +
    `|(?<np>${NUMBER})(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<np2>${NUMBER}))?(?=\\s{1,2}(?:per|each|every|a|an)\\s{1,2}(?:${PER_UNITS})(?![A-Za-z]))` +
    `|(?<nd>${NUMBER})\\s{1,2}(?=(?:\\d{1,3}(?:\\.\\d{1,2})?|${NUMWORD}|an?)[\\s-]{0,2}(?:minutes?|mins?|hours?|hrs?)[\\s-]{1,2}(?:(?:individual|group|1:1|one-to-one|small\\s+group|direct|therapy|teaching)\\s+)?(?:sessions?|lessons?|slots?|periods?|blocks?|visits?|appointments?|check-ins?|consultations?|meetings?|reviews?|calls?|contacts?|tutorials?))` +
    '|(?<hd>half\\s+a\\s+day|half\\s+a\\s+morning|half\\s+an\\s+afternoon)(?![A-Za-z])' +
    `|(?<nu>${NUMBER}|an?|one|single)(?:\\s{0,2}(?:-|to|or)\\s{0,2}(?<nu2>${NUMBER}))?\\s{1,2}(?:(?:individual|separate|weekly|daily|fortnightly|monthly|termly|short|hour-long|1:1|one-to-one|small\\s+group|group|direct|therapy|teaching|withdrawal|full|whole|overnight|school|college|home|further|extra|additional)\\s{1,2})?(?<unit>${COUNT_UNITS})(?![A-Za-z])` +
    ')',
  'gi',
);
const DAYLIKE_UNIT = /^(?:school\s+days|days?|mornings?|afternoons?|evenings?|nights?|weekends?)$/i;
const AMOUNT_UNIT = /^(?:school\s+days|days?|mornings?|afternoons?|half[\s-]days?|nights?|overnight\s+stays?|overnights?|short\s+breaks?|stays?|weekends?)$/i;

/** How often: "weekly", "a week", "per half term", "each morning", "every 6 weeks", "over 6 weeks". */
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WEEKDAY_G = /monday|tuesday|wednesday|thursday|friday|saturday|sunday/gi;
const NOT_A_PERIOD = '(?!\\s+(?:centres?|centers?|trips?|care|services?|placements?|off|release|visits?|out|opening|provision|nursery|school|\'s))';
const PER_RE = new RegExp(
  '(?:(?<![A-Za-z0-9])(?:' +
    '(?<!(?:bi|semi)-?)(?<adv>weekly|wkly|daily|fortnightly|monthly|half[\\s-]?termly|termly|annually|yearly|nightly|bi-?annually)(?![A-Za-z])(?!\\s+(?:living|life|routines?|timetables?|planners?|schedules?|tasks|chores|activities\\s+of|life\\s+skills))' +
    `|(?<ev>every|each)\\s{1,2}(?:(?<evn>other|second|alternate|${SMALL_NUM})\\s{1,2})?(?<evu>${PER_UNITS})(?![A-Za-z'])${NOT_A_PERIOD}` +
    `|(?<pp>per|a|an|in\\s+a|in\\s+an|in\\s+each|in\\s+every|over\\s+(?:a|an|one|the|each)|across\\s+(?:a|the|each)|during\\s+(?:a|each))\\s{1,2}(?<ppu>${PER_UNITS})(?![A-Za-z'])${NOT_A_PERIOD}` +
    `|(?<ov>over|across)\\s{1,2}(?<ovn>${SMALL_NUM})\\s{1,2}(?<ovu>weeks|days|months|terms|half[\\s-]?terms|school\\s+days|school\\s+weeks)(?![A-Za-z])` +
    `|(?<evt>every)\\s{1,2}(?<evtn>${NUMBER})(?:\\s{0,2}(?:-|to|or)\\s{0,2}${NUMBER})?\\s{0,2}-?\\s{0,2}(?:minutes?|mins?|hours?|hrs?)(?![A-Za-z])` +
    '|(?<alt>(?:on\\s+)?alternate\\s+(?:days|weeks))(?![A-Za-z])' +
    '|(?<pw>pw|p/w|p\\.w\\.?)(?![A-Za-z])' +
    `|(?<wd>(?:every|each)\\s{1,2}${WEEKDAY}s?(?:\\s{0,2}(?:,|and|&|\\+)\\s{0,2}${WEEKDAY}s?){0,4}|on\\s{1,2}${WEEKDAY}s(?:\\s{0,2}(?:,|and|&|\\+)\\s{0,2}${WEEKDAY}s){0,4})(?![A-Za-z])` +
    `))|(?<sl>/\\s?(?:${PER_UNITS}))(?![A-Za-z])`,
  'gi',
);
const NOT_PER_AFTER_A = new Set(['for', 'within', 'after', 'than', 'of', 'half', 'about', 'nearly', 'almost', 'just', 'least', 'most', 'only', 'over', 'under']);

const EVERY =
  '(?:every|each|all|all\\s+of\\s+(?:his|her|their|the))\\s{1,2}(?:(?:of\\s+)?(?:his|her|their|the)\\s{1,2})?(?:(?!(?:lessons?|activit(?:y|ies)|tests?|sessions?)\\b)[A-Za-z-]{2,20}\\s{1,2})?';
/** Pervasive: "in every lesson", "throughout the school day", "at all times", "full-time". */
const PERVASIVE_RE = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    `(?:(?:in|during|across|at|for|throughout|within)\\s{1,2})?${EVERY}(?:lessons?|class(?:es)?|subjects?|curriculum\\s+areas?|areas\\s+of\\s+the\\s+curriculum|areas\\s+of\\s+learning|unstructured\\s+times?|break\\s?times?|breaks|lunch\\s?times?|play\\s?times?|transitions?|meal\\s?times?|meals|settings|environments|contexts|times\\s+of\\s+(?:the\\s+)?day|tests?|exams?|examinations?|assessments?|transfers|changes|journeys|personal\\s+care|toileting|materials|resources|worksheets|texts|handouts|written\\s+work|trips?|outings?)` +
    // "each session will last 45 minutes" is not pervasive; "in every session" is.
    `|(?:in|during|across|at|for|throughout|within|on)\\s{1,2}${EVERY}(?:sessions?|activit(?:y|ies)|tasks?|work|visits?|clubs?)` +
    '|(?:throughout|across)\\s{1,2}(?:the|each|every|his|her|their)\\s{1,2}(?:whole\\s+|entire\\s+|full\\s+)?(?:school\\s+|college\\s+|nursery\\s+|teaching\\s+|learning\\s+|setting\\s+)?(?:day|week|curriculum|session)' +
    '|at\\s+all\\s+times' +
    '|(?:for\\s+|during\\s+)?(?:the\\s+)?(?:whole|entire|full)\\s+(?:school\\s+|college\\s+|nursery\\s+|teaching\\s+)?(?:day|week)' +
    '|all\\s+day(?:\\s+every\\s+day)?' +
    '|full[\\s-]time' +
    '|(?:at|during)\\s+(?:all\\s+)?unstructured\\s+times?' +
    '|(?:at|during)\\s+(?:all\\s+)?(?:times\\s+of\\s+)?transitions?' +
    '|(?:at|during)\\s{1,2}(?:morning\\s+)?(?:break|lunch|play)\\s?(?:times?|s)?(?:\\s{1,2}(?:and|&)\\s{1,2}(?:lunch|break|play)\\s?(?:times?|s)?)?' +
    ')(?![A-Za-z-])',
  'gi',
);

/** Weeks a year: "38 weeks per year", "a 52-week placement", "term time only", "all year round". */
const WEEKS_RE = new RegExp(
  '(?<![A-Za-z0-9])(?:' +
    '(?<wn>[1-5]\\d)[\\s-]{1,2}weeks?(?:\\s{1,2}(?:per|a|an|each|every|of\\s+the|in\\s+the|in\\s+a|in\\s+each)\\s{1,2}(?:academic\\s+|school\\s+|calendar\\s+)?(?:year|annum)|[\\s-]{1,2}(?:a|per)[\\s-]year|[\\s-]{1,2}(?=placement|residential|provision|package|contract|basis|school\\s+year|academic\\s+year|year|programme|service))' +
    '|(?<tt>(?:during\\s+|in\\s+)?(?:school\\s+)?term[\\s-]?time(?:\\s+only)?)' +
    '|(?<yr>all\\s+year\\s+round|year[\\s-]round|all\\s+year|throughout\\s+the\\s+(?:whole\\s+)?year|including\\s+(?:the\\s+|school\\s+)?holidays|fifty[\\s-]two\\s+weeks)' +
    ')(?![A-Za-z])',
  'gi',
);

/** 1:1, 2:1, one-to-one, individually, in pairs. */
const RATIO_RE = new RegExp(
  '(?<![0-9:.])(?<!(?:at|from|until|till|by|before|after|to)\\s{1,3})(?:(?<ra>[1-4])\\s?:\\s?(?<rb>1)|1\\s?:\\s?(?<rc>10|[1-9]))(?![0-9]|[:.]\\d)' +
    '|(?<![A-Za-z0-9])(?<oto>(?:one|1)[\\s-]{1,2}(?:to|2)[\\s-]{1,2}(?:one|1))(?![A-Za-z0-9])' +
    '|(?<![0-9.])(?<dash>1-1)(?![0-9])' +
    '|(?<![A-Za-z])(?<ind>individually|(?:on\\s+an\\s+)?individual(?:ised)?\\s+(?:basis|sessions?|support|work|teaching|therapy|tuition|lessons?|withdrawal|input|intervention))(?![A-Za-z])' +
    '|(?<![A-Za-z])(?<pair>in\\s+(?:a\\s+)?pairs?|paired|with\\s+(?:a|one)\\s+(?:peer|partner|other\\s+(?:pupil|child|student)))(?![A-Za-z])',
  'gi',
);

const GROUP_NOUN =
  '(?:(?:small|smaller)[\\s-]+)?(?:(?:teaching|nurture|social(?:\\s+skills)?|intervention|withdrawal|focus|work|therapy|language|phonics|reading|literacy|numeracy|maths|tutor|tutorial|learning)\\s+)?(?:groups?|class(?:es)?)';
const GROUP_Q =
  'no\\s+more\\s+than|not\\s+more\\s+than|up\\s+to|a\\s+maximum\\s+of|maximum\\s+of|a\\s+max\\s+of|max\\s+of|maximum|max\\.?|at\\s+most|no\\s+larger\\s+than|no\\s+bigger\\s+than|not\\s+exceeding|fewer\\s+than|less\\s+than|between';
/** "a group of no more than 4", "groups of up to 6 pupils", "small group (max 6)", "a class of 8". */
const GROUP_RE = new RegExp(
  `(?<![A-Za-z])(?:(?:a|in\\s+a|in)\\s+)?${GROUP_NOUN}(?:\\s+sizes?)?\\s{0,2}(?<lead>\\(\\s{0,2}(?:of\\s+)?|(?:of|with)\\s+)?(?:(?<gq>${GROUP_Q})\\s+)?(?<g1>\\d{1,2}|${NUMWORD})(?:\\s{0,2}(?:-|to|or|and)\\s{0,2}(?<g2>\\d{1,2}|${NUMWORD}))?(?![0-9]|[:.]\\d)(?:\\s+(?:other\\s+)?(?:pupils|children|students|learners|young\\s+people|peers|CYP|members))?(?:\\s+(?:or\\s+fewer|or\\s+less|maximum|max))?(?:\\s{0,2}\\))?` +
    `|(?<![A-Za-z])(?:1|one)\\s{1,2}(?:adult|member\\s+of\\s+staff|staff\\s+member|teacher|TA|practitioner)\\s{1,2}(?:to|for|per)\\s{1,2}(?:every\\s+)?(?<g5>\\d{1,2}|${NUMWORD})\\s{1,2}(?:pupils|children|students|learners|young\\s+people)(?![A-Za-z])` +
    `|(?<![A-Za-z])(?<gq2>${GROUP_Q})\\s+(?<g3>\\d{1,2}|${NUMWORD})(?:\\s{0,2}(?:-|to)\\s{0,2}(?<g4>\\d{1,2}|${NUMWORD}))?\\s+(?:other\\s+)?(?:pupils|children|students|learners|young\\s+people|peers)(?![A-Za-z])`,
  'gi',
);
/** "small group" / "small class" with no size. */
const SMALL_GROUP_RE = new RegExp(
  '(?<![A-Za-z])(?:a\\s+)?small(?:er)?[\\s-]+(?:(?:teaching|nurture|social(?:\\s+skills)?|intervention|withdrawal|focus|work|therapy|language|learning)\\s+)?(?:groups?|class(?:es)?)(?:\\s+(?:sizes?|settings?|environments?))?(?![A-Za-z])',
  'gi',
);

const MONEY_RE = /\u00a3\s?\d{1,3}(?:,\d{3}){0,3}(?:\.\d{2})?(?![0-9])|(?<![A-Za-z0-9])\d{1,6}(?:\.\d{2})?\s?(?:pounds|GBP)(?![A-Za-z])/gi;

// ---------------------------------------------------------------------------
// Primitives

type PrimKind = 'count' | 'dur' | 'per' | 'perv' | 'money';

interface Prim {
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

const DEFAULT_WEEKS_PER_YEAR = 38;

function unitRate(rawUnit: string, weeksPerYear: number): number | undefined {
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

function advRate(adv: string, weeksPerYear: number): number | undefined {
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

function previousWord(s: string, pos: number): string {
  let e = pos;
  while (e > 0 && s[e - 1] === ' ') e--;
  let b = e;
  while (b > 0 && e - b < 20 && /[A-Za-z0-9'-]/.test(s[b - 1]!)) b--;
  return s.slice(b, e).toLowerCase();
}

function nextWord(s: string, pos: number): string {
  let b = pos;
  while (b < s.length && s[b] === ' ') b++;
  let e = b;
  while (e < s.length && e - b < 20 && /[A-Za-z0-9'-]/.test(s[e]!)) e++;
  return s.slice(b, e).toLowerCase();
}

/** Clock-time ranges: "from 9:00 to 10:30", "1.15pm-2pm". */
const TIME_RANGE_RE =
  /(?<![A-Za-z0-9:.])(?:from\s{1,2}|between\s{1,2})?(?<h1>[01]?\d|2[0-3])(?:[:.](?<m1>[0-5]\d))?\s?(?<p1>am|pm|a\.m\.|p\.m\.)?\s{0,2}(?:-|to|until|till|and)\s{0,2}(?<h2>[01]?\d|2[0-3])(?:[:.](?<m2>[0-5]\d))?\s?(?<p2>am|pm|a\.m\.|p\.m\.)?(?![0-9A-Za-z])/gi;

function scanTimeRanges(s: string, out: Prim[]): void {
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

function scanDurations(s: string, out: Prim[]): void {
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

function scanCounts(s: string, out: Prim[], ratios: readonly Span[]): void {
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
      impliesAmount = AMOUNT_UNIT.test(unit);
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

function scanPeriods(s: string, out: Prim[], weeksPerYear: number): void {
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
    else if (g.wd) rate = new Set(g.wd.toLowerCase().match(WEEKDAY_G) ?? []).size;
    else if (g.sl) rate = unitRate(g.sl.replace(/^\/\s?/, ''), weeksPerYear);
    if (rate === undefined) continue;
    const needsCount = g.ovu !== undefined || /^(?:in|over|across|during)\s/i.test(g.pp ?? '');
    const dayUnit = rate === 5 && !g.evn;
    out.push({ kind: 'per', start: m.index, end: m.index + m[0].length, rate, adverb: g.adv !== undefined, needsCount, dayUnit });
  }
}

function scanSimple(re: RegExp, s: string, kind: PrimKind, out: Prim[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ kind, start: m.index, end: m.index + m[0].length });
}

function scanPeriod(s: string, text: string): Period | undefined {
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

interface GroupHit extends GroupSize {
  unsized?: boolean;
}

function scanGroups(s: string, text: string): GroupHit[] {
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
    add(start, end, undefined, true);
  }
  hits.sort((a, b) => a.span.start - b.span.start);
  return hits;
}

/** Whether [start, end) overlaps any of the spans (sorted by start, not overlapping much): binary search. */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
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

// ---------------------------------------------------------------------------
// Grouping primitives into quantity expressions ("3 x 20 mins weekly")

interface QGroup {
  count?: Prim;
  dur?: Prim;
  per?: Prim;
  start: number;
  end: number;
}

const MAX_GAP = 60;

/**
 * How many sessions the count gives for each period. "6 weekly sessions" is a course total; "8 sessions
 * of CBT, fortnightly" too, but "3 sessions weekly" and "3 x weekly" are per week.
 */
function sessionsPerPeriod(s: string, count: Prim | undefined, per: Prim): number {
  if (!count || count.value === undefined || count.course) return 1;
  if (count.withUnit && per.adverb && !(count.end <= per.start && /^\s{1,3}$/.test(s.slice(count.end, per.start)))) return 1;
  return count.value;
}

/** The "4 days a week" right next to a "... a day" expression, if any. */
function daysAWeek(groups: readonly QGroup[], g: QGroup, s: string, breaks: readonly number[]): { value: number; start: number; end: number } | undefined {
  const i = groups.indexOf(g);
  for (const other of [groups[i + 1], groups[i - 1]]) {
    if (!other?.count?.dayUnit || other.per?.rate !== 1 || other.count.value === undefined) continue;
    const gap = other.start > g.end ? s.slice(g.end, other.start) : s.slice(other.end, g.start);
    if (gap.length > 6 || hasBreakBetween(breaks, Math.min(g.end, other.end), Math.max(g.start, other.start))) continue;
    return { value: other.count.value, start: Math.min(other.count.start, other.per.start), end: Math.max(other.count.end, other.per.end) };
  }
  return undefined;
}

function groupPrims(prims: readonly Prim[], breaks: readonly number[]): QGroup[] {
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

// ---------------------------------------------------------------------------
// Roles

interface RoleHit {
  role: RoleInfo;
  weak: boolean;
}

const SEP = '[\\s-]{1,3}';

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

function wordSource(w: string): string {
  if (w === 'and') return '(?:and|&)';
  return w
    .split('')
    .map((c) => (c === "'" ? "'?" : /[A-Za-z0-9]/.test(c) ? c : `\\${c}`))
    .join('');
}

function emitTrie(node: TrieNode): string {
  const alts = [...node.children.entries()]
    .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
    .map(([w, child]) => {
      const head = wordSource(w);
      if (child.children.size === 0) return head;
      const rest = `${SEP}${emitTrie(child)}`;
      return child.end ? `${head}(?:${rest})?` : `${head}${rest}`;
    });
  return `(?:${alts.join('|')})`;
}

function lookupKey(s: string): string {
  return roleKey(s).replace(/'/g, '');
}

interface RoleLexicon {
  aliasRe: RegExp;
  abbrRe: RegExp;
  byKey: Map<string, RoleHit>;
  byAbbr: Map<string, RoleInfo>;
}

let roleLexicon: RoleLexicon | undefined;

function getRoleLexicon(): RoleLexicon {
  if (roleLexicon) return roleLexicon;
  const root: TrieNode = { children: new Map(), end: false };
  const byKey = new Map<string, RoleHit>();
  const byAbbr = new Map<string, RoleInfo>();
  const addPhrase = (phrase: string, hit: RoleHit) => {
    const key = roleKey(phrase);
    byKey.set(key.replace(/'/g, ''), hit);
    let node = root;
    for (const w of key.split(' ')) {
      let next = node.children.get(w);
      if (!next) {
        next = { children: new Map(), end: false };
        node.children.set(w, next);
      }
      node = next;
    }
    node.end = true;
  };
  for (const role of roles) {
    addPhrase(role.name, { role, weak: false });
    for (const a of role.aliases) addPhrase(a, { role, weak: false });
    for (const sv of role.services ?? []) addPhrase(sv, { role, weak: true });
    for (const ab of role.abbreviations) byAbbr.set(ab, role);
  }
  const abbrs = [...byAbbr.keys()].sort((a, b) => b.length - a.length).map((a) => a.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`));
  roleLexicon = {
    aliasRe: new RegExp(`(?<![A-Za-z0-9])${emitTrie(root)}(?:s|es)?(?![A-Za-z0-9])`, 'gi'),
    abbrRe: new RegExp(`(?<![A-Za-z0-9&])(?:${abbrs.join('|')})s?(?![A-Za-z0-9&])`, 'g'),
    byKey,
    byAbbr,
  };
  return roleLexicon;
}

interface Mention {
  role: RoleInfo;
  weak: boolean;
  start: number;
  end: number;
}

function scanRoles(s: string): Mention[] {
  const lex = getRoleLexicon();
  const hits: Mention[] = [];
  let m: RegExpExecArray | null;
  lex.aliasRe.lastIndex = 0;
  while ((m = lex.aliasRe.exec(s))) {
    const raw = m[0];
    const key = lookupKey(raw);
    const hit = lex.byKey.get(key) ?? lex.byKey.get(key.replace(/s$/, '')) ?? lex.byKey.get(key.replace(/es$/, ''));
    if (hit) hits.push({ role: hit.role, weak: hit.weak, start: m.index, end: m.index + raw.length });
  }
  lex.abbrRe.lastIndex = 0;
  while ((m = lex.abbrRe.exec(s))) {
    const raw = m[0];
    const role = lex.byAbbr.get(raw) ?? lex.byAbbr.get(raw.replace(/s$/, ''));
    if (role) hits.push({ role, weak: false, start: m.index, end: m.index + raw.length });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start < lastEnd) continue;
    out.push(h);
    lastEnd = h.end;
  }
  return out;
}

// Context around a role: who devises, oversees or delivers, and references that are not provision.
const DET = "(?:(?:the|an?|their|his|her|its|[A-Za-z]+'s|a\\s+named|the\\s+named)\\s+)?";
const PRE_DELIVER = new RegExp(
  `(?:delivered|provided|led|run|taught|facilitated|given|carried\\s+out|implemented|undertaken|completed|offered|supported|staffed|done)\\s+(?:by|with)\\s+${DET}(?:[\\w'-]+\\s+){0,3}$`,
  'i',
);
const PRE_DEVISE = new RegExp(
  `(?:devised|designed|written|set|planned|created|developed|prescribed|recommended|advised|drawn\\s+up|put\\s+together|established|agreed|produced|specified|informed|guided|directed)\\s+(?:by|with|from)\\s+${DET}(?:[\\w'-]+\\s+){0,2}$|(?:programmes?|targets|strategies|recommendations|exercises)\\s+(?:from|of|by)\\s+${DET}(?:[\\w'-]+\\s+){0,2}$`,
  'i',
);
const PRE_OVERSEE = new RegExp(
  `(?:under\\s+the\\s+(?:supervision|direction|guidance|oversight)\\s+of|(?:supervised|overseen|trained|monitored|reviewed|modelled|quality\\s+assured)\\s+(?:[A-Za-z-]+\\s+)?by|(?:guidance|training|consultation|supervision|oversight)\\s+(?:from|by)|in\\s+consultation\\s+with|in\\s+liaison\\s+with|liais(?:ing|e)\\s+with|liaison\\s+with|in\\s+partnership\\s+with)\\s+${DET}(?:[\\w'-]+\\s+){0,2}$`,
  'i',
);
/** Roles that receive: "shared with all staff", "advice to the class teacher", "train the TA". */
const PRE_RECIPIENT = new RegExp(
  `(?:shared\\s+with|given\\s+to|sent\\s+to|circulated\\s+to|copied\\s+to|made\\s+available\\s+to|(?:training|advice|guidance|support|feedback|strategies|information|consultation)\\s+(?:for|to)|train|trains|training|inform|informs|advise|advises|brief|briefs|coach|coaches|upskill|upskills)\\s+${DET}(?:[\\w'-]+\\s+){0,1}$`,
  'i',
);
/** "train the TA, who will then deliver ...": the one trained delivers. */
const RECIPIENT_THEN_DELIVERS =
  /^(?:'s|s')?[\s,]{0,3}(?:(?:who|and|that)\s+(?:will|can|would|then|is\s+to|are\s+to)\s+(?:then\s+|also\s+)?|to\s+(?:then\s+)?)(?:deliver|run|provide|carry\s+out|implement|lead|teach|use|do|complete|follow)(?![A-Za-z])/i;
const PRE_REFERENCE = new RegExp(
  `(?:referral\\s+to|referred\\s+to|refer\\s+to|re-refer\\s+to|assessed\\s+by|diagnosed\\s+by|identified\\s+by|according\\s+to|reports?\\s+(?:from|by|of)|as\\s+(?:outlined|set\\s+out|described|detailed|stated)\\s+(?:by|in)|waiting\\s+list\\s+for|discharged\\s+(?:from|by)|known\\s+to|(?:assessments?|observations?|involvement|advice\\s+report|report)\\s+(?:by|from|of))\\s+${DET}(?:[\\w'-]+\\s+){0,2}$`,
  'i',
);
const POST_REFERENCE =
  /^(?:'s|s')?\)?[\s,]{0,3}(?:(?:reports?|letters?|appendix|referrals?|recommendations?|assessment\s+report|discharge)(?![A-Za-z])|advice(?=\s{0,2}[(:-]|\s+(?:report|dated|in\s+appendix|appendix|section))|(?:has\s+|have\s+)?(?:recommended|recommends|advised|advises|suggested|suggests|reported|noted|notes|found|observed|assessed|identified|diagnosed|concluded|states|stated|wrote|writes)(?![A-Za-z])(?!\s+by))/i;
const POST_DEVISE_NOUN =
  /^(?:'s|s')?[\s-]{0,2}(?:(?:-?devised|-?designed|-?set|-?recommended|-?prescribed|-?written|-?led|home|school|individual|daily|sensory|motor|language|communication|listening|attention|social|fine\s+motor|gross\s+motor|therapy|exercise|stretching|strengthening)[\s-]{1,2}){0,2}(?:programmes?|programs?|targets?|exercises?|plans?|strategies|guidelines|recommendations|activities|routines?)(?![A-Za-z])/i;
const POST_DEVISE_VERB =
  /^\s{1,3}(?:will|to|should|may|would|can|must|shall)\s+(?:(?:also|then|initially|first|jointly|together)\s+)?(?:devise|design|write|set(?:\s+up)?|plan|create|develop|draw\s+up|prescribe|produce|provide\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:programmes?|plans?|targets|exercises|strategies|resources))(?![A-Za-z])/i;
const POST_OVERSEE_VERB =
  /^\s{1,3}(?:will|to|should|may|would|can|must|shall)\s+(?:(?:also|then|initially|regularly|continue\s+to)\s+)?(?:oversee|supervise|train|model|quality\s+assure|provide\s+(?:training|supervision|support\s+(?:to|for)\s+(?:staff|school|the\s+school|the\s+setting))|support\s+(?:staff|school|the\s+school|the\s+setting|the\s+ta|teachers|the\s+class\s+teacher)|deliver\s+training)(?![A-Za-z])/i;
const POST_ALSO_DELIVERS =
  /\b(?:and|then|also|before|after\s+which\s+(?:she|he|they)\s+will)\s+(?:will\s+)?(?:also\s+)?(?:deliver|provide\s+(?:direct|individual|1:1|\d|one|two|three|four|five|six|a\s+block|sessions?)|run|lead|see\s+(?:her|him|them|[A-Z])|work\s+(?:directly\s+)?with|teach|meet|visit|assess)\b/i;
const POST_ALSO_OVERSEES = /\b(?:and|then|also)\s+(?:will\s+)?(?:also\s+)?(?:train|supervise|oversee|model\s+(?:strategies|approaches|the\s+programme))\b/i;
const POST_COMPOUND_OVERSEE = /^[\s-]{0,2}(?:trained|supervised|directed|approved)[\s,]+(?:and\s+[\w-]+\s+)?/i;
const POST_COMPOUND_DEVISE = /^[\s-]{0,2}(?:devised|designed|prescribed|recommended)[\s,]+(?:and\s+[\w-]+\s+)?/i;

// Level of expertise
/** Named trainings written before a role ("a Makaton trained TA"). */
const TRAINING_NAMES =
  'Makaton|ELKLAN|Team\\s?Teach|PECS|TEACCH|Lego|Attention\\s+Autism|Intensive\\s+Interaction|Precision\\s+Teaching|ELSA|Thrive|Nurture|SaLT|SALT|SLT|OT|EP|NELI|Lexia|Read\\s+Write\\s+Inc|RWI|Talk\\s+Boost|Zones\\s+of\\s+Regulation|SCERTS|Sensory\\s+Circuits|Lamh|BSL|Braille|Moving\\s+and\\s+Handling|Epilepsy|Autism|Dyslexia|Phonics';
const PRE_QUAL = new RegExp(
  '(?:^|[^A-Za-z0-9-])(' +
    '(?:HCPC|RCSLT|BACP|UKCP|BPS|NMC|SWE|BAAT|BADth|BAMT)(?:[\\s-]+and[\\s-]+(?:HCPC|RCSLT))?[\\s-]+(?:registered|accredited)' +
    '|(?:fully|suitably|appropriately|specially|specifically|highly|well|formally|professionally|specialist|SaLT|SALT|SLT|OT|EP)[\\s-]+(?:qualified|trained)' +
    '|(?:highly[\\s-]+)?(?:experienced|specialist)' +
    '|qualified|trained|registered|accredited|certified|senior|advanced|skilled|chartered' +
    `|[A-Za-z]{2,20}-(?:trained|qualified|accredited)|(?:${TRAINING_NAMES})[\\s-]+trained` +
    '|level[\\s-]?\\d|band[\\s-]?\\d' +
    ')[\\s,]{1,3}(?:and\\s+)?$',
  'i',
);
const PRE_SKIP =
  /(?:^|[^A-Za-z0-9-])(named|designated|dedicated|consistent|familiar|additional|allocated|1:1|one-to-one|one\s+to\s+one|full-time|full\s+time|part-time|individual|assigned|identified|nominated|own|same|school|setting|class|nursery|college|school's|second|extra|paediatric|specialist)[\s,]{1,3}$/i;
const POST_QUAL = new RegExp(
  "^(?:'s)?\\)?\\s{0,3}(?:\\(\\s{0,2}(?<paren>[^()\\n]{1,80})\\)|,?\\s{0,2}(?:(?:who|which|that)\\s+(?:is|are|has\\s+been|have\\s+been|will\\s+be)\\s+|(?:is|are|has\\s+been|will\\s+be|must\\s+be|should\\s+be|will\\s+have\\s+been)\\s+)?(?<q>" +
    '(?:(?:fully|suitably|appropriately|specifically|specially|formally|highly)\\s+)?(?:trained|qualified|registered|experienced|accredited|certified|skilled|competent)\\s+(?:in|by|on|with|to|as|at|for)(?![A-Za-z])' +
    '|(?:trained|qualified)(?=\\s{0,2}(?:[,.;)]|$))' +
    '|with\\s+(?:at\\s+least\\s+|a\\s+minimum\\s+of\\s+|over\\s+|more\\s+than\\s+)?(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\\+?\\s+years?' +
    "|with\\s+(?:(?:recent|current|specific|relevant|specialist|appropriate|accredited|formal|up-to-date|the\\s+mandatory|mandatory|additional)\\s+)?(?:training|experience|expertise|qualifications?|QTS|qualified\\s+teacher\\s+status|knowledge|a\\s+(?:level|diploma|degree|certificate|qualification|masters|master's)|an?\\s+(?:accredited|recognised|relevant|NVQ)|makaton|level\\s+\\d|BSL|British\\s+Sign\\s+Language)" +
    "|with\\s+(?:an?\\s+)?(?:[\\w'-]+\\s+){0,3}(?:qualification|certificate|accreditation|diploma|degree|training|registration)(?![A-Za-z])" +
    '|holding(?![A-Za-z])|who\\s+(?:holds|has|have)\\s+(?:completed|undertaken|attended|received|achieved|gained|passed)(?![A-Za-z])' +
    '|under\\s+the\\s+(?:supervision|direction|guidance|oversight)\\s+of' +
    '|(?:supervised|overseen|directed|guided)\\s+by' +
    '|(?:at|to)\\s+level\\s+\\d|level\\s+\\d' +
    '|registered\\s+with|qualified\\s+to' +
    '))',
  'i',
);
const QUAL_PAREN = /train|level|regist|qualif|hcpc|makaton|experien|accredit|nvq|diploma|degree|band\s?\d|certif|elklan|qts|bsl|years?|supervis/i;
const QUAL_STOP =
  /\s(?:will|who\s+will|to\s+(?:deliver|support|help|work|provide|run|lead|use|develop|improve|teach|implement|carry|address|target|meet)|for\s|during|across|throughout|in\s+(?:every|all|each)|each\s|every\s|daily|weekly|and\s+(?:delivered|will|who|to\s|supervised|overseen|monitored|reviewed)|delivered|delivering|providing|working|so\s+that|in\s+order|on\s+a\s|as\s+part|at\s+(?:least|all|break|lunch))|[,.;:()\n]/i;

interface ProviderDraft extends Provider {
  weak: boolean;
  reference: boolean;
}

/** Work bounds: a provision item never names this many roles or vague phrases; beyond them the rest is not read. */
const MAX_MENTIONS = 120;
const MAX_VAGUE = 250;

const PRE_QUAL_TAIL = /(?:registered|accredited|qualified|trained|experienced|specialist|senior|advanced|skilled|chartered|\d)[\s,]{1,3}(?:and\s+)?$/i;
const PRE_SKIP_TAIL = new Set(
  'named designated dedicated consistent familiar additional allocated 1:1 one-to-one one full-time time part-time individual assigned identified nominated own same 1 school setting class nursery college school\'s second extra paediatric specialist'.split(' '),
);

function readProviders(s: string, text: string, breaks: readonly number[], mentions: readonly Mention[], stopAt: readonly number[]): ProviderDraft[] {
  const drafts: ProviderDraft[] = [];
  for (let i = 0; i < mentions.length && i < MAX_MENTIONS; i++) {
    const mn = mentions[i]!;
    const [cStart, cEnd] = clauseAround(breaks, mn.start, s.length);
    const pre = s.slice(Math.max(cStart, mn.start - 70), mn.start);
    const post = s.slice(mn.end, Math.min(cEnd, mn.end + 120));
    const nextMention = mentions[i + 1];
    // What this role does, read up to the next role ("the OT will train the TA, who will then deliver").
    const ownPost = nextMention && nextMention.start - mn.end < post.length ? post.slice(0, nextMention.start - mn.end) : post;

    let capacity: Provider['capacity'] = 'delivers';
    let reference = false;
    let alsoDelivers = false;
    let alsoOversees = false;
    // Someone who usually delivers (a TA, a class teacher) and is "supervised by" or "written by" still delivers.
    const advisory = advisoryRoles.has(mn.role.name) || mn.weak;
    const hyphenTrained = /^-(?:trained|qualified|accredited)(?![A-Za-z])/i.test(post);
    if (POST_REFERENCE.test(post)) reference = true;
    else if (hyphenTrained) {
      // "ELSA-trained staff", "SaLT-trained TA": a training, not a deliverer.
      if (advisory) capacity = 'oversees';
      else reference = true;
    } else if (PRE_DELIVER.test(pre)) capacity = 'delivers';
    else if (advisory && PRE_OVERSEE.test(pre)) capacity = 'oversees';
    else if (advisory && PRE_DEVISE.test(pre)) capacity = 'devises';
    else if (PRE_REFERENCE.test(pre)) reference = true;
    else if (PRE_RECIPIENT.test(pre) && !RECIPIENT_THEN_DELIVERS.test(post)) reference = true;
    else if (mn.role.name === 'All Staff' && /(?:^|\s)(?:for|to|with)\s+$/i.test(pre)) reference = true;
    else {
      const compound = POST_COMPOUND_OVERSEE.exec(post) ?? POST_COMPOUND_DEVISE.exec(post);
      if (compound && nextMention && nextMention.start - mn.end <= compound[0].length + 1) {
        // "a SaLT-trained TA", "an OT-devised programme delivered by ..."
        capacity = POST_COMPOUND_OVERSEE.test(post) ? 'oversees' : 'devises';
      } else if (advisory && POST_DEVISE_VERB.test(post)) {
        capacity = 'devises';
        alsoDelivers = POST_ALSO_DELIVERS.test(ownPost);
        alsoOversees = POST_ALSO_OVERSEES.test(ownPost);
      } else if (advisory && POST_OVERSEE_VERB.test(post)) {
        capacity = 'oversees';
        alsoDelivers = POST_ALSO_DELIVERS.test(ownPost);
      } else if (advisory && POST_DEVISE_NOUN.test(post)) capacity = 'devises';
      else if (/^[\s-]{0,2}devised(?![A-Za-z])/i.test(post)) capacity = 'devises';
    }

    // Level of expertise written before the role ("an HCPC-registered", "a trained, experienced").
    const quals: string[] = [];
    let spanStart = mn.start;
    if (!mn.weak) {
      let scanEnd = mn.start;
      for (let k = 0; k < 5; k++) {
        const slice = s.slice(Math.max(cStart, scanEnd - 40), scanEnd);
        if (!PRE_QUAL_TAIL.test(slice.slice(-16)) && !PRE_SKIP_TAIL.has(previousWord(slice, slice.length).replace(/,$/, ''))) break;
        const q = PRE_QUAL.exec(slice);
        if (q) {
          const qStart = scanEnd - slice.length + q.index + (q[0].length - q[0].trimStart().length);
          quals.unshift(text.slice(qStart, qStart + q[1]!.length).trim());
          spanStart = qStart;
          scanEnd = qStart;
          continue;
        }
        const sk = PRE_SKIP.exec(slice);
        if (sk) {
          scanEnd = scanEnd - slice.length + sk.index + (sk[0].length - sk[0].trimStart().length);
          continue;
        }
        break;
      }
      // Level of expertise written after it ("trained in Attention Autism", "(Makaton Level 1)").
      const pq = POST_QUAL.exec(post);
      if (pq) {
        const g = pq.groups!;
        if (g.paren !== undefined) {
          if (QUAL_PAREN.test(g.paren)) quals.push(g.paren.trim());
        } else if (g.q !== undefined) {
          const qStart = pq[0].length - g.q.length;
          let qEnd = Math.min(post.length, qStart + 90);
          const rest = post.slice(qStart + g.q.length, qEnd);
          const stop = QUAL_STOP.exec(rest);
          if (stop) qEnd = qStart + g.q.length + stop.index;
          const absStart = mn.end + qStart;
          const si = lowerBound(stopAt, absStart + g.q.length + 1);
          const st = stopAt[si];
          if (st !== undefined && st < mn.end + qEnd) qEnd = st - mn.end;
          const words = text.slice(absStart, mn.end + qEnd).replace(/[\s,]+(?:and|or|to|for|with|of|the|a|an|by|in)?\s*$/i, '').trim();
          if (words) quals.push(words);
        }
      }
    }
    const draft: ProviderDraft = {
      role: mn.role.name,
      text: text.slice(spanStart, mn.end),
      span: { start: spanStart, end: mn.end },
      capacity,
      weak: mn.weak,
      reference,
    };
    if (quals.length) draft.qualification = quals.join(', ');
    drafts.push(draft);
    if (alsoDelivers) drafts.push({ ...draft, capacity: 'delivers' });
    if (alsoOversees) drafts.push({ ...draft, capacity: 'oversees' });
  }
  return drafts;
}

/** Drop references, weak mentions when a person is named, and repeats of the same role in the same capacity. */
function settleProviders(drafts: readonly ProviderDraft[]): Provider[] {
  const strongDeliverer = drafts.some((d) => !d.reference && !d.weak && d.capacity === 'delivers');
  const out: Provider[] = [];
  const seen = new Map<string, Provider>();
  const weakText = new Set<Provider>();
  for (const d of drafts) {
    if (d.reference) continue;
    if (d.weak && d.capacity === 'delivers' && strongDeliverer) continue;
    const key = `${d.role}\u0000${d.capacity}`;
    const prior = seen.get(key);
    if (prior) {
      if (!prior.qualification && d.qualification) prior.qualification = d.qualification;
      if (weakText.has(prior) && !d.weak) {
        prior.text = d.text;
        prior.span = d.span;
        weakText.delete(prior);
      }
      continue;
    }
    const p: Provider = { role: d.role, text: d.text, span: d.span, capacity: d.capacity };
    if (d.qualification) p.qualification = d.qualification;
    seen.set(key, p);
    if (d.weak) weakText.add(p);
    out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Vague wording

interface CompiledLexicon {
  re: RegExp;
  entries: VagueEntry[];
}

let compiledLexicon: CompiledLexicon | undefined;

function getVagueLexicon(): CompiledLexicon {
  if (compiledLexicon) return compiledLexicon;
  const parts: string[] = [];
  for (const e of vagueLexicon) {
    const groups = new RegExp(`${e.pattern}|`).exec('')!.length - 1;
    if (groups !== 0) throw new Error(`vague pattern ${e.id} must use only non-capturing groups`);
    parts.push(`(${e.pattern})`);
  }
  compiledLexicon = {
    re: new RegExp(`(?<![A-Za-z0-9])(?:${parts.join('|')})(?![A-Za-z0-9])`, 'gi'),
    entries: [...vagueLexicon],
  };
  return compiledLexicon;
}

const extraCache = new Map<string, RegExp | null>();

function getExtraRe(phrases: readonly string[] | undefined): RegExp | null {
  if (!phrases || phrases.length === 0) return null;
  const key = phrases.join('\u0000');
  const cached = extraCache.get(key);
  if (cached !== undefined) return cached;
  const alts = phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p.length <= 200)
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = normalise(p)
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
        .join('\\s{1,3}');
      const head = /^[A-Za-z0-9]/.test(p) ? '(?<![A-Za-z0-9])' : '';
      const tail = /[A-Za-z0-9]$/.test(p) ? '(?![A-Za-z0-9])' : '';
      return `${head}${body}${tail}`;
    });
  const re = alts.length ? new RegExp(alts.join('|'), 'gi') : null;
  if (extraCache.size > 64) extraCache.clear();
  extraCache.set(key, re);
  return re;
}

const MONTH_CONTEXT = new Set(['in', 'by', 'from', 'until', 'till', 'of', 'since', 'before', 'after', 'during', 'end', 'early', 'late', 'mid', 'on', 'and', 'to', 'between', 'this', 'next', 'last']);
const VERB_BEFORE_SUPPORT = new Set([
  'to', 'will', 'can', 'could', 'would', 'may', 'might', 'should', 'must', 'shall', 'also', 'who', 'which', 'that', 'help', 'helps', 'helping', 'further', 'then', 'and', 'or', 'they', 'she', 'he', 'we', 'i', 'you', 'directly', 'actively', 'best',
]);
const OBJECT_AFTER_SUPPORT = new Set([
  'him', 'her', 'them', 'his', 'their', 'its', 'me', 'us', 'you', 'himself', 'herself', 'themselves', 'this', 'these', 'children', 'pupils', 'students', 'staff', 'the', 'a', 'an', 'each', 'all',
]);
const RECIPIENT_BEFORE = new Set([
  'advise', 'advises', 'advising', 'train', 'trains', 'training', 'inform', 'informs', 'brief', 'briefs', 'coach', 'coaches', 'guide', 'guides', 'support', 'supports', 'supporting', 'help', 'helps', 'to', 'for', 'among', 'between', 'visit', 'visits', 'upskill', 'upskills', 'model', 'models', 'modelling', 'modeling', 'about', 'alert', 'remind', 'reminds', 'share', 'shared', 'tell', 'tells', 'consult', 'consults',
]);
const RECIPIENT_AFTER = /^\s{1,3}(?:will|should|must|to|would|can|may|are\s+to|need\s+to)\s+(?:also\s+|all\s+)?(?:receive|attend|be\s+(?:trained|given|offered|provided|supported|made\s+aware|informed|shown)|access|have\s+(?:training|access)|complete\s+training|undertake\s+training)(?![A-Za-z])/i;
const ANAPHORA = new Set(['this', 'these', 'such', 'that', 'those', 'above', 'said']);

function isModalProvision(s: string, text: string, start: number, end: number, clauseStart: number): boolean {
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  const prev = previousWord(s, start);
  const next = nextWord(s, end);
  const atClauseStart = s.slice(clauseStart, start).trim().replace(/^[-*>\d.)\s]+/, '') === '';
  if (lower === 'may') {
    if (word[0] === 'M' && !atClauseStart) return false; // "by May 2027"
    if (/^\d/.test(next) || /^\d/.test(prev) || MONTH_CONTEXT.has(prev)) return false;
  }
  if (atClauseStart && lower !== 'may') return false; // "Should Amara become upset, ..."
  const before = s.slice(Math.max(clauseStart, start - 30), start).toLowerCase();
  if (/(?:^|\s)(?:who|whom|whether|than|what|how|so\s+that\s+\S+|so\s+\S+|that\s+\S+|whenever\s+\S+|in\s+order\s+that\s+\S+|if\s+\S+|in\s+case\s+\S+|as\s+\S+|where\s+\S+|when\s+\S+|whatever\s+\S+)\s+$/.test(before)) return false;
  return true;
}

function isSupportNoun(s: string, start: number, end: number, phrase: string): boolean {
  if (!/^support/i.test(phrase)) return true;
  if (VERB_BEFORE_SUPPORT.has(previousWord(s, start))) return false;
  if (/^support$/i.test(phrase) && OBJECT_AFTER_SUPPORT.has(nextWord(s, end))) return false;
  return true;
}

function fillAdvice(advice: string, phrase: string): string {
  return advice.replace(/\{phrase\}/g, phrase);
}

// ---------------------------------------------------------------------------
// The reader

/**
 * Read one provision text: who delivers it, how often, how long or how much, the group size and the
 * weeks a year, the vague wording in it, and what a tribunal reader could not tell (`missing`).
 * Pure and fast (linear in the text); spans are offsets into `text`.
 */
export function quantify(text: string, options?: QuantifyOptions): ProvisionReading {
  const s = normalise(text);
  const breaks = findBreaks(s);

  // Weeks a year first: it sets the rates of "termly" and "per year", and "38 weeks per year" is not a frequency.
  const period = scanPeriod(s, text);
  const weeksPerYear = period?.weeksPerYear ?? DEFAULT_WEEKS_PER_YEAR;

  const prims: Prim[] = [];
  const groupHits = scanGroups(s, text);
  scanDurations(s, prims);
  scanTimeRanges(s, prims);
  scanCounts(
    s,
    prims,
    groupHits.filter((g) => g.max === 1).map((g) => g.span),
  );
  scanPeriods(s, prims, weeksPerYear);
  scanSimple(PERVASIVE_RE, s, 'perv', prims);
  scanSimple(MONEY_RE, s, 'money', prims);
  const inPeriod = (p: Prim) => period !== undefined && p.start < period.span.end && period.span.start < p.end;
  const sortedPrims = prims.filter((p) => !(p.kind === 'per' && inPeriod(p))).sort((a, b) => a.start - b.start || b.end - a.end);
  // A duration inside a period ("every 20 minutes") or a count inside a duration is not a quantity of its own.
  const quantities: Prim[] = [];
  for (const p of sortedPrims) {
    const last = quantities[quantities.length - 1];
    if (last && p.start < last.end && (p.kind === last.kind || p.kind === 'dur' || last.kind === 'per')) continue;
    quantities.push(p);
  }
  const groups = groupPrims(quantities, breaks);

  // How often: the first expression that also says how long ("each term ... 3 x 20 mins weekly" reads the
  // second), else the first with a count, else the first at all.
  // "over 6 weeks", "in a term" say how often only for a count ("6 sessions over 6 weeks").
  const withPer = groups.filter((g) => g.per && (g.count || !g.per.needsCount));
  const best = withPer.find((g) => g.dur) ?? withPer.find((g) => g.count) ?? withPer[0];
  const pervasive = quantities.find((p) => p.kind === 'perv');
  let frequency: Frequency | undefined;
  if (best?.per) {
    const per = best.per;
    const count = best.count;
    let fStart = per.start;
    let fEnd = per.end;
    if (count) {
      const lo = Math.min(count.start, per.start);
      const hi = Math.max(count.end, per.end);
      const gap = count.start < per.start ? per.start - count.end : count.start - per.end;
      const durBetween = best.dur && best.dur.start >= lo && best.dur.end <= hi ? best.dur.end - best.dur.start : 0;
      if (gap - durBetween <= 30) {
        fStart = lo;
        fEnd = hi;
      }
    }
    let perWeek = per.rate === undefined ? undefined : sessionsPerPeriod(s, count, per) * per.rate;
    // "15 minutes a day, 4 days a week" (or the other way round): the days say how many a week.
    const days = per.dayUnit ? daysAWeek(groups, best, s, breaks) : undefined;
    if (days) {
      perWeek = sessionsPerPeriod(s, count, per) * days.value;
      fStart = Math.min(fStart, days.start);
      fEnd = Math.max(fEnd, days.end);
    }
    frequency = { text: text.slice(fStart, fEnd), span: { start: fStart, end: fEnd } };
    if (perWeek !== undefined) frequency.perWeek = Math.round(perWeek * 10000) / 10000;
  } else if (pervasive) {
    frequency = { text: text.slice(pervasive.start, pervasive.end), span: { start: pervasive.start, end: pervasive.end }, pervasive: true };
  }

  // Who.
  const mentions = scanRoles(s);
  const stopAt = quantities.map((p) => p.start).concat(groupHits.map((g) => g.span.start)).sort((a, b) => a - b);
  const providers = settleProviders(readProviders(s, text, breaks, mentions, stopAt));
  // Vague wording first: an unnamed deliverer ("school staff") means an overseer is not the deliverer.
  const vague = readVague(s, text, breaks, quantities, mentions, groupHits, options);
  const unnamedDeliverer = vague.some((v) => v.kind === 'unspecified-provider');
  // Who delivers: a named deliverer, or, when no one else is said to, the professional who oversees
  // ("the SENCo will oversee the plan and review it termly").
  const delivers =
    providers.some((p) => p.capacity === 'delivers') ||
    (!unnamedDeliverer && !providers.some((p) => p.capacity === 'devises') && providers.some((p) => p.capacity === 'oversees'));

  // How long / how much.
  let amount: Amount | undefined;
  const toAmount = (p: Prim): Amount => {
    const a: Amount = { text: text.slice(p.start, p.end), span: { start: p.start, end: p.end }, bound: p.bound ?? 'exact' };
    if (p.kind === 'dur' && p.value !== undefined) a.minutes = p.value;
    return a;
  };
  if (best?.dur) amount = toAmount(best.dur);
  else if (best?.count?.impliesAmount) amount = toAmount(best.count);
  else {
    const firstDur = quantities.find((p) => p.kind === 'dur') ?? quantities.find((p) => p.kind === 'money');
    if (firstDur) amount = toAmount(firstDur);
    else {
      const dayCount = groups.find((g) => g.count?.impliesAmount && g.per)?.count;
      if (dayCount) amount = toAmount(dayCount);
      else if (pervasive && delivers) amount = { text: text.slice(pervasive.start, pervasive.end), span: { start: pervasive.start, end: pervasive.end }, bound: 'exact' };
    }
  }

  // Group size.
  const sized = groupHits.find((g) => !g.unsized);
  const groupHit = sized ?? groupHits[0];
  let group: GroupSize | undefined;
  if (groupHit) {
    group = { text: groupHit.text, span: groupHit.span };
    if (groupHit.max !== undefined) group.max = groupHit.max;
  }

  const missing: Missing[] = [];
  if (!delivers) missing.push('provider');
  if (!frequency) missing.push('frequency');
  if (!amount) missing.push('amount');

  const reading: ProvisionReading = { providers, vague, missing };
  if (frequency) reading.frequency = frequency;
  if (amount) reading.amount = amount;
  if (group) reading.group = group;
  if (period) reading.period = period;
  return reading;
}

function readVague(
  s: string,
  text: string,
  breaks: readonly number[],
  quantities: readonly Prim[],
  mentions: readonly Mention[],
  groupHits: readonly GroupHit[],
  options: QuantifyOptions | undefined,
): VaguePhrase[] {
  const found: VaguePhrase[] = [];
  const push = (start: number, end: number, kind: VagueKind, advice: string, replacement?: string) => {
    const phrase = text.slice(start, end);
    const v: VaguePhrase = { phrase, span: { start, end }, kind, advice: fillAdvice(advice, phrase) };
    if (replacement !== undefined) v.replacement = replacement;
    found.push(v);
  };

  // Which clauses say how often or how much (for "support", "input", "interventions", "opportunities").
  const clauseIndex = (pos: number) => lowerBound(breaks, pos);
  const quantified = new Set<number>();
  for (const p of quantities) quantified.add(clauseIndex(p.start));
  const anyQuantity = quantities.length > 0;

  const lex = getVagueLexicon();
  lex.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lex.re.exec(s)) && found.length < MAX_VAGUE) {
    let idx = 1;
    while (idx < m.length && m[idx] === undefined) idx++;
    const entry = lex.entries[idx - 1];
    if (!entry) continue;
    const start = m.index;
    const end = start + m[0].length;
    const phrase = text.slice(start, end);
    if (entry.id === 'modal') {
      const [cStart] = clauseAround(breaks, start, s.length);
      if (!isModalProvision(s, text, start, end, cStart)) continue;
    }
    if (entry.id === 'support' && !isSupportNoun(s, start, end, phrase)) continue;
    // "advise staff", "training for staff", "staff will receive training": staff who receive, not who deliver.
    if (entry.kind === 'unspecified-provider') {
      if (RECIPIENT_BEFORE.has(previousWord(s, start))) continue;
      if (RECIPIENT_AFTER.test(s.slice(end, end + 40))) continue;
      // "the Adult Community Nutrition team", "Staff Nurse": part of a name, not a deliverer.
      if (/^[ -]{1,2}[A-Z][a-z]/.test(text.slice(end, end + 4)) && /(?:adult|staff)$/i.test(phrase)) continue;
    }
    if (entry.onlyWhenUnquantified && anyQuantity) {
      const ci = clauseIndex(start);
      if (quantified.has(ci)) continue;
      if (ANAPHORA.has(previousWord(s, start))) continue;
      const nextStart = ci < breaks.length ? breaks[ci]! + 1 : s.length;
      if (quantified.has(ci + 1) && /^\s*(?:this|these|it|they|sessions?|each|the\s+(?:sessions?|support|input|programme|intervention)s?)\b/i.test(s.slice(nextStart, nextStart + 40))) continue;
    }
    push(start, end, entry.kind, entry.advice, entry.replacement?.(phrase));
  }

  for (const g of groupHits) {
    if (found.length >= MAX_VAGUE) break;
    if (g.unsized) push(g.span.start, g.span.end, 'unspecified-group', unsizedGroupAdvice.advice, unsizedGroupAdvice.replacement(g.text));
  }
  for (const p of quantities) {
    if (found.length >= MAX_VAGUE) break;
    if ((p.kind === 'dur' || p.kind === 'count') && p.bound === 'ceiling') {
      const phrase = text.slice(p.start, p.end);
      const replacement = phrase.replace(new RegExp(`^(?:${Q_CEIL})`, 'i'), 'at least');
      push(p.start, p.end, 'ceiling', ceilingAdvice, replacement === phrase ? undefined : replacement);
    }
  }

  const extra = getExtraRe(options?.extraVaguePhrases);
  if (extra) {
    extra.lastIndex = 0;
    while ((m = extra.exec(s)) && found.length < MAX_VAGUE) {
      if (m[0].length === 0) {
        extra.lastIndex++;
        continue;
      }
      push(m.index, m.index + m[0].length, 'unquantified', 'Your team lists "{phrase}" as vague wording. Say exactly what will be provided, by whom, how often and for how long.');
    }
  }

  // Words inside a role ("Learning Support Assistant", "key adult") are not vague, nor is "adult" in a
  // stated ratio ("1 adult to 2 pupils"); overlapping phrases keep the longest.
  const roleSpans = mentions.map((r) => ({ start: r.start, end: r.end }));
  const ratioSpans = groupHits.filter((g) => g.max !== undefined).map((g) => g.span);
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: VaguePhrase[] = [];
  for (const v of found) {
    if (overlapsAny(roleSpans, v.span.start, v.span.end)) continue;
    if (v.kind === 'unspecified-provider' && overlapsAny(ratioSpans, v.span.start, v.span.end)) continue;
    const last = out[out.length - 1];
    if (last && v.span.start < last.span.end) {
      if (v.span.end - v.span.start > last.span.end - last.span.start && v.kind !== 'ceiling') out[out.length - 1] = v;
      continue;
    }
    out.push(v);
  }
  return out;
}

