import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../server/src/core/check';
import { getCodeActions } from '../../../server/src/core/code-actions';
import { applyEdits } from '../../util/edits';
import { cursor } from './cursor-helpers';
import { edit, PLAN } from './fixtures';

function actionsAt(marked: string) {
  const { parsed, position, text } = cursor(marked);
  const findings = checkPlan(parsed);
  const actions = getCodeActions(parsed, { start: position, end: position }, findings);
  return {
    titles: actions.map((a) => a.title),
    actions,
    apply(title: string): string {
      const action = actions.find((a) => a.title === title);
      if (!action) throw new Error(`no action ${title}; have ${actions.map((a) => a.title).join(', ')}`);
      return applyEdits(text, action.edits);
    },
  };
}

const rules = (text: string) => checkPlan(cursor(text + '|').parsed).map((f) => f.rule);

describe('code actions', () => {
  it('adds provision and an outcome for a need that has none', () => {
    const a = actionsAt(edit('  - id: N2', '  - id: N|2'));
    expect(a.titles).toEqual(['Add outcome for N2', 'Add provision for N2']);
    expect(a.actions.every((x) => x.isPreferred && x.isTemplate)).toBe(true);
    const withProvision = a.apply('Add provision for N2');
    expect(withProvision).toBe(PLAN + '  - id: P2\n    section: F\n    needs: [N2]\n    text: __ (what is provided), delivered by __ (role and training), __ minutes, __ times a week.\n');
    expect(rules(withProvision)).not.toContain('need-without-provision');
    const withOutcome = a.apply('Add outcome for N2');
    expect(withOutcome).toContain('    text: By July 2027, Ellis will follow three-step classroom instructions without a prompt.\n  - id: O2\n    needs: [N2]\n    text: By __ (month and year), Ellis will __.\nprovision:');
    expect(rules(withOutcome)).not.toContain('need-without-outcome');
  });

  it('offers did-you-mean for an unknown reference, preferred when there is one candidate', () => {
    const two = actionsAt(edit('    needs: [N1]\n    outcomes', '    needs: [N|3]\n    outcomes'));
    expect(two.titles).toEqual(['Change to N1', 'Change to N2']);
    expect(two.actions.some((a) => a.isPreferred)).toBe(false);
    expect(two.apply('Change to N1')).toBe(PLAN);
    const one = actionsAt(edit('    outcomes: [O1]', '    outcomes: [O|2]'));
    expect(one.titles).toEqual(['Change to O1']);
    expect(one.actions[0]!.isPreferred).toBe(true);
    expect(one.apply('Change to O1')).toBe(PLAN);
  });

  it('links provision that meets no need', () => {
    const marked = edit('  - id: P1\n    section: F\n    needs: [N1]\n', '  - id: P|1\n    section: F\n');
    const a = actionsAt(marked);
    expect(a.titles[0]).toMatch(/^Link to need N1: Ellis finds it hard/);
    expect(a.apply(a.titles[1]!)).toBe(edit('  - id: P1\n    section: F\n    needs: [N1]\n', '  - id: P1\n    needs: [N2]\n    section: F\n'));
  });

  it('replaces a vague phrase with a template', () => {
    const a = actionsAt(edit('45 minutes once a week', '45 minutes as req|uired'));
    const title = a.titles.find((t) => t.startsWith('Replace "as required"'))!;
    expect(title).toBeDefined();
    const fixed = a.apply(title);
    expect(fixed).toMatch(/Language Therapist, 45 minutes __ times a week/);
  });

  it('gives nothing where there is no finding', () => {
    expect(actionsAt(edit('  - id: N1', '  - id: N|1')).titles).toEqual([]);
  });
});
