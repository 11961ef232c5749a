import { describe, expect, it } from 'vitest';
import { quantify } from '../../server/src/core/quantify';
import type { Missing, ProvisionReading } from '../../server/src/core/quantify-types';
import type { Span } from '../../server/src/core/types';
import { getRole, lookupRole, roleKey, roles, vagueLexicon } from '../../server/src/core/vocabulary';
import { quantifyCases, type QuantifyCase } from './quantify-cases';

const ORDER: Missing[] = ['provider', 'frequency', 'amount'];
const sorted = (xs: readonly string[]) => [...xs].sort();
const rolesIn = (r: ProvisionReading, capacity: 'delivers' | 'devises' | 'oversees') =>
  sorted([...new Set(r.providers.filter((p) => p.capacity === capacity).map((p) => p.role))]);

/** Every span in a reading slices the text to exactly the words it reports. */
function expectSpansExact(text: string, r: ProvisionReading): void {
  const check = (span: Span, words: string) => {
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(span.start).toBeLessThan(span.end);
    expect(text.slice(span.start, span.end)).toBe(words);
  };
  for (const p of r.providers) check(p.span, p.text);
  for (const v of r.vague) check(v.span, v.phrase);
  if (r.frequency) check(r.frequency.span, r.frequency.text);
  if (r.amount) check(r.amount.span, r.amount.text);
  if (r.group) check(r.group.span, r.group.text);
  if (r.period) check(r.period.span, r.period.text);
  if (r.unnamedContent) check(r.unnamedContent.span, r.unnamedContent.text);
  if (r.adviserVoice) check(r.adviserVoice.span, r.adviserVoice.text);
}

function checkCase(c: QuantifyCase): void {
  const r = quantify(c.text);
  expect([...r.missing], 'missing').toEqual(ORDER.filter((m) => c.missing.includes(m)));
  expect(sorted(r.vague.map((v) => v.phrase)), 'vague phrases').toEqual(sorted(c.vague ?? []));
  if (c.provider) expect(rolesIn(r, 'delivers'), 'deliverers').toEqual(sorted(c.provider));
  else expect(rolesIn(r, 'delivers'), 'deliverers').toEqual([]);
  expect(rolesIn(r, 'devises'), 'devises').toEqual(sorted(c.devises ?? []));
  expect(rolesIn(r, 'oversees'), 'oversees').toEqual(sorted(c.oversees ?? []));
  if (c.perWeek !== undefined) expect(r.frequency?.perWeek, 'perWeek').toBeCloseTo(c.perWeek, 3);
  if (c.minutes !== undefined) expect(r.amount?.minutes, 'minutes').toBe(c.minutes);
  if (c.bound !== undefined) expect(r.amount?.bound, 'bound').toBe(c.bound);
  if (c.pervasive !== undefined) expect(r.frequency?.pervasive ?? false, 'pervasive').toBe(c.pervasive);
  if (c.group !== undefined) {
    expect(r.group, 'group').toBeDefined();
    expect(r.group?.max, 'group max').toBe(c.group ?? undefined);
  }
  if (c.weeksPerYear !== undefined) {
    expect(r.period, 'period').toBeDefined();
    expect(r.period?.weeksPerYear, 'weeks a year').toBe(c.weeksPerYear ?? undefined);
  }
  if (c.qualification !== undefined) {
    expect(r.providers.map((p) => p.qualification ?? '').join(' | '), 'qualification').toContain(c.qualification);
  }
  expect(r.unnamedContent !== undefined, 'no content named').toBe(c.noContent === true);
  expect(r.adviserVoice !== undefined, "adviser's voice").toBe(c.adviserVoice === true);
  expectSpansExact(c.text, r);
  for (const v of r.vague) {
    expect(v.advice.length, 'advice').toBeGreaterThan(10);
    expect(v.advice).not.toContain('{phrase}');
  }
}

describe('quantify: labelled cases', () => {
  it('has enough varied cases, each with its deliverer labelled unless missing or the item is the specification', () => {
    expect(quantifyCases.length).toBeGreaterThanOrEqual(480);
    expect(new Set(quantifyCases.map((c) => c.text)).size).toBe(quantifyCases.length);
    for (const c of quantifyCases) {
      if (!c.missing.includes('provider') && !c.item) expect(c.provider?.length ?? (c.oversees?.length ?? 0), c.text).toBeGreaterThan(0);
    }
  });

  for (const c of quantifyCases) {
    it(c.text.replace(/\s+/g, ' ').slice(0, 110), () => checkCase(c));
  }
});

describe('quantify: amounts and frequencies', () => {
  it('reads "up to" as a ceiling that is both an amount and a vague phrase', () => {
    const r = quantify('Up to 3 hours a week of tuition from a specialist teacher.');
    expect(r.missing).toEqual([]);
    expect(r.amount).toMatchObject({ bound: 'ceiling', minutes: 180, text: 'Up to 3 hours' });
    const ceiling = r.vague.find((v) => v.kind === 'ceiling');
    expect(ceiling?.phrase).toBe('Up to 3 hours');
    expect(ceiling?.replacement).toBe('at least 3 hours');
  });

  it('reads floors as enforceable, with no vague phrase', () => {
    for (const text of ['At least 30 minutes daily with a TA.', 'A minimum of 30 minutes daily with a TA.', 'No less than 30 minutes daily with a TA.']) {
      const r = quantify(text);
      expect(r.amount?.bound, text).toBe('floor');
      expect(r.amount?.minutes, text).toBe(30);
      expect(r.vague, text).toEqual([]);
    }
  });

  it('works out sessions a week for the usual ways of writing frequency', () => {
    const perWeek = (t: string) => quantify(`${t} with the TA for 20 minutes.`).frequency?.perWeek;
    expect(perWeek('Twice a week')).toBe(2);
    expect(perWeek('Two times per week')).toBe(2);
    expect(perWeek('Once weekly')).toBe(1);
    expect(perWeek('3x weekly')).toBe(3);
    expect(perWeek('Fortnightly')).toBe(0.5);
    expect(perWeek('Every other week')).toBe(0.5);
    expect(perWeek('Daily')).toBe(5);
    expect(perWeek('Every school day')).toBe(5);
    expect(perWeek('Each morning')).toBe(5);
    expect(perWeek('Twice daily')).toBe(10);
    expect(perWeek('Half-termly')).toBeCloseTo(6 / 38, 4);
    expect(perWeek('Each half term')).toBeCloseTo(6 / 38, 4);
    expect(perWeek('Once a term')).toBeCloseTo(3 / 38, 4);
    expect(perWeek('Termly')).toBeCloseTo(3 / 38, 4);
    expect(perWeek('Monthly')).toBeCloseTo(12 / 52, 4);
    expect(perWeek('Every 3 weeks')).toBeCloseTo(1 / 3, 4);
    expect(perWeek('On Mondays, Wednesdays and Fridays')).toBe(3);
  });

  it('uses the stated weeks a year for yearly and termly rates', () => {
    const r = quantify('6 sessions per year with the SaLT, 45 minutes each, 52 weeks per year.');
    expect(r.period?.weeksPerYear).toBe(52);
    expect(r.frequency?.perWeek).toBeCloseTo(6 / 52, 4);
  });

  it('reads durations written many ways', () => {
    const minutes = (t: string) => quantify(`Weekly, ${t}, with the TA.`).amount?.minutes;
    expect(minutes('45-minute sessions')).toBe(45);
    expect(minutes('a 30 minute session')).toBe(30);
    expect(minutes('1.5 hours')).toBe(90);
    expect(minutes('90 mins')).toBe(90);
    expect(minutes('2 hrs')).toBe(120);
    expect(minutes('half an hour')).toBe(30);
    expect(minutes('an hour')).toBe(60);
    expect(minutes('one and a half hours')).toBe(90);
    expect(minutes('1 hour 30 minutes')).toBe(90);
    expect(minutes('1hr 15mins')).toBe(75);
    expect(minutes('forty-five minutes')).toBe(45);
    expect(minutes('2\u00bd hours')).toBe(150);
    expect(minutes('from 1.15pm to 2pm')).toBe(45);
  });

  it('reads group sizes', () => {
    const max = (t: string) => quantify(`${t}, weekly for 30 minutes with a TA.`).group?.max;
    expect(max('1:1')).toBe(1);
    expect(max('One-to-one')).toBe(1);
    expect(max('1 to 1')).toBe(1);
    expect(max('Individually')).toBe(1);
    expect(max('2:1')).toBe(1);
    expect(max('1:3')).toBe(3);
    expect(max('In a group of no more than 4')).toBe(4);
    expect(max('In groups of up to 6 pupils')).toBe(6);
    expect(max('In a small group (max 5)')).toBe(5);
    expect(max('In a group of 3-4 pupils')).toBe(4);
    expect(max('In a small group')).toBeUndefined();
    expect(quantify('In a small group, weekly for 30 minutes with a TA.').vague.map((v) => v.kind)).toEqual(['unspecified-group']);
  });

  it('does not read a class name or a clock time as a size or a ratio', () => {
    expect(quantify('Amara is in Class 3 and leaves at 3:15.').group).toBeUndefined();
  });
});

describe('quantify: providers', () => {
  it('names the canonical role for abbreviations and spellings', () => {
    const role = (t: string) => quantify(`${t} will see him weekly for 30 minutes.`).providers[0]?.role;
    expect(role('The SALT')).toBe('Speech and Language Therapist');
    expect(role('The SLT')).toBe('Speech and Language Therapist');
    expect(role('The S&LT')).toBe('Speech and Language Therapist');
    expect(role('The speech and language therapy assistant')).toBe('Speech and Language Therapy Assistant');
    expect(role('The QTVI')).toBe('Qualified Teacher of Vision Impairment');
    expect(role('The ToD')).toBe('Qualified Teacher of the Deaf');
    expect(role('The SENCO')).toBe('Special Educational Needs Co-ordinator');
    expect(role('The special educational needs co-ordinator')).toBe('Special Educational Needs Co-ordinator');
    expect(role('The keyworker')).toBe('Key Worker');
    expect(role('The nursery practitioner')).toBe('Early Years Practitioner');
    expect(role('The clinical psychologist')).toBe('Clinical Psychologist');
    expect(role('The Portage worker')).toBe('Portage Home Visitor');
    expect(role('The autism outreach team')).toBe('Autism Outreach Service');
    expect(role('The dyslexia specialist teacher')).toBe('Specialist Dyslexia Teacher');
    expect(role('A teaching assistant')).toBe('Teaching Assistant');
  });

  it('does not read lower-case words as abbreviations', () => {
    expect(quantify('Salt dough modelling, weekly for 30 minutes.').providers).toEqual([]);
  });

  it('keeps the level of expertise written around the role', () => {
    const r = quantify('An HCPC-registered SaLT with at least 2 years\u2019 experience will see Ravi weekly for 30 minutes.');
    expect(r.providers).toHaveLength(1);
    expect(r.providers[0]!.qualification).toContain('HCPC-registered');
    expect(r.providers[0]!.qualification).toContain('with at least 2 years\u2019 experience');
    expect(r.providers[0]!.text).toBe('HCPC-registered SaLT');
  });

  it('does not count "staff" who receive training as vague deliverers', () => {
    const r = quantify('The OT will train staff and deliver 3 sessions per term of 45 minutes.');
    expect(r.vague).toEqual([]);
    expect(r.missing).toEqual([]);
  });
});

describe('quantify: vague wording', () => {
  it('does not read the month of May as a modal verb, but does read "may"', () => {
    expect(quantify('By May 2027, Amara will have 30 minutes of SaLT weekly.').vague).toEqual([]);
    expect(quantify('In May, the SaLT will see Amara weekly for 30 minutes.').vague).toEqual([]);
    expect(quantify('Amara may be offered 30 minutes of SaLT weekly.').vague.map((v) => v.phrase)).toEqual(['may']);
  });

  it('does not flag "support" when the sentence is quantified, nor "support" as a verb', () => {
    expect(quantify('Teaching Assistant support, 5 x 30 minutes weekly.').vague).toEqual([]);
    expect(quantify('The TA will support her to read, 20 minutes daily.').vague).toEqual([]);
    expect(quantify('Learning Support Assistant for 30 minutes daily.').vague).toEqual([]);
  });

  it('gives advice in plain words and replacements with placeholders', () => {
    const r = quantify('She should have opportunities to read regularly as required.');
    const byPhrase = Object.fromEntries(r.vague.map((v) => [v.phrase, v]));
    expect(byPhrase['should']?.replacement).toBe('will');
    expect(byPhrase['opportunities to']?.replacement).toContain('__');
    expect(byPhrase['regularly']?.replacement).toContain('__');
    expect(byPhrase['as required']?.replacement).toContain('__');
    for (const v of r.vague) expect(v.advice).toMatch(/^[A-Z"]/);
  });

  it('finds configured extra phrases on word boundaries, case-insensitively', () => {
    const r = quantify('Provision as per the OT report, weekly for 30 minutes with a TA; nothing as perhaps.', {
      extraVaguePhrases: ['as per', 'perhaps'],
    });
    expect(r.vague.map((v) => v.phrase)).toEqual(['as per', 'perhaps']);
    const none = quantify('Asperger support group weekly for 30 minutes with a TA.', { extraVaguePhrases: ['as per'] });
    expect(none.vague).toEqual([]);
  });

  it('gives exact spans with CRLF, non-breaking spaces, emoji and curly quotes', () => {
    const text = '\ud83d\ude42 Note:\r\nAmara\u2019s TA will help\u00a0as\u00a0required.\r\n\u2022 \u201cRegularly\u201d check in.';
    const r = quantify(text);
    expect(r.vague.map((v) => text.slice(v.span.start, v.span.end))).toEqual(['as\u00a0required', 'Regularly']);
    expectSpansExact(text, r);
  });
});

describe('quantify: robustness', () => {
  it('returns for very long and hostile input (no time assertion)', () => {
    const paragraph =
      'Amara will receive 3 x 20 mins weekly of speech and language therapy from an HCPC-registered SaLT, where possible, in a small group. ' +
      'TA support as required; access to a calm space at all times. 1:1 2:1 up to up to 1 hour 1 hour every every. ';
    const long = paragraph.repeat(Math.ceil(100_000 / paragraph.length)).slice(0, 100_000);
    expect(quantify(long).missing).toBeDefined();
    for (const hostile of ['1 '.repeat(50_000), 'a'.repeat(100_000), '\n'.repeat(100_000), 'TA '.repeat(33_000), '(('.repeat(50_000), 'half an hour and a half '.repeat(4_000)]) {
      expect(quantify(hostile).vague).toBeInstanceOf(Array);
    }
  });

  it('returns an empty reading for empty text', () => {
    expect(quantify('')).toEqual({ providers: [], vague: [], missing: ['provider', 'frequency', 'amount'] });
  });
});

describe('vocabulary', () => {
  it('has one role for each spelling, and canonical names in plain words', () => {
    const owner = new Map<string, string>();
    for (const r of roles) {
      expect(getRole(r.name)).toBe(r);
      expect(r.name).toMatch(/^[A-Z][A-Za-z' -]+$/);
      for (const alias of [...r.aliases, ...(r.services ?? [])]) {
        const key = roleKey(alias);
        const prior = owner.get(key);
        if (prior !== undefined) expect(prior, alias).toBe(r.name);
        owner.set(key, r.name);
      }
    }
  });

  it('looks up a role from its abbreviation or any spelling', () => {
    expect(lookupRole('SaLT')?.name).toBe('Speech and Language Therapist');
    expect(lookupRole('speech & language therapists')?.name).toBe('Speech and Language Therapist');
    expect(lookupRole('QToD')?.name).toBe('Qualified Teacher of the Deaf');
    expect(lookupRole('childrens community nurse')?.name).toBe("Children's Community Nurse");
    expect(lookupRole('salt')).toBeUndefined();
    expect(lookupRole('gardener')).toBeUndefined();
  });

  it('lists each vague phrase with advice and examples the reader finds', () => {
    for (const e of vagueLexicon) {
      expect(e.examples.length, e.id).toBeGreaterThan(0);
      if (e.onlyWhenUnquantified || e.id === 'modal') continue;
      for (const ex of e.examples) {
        expect(quantify(`Amara will have ${ex} here.`).vague.length, `${e.id}: ${ex}`).toBeGreaterThan(0);
      }
    }
  });
});
