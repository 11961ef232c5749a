import { strSpanRange } from '../parse';
import { childNameWords, textFingerprints } from '../prose/caseload';
import { proseFields, limited } from '../prose/text';
import type { Rule } from '../rule';

/**
 * Text pasted from another child's plan is a known source of errors (a wrong name, a need the
 * child does not have). A sentence longer than a stock phrase that another plan of the caseload
 * also has is pointed out, naming that plan, so the writer can check it is about this child.
 */
export const copiedText: Rule = {
  id: 'copied-text',
  severity: 'information',
  description: 'A sentence that also appears in another plan of the caseload: check it is about this child.',
  check({ parsed, plan, config, caseload, report }) {
    report = limited(report);
    if (!caseload || caseload.size < 2) return;
    const names = childNameWords(plan.child.name?.value, plan.child.known_as?.value);
    const stock = (config.stockPhrases ?? []).map((p) => p.toLowerCase().replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
    // Wording that many plans share is the caseload's standard text, not a paste from one child.
    const common = Math.max(5, Math.ceil(caseload.size * 0.1));
    for (const field of proseFields(parsed)) {
      // Provision and the budget are written from standard wording on purpose; the sentences about the child are not.
      if (!['A', 'B', 'C', 'D', 'E'].includes(field.section)) continue;
      for (const { sentence: s, fp } of textFingerprints(field.str.value, names)) {
        const others = caseload.plansWithSentence(fp);
        if (others.length === 0 || others.length >= common) continue;
        const flat = s.text.toLowerCase().replace(/\s+/g, ' ');
        if (stock.some((p) => flat.includes(p))) continue;
        const more = others.length > 1 ? ` and ${others.length - 1} other plan${others.length > 2 ? 's' : ''}` : '';
        report(
          strSpanRange(parsed, field.str, s),
          `This sentence is also in ${others[0]}${more}. Check that it is about ${plan.child.known_as?.value ?? 'this child'} and not copied from another child’s plan; standard wording can be listed under stockPhrases in .ehcprc.yaml.`,
        );
      }
    }
  },
};
