import type { Rule } from '../rule';

/**
 * Section K lists the advice the assessment gathered (SEND Regulations 2014, reg 12(1)(k)); a
 * report that cannot be found cannot be checked against the plan, and a tribunal bundle needs it.
 */
export const adviceFileMissing: Rule = {
  id: 'advice-file-missing',
  severity: 'warning',
  description: 'An advice entry names a report file that does not exist.',
  check({ plan, advice, report }) {
    for (const item of plan.advice) {
      const result = advice(item);
      if (!item.file || !result || result.ok || result.reason !== 'missing') continue;
      report(item.file.range, `The advice file "${item.file.value}" cannot be found${result.message ? ` (${result.message})` : ''}. Check the path, which is relative to this plan, or add the report.`);
    }
  },
};
