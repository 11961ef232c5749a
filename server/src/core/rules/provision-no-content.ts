import { strSpanRange } from '../parse';
import type { Rule } from '../rule';
import { itemName } from './missing-quantity';

/**
 * Provision must say what is provided, not only who, how often and how long (CoP 9.69 "the type ...
 * of support"). LB Redbridge v HO [2020] UKUT 323: "support at home from a familiar psychologist"
 * was too vague in content for a school to deliver or a parent to enforce.
 */
export const provisionNoContent: Rule = {
  id: 'provision-no-content',
  severity: 'warning',
  description: 'Provision whose only "what" is "support", "input", "help", "sessions" or "time with": it does not say what the sessions will do.',
  check({ parsed, plan, reading, report }) {
    for (const item of plan.provision) {
      const read = reading(item);
      if (!read?.unnamedContent || !item.text) continue;
      const words = read.unnamedContent.text;
      report(
        strSpanRange(parsed, item.text, read.unnamedContent.span),
        `${itemName(item)} says "${words}" but not what the ${/^sessions?$/i.test(words) ? 'sessions' : words.toLowerCase()} will do. Name the programme, approach or skills taught, for example "Precision Teaching of high-frequency words" or "ELSA sessions on recognising anger" (LB Redbridge v HO [2020] UKUT 323).`,
      );
    }
  },
};
