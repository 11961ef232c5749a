import { strSpanRange } from '../parse';
import type { Rule } from '../rule';

/**
 * Vague or discretionary wording makes provision unenforceable: L v Clarke & Somerset CC [1998]
 * ELR 129 ("no room for doubt"), Worcestershire CC v SE [2020] UKUT 217, CoP 9.69.
 */
export const provisionVague: Rule = {
  id: 'provision-vague',
  severity: 'error',
  description: 'Provision uses vague or discretionary wording ("access to", "as required", "up to") that leaves room for doubt about what must be provided.',
  check({ parsed, plan, reading, report }) {
    for (const item of plan.provision) {
      const read = reading(item);
      if (!read || !item.text) continue;
      for (const vague of read.vague) {
        const range = strSpanRange(parsed, item.text, vague.span);
        const fixes = vague.replacement
          ? [{ title: `Replace "${vague.phrase}" with "${vague.replacement}"`, edits: [{ range, newText: vague.replacement }], isTemplate: vague.replacement.includes('__') }]
          : undefined;
        const message = vague.advice.toLowerCase().includes(vague.phrase.toLowerCase()) ? vague.advice : `"${vague.phrase}" is vague: ${vague.advice}`;
        report(range, message, fixes);
      }
    }
  },
};
