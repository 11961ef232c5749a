import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../server/src/core/parse';
import { diffPlans, makeReport } from '../../../server/src/review/diff';
import { renderMarkdown, renderText } from '../../../server/src/review/render';
import type { ItemChange, PlanDiff } from '../../../server/src/review/types';
import { BASE, edit } from './plans';

const diff = (a: string, b: string, threshold?: number): PlanDiff => diffPlans(parsePlan(a), parsePlan(b), threshold === undefined ? {} : { similarityThreshold: threshold });
const change = (d: PlanDiff, id: string): ItemChange => {
  const c = d.changes.find((x) => x.id === id);
  if (!c) throw new Error(`no change for ${id}: ${JSON.stringify(d.changes.map((x) => x.summary))}`);
  return c;
};
const P1 = 'Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.';

describe('semantic diff: no change', () => {
  it('reports nothing for the same plan', () => {
    const d = diff(BASE, BASE);
    expect(d.status).toBe('unchanged');
    expect(d.changes).toEqual([]);
  });

  it('treats reordered items, reordered keys, re-wrapped prose and reformatting as no change', () => {
    const lines = BASE.split('\n');
    const start = lines.indexOf('  - id: P1');
    const mid = lines.indexOf('  - id: P3');
    const end = lines.indexOf('placement:');
    const reordered = [...lines.slice(0, start), ...lines.slice(mid, end), ...lines.slice(start, mid), ...lines.slice(end)].join('\n');
    let changed = edit(reordered, `    text: ${P1}`, `    text: >-\n      Direct 1:1 speech and language therapy from an HCPC-registered\n      Speech and Language Therapist,   45 minutes once a week,\n      38 weeks a year.`);
    changed = edit(changed, '    section: F\n    needs: [N2]\n    outcomes: [O2]', '    outcomes:\n      - O2\n    needs: [ N2 ]\n    section: "F"');
    changed = edit(changed, '    needs: [N1]\n    text: By July 2027, Rowan will follow', "    needs: ['N1']\n    text: 'By July 2027, Rowan will follow");
    changed = edit(changed, 'without an adult prompt.\n', "without an adult prompt.'\n");
    expect(parsePlan(changed).hasSyntaxErrors).toBe(false);
    const d = diff(BASE, changed);
    expect(d.changes.map((c) => c.summary)).toEqual([]);
    expect(d.status).toBe('unchanged');
  });
});

describe('semantic diff: provision reduced, with its size', () => {
  it('weekly → fortnightly: the example of the issue', () => {
    const d = diff(BASE, edit(BASE, '45 minutes once a week', '30 minutes once a fortnight'));
    const c = change(d, 'P1');
    expect(c.impact).toBe('reduction');
    const time = c.effects.find((e) => e.aspect === 'time')!;
    expect(time.size).toEqual({ oldMinutesPerYear: 1710, newMinutesPerYear: 570, percent: 67 });
    expect(time.message).toBe('45 minutes once a week → 30 minutes once a fortnight: 67 % less therapy time (1,710 → 570 minutes a year)');
    expect(d.summary.reductions).toBe(1);
  });

  it('daily → three times a week', () => {
    const d = diff(BASE, edit(BASE, '30 minutes three times a week', '30 minutes daily'));
    const back = diff(edit(BASE, '30 minutes three times a week', '30 minutes daily'), BASE);
    expect(change(d, 'P2').impact).toBe('increase');
    const cut = change(back, 'P2').effects.find((e) => e.aspect === 'time')!;
    expect(cut.impact).toBe('reduction');
    expect(cut.size).toEqual({ oldMinutesPerYear: 5700, newMinutesPerYear: 3420, percent: 40 });
  });

  it('termly → per half term is an increase; 1 hour → 30 minutes termly is a cut of 50 %', () => {
    const up = diff(BASE, edit(BASE, '1 hour each term', '1 hour each half term'));
    const u = change(up, 'P4').effects.find((e) => e.aspect === 'time')!;
    expect(u.impact).toBe('increase');
    expect(u.size).toEqual({ oldMinutesPerYear: 180, newMinutesPerYear: 360, percent: 100 });
    const down = diff(BASE, edit(BASE, '1 hour each term', '30 minutes each term'));
    const dn = change(down, 'P4').effects.find((e) => e.aspect === 'time')!;
    expect(dn.impact).toBe('reduction');
    expect(dn.size?.percent).toBe(50);
    expect(dn.message).toContain('50 % less therapy time (180 → 90 minutes a year)');
  });

  it('fewer weeks a year is a cut', () => {
    const d = diff(BASE, edit(BASE, '45 minutes once a week, 38 weeks a year', '45 minutes once a week, 30 weeks a year'));
    const t = change(d, 'P1').effects.find((e) => e.aspect === 'time')!;
    expect(t.impact).toBe('reduction');
    expect(t.size).toEqual({ oldMinutesPerYear: 1710, newMinutesPerYear: 1350, percent: 21 });
    expect(t.message).toContain('38 → 30 weeks a year');
  });

  it('a therapist replaced by a Teaching Assistant is a reduction in expertise, even with the same time', () => {
    const d = diff(BASE, edit(BASE, 'Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist', 'A 1:1 language programme devised by the Speech and Language Therapist and delivered by a Teaching Assistant'));
    const c = change(d, 'P1');
    expect(c.impact).toBe('reduction');
    const e = c.effects.find((x) => x.aspect === 'expertise' && x.impact === 'reduction')!;
    expect(e.message).toContain('Speech and Language Therapist → Teaching Assistant');
    expect(c.effects.some((x) => x.aspect === 'time')).toBe(false);
  });

  it('vague wording introduced where the provision was quantified is a reduction', () => {
    const d = diff(BASE, edit(BASE, P1, 'Speech and language therapy from a Speech and Language Therapist as required.'));
    const c = change(d, 'P1');
    expect(c.impact).toBe('reduction');
    expect(c.effects.find((e) => e.aspect === 'vague')?.message).toContain('"as required"');
    expect(c.effects.filter((e) => e.aspect === 'specification').map((e) => e.message)).toEqual(expect.arrayContaining(['no longer says how often', 'no longer says how long or how much']));
  });

  it('"up to" makes a set amount a ceiling: a reduction', () => {
    const d = diff(BASE, edit(BASE, '45 minutes once a week', 'up to 45 minutes once a week'));
    expect(change(d, 'P1').effects.some((e) => e.aspect === 'bound' && e.impact === 'reduction')).toBe(true);
  });

  it('1:1 becoming a group is less individual attention', () => {
    const d = diff(BASE, edit(BASE, 'Direct 1:1 speech', 'Direct speech').replace('38 weeks a year.\n  - id: P2', '38 weeks a year, in a group of no more than 4 pupils.\n  - id: P2'));
    const g = change(d, 'P1').effects.find((e) => e.aspect === 'group')!;
    expect(g.impact).toBe('reduction');
    expect(g.message).toContain('1:1 → a group of up to 4');
  });

  it('an increase is shown as one', () => {
    const d = diff(BASE, edit(BASE, '45 minutes once a week', '45 minutes twice a week'));
    const c = change(d, 'P1');
    expect(c.impact).toBe('increase');
    expect(c.effects[0]!.message).toContain('100 % more therapy time (1,710 → 3,420 minutes a year)');
    expect(d.summary.reductions).toBe(0);
    expect(d.summary.increases).toBe(1);
  });
});

describe('semantic diff: sections, ids and references', () => {
  it('F → G is a loss of enforceability', () => {
    const d = diff(BASE, edit(BASE, '  - id: P1\n    section: F', '  - id: P1\n    section: G'));
    const c = change(d, 'P1');
    expect(c.impact).toBe('reduction');
    expect(c.section).toEqual({ old: 'F', new: 'G' });
    expect(c.effects[0]!.message).toMatch(/no longer enforceable/);
  });

  it('a renamed id is matched by the similarity of its words, and references follow the rename', () => {
    let renamed = edit(BASE, '  - id: P2\n', '  - id: P2-reading\n');
    renamed = edit(renamed, '  - id: N2\n', '  - id: N7\n');
    renamed = edit(renamed, 'needs: [N2]\n    text: By July', 'needs: [N7]\n    text: By July');
    renamed = edit(renamed, 'needs: [N2]\n    outcomes: [O2]', 'needs: [N7]\n    outcomes: [O2]');
    renamed = edit(renamed, '30 minutes three times a week', '30 minutes twice a week');
    const d = diff(BASE, renamed);
    const p = change(d, 'P2-reading');
    expect(p.oldId).toBe('P2');
    expect(p.match?.by).toBe('similarity');
    expect(p.match!.similarity).toBeGreaterThan(0.5);
    expect(p.impact).toBe('reduction');
    expect(p.links).toEqual([]); // N2 → N7 is a rename, not a re-link
    const n = change(d, 'N7');
    expect(n.oldId).toBe('N2');
    expect(d.changes.filter((c) => c.kind !== 'changed')).toEqual([]);
    // Below the threshold, the same items are removed and added instead.
    const strict = diff(BASE, renamed, 0.99);
    expect(strict.changes.some((c) => c.kind === 'removed' && c.id === 'P2')).toBe(true);
  });

  it('a need removed with its provision names the consequences, and the removed provision is a cut', () => {
    let cut = edit(BASE, '  - id: N3\n    section: C\n    text: Rowan has asthma and misses lessons when it is not well controlled.\n', '');
    cut = edit(cut, '  - id: O3\n    needs: [N3]\n    text: By July 2027, Rowan will use their inhaler correctly and miss no more than 2 lessons a term.\n', '');
    cut = edit(cut, "  - id: P3\n    section: G\n    needs: [N3]\n    outcomes: [O3]\n    text: Review of Rowan's asthma plan by the Asthma Nurse at their GP surgery, 20 minutes twice a year.\n", '');
    const d = diff(BASE, cut);
    const n = change(d, 'N3');
    expect(n.kind).toBe('removed');
    expect(n.consequences).toEqual(['O3', 'P3']);
    expect(n.summary).toBe('N3 removed, and with it O3 and P3');
    const p = change(d, 'P3');
    expect(p.kind).toBe('removed');
    expect(p.impact).toBe('reduction');
  });

  it('re-linking is compared as sets, and a need left with no provision is called out', () => {
    const d = diff(BASE, edit(BASE, '    needs: [N2]\n    outcomes: [O2]', '    needs: [N1]\n    outcomes: [O1]'));
    const p = change(d, 'P2');
    expect(p.links).toEqual([
      { field: 'needs', removed: ['N2'], added: ['N1'] },
      { field: 'outcomes', removed: ['O2'], added: ['O1'] },
    ]);
    const n = change(d, 'N2');
    expect(n.impact).toBe('reduction');
    expect(n.summary).toContain('no provision meets this need any more');
    const same = diff(BASE, edit(BASE, 'needs: [N1]\n    outcomes: [O1]\n    text: Direct', 'needs: [N1, N1]\n    outcomes: [O1]\n    text: Direct'));
    expect(same.changes).toEqual([]);
  });

  it('added items and changed plan details are reported', () => {
    let more = edit(BASE, 'status: final', 'status: amended');
    more = edit(more, 'placement:\n', '  - id: P5\n    section: F\n    needs: [N2]\n    outcomes: [O2]\n    text: Touch-typing teaching from a Teaching Assistant, 20 minutes daily, 38 weeks a year.\nplacement:\n');
    const d = diff(BASE, more);
    const p = change(d, 'P5');
    expect(p.kind).toBe('added');
    expect(p.impact).toBe('increase');
    expect(d.details).toEqual([{ field: 'plan.status', label: 'plan status', old: 'final', new: 'amended', impact: 'neutral' }]);
  });
});

describe('rendering', () => {
  const cut = diff(BASE, edit(BASE, '45 minutes once a week', '30 minutes once a fortnight'));
  cut.oldPath = 'rowan.ehcp.yaml';
  cut.newPath = 'rowan.ehcp.yaml';
  const report = makeReport([cut]);

  it('Markdown starts with a table of cuts and a word diff follows', () => {
    const md = renderMarkdown(report);
    const table = md.indexOf('| Plan | Item | What was cut | Size |');
    expect(table).toBeGreaterThan(0);
    expect(md).toContain('| rowan.ehcp.yaml | P1 | 45 minutes once a week → 30 minutes once a fortnight | 67 % less therapy time (1,710 → 570 minutes a year) |');
    expect(md.indexOf('~~45~~**30**')).toBeGreaterThan(table);
  });

  it('Markdown escapes what a hostile plan could use to inject HTML or break the table', () => {
    const hostile = diff(BASE, edit(BASE, P1, 'Therapy <img src=x onerror=alert(1)> | from a Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.'));
    hostile.newPath = 'a|b.ehcp.yaml';
    const md = renderMarkdown(makeReport([hostile]));
    expect(md).not.toContain('<img');
    expect(md).toContain('a\\|b.ehcp.yaml');
  });

  it('text is plain without colour and never carries control characters from the plan', () => {
    const text = renderText(report, { colour: false });
    expect(text).not.toMatch(/\u001b/);
    expect(text).toContain('▼ P1: 45 minutes once a week → 30 minutes once a fortnight: 67 % less therapy time');
    const coloured = renderText(report, { colour: true });
    expect(coloured).toMatch(/\u001b\[31m/);
    const evil = diff(BASE, edit(BASE, 'Rowan reads accurately', 'Rowan \u001b[2J reads accurately'));
    expect(renderText(makeReport([evil]), { colour: false })).not.toContain('\u001b');
  });
});

describe('provision in other real-world wordings', () => {
  const cutOf = (from: string, to: string) => {
    const d = diff(BASE, edit(BASE, P1, from)) && diff(edit(BASE, P1, from), edit(BASE, P1, to));
    return change(d, 'P1').effects.find((e) => e.aspect === 'time');
  };
  it('sessions per term', () => {
    const t = cutOf('Speech and language therapy from a Speech and Language Therapist, 6 sessions of 45 minutes per term.', 'Speech and language therapy from a Speech and Language Therapist, 3 sessions of 45 minutes per term.');
    expect(t?.impact).toBe('reduction');
    expect(t?.size).toEqual({ oldMinutesPerYear: 810, newMinutesPerYear: 405, percent: 50 });
    expect(t?.what).toBe('6 sessions of 45 minutes per term → 3 sessions of 45 minutes per term');
  });
  it('hours a week', () => {
    const t = cutOf('1:1 support from a Teaching Assistant, 15 hours per week, 39 weeks a year.', '1:1 support from a Teaching Assistant, 10 hours per week, 39 weeks a year.');
    expect(t?.size).toEqual({ oldMinutesPerYear: 35100, newMinutesPerYear: 23400, percent: 33 });
  });
  it('a shorter course of weeks', () => {
    const t = cutOf('Counselling from a qualified Counsellor, 50 minutes weekly for 12 weeks.', 'Counselling from a qualified Counsellor, 50 minutes weekly for 6 weeks.');
    expect(t?.impact).toBe('reduction');
    expect(t?.size?.percent).toBe(50);
  });
  it('every lesson → a number of hours is a reduction', () => {
    const d = diff(edit(BASE, P1, 'A Teaching Assistant in every lesson, throughout the school day.'), edit(BASE, P1, 'A Teaching Assistant for 10 hours a week.'));
    expect(change(d, 'P1').effects.some((e) => e.aspect === 'pervasive' && e.impact === 'reduction')).toBe(true);
  });
});

describe('whole plans', () => {
  it('a deleted plan is one row in the table of cuts; an added plan one line', () => {
    const gone = diffPlans(parsePlan(BASE), undefined);
    gone.oldPath = 'rowan.ehcp.yaml';
    const added = diffPlans(undefined, parsePlan(BASE));
    added.newPath = 'rowan-2.ehcp.yaml';
    const md = renderMarkdown(makeReport([gone, added]));
    expect(md).toContain('| rowan.ehcp.yaml | the whole plan | the whole plan was deleted: 3 needs, 3 outcomes, 4 provision items (5,350 minutes a year of quantified provision) no longer in this caseload | all of it |');
    expect(md.match(/^\| rowan/gm)).toHaveLength(1);
    const text = renderText(makeReport([gone, added]), { colour: false });
    expect(text).toContain('rowan-2.ehcp.yaml: new plan\n  a new plan: 3 needs, 3 outcomes, 4 provision items');
  });
});
