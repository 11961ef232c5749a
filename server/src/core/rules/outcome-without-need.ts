import type { Rule } from '../rule';

/** An outcome must come from an identified need (the golden thread B → E; CoP 9.66). */
export const outcomeWithoutNeed: Rule = {
  id: 'outcome-without-need',
  severity: 'warning',
  description: 'An outcome that names no need.',
  check({ plan, report }) {
    for (const outcome of plan.outcomes) {
      if (outcome.needs.length > 0) continue;
      const name = outcome.id ? `Outcome ${outcome.id.value}` : 'This outcome';
      report(outcome.id?.range ?? outcome.range, `${name} is not linked to any need. Add the needs it addresses, for example needs: [N1].`);
    }
  },
};
