import { appendItem, fix, nextId } from '../edits';
import type { ProvisionItem } from '../parse';
import type { Rule } from '../rule';
import { buildThread } from '../thread';
import type { Fix } from '../types';

const sectionFor: Record<string, string> = { B: 'F', C: 'G', D: 'H2' };

/**
 * Every need in B, C or D must be met by provision (R v SoS ex p E [1992]; CoP 9.69 "each and every
 * need"). A special educational need (B) is met only by special educational provision in F: health or
 * social care provision in G, H1 or H2 does not meet it (Children and Families Act 2014 s.21(5) makes
 * therapy that educates or trains special educational provision, so it belongs in F).
 */
export const needWithoutProvision: Rule = {
  id: 'need-without-provision',
  severity: 'error',
  description: 'A need that no provision item meets, or a Section B need met only by provision outside Section F.',
  check({ parsed, plan, report }) {
    const thread = buildThread(plan);
    for (const need of plan.needs) {
      if (!need.id) continue;
      const id = need.id.value;
      const needSection = need.section?.value ?? 'B';
      const section = sectionFor[needSection] ?? 'F';
      const meeting = thread.provisionOf(id);
      const stub = () =>
        appendItem(parsed, 'provision', [
          `id: ${nextId(plan, 'P')}`,
          `section: ${section}`,
          `needs: [${id}]`,
          'text: __ (what is provided), delivered by __ (role and training), __ minutes, __ times a week.',
        ]);
      if (meeting.length === 0) {
        report(
          need.id.range,
          `No provision meets need ${id}. Every need must be met by provision in Section ${section} (Code of Practice 9.69): add a provision item with needs: [${id}].`,
          fix(`Add provision for ${id}`, stub(), true),
        );
        continue;
      }
      if (needSection !== 'B' || !meeting.every((p) => ['G', 'H1', 'H2'].includes(p.section?.value ?? 'F'))) continue;
      // A special educational need met only from G, H1 or H2 is not met.
      const where = describe(meeting);
      const moves: Fix[] = meeting
        .filter((p) => p.section)
        .slice(0, 4)
        .map((p) => ({ title: `Move ${p.id?.value ?? 'the provision'} to Section F`, edits: [{ range: p.section!.range, newText: 'F' }] }));
      report(
        need.id.range,
        `Need ${id} is a special educational need, but only ${where} meets it, and provision there does not meet it: special educational needs must be met by special educational provision in Section F (R v Secretary of State ex p E [1992]; Children and Families Act 2014 s.21(5)). Move the provision to Section F if it educates or trains, or add Section F provision with needs: [${id}].`,
        [...moves, ...(fix(`Add Section F provision for ${id}`, stub(), true) ?? [])],
      );
    }
  },
};

/** "Section G provision (P2)", "provision in Sections G and H2 (P2, P3)". */
function describe(items: readonly ProvisionItem[]): string {
  const sections = [...new Set(items.map((p) => p.section?.value ?? 'F'))];
  const ids = items.map((p) => p.id?.value).filter((x): x is string => !!x);
  const list = ids.length > 0 ? ` (${ids.slice(0, 6).join(', ')}${ids.length > 6 ? ', …' : ''})` : '';
  return sections.length === 1 ? `Section ${sections[0]} provision${list}` : `provision in Sections ${sections.slice(0, -1).join(', ')} and ${sections[sections.length - 1]}${list}`;
}
