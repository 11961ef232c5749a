import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../server/src/core/parse';
import { replaceText } from '../../../server/src/reply/edit';
import { readReply } from '../../../server/src/reply/read';
import { reviewReply } from '../../../server/src/reply/review';
import { applyEdits } from '../../util/edits';
import { DocxEditor } from './docx-edit';
import { makeExport } from './make-export';

const planText = readFileSync(join(__dirname, '..', '..', 'fixtures', 'reply', 'ada-brown.ehcp.yaml'), 'utf8');
let exported: Uint8Array;
beforeAll(async () => {
  exported = await makeExport(planText, 'ada-brown.ehcp.yaml');
});

const textOf = (text: string, id: string) => {
  const p = parsePlan(text).plan;
  return [...p.needs, ...p.outcomes, ...p.provision].find((i) => i.id?.value === id)!.text!.value;
};

describe('the reply against the plan', () => {
  it('offers each change on the plan as it is, and sees which are already in it', () => {
    const reply = readReply(
      new DocxEditor(exported)
        .replace('ehcp_F_P1', '45 minutes', '60 minutes', { author: 'Jo Brown' })
        .replace('ehcp_F_P1', '38 weeks', '39 weeks', { author: 'Jo Brown' })
        .bytes(),
    );
    let parsed = parsePlan(planText);
    let review = reviewReply(reply, parsed);
    expect(review.planUnchanged).toBe(true);
    const p1 = review.items.find((i) => i.id === 'P1')!;
    expect(p1.status).toBe('pending');
    expect(p1.pending).toHaveLength(2);
    const first = p1.withChange.get(p1.pending[0]!)!;
    expect(first).toContain('60 minutes once a week, 38 weeks a year');
    // Accept the first change: the plan now holds it, and the second is still offered on top of it.
    const next = applyEdits(planText, [replaceText(parsed, parsed.plan.provision[0]!.text!, first)]);
    expect(textOf(next, 'P1')).toBe(first);
    expect(next).toContain('# Agreed with the therapist in October.');
    parsed = parsePlan(next);
    review = reviewReply(reply, parsed);
    const after = review.items.find((i) => i.id === 'P1')!;
    expect(after.status).toBe('partly-accepted');
    expect(after.applied).toEqual([p1.pending[0]]);
    expect(after.withChange.get(p1.pending[1]!)).toContain('60 minutes once a week, 39 weeks a year');
    expect(review.planUnchanged).toBe(false);
  });

  it('reports a conflict when the plan changed since the export and the family changed the same item', () => {
    const reply = readReply(new DocxEditor(exported).replace('ehcp_F_P2', '20 minutes', '30 minutes').bytes());
    const changed = planText.replace('20 minutes a day', '25 minutes a day');
    const review = reviewReply(reply, parsePlan(changed));
    expect(review.planUnchanged).toBe(false);
    const p2 = review.items.find((i) => i.id === 'P2')!;
    expect(p2.status).toBe('conflict');
    expect(p2.proposed).toBeUndefined();
    expect(review.items.find((i) => i.id === 'P1')!.status).toBe('unchanged');
  });

  it('finds wording changed without track changes when the plan is as exported', () => {
    const reply = readReply(new DocxEditor(exported).retype('ehcp_E_O1', 'two-step', 'three-step').bytes());
    const review = reviewReply(reply, parsePlan(planText));
    const o1 = review.items.find((i) => i.id === 'O1')!;
    expect(o1.status).toBe('untracked');
    expect(o1.proposed).toBe('By July 2027, Ada will follow a three-step instruction in class without a reminder.');
    const entry = review.entries.find((e) => e.kind === 'change' && e.how === 'untracked');
    expect(entry?.item?.id).toBe('O1');
    // With the plan changed too, who changed it cannot be told.
    const other = reviewReply(reply, parsePlan(planText.replace('Ada reads', 'Ada now reads')));
    expect(other.items.find((i) => i.id === 'O1')!.status).toBe('differs');
  });

  it('says when the document is about another child', () => {
    const reply = readReply(exported);
    const review = reviewReply(reply, parsePlan(planText.replace('known_as: Ada', 'known_as: Bea')));
    expect(review.otherChild).toEqual({ document: 'Ada', plan: 'Bea' });
  });
});

describe('writing the family wording into the plan', () => {
  const value = 'Daily 1:1 phonics: teaching from a trained teaching assistant, 30 minutes a day, 38 weeks a year. # not a comment';
  it.each([
    ['plain', 'text: Short text here.'],
    ['single-quoted', "text: 'Short text here.'"],
    ['double-quoted', 'text: "Short text here."'],
    ['folded', 'text: >-\n      Short text\n      here.'],
    ['literal', 'text: |\n      Short text\n      here.'],
  ])('keeps a %s value readable and everything else as it was', (_, line) => {
    const plan = `ehcp: 1\nneeds:\n  - id: N1\n    ${line}\n    # after\n    section: B\noutcomes: []\nprovision: []\n`;
    const parsed = parsePlan(plan);
    for (const v of [value, 'One line.\nSecond line.', 'yes']) {
      const next = applyEdits(plan, [replaceText(parsed, parsed.plan.needs[0]!.text!, v)]);
      expect(textOf(next, 'N1').replace(/\n$/, '')).toBe(v);
      expect(next).toContain('    # after\n    section: B\n');
    }
  });
});
