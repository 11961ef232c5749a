/**
 * The pure advice features: completions that add the evidence reference in the same edit (into a
 * flow list, a block list, or a new `evidence:` line), hover text, and the comparison behind
 * provision-weaker-than-advice.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { getAdviceCompletions, getAdviceHover, getAdviceLenses } from '../../../server/src/advice/features';
import { readAdvice } from '../../../server/src/advice/read';
import { compareReadings } from '../../../server/src/advice/trace';
import type { AdviceDocument } from '../../../server/src/advice/types';
import { readText } from '../../../server/src/core/check';
import { parsePlan } from '../../../server/src/core/parse';
import { applyEdits } from '../../util/edits';

const report = `# SALT advice

## 2. Findings

2.1 Ada understands familiar words in routines but not longer instructions in class.

## 3. Recommendations

R1 Direct therapy from a Speech and Language Therapist, 45 minutes once a week.

R2 Pre-teaching of topic vocabulary by a trained Teaching Assistant, twice a week for 20 minutes.
`;

let doc: AdviceDocument;
const lookup = () => ({ ok: true as const, doc, path: '/x/salt.md', ms: 0 });

const planWith = (provision: string, needEvidence = '') => `ehcp: 1
child: { name: Ada Okonjo, known_as: Ada, pronouns: she/her, date_of_birth: 2016-04-09 }
plan: { local_authority: Westmere Borough Council, caseworker: P. Adeyemi, status: draft }
advice:
  - id: salt
    professional: Speech and Language Therapist
    author: M. Reyes
    date: 2026-03-03
    file: salt.md
needs:
  - id: N1
    section: B
    area: communication and interaction
    text: Ada finds it hard |
${needEvidence}outcomes: []
provision:
${provision}`;

/** Completions at the `|` in the text; returns the text after accepting the one whose label starts with `ref`. */
async function accept(marked: string, ref: string): Promise<string> {
  doc ??= await readAdvice(strToU8(report), 'md');
  const offset = marked.lastIndexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const parsed = parsePlan(text);
  const items = getAdviceCompletions(parsed, parsed.index.positionAt(offset), lookup);
  const item = items.find((i) => i.label.startsWith(ref));
  if (!item) throw new Error(`no completion ${ref} among ${items.map((i) => i.label).join(', ')}`);
  return applyEdits(text, [item.edit, ...item.additionalEdits]);
}

describe('advice completions add the evidence reference in the same edit', () => {
  it('into a flow list', async () => {
    const after = await accept(planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: >-\n      Therapy |\n    evidence: [salt]\n'), 'salt#R1');
    expect(after).toContain('      Therapy Direct therapy from a Speech and Language Therapist, 45 minutes once a week.\n    evidence: [salt, salt#R1]\n');
  });

  it('into an empty flow list and a block list', async () => {
    expect(await accept(planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: >-\n      |\n    evidence: []\n'), 'salt#R2')).toContain('    evidence: [salt#R2]\n');
    const block = await accept(planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: >-\n      |\n    evidence:\n      - salt#R1\n'), 'salt#R2');
    expect(block).toContain('    evidence:\n      - salt#R1\n      - salt#R2\n');
  });

  it('as a new evidence line when the item has none, even between items', async () => {
    const after = await accept(planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: >-\n      Weekly |\n  - id: P2\n    section: F\n    needs: [N1]\n    text: Something else.\n'), 'salt#R1');
    expect(after).toContain('      Weekly Direct therapy from a Speech and Language Therapist, 45 minutes once a week.\n    evidence: [salt#R1]\n  - id: P2\n');
    expect(parsePlan(after).plan.provision[0]!.evidence.map((e) => e.value)).toEqual(['salt#R1']);
  });

  it('quotes the wording when it goes into an empty plain value', async () => {
    const after = await accept(planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: |\n'), 'salt#R1');
    const p1 = parsePlan(after).plan.provision[0]!;
    expect(p1.text?.value).toBe('Direct therapy from a Speech and Language Therapist, 45 minutes once a week.');
  });

  it('offers needs paragraphs, not recommendations, in a need text', async () => {
    doc ??= await readAdvice(strToU8(report), 'md');
    const marked = planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: x\n');
    const offset = marked.indexOf('hard |') + 5;
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const parsed = parsePlan(text);
    const labels = getAdviceCompletions(parsed, parsed.index.positionAt(offset), lookup).map((i) => i.label.split(' ')[0]);
    expect(labels).toEqual(['salt#2.1']);
  });

  it('does not offer what the item already cites, and filters by the word typed', async () => {
    doc ??= await readAdvice(strToU8(report), 'md');
    const text = planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: >-\n      vocab\n    evidence: [salt#R1]\n');
    const parsed = parsePlan(text);
    const at = text.indexOf('vocab') + 5;
    expect(getAdviceCompletions(parsed, parsed.index.positionAt(at), lookup).map((i) => i.label.split(' ')[0])).toEqual(['salt#R2']);
  });
});

describe('hover and lens', () => {
  it('quotes the paragraph with author, role and date, and says what the checker read', async () => {
    doc ??= await readAdvice(strToU8(report), 'md');
    const text = planWith('  - id: P1\n    section: F\n    needs: [N1]\n    text: Therapy from a Teaching Assistant, 45 minutes once a week.\n    evidence: [salt#R1]\n');
    const parsed = parsePlan(text);
    const hover = getAdviceHover(parsed, parsed.index.positionAt(text.indexOf('salt#R1') + 3), lookup)!;
    expect(hover.contents).toContain('**salt\\#R1** · Speech and Language Therapist · M. Reyes · 2026-03-03');
    expect(hover.contents).toContain('> R1 Direct therapy from a Speech and Language Therapist, 45 minutes once a week.');
    expect(hover.contents).toContain('**This provision says less:** who');
    expect(getAdviceLenses(parsed, lookup).map((l) => l.title)).toEqual(['2 recommendations · 1 used in the plan']);
  });
});

describe('comparing a provision with the recommendation it cites', () => {
  const weaker = (advice: string, plan: string) => compareReadings(readText(advice), readText(plan), advice).map((w) => w.aspect);
  it('finds what was dropped or lowered', () => {
    expect(weaker('Direct therapy from a Speech and Language Therapist, 45 minutes once a week.', 'Therapy exercises with a Teaching Assistant, 45 minutes once a week.')).toEqual(['who']);
    expect(weaker('Direct therapy from a Speech and Language Therapist, 45 minutes once a week.', 'Direct therapy from a Speech and Language Therapist once a week.')).toEqual(['how long']);
    expect(weaker('Direct therapy from a Speech and Language Therapist, 45 minutes once a week.', 'Direct therapy from a Speech and Language Therapist, 45 minutes once a fortnight.')).toEqual(['how often']);
    expect(weaker('Direct therapy from a Speech and Language Therapist, 45 minutes once a week.', 'Direct therapy from a Speech and Language Therapist, up to 45 minutes once a week.')).toEqual(['how long']);
    expect(weaker('Phonics teaching by a Teaching Assistant in a group of no more than 3 pupils, 20 minutes daily.', 'Phonics teaching by a Teaching Assistant in a small group, 20 minutes daily.')).toEqual(['group size']);
  });
  it('accepts the same or more, in another shape', () => {
    expect(weaker('Direct therapy from a Speech and Language Therapist, 45 minutes once a week.', 'Direct 1:1 therapy from an HCPC-registered Speech and Language Therapist, 30 minutes twice a week.')).toEqual([]);
    expect(weaker('A visual timetable in class.', 'A visual timetable on her desk in every lesson.')).toEqual([]);
    expect(weaker('An Attention Autism programme run daily for about 15 minutes by his key worker, 1:1 at first and then with one or two other children.', 'An Attention Autism programme delivered by his Early Years Practitioner in a group of no more than 3 children, 15 minutes daily.')).toEqual([]);
  });
});
