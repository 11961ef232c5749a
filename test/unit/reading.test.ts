/** The reading modules one by one: what each adds to a reading, with cases of its own. */
import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/src/core/check';
import { quantify } from '../../server/src/core/quantify';
import { findEducatingTherapy } from '../../server/src/core/reading/therapy';

const clean = (text: string) => {
  const r = quantify(text);
  return { missing: r.missing, vague: r.vague.map((v) => v.phrase) };
};

describe('frequency: a count over a stated time', () => {
  it.each([
    'Eight 1-hour sessions over the spring term with the Educational Psychologist, on anxiety management.',
    'Three transition mornings at the new school in June and July 2027, with his key worker.',
    'Six 50-minute sessions of CBT between January and March 2027 from a clinical psychologist.',
    'Four 1-hour visits to the college before the end of the summer term, with his LSA.',
    'A single 45-minute session with the SaLT within 4 weeks of the plan being issued.',
    'A one-off 2-hour visit by the QTVI at the start of the autumn term.',
  ])('%s', (text) => expect(clean(text)).toEqual({ missing: [], vague: [] }));

  it('needs the count: a course period alone, or sessions with no number, is not a frequency', () => {
    expect(quantify('Speech and language therapy sessions of 30 minutes in the autumn term with the SaLT.').missing).toEqual(['frequency']);
    expect(quantify('Sessions with the EP in the spring term.').missing).toContain('frequency');
  });

  it('works out a rate over a stated number of weeks', () => {
    expect(quantify('Six 1-hour sessions of CBT with the Clinical Psychologist over a 12-week period.').frequency?.perWeek).toBeCloseTo(0.5, 3);
  });
});

describe('frequency: named days', () => {
  const perWeek = (t: string) => quantify(`${t}, 30 minutes with the TA.`).frequency?.perWeek;
  it('counts the days named, in full, abbreviated, in lists and ranges', () => {
    expect(perWeek('On Monday and Wednesday lunchtimes')).toBe(2);
    expect(perWeek('On Tuesday afternoons')).toBe(1);
    expect(perWeek('Mon, Wed and Fri')).toBe(3);
    expect(perWeek('Monday to Friday')).toBe(5);
    expect(perWeek('Tuesdays and Thursdays')).toBe(2);
    expect(perWeek('Every Monday, Wednesday and Friday')).toBe(3);
  });
  it('does not read one day with nothing else as weekly', () => {
    expect(quantify('On Monday, the TA will meet his parents for 30 minutes.').frequency).toBeUndefined();
  });
});

describe('items, records and routines', () => {
  it('an item is its own specification; a routine needs who and how often but no duration', () => {
    expect(clean('A writing slope and pencil grips in every lesson.')).toEqual({ missing: [], vague: [] });
    expect(clean('A sloped writing board.')).toEqual({ missing: [], vague: [] });
    expect(clean('A communication passport updated each morning by her key adult.')).toEqual({ missing: [], vague: [] });
    expect(quantify('A communication passport updated by her key adult.').missing).toEqual(['frequency']);
    expect(quantify('His radio aid checked daily.').missing).toEqual(['provider']);
  });
  it('activity with the child still needs a duration', () => {
    expect(quantify('A laptop and weekly touch-typing lessons with the TA.').missing).toEqual(['amount']);
    expect(quantify('Specialist equipment as recommended by the OT.').missing).toEqual(['provider', 'frequency', 'amount']);
  });
});

describe('providers in less common forms', () => {
  const deliverers = (t: string) => quantify(t).providers.filter((p) => p.capacity === 'delivers').map((p) => p.role);
  it('reads a person named by a stated training or a stated number of adults', () => {
    expect(deliverers('A practitioner trained in Theraplay will see Ben for 45 minutes each week.')).toEqual(['Practitioner']);
    expect(deliverers('A certified PROACT-SCIPr-UK instructor will train the team for 3 hours each term.')).toEqual(['Instructor']);
    expect(deliverers('A Team Teach-trained member of staff at all unstructured times.')).toEqual(['Member of Staff']);
    expect(deliverers('Two adults for all hoisting and personal care, every day.')).toEqual(['Adult']);
  });
  it('keeps unnamed and untrained people vague', () => {
    expect(clean('A practitioner will work with Ben for 45 minutes each week.').missing).toEqual(['provider']);
    expect(clean('A trained member of staff will be with Ivy at all times.').vague).toEqual(['A trained member of staff']);
    expect(clean('An adult will model language in all play.').vague).toEqual(['An adult']);
    expect(clean('Harvey will have specialist teaching from the specialist dyslexia teacher, 2 x 45 minutes weekly.').missing).toEqual([]);
  });
});

describe('vague words that are not the provision', () => {
  it.each([
    'A half-day Makaton course for every adult who works with him, delivered by a licensed Makaton tutor before September 2027.',
    'The SENCo will meet with support staff for 30 minutes each half term to plan differentiated tasks.',
    'Hoisting by two trained adults, as required by the Moving and Handling Regulations, for every transfer.',
    'Because Ollie often becomes anxious, a TA will meet him for 5 minutes before every change of lesson.',
    'Short, frequent movement breaks: 4 x 5 minutes each morning, led by his TA.',
    'Literacy in a small group (no more than 4 pupils), 3 x 30 minutes a week, with a specialist teacher.',
    'Movement breaks of 5 minutes every 30 minutes, and more often if needed, with his TA.',
  ])('%s', (text) => expect(clean(text).vague).toEqual([]));

  it('still reports the same words when they leave the provision open', () => {
    expect(clean('Support staff will help Jack in lessons.').vague).toEqual(['Support staff']);
    expect(clean('Tasks will be differentiated as required.').vague).toEqual(['as required']);
    expect(clean('Frequent movement breaks throughout the day.').vague).toEqual(['Frequent']);
    expect(clean('Regular check-ins with his key adult and 30 minutes of ELSA weekly.').vague).toEqual(['Regular']);
    expect(clean('Small group teaching with a TA, 3 times a week for 30 minutes.').vague).toEqual(['Small group']);
    expect(clean('Up to 3 hours of tuition a week from a specialist teacher.').vague).toEqual(['Up to 3 hours']);
  });
});

describe("the adviser's voice", () => {
  it('is read apart from vague wording, with the modal it governs', () => {
    const r = quantify('In my professional opinion she should receive 2 x 30 minutes of 1:1 literacy teaching a week from a specialist dyslexia teacher.');
    expect(r.vague).toEqual([]);
    expect(r.adviserVoice?.text).toBe('In my professional opinion');
  });
  it('leaves other optional wording vague', () => {
    const r = quantify('In my opinion he would benefit from weekly counselling.');
    expect(r.vague.map((v) => v.phrase)).toEqual(['would benefit from']);
    expect(r.adviserVoice).toBeDefined();
    expect(quantify('It is recommended that she has weekly SaLT for 30 minutes.').adviserVoice).toBeUndefined();
  });
});

describe('what is provided', () => {
  it('reports a generic "what" once who, how often and how long are settled', () => {
    expect(quantify('One hour a week of support at home from a familiar psychologist.').unnamedContent?.text).toBe('support');
    expect(quantify('Weekly 30-minute sessions with the Educational Psychologist.').unnamedContent?.text).toBe('sessions');
    expect(quantify('Help from a Teaching Assistant for 20 minutes a day.').unnamedContent?.text).toBe('Help');
  });
  it.each([
    'Precision Teaching of high-frequency words, 3 x 10 minutes a week, with a trained TA.',
    'ELSA sessions on recognising anger, 30 minutes weekly, with the ELSA.',
    '20 minutes of support daily from the HLTA to practise reading his spellings.',
    'Weekly 30-minute sessions with the Speech and Language Therapist.',
    '1:1 support from a TA throughout the school day.',
    'Support from a TA as required.',
  ])('not for: %s', (text) => expect(quantify(text).unnamedContent).toBeUndefined());
});

describe('therapy that educates or trains, in any form', () => {
  it.each([
    ['Speech and Language Therapy, weekly', 'Speech and Language Therapy'],
    ['speech & language therapy', 'speech & language therapy'],
    ['SaLT targets', 'SaLT'],
    ['SALT 1x30 p/w', 'SALT'],
    ['S&LT review', 'S&LT'],
    ['an Occupational Therapist', 'Occupational Therapist'],
    ['OT programme', 'OT'],
    ['the physiotherapy programme', 'physiotherapy'],
    ['PHYSIOTHERAPY at home', 'PHYSIOTHERAPY'],
  ])('%s', (text, found) => expect(findEducatingTherapy(text)?.text).toBe(found));
  it('is not fooled by ordinary words', () => {
    expect(findEducatingTherapy('Salt dough modelling, and a hot chocolate')).toBeUndefined();
    expect(findEducatingTherapy('A review by the paediatrician')).toBeUndefined();
  });
});

describe('a Section B need met only from G, H1 or H2', () => {
  const plan = (section: string, extra = '') =>
    [
      'ehcp: 1',
      'child: { name: Tomasz Wójcik, known_as: Tomasz, pronouns: he/him, date_of_birth: 2014-11-20 }',
      'plan: { local_authority: Westmere Borough Council, caseworker: P. Adeyemi, status: draft }',
      'needs:',
      '  - { id: N1, section: B, area: communication and interaction, text: Tomasz finds it hard to follow instructions. }',
      'outcomes:',
      '  - { id: O1, needs: [N1], text: "By July 2027, Tomasz will follow three-part instructions in class." }',
      'provision:',
      `  - { id: P1, section: ${section}, needs: [N1], outcomes: [O1], text: "A review by the paediatrician every 6 months, 30 minutes each." }`,
      extra,
    ].join('\n');
  it('is not met, and the message names the section the provision sits in', () => {
    for (const section of ['G', 'H1', 'H2']) {
      const f = checkText(plan(section)).find((x) => x.rule === 'need-without-provision');
      expect(f?.message).toContain(`only Section ${section} provision (P1) meets it`);
      expect(f?.fixes?.map((x) => x.title)).toEqual(['Move P1 to Section F', 'Add Section F provision for N1']);
    }
  });
  it('is met once any Section F provision meets it', () => {
    const extra = '  - { id: P2, section: F, needs: [N1], outcomes: [O1], text: "Precision Teaching of key words with a trained TA, 3 x 10 minutes a week." }';
    expect(checkText(plan('G', extra)).filter((x) => x.rule === 'need-without-provision')).toEqual([]);
  });
});
