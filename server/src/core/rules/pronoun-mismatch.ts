import { strSpanRange } from '../parse';
import { checkPronouns } from '../prose/pronouns';
import { memo, proseFields, limited, MAX_PROSE_FINDINGS } from '../prose/text';

const cached = memo<ReturnType<typeof checkPronouns>>();
import type { Rule } from '../rule';

/** Wrong pronouns for the child read as carelessness, or as text pasted from another child's plan. */
export const pronounMismatch: Rule = {
  id: 'pronoun-mismatch',
  severity: 'warning',
  description: 'A pronoun that disagrees with child.pronouns in a sentence about the child.',
  check({ parsed, plan, config, report }) {
    report = limited(report);
    const set = plan.child.pronouns?.value;
    if (set !== 'she/her' && set !== 'he/him' && set !== 'they/them') return;
    const names = [plan.child.known_as?.value, plan.child.name?.value].filter((n): n is string => !!n);
    for (const field of proseFields(parsed)) {
      const text = field.str.value;
      const others = config.names ?? [];
      const firstPerson = field.section === 'A';
      const key = `${set}\u0001${names.join('\u0001')}\u0001${others.join('\u0001')}\u0001${firstPerson}`;
      for (const m of cached(key, () => checkPronouns(text, set, names, others, firstPerson), text).slice(0, MAX_PROSE_FINDINGS)) {
        const range = strSpanRange(parsed, field.str, m);
        const fixes = m.replacement ? [{ title: `Change "${m.text}" to "${m.replacement}"`, edits: [{ range, newText: m.replacement }] }] : undefined;
        report(range, `"${m.text}" does not match ${m.childName}’s pronouns (${set}). If this sentence is about ${m.childName}, use ${m.expected}.`, fixes);
      }
    }
  },
};
