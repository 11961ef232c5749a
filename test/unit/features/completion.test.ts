import { describe, expect, it } from 'vitest';
import { getCompletions, type CompletionItem } from '../../../server/src/core/completion';
import { acceptCompletion, cursor } from './cursor-helpers';
import { edit, PLAN } from './fixtures';

function complete(marked: string, options = {}) {
  const { text, position, parsed } = cursor(marked);
  const items = getCompletions(parsed, position, options);
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return {
    items: sorted,
    labels: sorted.map((i) => i.label),
    accept(label: string): string {
      const item = items.find((i) => i.label === label);
      if (!item) throw new Error(`no completion ${label}; have ${sorted.map((i) => i.label).join(', ')}`);
      return acceptCompletion(text, item);
    },
    item: (label: string): CompletionItem | undefined => items.find((i) => i.label === label),
  };
}

describe('completion of ids', () => {
  it('offers need ids in a flow needs: list, leaving out those already listed', () => {
    const c = complete(edit('    needs: [N1]\n    outcomes', '    needs: [N1, |]\n    outcomes'));
    expect(c.labels).toEqual(['N2']);
    expect(c.item('N2')?.detail).toBe('Ellis reads about two years behind his age.');
    expect(c.item('N2')?.description).toBe('no provision yet');
    expect(c.item('N2')?.documentation).toContain('cognition and learning');
    expect(c.accept('N2')).toBe(edit('    needs: [N1]\n    outcomes', '    needs: [N1, N2]\n    outcomes'));
  });

  it('adds the space after a comma', () => {
    const c = complete(edit('    needs: [N1]\n    outcomes', '    needs: [N1,|]\n    outcomes'));
    expect(c.accept('N2')).toBe(edit('    needs: [N1]\n    outcomes', '    needs: [N1, N2]\n    outcomes'));
  });

  it('replaces a half-typed id', () => {
    const c = complete(edit('    needs: [N1]\n    text: By', '    needs: [N|]\n    text: By'));
    expect(c.labels).toEqual(['N1', 'N2']); // neither has an outcome while O1's list is being edited
    expect(c.accept('N1')).toBe(PLAN);
  });

  it('offers need ids in a block needs: list', () => {
    const c = complete(edit('    needs: [N1]\n    outcomes', '    needs:\n      - N1\n      - |\n    outcomes'));
    expect(c.labels).toEqual(['N2']);
    expect(c.accept('N2')).toBe(edit('    needs: [N1]\n    outcomes', '    needs:\n      - N1\n      - N2\n    outcomes'));
  });

  it('offers only outcome ids in outcomes:, those for the same needs first', () => {
    const text = edit('    evidence: [salt#R3]\n', '    evidence: [salt#R3]\n  - id: P2\n    section: F\n    needs: [N1]\n    outcomes: [|]\n');
    const c = complete(text);
    expect(c.labels).toEqual(['O1']);
    expect(c.item('O1')?.description).toBe('for N1');
  });

  it('offers a list when the value is still empty', () => {
    const c = complete(edit('    needs: [N1]\n    text: By', '    needs: |\n    text: By'));
    expect(c.accept('N2')).toBe(edit('    needs: [N1]\n    text: By', '    needs: [N2]\n    text: By'));
    expect(c.item('N2')?.description).toBe('no outcome yet');
  });

  it('offers advice ids and cited paragraphs in evidence:', () => {
    const c = complete(edit('    text: Ellis reads about two years behind his age.\n', '    text: Ellis reads about two years behind his age.\n    evidence: [|]\n'));
    expect(c.labels).toEqual(['salt#', 'ep#', 'salt#3.2', 'salt#R3']);
    expect(c.item('salt#')?.detail).toBe('Speech and Language Therapist');
    expect(c.item('salt#')?.retrigger).toBe(true);
  });
});

describe('completion of values', () => {
  it('offers need sections with their meaning', () => {
    const c = complete(edit('    section: B\n    area: cognition', '    section: |\n    area: cognition'));
    expect(c.labels).toEqual(['B', 'C', 'D']);
    expect(c.item('C')?.detail).toBe('Section C: Health needs related to SEN');
    expect(c.accept('C')).toBe(edit('    section: B\n    area: cognition', '    section: C\n    area: cognition'));
  });

  it('offers provision sections, replacing the value', () => {
    const c = complete(edit('    section: F', '    section: G|'));
    expect(c.labels).toEqual(['F', 'G', 'H1', 'H2']);
    expect(c.item('H1')?.detail).toContain('Chronically Sick and Disabled Persons Act 1970');
    expect(c.accept('H2')).toBe(edit('    section: F', '    section: H2'));
  });

  it('offers the four areas of need', () => {
    const c = complete(edit('    area: cognition and learning', '    area: |'));
    expect(c.labels).toEqual(['communication and interaction', 'cognition and learning', 'social, emotional and mental health', 'sensory and/or physical']);
  });

  it('adds the space after a bare colon', () => {
    const c = complete(edit('  pronouns: he/him', '  pronouns:|'));
    expect(c.labels).toEqual(['she/her', 'he/him', 'they/them']);
    expect(c.accept('they/them')).toBe(edit('  pronouns: he/him', '  pronouns: they/them'));
  });

  it('offers plan statuses and placement types', () => {
    expect(complete(edit('  status: draft', '  status: d|')).labels).toEqual(['draft', 'final', 'amended', 'ceased']);
    const c = complete(PLAN + 'placement:\n  name: Hillside Primary School\n  type: |\n');
    expect(c.labels).toContain('education otherwise than at school');
    expect(c.labels).toContain('mainstream');
  });
});

describe('completion of keys', () => {
  it('offers the keys a need does not have yet, at the cursor level', () => {
    const c = complete(edit('    text: Ellis reads about two years behind his age.\n', '    text: Ellis reads about two years behind his age.\n    |\n'));
    expect(c.labels).toEqual(['evidence']);
    expect(c.item('evidence')?.documentation).toContain('salt#3.2');
    expect(c.accept('evidence')).toBe(edit('    text: Ellis reads about two years behind his age.\n', '    text: Ellis reads about two years behind his age.\n    evidence: []\n'));
  });

  it('completes a half-typed key', () => {
    const c = complete(edit('    text: Ellis reads about two years behind his age.\n', '    text: Ellis reads about two years behind his age.\n    ev|\n'));
    expect(c.accept('evidence')).toContain('\n    evidence: []\n');
  });

  it('offers the top-level blocks not yet written, required ones first', () => {
    const c = complete(PLAN + '|');
    expect(c.labels).toEqual(['views', 'placement', 'personal_budget', 'names', 'glossary']);
    expect(c.accept('placement')).toBe(PLAN + 'placement:\n  ');
    expect(c.accept('glossary')).toBe(PLAN + 'glossary: ');
    expect(c.accept('personal_budget')).toBe(PLAN + 'personal_budget: ');
  });

  it('renames a key in place without adding a value', () => {
    const c = complete(edit('  caseworker: K. Adebayo', '  casew|orker: K. Adebayo'));
    expect(c.labels).toEqual(['caseworker', 'caseworker_contact', 'dates']);
    expect(c.accept('caseworker')).toBe(PLAN);
  });

  it('offers a whole new item after a dash, with the next free id', () => {
    const marked = edit('provision:\n', '  - |\nprovision:\n');
    const c = complete(marked);
    expect(c.labels[0]).toBe('New outcome');
    expect(c.accept('New outcome')).toBe(edit('provision:\n', '  - id: O2\n    needs: [N1]\n    text: By July 2027, Ellis will …\nprovision:\n'));
  });

  it('offers the plan skeleton in an empty file', () => {
    const c = complete('|');
    expect(c.labels[0]).toBe('EHC plan skeleton');
    expect(c.accept('EHC plan skeleton')).toMatch(/^ehcp: 1\nchild:\n  name: Full legal name\n/);
  });
});

describe('completion in provision text', () => {
  it('offers quantified wording as snippets', () => {
    const marked = edit('    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.', '    text: Phonics teaching, |');
    const c = complete(marked);
    const template = c.item('__ minutes, __ times a week, delivered by __')!;
    expect(template.isSnippet).toBe(true);
    expect(template.insertText).toBe('${1:__} minutes, ${2:__} times a week, delivered by ${3:__}');
    expect(c.accept('__ minutes, __ times a week, delivered by __')).toContain('    text: Phonics teaching, __ minutes, __ times a week, delivered by __\n');
  });

  it('offers role names for the word being typed, even after emoji', () => {
    const c = complete(edit('    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.', '    text: 🎨 Art sessions with a Teach| every day.'));
    expect(c.labels).toContain('Teaching Assistant');
    expect(c.accept('Teaching Assistant')).toContain('    text: 🎨 Art sessions with a Teaching Assistant every day.\n');
  });

  it('stays quiet when a space is typed in prose', () => {
    const c = complete(edit('45 minutes once a week', '45 minutes |once a week'), { triggerCharacter: ' ' });
    expect(c.labels).toEqual([]);
  });

  it('offers a time-framed opening for an empty outcome text', () => {
    const c = complete(edit('    text: By July 2027, Ellis will follow three-step classroom instructions without a prompt.', '    text: |'));
    expect(c.accept('By July 2027, Ellis will …')).toContain('    text: By July 2027, Ellis will …\n');
  });
});

describe('completion in a broken document', () => {
  it('still offers ids when another part has a syntax error', () => {
    const broken = edit('  - id: ep\n    professional: Educational Psychologist', '  - id: ep\n    professional: Educational Psychologist\n   author: mis-indented\n  -- x: [');
    const marked = edit('    needs: [N1]\n    outcomes', '    needs: [N1, |]\n    outcomes', broken);
    expect(cursor(marked).parsed.hasSyntaxErrors).toBe(true);
    const c = complete(marked);
    expect(c.labels).toEqual(['N2']);
  });

  it('works on a half-typed line with CRLF line endings', () => {
    const crlf = edit('    needs: [N1]\n    outcomes', '    needs: [N1, N|\n    outcomes').replace(/\n/g, '\r\n');
    const c = complete(crlf);
    expect(c.labels).toEqual(['N2']);
    expect(c.accept('N2')).toContain('    needs: [N1, N2\r\n');
  });
});
