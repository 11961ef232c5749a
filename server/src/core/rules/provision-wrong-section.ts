import type { ProvisionItem } from '../parse';
import type { Rule } from '../rule';
import { findEducatingTherapy } from '../reading/therapy';
import { buildThread } from '../thread';

/** Social care provision: belongs in H1 or H2, not F. */
const SOCIAL_CARE = /\b(short breaks?|respite|overnight stays?|social worker|personal assistant|direct payments?|domiciliary care|home care|carers? (?:at|in the) home|family support worker)\b/i;
/** Health provision that does not educate or train: belongs in G, not F. */
const HEALTH = /\b(paediatrician|paediatric consultant|consultant|prescri\w*|medication reviews?|continence nurse|community (?:children's )?nurse|dietitian|wheelchair services?|orthotics?|audiolog\w*|ophthalmolog\w*|epilepsy nurse)\b/i;
/** Words that show an item is (also) about education or training in school. */
const EDUCATIONAL = /\b(teach\w*|teaching assistant|TA|LSA|SENCo|SENCO|classroom|lessons?|curriculum|school staff|train(?:s|ed|ing)? (?:staff|the|school))\b/i;

/**
 * Children and Families Act 2014 s.21(5): health or social care provision that educates or trains
 * is special educational provision and belongs in Section F, the only section enforceable as education.
 */
export const provisionWrongSection: Rule = {
  id: 'provision-wrong-section',
  severity: 'error',
  description: 'Provision in the wrong section: therapy that educates or trains outside F, or health or social care provision inside F.',
  check({ plan, report }) {
    for (const item of plan.provision) {
      const section = item.section?.value;
      const text = item.text?.value;
      if (!section || !text || !item.section) continue;
      const therapy = findEducatingTherapy(text);
      if (section !== 'F' && therapy) {
        report(
          item.section.range,
          `"${therapy.text}" educates or trains, so it is special educational provision and belongs in Section F (Children and Families Act 2014 s.21(5)); in Section ${section} it cannot be enforced as education. Move it to F.`,
          [{ title: 'Move to Section F', edits: [{ range: item.section.range, newText: 'F' }] }],
        );
        continue;
      }
      if (section === 'F' && !therapy && !EDUCATIONAL.test(text)) {
        const care = SOCIAL_CARE.exec(text);
        const health = care ? null : HEALTH.exec(text);
        const to = care ? 'H2' : health ? 'G' : undefined;
        if (to) {
          const what = care ? 'social care' : 'health';
          report(
            item.section.range,
            `"${(care ?? health)![0]}" is ${what} provision, not special educational provision. Move it to Section ${to === 'H2' ? 'H1 or H2' : 'G'}, or say what it teaches if it does educate or train.`,
            [{ title: `Move to Section ${to}`, edits: [{ range: item.section.range, newText: to }] }],
          );
        }
      }
    }
    // A health need met only from F: the health body's part is missing from G.
    const thread = buildThread(plan);
    for (const need of plan.needs) {
      if (need.section?.value !== 'C' || !need.id) continue;
      const meeting: ProvisionItem[] = thread.provisionOf(need.id.value);
      if (meeting.length > 0 && meeting.every((p) => p.section?.value === 'F')) {
        report(need.id.range, `Health need ${need.id.value} is met only by Section F provision. Add the health provision that meets it in Section G, or move the need to Section B if it is an educational need.`);
      }
    }
  },
};
