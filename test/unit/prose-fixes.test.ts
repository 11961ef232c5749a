import { describe, expect, it } from 'vitest';
import { checkText, type CheckOptions } from '../../server/src/core/check';
import { parsePlan } from '../../server/src/core/parse';
import { CaseloadIndex, summarisePlan } from '../../server/src/core/prose/caseload';
import { loadDictionary } from '../../server/src/prose/dictionary';
import type { Finding } from '../../server/src/core/types';
import { applyEdits } from '../util/edits';

const words = loadDictionary();

const plan = (body: string, child = 'name: Priya Kaur\n  known_as: Priya\n  pronouns: she/her') => `ehcp: 1
child:
  ${child}
  date_of_birth: 2016-01-30
plan:
  local_authority: Westmere Borough Council
  caseworker: P. Adeyemi
  status: draft
${body}`;

const need = (text: string) => `needs:\n  - id: N1\n    section: B\n    area: cognition and learning\n    text: ${text}\noutcomes: []\nprovision: []\n`;

function findings(text: string, rule: string, options: CheckOptions = {}): Finding[] {
  return checkText(text, { words, ...options }).filter((f) => f.rule === rule);
}

/** Applies the finding's first fix (or the one titled so) and returns the new text. */
function fix(text: string, f: Finding | undefined, title?: string): string {
  expect(f, 'finding').toBeDefined();
  const chosen = title ? f!.fixes?.find((x) => x.title === title) : f!.fixes?.[0];
  expect(chosen, `fix ${title ?? ''} in ${JSON.stringify(f!.fixes?.map((x) => x.title))}`).toBeDefined();
  return applyEdits(text, chosen!.edits);
}

describe('fixes that apply', () => {
  it('spelling: the British form, and the check is then quiet', () => {
    const text = plan(need("Priya's behavior and favorite colors change when she is tired."));
    const [first] = findings(text, 'spelling');
    expect(first!.message).toBe('"behavior" is the US spelling: the British form is "behaviour".');
    let after = fix(text, first);
    after = fix(after, findings(after, 'spelling')[0]);
    after = fix(after, findings(after, 'spelling')[0]);
    expect(after).toContain("Priya's behaviour and favourite colours change");
    expect(findings(after, 'spelling')).toEqual([]);
  });

  it('spelling: a misspelling gets the dictionary’s suggestion', () => {
    const text = plan(need('Priya finds it hard to recieve spoken information.'));
    const after = fix(text, findings(text, 'spelling')[0], 'Change to "receive"');
    expect(after).toContain('hard to receive spoken');
  });

  it('spelling in a folded block scalar lands on the right word', () => {
    const text = plan(`needs:\n  - id: N1\n    section: B\n    area: cognition and learning\n    text: >-\n      Priya finds it hard to\n      recieve spoken information.\noutcomes: []\nprovision: []\n`);
    const after = fix(text, findings(text, 'spelling')[0], 'Change to "receive"');
    expect(after).toContain('      receive spoken information.');
  });

  it('child-name-misspelt: the right spelling', () => {
    const text = plan(need('Pirya finds it hard to follow instructions.'));
    const after = fix(text, findings(text, 'child-name-misspelt')[0]);
    expect(after).toContain('text: Priya finds it hard');
    expect(findings(after, 'child-name-misspelt')).toEqual([]);
  });

  it('pronoun-mismatch: the child’s pronoun, matched to its use', () => {
    const text = plan(need('Priya reads slowly. He loses his place and reading tires him.'));
    const found = findings(text, 'pronoun-mismatch');
    expect(found.map((f) => f.fixes?.[0]?.title)).toEqual(['Change "He" to "She"', 'Change "his" to "her"', 'Change "him" to "her"']);
    let after = text;
    for (let i = 0; i < 3; i++) after = fix(after, findings(after, 'pronoun-mismatch')[0]);
    expect(after).toContain('She loses her place and reading tires her.');
  });

  it('pronoun-mismatch for he/him: "her book" becomes "his book", "saw her" becomes "saw him"', () => {
    const text = plan(need('Kai likes reading. She takes her book to the office when the teacher tells her.'), 'name: Kai Robinson\n  known_as: Kai\n  pronouns: he/him');
    // "the teacher" is another person in the sentence: left alone.
    expect(findings(text, 'pronoun-mismatch')).toEqual([]);
    const alone = plan(need('Kai likes reading. She takes her book home and reads it.'), 'name: Kai Robinson\n  known_as: Kai\n  pronouns: he/him');
    let after = alone;
    for (let i = 0; i < 2; i++) after = fix(after, findings(after, 'pronoun-mismatch')[0]);
    expect(after).toContain('He takes his book home');
  });

  it('unexplained-acronym: adds a glossary entry to fill in, at the end of the plan or in the existing glossary', () => {
    const text = plan(need('Priya has RWI phonics every day.'));
    const after = fix(text, findings(text, 'unexplained-acronym')[0]);
    expect(after.endsWith('provision: []\nglossary:\n  RWI: __\n')).toBe(true);
    expect(parsePlan(after).findings).toEqual([]);
    const filled = after.replace('RWI: __', 'RWI: Read Write Inc, a phonics programme.');
    expect(findings(filled, 'unexplained-acronym')).toEqual([]);

    const withGlossary = plan(`${need('Priya has RWI and BKSB every week.')}glossary:\n  RWI: Read Write Inc, a phonics programme.\n`);
    const [bksb] = findings(withGlossary, 'unexplained-acronym');
    expect(bksb!.message).toMatch(/"BKSB" is not explained/);
    expect(fix(withGlossary, bksb)).toContain('glossary:\n  RWI: Read Write Inc, a phonics programme.\n  BKSB: __\n');

    const flow = plan(`${need('Priya has RWI every week.')}glossary: {}\n`);
    expect(fix(flow, findings(flow, 'unexplained-acronym')[0])).toContain('glossary: {RWI: __}');
  });

  it('the caseload’s and the plan’s glossaries explain terms', () => {
    const text = plan(need('Priya has RWI every week.'));
    expect(findings(text, 'unexplained-acronym', { config: { glossary: { RWI: 'Read Write Inc.' } } })).toEqual([]);
  });

  it('other-child-name: adds the person to names:, and the check is then quiet', () => {
    const text = plan(need('Priya finds phonics hard. Leon finds it hard too.'));
    const [leon] = findings(text, 'other-child-name');
    expect(leon!.message).toMatch(/"Leon" is not a name this plan knows/);
    const after = fix(text, leon);
    expect(after).toContain('names: [Leon]');
    expect(findings(after, 'other-child-name')).toEqual([]);
    const block = plan(`names:\n  - Sam\n${need('Priya finds phonics hard. Leon finds it hard too.')}`);
    expect(fix(block, findings(block, 'other-child-name')[0])).toContain('names:\n  - Sam\n  - Leon\n');
  });

  it('other-child-name names the other plan of the caseload', () => {
    const other = plan(need('Oliver hides under the table.'), 'name: Oliver Brown\n  known_as: Oliver\n  pronouns: he/him');
    const index = new CaseloadIndex([summarisePlan(parsePlan(other), 'oliver-brown.ehcp.yaml', 'o')]);
    const text = plan(need('Priya finds noise hard. Oliver hides under the table.'));
    const [f] = findings(text, 'other-child-name', { caseload: index.view('p') });
    expect(f!.message).toBe('"Oliver" is the child in oliver-brown.ehcp.yaml: is this text about another child? This is Priya’s plan.');
    // Before the dictionary has loaded, the first-name list still works with the built-in list of names that are words.
    expect(checkText(text, { caseload: index.view('p') }).filter((x) => x.rule === 'other-child-name')).toHaveLength(1);
    expect(checkText(plan(need('Priya finds noise hard. Leon hides under the table.'))).filter((x) => x.rule === 'other-child-name')).toHaveLength(1);
    expect(checkText(plan(need('Priya finds noise hard. Hope hides under the table.'))).filter((x) => x.rule === 'other-child-name')).toEqual([]);
  });

  it('copied-text: stockPhrases in the configuration leave standard wording alone', () => {
    const sentence = 'When she is anxious she hides in the toilets and will not talk to staff for most of the first lesson.';
    const other = plan(need(sentence.replace(/she/g, 'he')), 'name: Kai Robinson\n  known_as: Kai\n  pronouns: he/him');
    const text = plan(need(sentence));
    const index = new CaseloadIndex([summarisePlan(parsePlan(other), 'kai.ehcp.yaml', 'k'), summarisePlan(parsePlan(text), 'priya.ehcp.yaml', 'p')]);
    expect(findings(text, 'copied-text', { caseload: index.view('p') })).toHaveLength(1);
    expect(findings(text, 'copied-text', { caseload: index.view('p'), config: { stockPhrases: ['hides in the toilets'] } })).toEqual([]);
  });

  it('hard-to-read quotes the longest sentence and gives the figure', () => {
    const text = plan(need('Priya presents with significant difficulties in relation to the consolidation and generalisation of previously acquired numerical concepts, which, in combination with considerable limitations in working memory capacity, substantially impedes her independent participation in classroom-based mathematical activities.'));
    const [f] = findings(text, 'hard-to-read');
    expect(f!.message).toMatch(/reading ease -?\d+ out of 100; plain English is 60 or more/);
    expect(f!.message).toContain('Longest sentence (36 words): "Priya presents with');
  });
});
