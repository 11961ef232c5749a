import { strSpanRange } from '../parse';
import { checkSpelling } from '../prose/spelling';
import { memo, proseFields, limited, MAX_PROSE_FINDINGS } from '../prose/text';
import type { WordList } from '../prose/names';

const cached = memo<ReturnType<typeof checkSpelling>>();
const ids = new WeakMap<WordList, number>();
let nextId = 1;
import type { Rule } from '../rule';

/** A plan goes to the family and the tribunal: spelling mistakes and US spellings undermine it. */
export const spelling: Rule = {
  id: 'spelling',
  severity: 'information',
  description: 'A word the British English dictionary does not know, or a US spelling, with the right spelling as a fix.',
  check({ parsed, config, words: dictionary, report }) {
    report = limited(report);
    const extra = new Set((config.words ?? []).map((w) => w.toLowerCase()));
    if (dictionary && !ids.has(dictionary)) ids.set(dictionary, nextId++);
    const key = `${dictionary ? ids.get(dictionary) : 0}\u0001${[...extra].join('\u0001')}\u0000`;
    for (const field of proseFields(parsed)) {
      const text = field.str.value;
      for (const m of cached(key, () => checkSpelling(text, dictionary, extra), text).slice(0, MAX_PROSE_FINDINGS)) {
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
