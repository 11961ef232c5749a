import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/core/config';
import { createGlossary, findTerms, termsInPlan } from '../../server/src/core/glossary';
import { builtInGlossary } from '../../server/src/core/glossary-terms';
import { planSchema, type Plan } from '../../server/src/core/model';
import { checkText } from '../../server/src/core/check';

const terms = (text: string) => findTerms(text).map((t) => t.term);

describe('the built-in glossary', () => {
  it('has at least 120 entries, each one or two plain sentences', () => {
    const entries = createGlossary().entries();
    expect(entries.length).toBeGreaterThanOrEqual(120);
    for (const e of entries) {
      expect(e.meaning, e.term).toMatch(/^[A-Z0-9“"‘']/);
      expect(e.meaning, e.term).toMatch(/[.!?]$/);
      expect(e.meaning.split(/(?<=[.!?])\s+(?=[A-Z])/).length, e.term).toBeLessThanOrEqual(2);
    }
  });

  it('explains the acronyms families ask about (DOMAIN.md)', () => {
    const g = createGlossary();
    for (const t of ['SALT', 'SEMH', 'ELSA', 'EBSNA', 'OT', 'QTVI', 'TA', 'LSA', 'HLTA', 'SENCo', 'EOTAS', 'PfA', 'EHCP', 'SEND', 'CAMHS', 'EP']) {
      expect(g.explain(t), t).toBeDefined();
    }
    expect(g.explain('Makaton')?.meaning).toMatch(/signs and symbols/);
    expect(g.explain('zones of regulation')?.term).toBe('Zones of Regulation');
  });

  it('uses British spelling in its meanings', () => {
    const text = createGlossary().entries().map((e) => e.meaning).join(' ');
    expect(text).not.toMatch(/\b(behavior|color|center|program(?!me)|organiz|recogniz|pediatric)/i);
  });

  it('looks terms up whatever the case, spacing or plural', () => {
    const g = createGlossary();
    expect(g.explain('SaLT')?.term).toBe('SALT');
    expect(g.explain('SENCO')?.term).toBe('SENCo');
    expect(g.explain('TAs')?.term).toBe('TA');
    expect(g.explain('EHCP’s')?.term).toBe('EHCP');
    expect(g.explain('self regulation')?.term).toBe('self-regulation');
    expect(g.explain('nothing like this')).toBeUndefined();
  });

  it('lets the caseload, then the plan, override and add entries: later ones win', () => {
    const g = createGlossary({ ELSA: 'Caseload meaning.', Lexia2: 'A reading app.' }, { elsa: 'Plan meaning.' });
    expect(g.explain('ELSA')?.meaning).toBe('Plan meaning.');
    expect(g.explain('Lexia2')?.meaning).toBe('A reading app.');
    expect(g.entries().filter((e) => e.term.toLowerCase() === 'elsa')).toHaveLength(1);
    expect(createGlossary(undefined, {}).entries().length).toBe(createGlossary().entries().length);
  });

  it('keeps the built-in glossary itself unchanged', () => {
    createGlossary({ SALT: 'Changed.' });
    expect(createGlossary().explain('SALT')?.meaning).toBe(builtInGlossary.SALT);
  });
});

describe('findTerms', () => {
  it('finds acronyms in their usual spellings, named as the glossary spells them, with UTF-16 offsets', () => {
    const text = 'Zoë’s SaLT and the SENCO agreed PfA goals; a QToD visits. KS2 TAs help.';
    const found = findTerms(text);
    expect(found.map((t) => t.term)).toEqual(['SALT', 'SENCo', 'PfA', 'QToD', 'KS2', 'TA']);
    expect(found.map((t) => text.slice(t.start, t.end))).toEqual(['SaLT', 'SENCO', 'PfA', 'QToD', 'KS2', 'TAs']);
    expect(text.slice(found[5]!.start, found[5]!.end)).toBe('TAs');
  });

  it('finds specialist terms in any case, preferring the longest', () => {
    expect(terms('She uses Makaton signs and precision teaching, and Zones of Regulation.')).toEqual(['Makaton signs', 'Precision Teaching', 'Zones of Regulation']);
    expect(terms('Two sensory circuits a day and Social Stories.')).toEqual(['sensory circuit', 'Social Stories']);
  });

  it('leaves out names, ordinary words, Roman numerals and shouting', () => {
    expect(terms('Oliver McDonald met Dr Okafor at 9 AM.')).toEqual([]);
    expect(terms('Part II of the report. PLEASE DO NOT CALL BEFORE NOON.')).toEqual([]);
    expect(terms('OCCUPATIONAL THERAPY to develop handwriting, with the SALT OT team.')).toEqual(['SALT', 'OT']);
    expect(terms('It is OK. A salt-dough model.')).toEqual([]);
  });

  it('finds unknown acronyms too, so they can be explained', () => {
    expect(terms('The ECHO team and the SaLT will meet.')).toEqual(['ECHO', 'SALT']);
  });

  it('finds the caseload’s and plan’s own phrase terms when given the glossary', () => {
    const g = createGlossary({ 'Bucket Time': 'A short group session.' });
    expect(findTerms('Daily bucket time with the TA.', g).map((t) => t.term)).toEqual(['Bucket Time', 'TA']);
  });
});

describe('termsInPlan', () => {
  const plan = planSchema.parse({
    ehcp: 1,
    child: { name: 'Ada Quinn', known_as: 'Ada', pronouns: 'she/her', date_of_birth: '2016-04-01' },
    plan: { local_authority: 'Westshire', caseworker: 'P. Lee', status: 'draft' },
    views: { parents: 'We want the SENCo to talk to us.' },
    needs: [{ id: 'N1', section: 'B', area: 'communication and interaction', text: 'Ada has DLD and finds the ZZQ programme hard.' }],
    outcomes: [],
    provision: [{ id: 'P1', section: 'F', needs: ['N1'], text: 'ELSA sessions and Lexia, 20 minutes a day from a TA. The ZZQ again.' }],
    glossary: { ZZQ: 'A made-up programme.' },
  }) as Plan;

  it('splits the plan’s terms into explained and unexplained', () => {
    const { explained, unexplained } = termsInPlan(plan, createGlossary());
    expect(explained.map((e) => e.term)).toEqual(['DLD', 'ELSA', 'Lexia', 'SENCo', 'TA']);
    expect(unexplained).toEqual(['ZZQ']);
  });

  it('counts the plan’s own glossary when the caller includes it', () => {
    const { explained, unexplained } = termsInPlan(plan, createGlossary(undefined, plan.glossary));
    expect(explained.map((e) => e.term)).toContain('ZZQ');
    expect(unexplained).toEqual([]);
  });
});

describe('glossary in the plan and the caseload configuration', () => {
  const plan = `ehcp: 1
child: { name: Ada Quinn, known_as: Ada, pronouns: she/her, date_of_birth: 2016-04-01 }
plan: { local_authority: Westshire, caseworker: P. Lee, status: draft }
needs: []
outcomes: []
provision: []
glossary:
  Bucket Time: A short, lively group session that builds attention.
`;
  it('accepts a glossary map in a plan, and rejects an empty meaning', () => {
    expect(checkText(plan).filter((f) => f.rule === 'schema')).toEqual([]);
    expect(checkText(plan.replace(/A short.*$/m, '""')).some((f) => f.rule === 'schema')).toBe(true);
  });

  it('reads a glossary from .ehcprc.yaml', () => {
    const { config, findings } = parseConfig('glossary:\n  Bucket Time: A short group session.\n  Empty: ""\n');
    expect(config.glossary).toEqual({ 'Bucket Time': 'A short group session.' });
    expect(findings.length).toBe(1);
    expect(parseConfig('glossary: [a, b]\n').findings[0]?.message).toMatch(/glossary/);
  });
});
