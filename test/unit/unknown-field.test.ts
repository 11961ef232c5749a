import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/src/core/check';

const base = [
  'ehcp: 1',
  'child: { name: Tomasz Wójcik, known_as: Tomasz, pronouns: he/him, date_of_birth: 2014-11-20 }',
  'plan: { local_authority: Westmere Borough Council, caseworker: P. Adeyemi, status: draft }',
  'needs:',
  '  - { id: N1, section: B, area: cognition and learning, text: Tomasz finds it hard to remember number facts. }',
  'outcomes:',
  '  - { id: O1, needs: [N1], text: "By July 2027, Tomasz will recall multiplication facts to 5 x 5 within 3 seconds." }',
  'provision:',
  '  - { id: P1, section: F, needs: [N1], outcomes: [O1], text: "Precision Teaching of number facts with a trained Teaching Assistant, 15 minutes three times a week." }',
].join('\n');

const schemaMessages = (extra: string) =>
  checkText(`${base}\n${extra}\n`)
    .filter((f) => f.rule === 'schema')
    .map((f) => ({ line: f.range.start.line + 1, message: f.message }));

describe('unknown top-level fields', () => {
  it('says where provision written under a section name belongs', () => {
    const [f] = schemaMessages('section_f:\n  - Speech and language therapy from a SaLT, 30 minutes weekly.');
    expect(f?.line).toBe(10);
    expect(f?.message).toMatch(/^"section_f" is not a field of a plan\. It holds provision written outside the provision list: .*"provision:".*section: F/);
  });

  it('names the list for each section letter or name, even when the field is empty', () => {
    expect(schemaMessages('Section G: []')[0]?.message).toMatch(/Health provision \(Section G\) belongs under "provision:".*section: G/);
    expect(schemaMessages('section_b: []')[0]?.message).toMatch(/Special educational needs \(Section B\) belong under "needs:".*section: B, area/);
    expect(schemaMessages('Section E: []')[0]?.message).toMatch(/under "outcomes:"/);
    expect(schemaMessages('named_school: Castlebrook Academy')[0]?.message).toMatch(/under "placement:"/);
  });

  it('finds provision or needs under any other name', () => {
    expect(schemaMessages('extra_support:\n  - A TA will work with Tomasz on reading for 20 minutes every day.')[0]?.message).toMatch(
      /holds provision written outside the provision list\. Move each piece into "provision:"/,
    );
    expect(schemaMessages('worries: Tomasz finds it hard to settle at the start of the day and becomes anxious.')[0]?.message).toMatch(
      /holds needs written outside the needs list\. Move each need into "needs:"/,
    );
  });

  it('suggests the field meant for a misspelling, and lists the fields otherwise', () => {
    expect(schemaMessages('outcomse: []')[0]?.message).toContain('Did you mean "outcomes"?');
    expect(schemaMessages('colour: blue')[0]?.message).toMatch(/The top-level fields are ehcp, child, plan, .*(personal_budget|glossary)\.$/);
  });

  it('stays within bounds on a huge or nested unknown field', () => {
    const huge = `notes:\n${'  - [a, [b, [c, [d, "Tomasz will have 20 minutes a day with a TA"]]]]\n'.repeat(2000)}`;
    expect(schemaMessages(huge)[0]?.message).toMatch(/^"notes" is not a field of a plan/);
  });
});
