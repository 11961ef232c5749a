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
import type { Amount, Frequency, GroupSize, Missing, ProvisionReading, QuantifyOptions } from './types';
import { MONEY_RE, scanDurations, scanTimeRanges } from './amount';
import { clauseAround, findBreaks, lowerBound } from './clauses';
import { DEFAULT_WEEKS_PER_YEAR, PERVASIVE_RE, daysAWeek, scanCounts, scanPeriods, sessionsPerPeriod } from './frequency';
import { scanGroups } from './group';
import { readUnnamedContent } from './content';
import { readItemKind } from './item';
import { normalise } from './normalise';
import { scanPeriod } from './period';
import { type Prim, groupPrims, scanSimple } from './primitives';
import { readProviders, scanRoles, settleProviders } from './provider';
import { readVague } from './vague';
import { readAdviserVoice } from './voice';

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
  const course = best?.per ? undefined : courseOf(s, quantities, breaks);
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
  } else if (course) {
    // "A half-day Makaton course ... before September 2027": a count over a stated time, however far apart.
    frequency = { text: text.slice(course.start, course.end), span: { start: course.start, end: course.end } };
  } else if (pervasive) {
    frequency = { text: text.slice(pervasive.start, pervasive.end), span: { start: pervasive.start, end: pervasive.end }, pervasive: true };
  }

  // Who.
  const mentions = scanRoles(s);
  const stopAt = quantities.map((p) => p.start).concat(groupHits.map((g) => g.span.start)).sort((a, b) => a - b);
  const providers = settleProviders(readProviders(s, text, breaks, mentions, stopAt));
  // Vague wording first: an unnamed deliverer ("school staff") means an overseer is not the deliverer.
  const voice = readAdviserVoice(s, text);
  const vague = readVague(s, text, breaks, quantities, mentions, groupHits, options, voice?.excused);
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
      const dayCount = groups.find((g) => g.count?.impliesAmount && (g.per || course))?.count;
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

  // Equipment and records: the item is the specification; an adult's routine needs who and how often.
  const itemKind = readItemKind(s);
  const missing: Missing[] = [];
  if (!delivers && (itemKind !== 'item' || unnamedDeliverer)) missing.push('provider');
  if (!frequency && itemKind !== 'item') missing.push('frequency');
  if (!amount && itemKind === undefined) missing.push('amount');

  const reading: ProvisionReading = { providers, vague, missing };
  if (frequency) reading.frequency = frequency;
  if (amount) reading.amount = amount;
  if (group) reading.group = group;
  if (period) reading.period = period;
  if (voice) reading.adviserVoice = { text: voice.text, span: voice.span };
  if (itemKind === undefined && missing.length === 0) {
    // Only asked once who, how often and how long are settled: otherwise those findings come first.
    const perWeek = frequency?.perWeek;
    const minutesAWeek = perWeek !== undefined && amount?.minutes !== undefined ? perWeek * amount.minutes : undefined;
    const unnamed = readUnnamedContent(s, text, providers, frequency?.pervasive === true, minutesAWeek);
    if (unnamed) reading.unnamedContent = unnamed;
  }
  return reading;
}

/**
 * A stated time for a course ("in the spring term", "before September 2027") in the same clause as a
 * count ("8 sessions", "three mornings") or a single event's length ("a 2-hour visit", "training (2 hours)").
 */
function courseOf(s: string, quantities: readonly Prim[], breaks: readonly number[]): Prim | undefined {
  // One pass: the clauses that hold a count, or a single event's length; then the first course in one.
  const clause = (pos: number) => lowerBound(breaks, pos);
  const plural = new Map<number, boolean>();
  const isPlural = (ci: number) => {
    let p = plural.get(ci);
    if (p === undefined) {
      const [cStart, cEnd] = clauseAround(breaks, ci < breaks.length ? breaks[ci]! : s.length, s.length);
      p = /(?<![A-Za-z])(?:sessions|lessons|visits|appointments|meetings|classes|groups)(?![A-Za-z])/i.test(s.slice(cStart, cEnd));
      plural.set(ci, p);
    }
    return p;
  };
  const counted = new Set<number>();
  for (const q of quantities) {
    if (q.kind === 'count') counted.add(clause(q.start));
    else if (q.kind === 'dur') {
      const ci = clause(q.start);
      if (!isPlural(ci) || /(?:^|\s)(?:an?|one|single|one-off)\s{1,2}$/i.test(s.slice(Math.max(0, q.start - 12), q.start))) counted.add(ci);
    }
  }
  return quantities.find((c) => c.kind === 'per' && c.course && counted.has(clause(c.start)));
}
