/**
 * Provision per week by provider, from the quantification reader's readings: "Speech and Language
 * Therapist: 45 minutes a week, 38 weeks a year". Only what the text gives: an item counts when the
 * reader found who delivers it, how many sessions a week, and how long each session is (exact or a
 * floor; "up to" is a ceiling that could be zero, so it is left out). Items less often than weekly
 * are listed apart rather than averaged ("1 hour each half term" is clearer than "9 minutes a week"). Pure.
 */
import type { ProvisionReading } from '../core/quantify-types';

export interface WeeklyInput {
  id: string;
  reading: ProvisionReading;
}

export interface WeeklyLine {
  /** The delivering role, e.g. "Speech and Language Therapist". */
  provider: string;
  /** Minutes a week, summed over the items. */
  minutesPerWeek: number;
  /** Weeks a year when every item counted gives the same number; undefined otherwise. */
  weeksPerYear?: number;
  /** True when any counted item is a floor ("at least 30 minutes"). */
  atLeast: boolean;
  /** The items counted, in plan order. */
  items: string[];
}

export interface WeeklySummary {
  lines: WeeklyLine[];
  /** Items less often than weekly (fortnightly, each half term, termly): not turned into minutes a week. */
  lessOften: string[];
  /** Items that could not be counted (pervasive, ceilings, missing figures), in plan order. */
  notCounted: string[];
}

/** Who delivers an item: the first provider the reader marks as delivering (a devising therapist is not the deliverer). */
function deliverer(reading: ProvisionReading): string | undefined {
  return (reading.providers.find((p) => p.capacity === 'delivers') ?? reading.providers[0])?.role;
}

/** Minutes a week one item gives, or undefined when the text does not say enough. */
export function minutesPerWeek(reading: ProvisionReading): number | undefined {
  const perWeek = reading.frequency?.perWeek;
  const minutes = reading.amount?.minutes;
  if (reading.frequency?.pervasive) return undefined;
  if (perWeek === undefined || minutes === undefined || !(perWeek > 0) || !(minutes > 0)) return undefined;
  if (reading.amount?.bound === 'ceiling') return undefined;
  return perWeek * minutes;
}

export function weeklyByProvider(items: readonly WeeklyInput[]): WeeklySummary {
  const byKey = new Map<string, WeeklyLine & { weeks: Set<number | undefined> }>();
  const notCounted: string[] = [];
  const lessOften: string[] = [];
  for (const { id, reading } of items) {
    const provider = deliverer(reading);
    const minutes = minutesPerWeek(reading);
    if (provider === undefined || minutes === undefined) {
      notCounted.push(id);
      continue;
    }
    if ((reading.frequency?.perWeek ?? 1) < 1) {
      lessOften.push(id);
      continue;
    }
    let line = byKey.get(provider);
    if (!line) {
      line = { provider, minutesPerWeek: 0, atLeast: false, items: [], weeks: new Set() };
      byKey.set(provider, line);
    }
    line.minutesPerWeek += minutes;
    line.atLeast ||= reading.amount?.bound === 'floor';
    line.items.push(id);
    line.weeks.add(reading.period?.weeksPerYear);
  }
  const lines: WeeklyLine[] = [];
  for (const { weeks, ...line } of byKey.values()) {
    const only = weeks.size === 1 ? [...weeks][0] : undefined;
    lines.push(only === undefined ? line : { ...line, weeksPerYear: only });
  }
  lines.sort((a, b) => b.minutesPerWeek - a.minutesPerWeek || a.provider.localeCompare(b.provider));
  return { lines, lessOften, notCounted };
}

/** The amount in plain English: "45 minutes a week, 38 weeks a year". */
export function describeWeeklyAmount(line: WeeklyLine, format: (minutes: number) => string): string {
  const amount = `${line.atLeast ? 'at least ' : ''}${format(line.minutesPerWeek)} a week`;
  return line.weeksPerYear !== undefined ? `${amount}, ${line.weeksPerYear} weeks a year` : amount;
}

/** One line in plain English: "Speech and Language Therapist: 45 minutes a week, 38 weeks a year". */
export function describeWeeklyLine(line: WeeklyLine, format: (minutes: number) => string): string {
  return `${line.provider}: ${describeWeeklyAmount(line, format)}`;
}
