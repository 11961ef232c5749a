import { appendItem, fix, nextId } from '../edits';
import type { Rule } from '../rule';
import { buildThread } from '../thread';

/** Each need should lead to an outcome in Section E (the golden thread; CoP 9.64–9.69). */
export const needWithoutOutcome: Rule = {
  id: 'need-without-outcome',
  severity: 'warning',
  description: 'A need that no outcome addresses.',
  check({ parsed, plan, report }) {
    const thread = buildThread(plan);
    const name = plan.child.known_as?.value ?? '__';
    for (const need of plan.needs) {
      if (!need.id || thread.outcomesOf(need.id.value).length > 0) continue;
      const id = need.id.value;
      const stub = appendItem(parsed, 'outcomes', [`id: ${nextId(plan, 'O')}`, `needs: [${id}]`, `text: By __ (month and year), ${name} will __.`]);
      report(need.id.range, `No outcome addresses need ${id}. Add an outcome in Section E that says what difference the provision will make, and by when.`, fix(`Add outcome for ${id}`, stub, true));
    }
  },
};
