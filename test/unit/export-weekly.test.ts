/** Provision per week by provider: frequency × amount, grouped by who delivers it. */
import { describe, expect, it } from 'vitest';
import { readText } from '../../server/src/core/check';
import { bookmarkName, MAX_BOOKMARK_LENGTH } from '../../server/src/export/contract';
import { addDays, formatDate, formatMinutes } from '../../server/src/export/format';
import { describeWeeklyLine, minutesPerWeek, weeklyByProvider } from '../../server/src/export/weekly';

const items = (...texts: string[]) => texts.map((t, i) => ({ id: `P${i + 1}`, reading: readText(t) }));

describe('weeklyByProvider', () => {
  it('adds up minutes a week for each provider, with the weeks a year', () => {
    const s = weeklyByProvider(
      items(
        'Direct speech and language therapy from a Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.',
        'A programme devised by the Speech and Language Therapist and delivered by a Teaching Assistant, 20 minutes three times a week, 38 weeks a year.',
        'Precision Teaching from a Teaching Assistant, 10 minutes every school day, 38 weeks a year.',
      ),
    );
    expect(s.lines.map((l) => describeWeeklyLine(l, formatMinutes))).toEqual(['Teaching Assistant: 1 hour 50 minutes a week, 38 weeks a year', 'Speech and Language Therapist: 45 minutes a week, 38 weeks a year']);
    expect(s.lines[0]!.items).toEqual(['P2', 'P3']);
    expect(s.notCounted).toEqual([]);
  });

  it('leaves out what the text does not give, ceilings, pervasive provision, and lists less-than-weekly apart', () => {
    const s = weeklyByProvider(
      items(
        'Up to 30 minutes a week of support from a Teaching Assistant.',
        'Teaching in a class of no more than 10 pupils throughout the school day by a qualified teacher.',
        'Occupational therapy from an Occupational Therapist, 1 hour each half term.',
        'Speech and language therapy once a week.',
      ),
    );
    expect(s.lines).toEqual([]);
    expect(s.lessOften).toEqual(['P3']);
    expect(s.notCounted).toEqual(['P1', 'P2', 'P4']);
  });

  it('says "at least" for a floor and drops the weeks when items differ', () => {
    const s = weeklyByProvider(
      items('At least 30 minutes of 1:1 reading with a Teaching Assistant twice a week, 38 weeks a year.', 'Lunchtime club run by a Teaching Assistant, 20 minutes once a week, 39 weeks a year.'),
    );
    expect(describeWeeklyLine(s.lines[0]!, formatMinutes)).toBe('Teaching Assistant: at least 1 hour 20 minutes a week');
  });

  it('minutesPerWeek multiplies sessions a week by minutes a session', () => {
    expect(minutesPerWeek(readText('1:1 teaching from a Teaching Assistant, 20 minutes three times a week.'))).toBe(60);
    expect(minutesPerWeek(readText('25 hours a week of 1:1 support from a Teaching Assistant, 38 weeks a year.'))).toBe(1500);
  });
});

describe('formatting', () => {
  it('writes dates and durations in plain English', () => {
    expect(formatDate('2026-05-08')).toBe('8 May 2026');
    expect(formatDate('not a date')).toBe('not a date');
    expect(addDays('2026-05-08', 15)).toBe('2026-05-23');
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addDays('2028-02-20', 15)).toBe('2028-03-06'); // leap year
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(90)).toBe('1 hour 30 minutes');
    expect(formatMinutes(1500)).toBe('25 hours');
  });
});

describe('bookmark names', () => {
  it('are ehcp_<section>_<id> for plain ids', () => {
    expect(bookmarkName('F', 'P3')).toBe('ehcp_F_P3');
    expect(bookmarkName('H1', 'P12')).toBe('ehcp_H1_P12');
    expect(bookmarkName('E', 'O_1')).toBe('ehcp_E_O_1');
  });

  it('hash ids with dots or dashes, and long ids, into at most 40 safe characters, never colliding', () => {
    const names = ['P3-a', 'P3.a', 'P3_a', 'x'.repeat(40), `${'x'.repeat(39)}y`, 'ot.2026', '1'].map((id) => bookmarkName('F', id));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(MAX_BOOKMARK_LENGTH);
      expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    }
    expect(names[0]).toMatch(/^ehcp_F_P3_a_[0-9a-f]{8}$/);
    expect(bookmarkName('F', 'P3-a')).toBe(names[0]); // stable
  });
});
