/**
 * Provision compared as who · how often · how long · weeks a year, from the quantification
 * reader: reductions are called out with their size, increases shown as such.
 */
import { readText } from '../core/check';
import type { ProvisionReading } from '../core/quantify-types';
import type { Effect, Quantities } from './types';

/** School weeks in a year, used when a text does not say (the usual 38-week school year). */
export const DEFAULT_WEEKS = 38;

const round = (n: number): number => Math.round(n * 100) / 100;

/** What the reader understood, as the plain data the diff compares. */
export function quantities(text: string, extraVaguePhrases: readonly string[] = []): Quantities {
  return fromReading(readText(text, extraVaguePhrases), text);
}

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/**
 * A block of weeks the reader does not count as weeks a year: "for 12 weeks", "for the first 6
 * weeks of each term" (3 terms). Undefined when the text says nothing of the kind.
 */
export function courseWeeks(text: string): number | undefined {
  const m = /\bfor (?:a (?:block|course) of |the first |a further )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) weeks?\b( (?:of |in )?(?:each|every|a|per) (?:term|half[- ]term))?/i.exec(text);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : WORD_NUMBERS[m[1]!.toLowerCase()];
  if (!n) return undefined;
  if (!m[2]) return n;
  return /half/i.test(m[2]) ? n * 6 : n * 3;
}

export function fromReading(r: ProvisionReading, text = ''): Quantities {
  const delivering = r.providers.filter((p) => p.capacity === 'delivers');
  const q: Quantities = {
    deliveredBy: unique(delivering.map((p) => p.role)),
    devisedBy: unique(r.providers.filter((p) => p.capacity !== 'delivers').map((p) => p.role)),
    qualifications: unique(r.providers.map((p) => p.qualification).filter((s): s is string => !!s)),
    pervasive: r.frequency?.pervasive === true,
    vague: unique(r.vague.map((v) => v.phrase.toLowerCase().replace(/\s+/g, ' '))),
    missing: [...r.missing],
  };
  if (r.frequency) {
    q.frequency = r.frequency.text;
    if (r.frequency.perWeek !== undefined) q.sessionsPerWeek = r.frequency.perWeek;
  }
  if (r.amount) {
    q.amount = r.amount.text;
    q.bound = r.amount.bound;
    if (r.amount.minutes !== undefined) q.minutesPerSession = r.amount.minutes;
  }
  if (r.group) q.groupSize = r.group.max ?? null;
  if (r.period?.weeksPerYear !== undefined) q.weeksPerYear = r.period.weeksPerYear;
  else {
    const course = courseWeeks(text);
    if (course !== undefined) q.weeksPerYear = course;
  }
  if (q.minutesPerSession !== undefined && q.sessionsPerWeek !== undefined && !q.pervasive) {
    q.minutesPerWeek = round(q.minutesPerSession * q.sessionsPerWeek);
    q.minutesPerYear = Math.round(q.minutesPerWeek * (q.weeksPerYear ?? DEFAULT_WEEKS));
  }
  return q;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
export const formatNumber = (n: number): string => number.format(n);

/** "45 minutes once a week", in the writer's words. */
export function describeTime(q: Quantities): string {
  if (q.pervasive) return q.frequency ?? 'throughout the day';
  const parts = [q.amount, q.frequency].filter((s): s is string => !!s);
  // "6 sessions of 45 minutes per term": one phrase holds both.
  if (parts.length === 2 && parts[1]!.toLowerCase().includes(parts[0]!.toLowerCase())) parts.shift();
  else if (parts.length === 2 && parts[0]!.toLowerCase().includes(parts[1]!.toLowerCase())) parts.pop();
  return parts.length > 0 ? parts.join(' ') : 'no amount or frequency stated';
}

/**
 * How much expertise a role brings, from assistants (1) through teachers (2) to registered
 * therapists, psychologists, specialist and qualified teachers, nurses and doctors (3). 0 = "all staff".
 */
export function expertise(role: string): number {
  if (/^All Staff$/i.test(role)) return 0;
  if (/General Practitioner/i.test(role)) return 3;
  if (/Higher Level Teaching Assistant/i.test(role)) return 1.5;
  if (/Assistant|Support Worker|Midday|Key (Worker|Person)|Mentor|Practitioner|Supervisor|Carer|Home Visitor|Intervenor/i.test(role)) return 1;
  if (/Specialist|Qualified|Advisory|Psycholog|Therapist|Audiologist|Nurse|Paediatrician|Psychiatrist|Dietitian|Orthoptist|Orthotist|Neurologist|Social Worker|Habilitation|Physiotherapist|Counsellor|Services?$|Team$/i.test(role)) return 3;
  return 2; // teachers, SENCos, tutors and other named roles
}

function bestExpertise(roles: readonly string[]): number | undefined {
  return roles.length === 0 ? undefined : Math.max(...roles.map(expertise));
}

const therapyWord = (q: Quantities): string => ([...q.deliveredBy, ...q.devisedBy].some((r) => /Therapist$/i.test(r)) ? 'therapy time' : 'time');

const rolesText = (roles: readonly string[]): string => (roles.length === 0 ? 'nobody named' : roles.join(' and '));

/** Every effect of changing provision from `o` to `n`, reductions and increases first. */
export function compareQuantities(o: Quantities, n: Quantities): Effect[] {
  const effects: Effect[] = [];

  // How much time, per year.
  if (o.minutesPerYear !== undefined && n.minutesPerYear !== undefined && o.minutesPerYear !== n.minutesPerYear) {
    const less = n.minutesPerYear < o.minutesPerYear;
    const percent = o.minutesPerYear === 0 ? 100 : Math.round((Math.abs(n.minutesPerYear - o.minutesPerYear) / o.minutesPerYear) * 100);
    const assumed = o.weeksPerYear === undefined && n.weeksPerYear === undefined ? ` at ${DEFAULT_WEEKS} weeks` : '';
    const weeks = o.weeksPerYear !== n.weeksPerYear && o.weeksPerYear !== undefined && n.weeksPerYear !== undefined ? `, ${o.weeksPerYear} → ${n.weeksPerYear} weeks a year` : '';
    const what = `${describeTime(o)} → ${describeTime(n)}${weeks}`;
    const sizeText = `${percent} % ${less ? 'less' : 'more'} ${therapyWord(less ? o : n)} (${formatNumber(o.minutesPerYear)} → ${formatNumber(n.minutesPerYear)} minutes a year${assumed})`;
    effects.push({
      impact: less ? 'reduction' : 'increase',
      aspect: 'time',
      message: `${what}: ${sizeText}`,
      what,
      sizeText,
      size: { oldMinutesPerYear: o.minutesPerYear, newMinutesPerYear: n.minutesPerYear, percent },
    });
  } else if (o.minutesPerYear === undefined && n.minutesPerYear === undefined && describeTime(o) !== describeTime(n) && (o.amount || o.frequency || n.amount || n.frequency)) {
    effects.push({ impact: 'neutral', aspect: 'time', message: `${describeTime(o)} → ${describeTime(n)}` });
  }
  if (o.pervasive && !n.pervasive) effects.push({ impact: 'reduction', aspect: 'pervasive', message: `no longer ${o.frequency ?? 'throughout the day'}: now ${describeTime(n)}` });
  if (!o.pervasive && n.pervasive) effects.push({ impact: 'increase', aspect: 'pervasive', message: `now ${n.frequency ?? 'throughout the day'} (was ${describeTime(o)})` });
  if (o.weeksPerYear !== undefined && n.weeksPerYear === undefined) {
    effects.push({ impact: 'reduction', aspect: 'specification', message: `no longer says how many weeks a year (was ${o.weeksPerYear})` });
  }

  // What a reader can no longer tell.
  const said: Record<string, string> = { provider: 'who delivers it', frequency: 'how often', amount: 'how long or how much' };
  for (const m of n.missing) if (!o.missing.includes(m)) effects.push({ impact: 'reduction', aspect: 'specification', message: `no longer says ${said[m] ?? m}` });
  for (const m of o.missing) if (!n.missing.includes(m)) effects.push({ impact: 'increase', aspect: 'specification', message: `now says ${said[m] ?? m}` });

  // Vague wording.
  const addedVague = n.vague.filter((v) => !o.vague.includes(v));
  const goneVague = o.vague.filter((v) => !n.vague.includes(v));
  if (addedVague.length > 0) {
    effects.push({ impact: 'reduction', aspect: 'vague', message: `vague wording introduced: ${addedVague.map((v) => `"${v}"`).join(', ')} (a reader can no longer tell exactly what must be provided)` });
  }
  if (goneVague.length > 0) effects.push({ impact: 'increase', aspect: 'vague', message: `vague wording removed: ${goneVague.map((v) => `"${v}"`).join(', ')}` });

  // An amount that became a ceiling.
  if (o.bound && n.bound && o.bound !== n.bound) {
    if (n.bound === 'ceiling') effects.push({ impact: 'reduction', aspect: 'bound', message: `"${n.amount}" is only a ceiling: it could mean none at all (was "${o.amount}")` });
    else if (o.bound === 'ceiling') effects.push({ impact: 'increase', aspect: 'bound', message: `no longer only a ceiling: "${n.amount}" (was "${o.amount}")` });
  }

  // Group size.
  const g = (q: Quantities): string => (q.groupSize === 1 ? '1:1' : q.groupSize === null ? 'a group of unstated size' : q.groupSize === undefined ? 'no group size stated' : `a group of up to ${q.groupSize}`);
  if (o.groupSize !== n.groupSize && typeof (o.groupSize ?? n.groupSize) === 'number') {
    const os = o.groupSize ?? undefined;
    const ns = n.groupSize ?? undefined;
    let impact: Effect['impact'] = 'neutral';
    if (os !== undefined && ns !== undefined) impact = ns > os ? 'reduction' : 'increase';
    else if (os === 1) impact = 'reduction'; // 1:1 became a group of no stated size, or no size at all
    else if (ns === 1) impact = 'increase';
    else if (os !== undefined && n.groupSize === null) impact = 'reduction';
    if (os !== undefined || n.groupSize !== undefined) {
      effects.push({ impact, aspect: 'group', message: `${g(o)} → ${g(n)}${impact === 'reduction' ? ': less individual attention' : ''}` });
    }
  }

  // Who delivers it, and their expertise.
  const oe = bestExpertise(o.deliveredBy);
  const ne = bestExpertise(n.deliveredBy);
  const sameRoles = o.deliveredBy.join('|') === n.deliveredBy.join('|');
  if (!sameRoles && oe !== undefined && ne !== undefined) {
    const devised = n.devisedBy.length > 0 ? ` (a programme devised by the ${n.devisedBy.join(' and ')})` : '';
    const what = `delivered by ${rolesText(o.deliveredBy)} → ${rolesText(n.deliveredBy)}${devised}`;
    if (ne < oe) effects.push({ impact: 'reduction', aspect: 'expertise', message: `a reduction in expertise: ${what}` });
    else if (ne > oe) effects.push({ impact: 'increase', aspect: 'expertise', message: `more expertise: ${what}` });
    else effects.push({ impact: 'neutral', aspect: 'expertise', message: what });
  }
  const lostQualifications = o.qualifications.filter((x) => !n.qualifications.includes(x));
  if (lostQualifications.length > 0 && ne !== undefined && oe !== undefined && ne >= oe) {
    effects.push({ impact: 'reduction', aspect: 'expertise', message: `no longer states ${lostQualifications.map((x) => `"${x}"`).join(', ')}` });
  }
  const order: Record<Effect['impact'], number> = { reduction: 0, increase: 1, neutral: 2 };
  return effects.sort((a, b) => order[a.impact] - order[b.impact]);
}

/** One line for provision that is added or removed: what it amounts to. */
export function describeProvision(q: Quantities): string {
  const who = q.deliveredBy.length > 0 ? ` by ${q.deliveredBy.join(' and ')}` : '';
  const year = q.minutesPerYear !== undefined ? ` (${formatNumber(q.minutesPerYear)} minutes a year${q.weeksPerYear === undefined ? ` at ${DEFAULT_WEEKS} weeks` : ''})` : '';
  return `${describeTime(q)}${who}${year}`;
}
