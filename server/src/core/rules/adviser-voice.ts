import { strSpanRange } from '../parse';
import type { Rule } from '../rule';
import { itemName } from './missing-quantity';

/**
 * The plan speaks for the local authority: provision is what will be done, not what an adviser
 * recommends (CoP 9.61–9.69; advice belongs in Section K). Wording pasted from an advice report
 * ("I recommend that…") is not vague in itself, so this is information, never provision-vague.
 */
export const adviserVoice: Rule = {
  id: 'adviser-voice',
  severity: 'information',
  description: 'Provision written in the adviser\'s voice ("I recommend that…", "In my professional opinion…") rather than the plan\'s.',
  check({ parsed, plan, reading, report }) {
    for (const item of plan.provision) {
      const read = reading(item);
      if (!read?.adviserVoice || !item.text) continue;
      const range = strSpanRange(parsed, item.text, read.adviserVoice.span);
      report(
        range,
        `${itemName(item)} speaks as the adviser ("${read.adviserVoice.text}"). Write it as what the plan provides, for example "Amara will receive …", and keep the adviser's words in Section K.`,
      );
    }
  },
};
