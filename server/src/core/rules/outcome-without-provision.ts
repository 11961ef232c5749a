import type { Rule } from '../rule';
import { buildThread } from '../thread';

/** Provision should work towards each outcome, or the outcome cannot be achieved (CoP 9.69). */
export const outcomeWithoutProvision: Rule = {
  id: 'outcome-without-provision',
  severity: 'warning',
  description: 'An outcome that no provision works towards.',
  check({ plan, report }) {
    const thread = buildThread(plan);
    for (const outcome of plan.outcomes) {
      if (!outcome.id || thread.provisionTowards(outcome).length > 0) continue;
      const id = outcome.id.value;
      report(outcome.id.range, `No provision works towards outcome ${id}. List ${id} under outcomes: in the provision that will achieve it, or add that provision.`);
    }
  },
};
