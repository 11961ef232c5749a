import { shortQuote, usage } from '../../advice/trace';
import type { Rule } from '../rule';

/**
 * Needs and provision in the advice should be reflected in B and F; provision the advice
 * recommended that never reached the plan is the families' most common complaint. Shown as
 * information on the advice entry, so omissions are visible before the family finds them.
 */
export const adviceRecommendationUnused: Rule = {
  id: 'advice-recommendation-unused',
  severity: 'information',
  description: 'A recommendation in an advice report that no need or provision item cites.',
  check({ plan, advice, report }) {
    for (const item of plan.advice) {
      const result = advice(item);
      if (!result?.ok || !item.id) continue;
      for (const block of usage(plan, item, result.doc).unused) {
        const name = block.madeUp ? `The unlabelled recommendation under "${block.headings[block.headings.length - 1] ?? 'Recommendations'}" (${item.id.value}#${block.label})` : `Recommendation ${item.id.value}#${block.label}`;
        report(item.id.range, `${name} is not cited by any need or provision: "${shortQuote(block.text, 80)}". Add provision for it with evidence: [${item.id.value}#${block.label}], or record why it was not taken up.`);
      }
    }
  },
};
