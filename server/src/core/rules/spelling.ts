import { strSpanRange } from '../parse';
import { checkSpelling } from '../prose/spelling';
import { proseFields } from '../prose/text';
import type { Rule } from '../rule';

/** A plan goes to the family and the tribunal: spelling mistakes and US spellings undermine it. */
export const spelling: Rule = {
  id: 'spelling',
  severity: 'information',
  description: 'A word the British English dictionary does not know, or a US spelling, with the right spelling as a fix.',
  check({ parsed, config, words: dictionary, report }) {
    const extra = new Set((config.words ?? []).map((w) => w.toLowerCase()));
    for (const field of proseFields(parsed)) {
      for (const m of checkSpelling(field.str.value, dictionary, extra)) {
        const range = strSpanRange(parsed, field.str, m);
        const fixes = m.suggestions.map((s) => ({ title: `Change to "${s}"`, edits: [{ range, newText: s }] }));
        const message =
          m.kind === 'us'
            ? `"${m.text}" is the US spelling: the British form is "${m.suggestions[0]}".`
            : `"${m.text}" is not in the British English dictionary.${m.suggestions.length > 0 ? ` Did you mean "${m.suggestions[0]}"?` : ''} If it is right, add it to words: in .ehcprc.yaml.`;
        report(range, message, fixes.length > 0 ? fixes : undefined);
      }
    }
  },
};
