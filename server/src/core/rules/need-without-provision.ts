import { appendItem, fix, nextId } from '../edits';
import type { Rule } from '../rule';
import { buildThread } from '../thread';

const sectionFor: Record<string, string> = { B: 'F', C: 'G', D: 'H2' };

/** Every need in B, C or D must be met by provision (R v SoS ex p E [1992]; CoP 9.69 "each and every need"). */
export const needWithoutProvision: Rule = {
  id: 'need-without-provision',
  severity: 'error',
  description: 'A need that no provision item meets.',
  check({ parsed, plan, report }) {
    const thread = buildThread(plan);
    for (const need of plan.needs) {
      if (!need.id || thread.provisionOf(need.id.value).length > 0) continue;
      const id = need.id.value;
      const section = sectionFor[need.section?.value ?? 'B'] ?? 'F';
      const stub = appendItem(parsed, 'provision', [
        `id: ${nextId(plan, 'P')}`,
        `section: ${section}`,
        `needs: [${id}]`,
        'text: __ (what is provided), delivered by __ (role and training), __ minutes, __ times a week.',
      ]);
      report(
        need.id.range,
        `No provision meets need ${id}. Every need must be met by provision in Section ${section} (Code of Practice 9.69): add a provision item with needs: [${id}].`,
        fix(`Add provision for ${id}`, stub, true),
      );
    }
  },
};
