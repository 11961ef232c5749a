import { createGlossary, findTerms, type Glossary, type TermUse } from '../glossary';
import { strSpanRange } from '../parse';
import { addToTopLevelMap } from '../prose/edits';
import { childNameWords } from '../prose/caseload';
import { fold, memo, proseFields, limited } from '../prose/text';
import type { Rule } from '../rule';

/**
 * Families ask for plain English: jargon and acronyms avoided or explained. A term the Word
 * export cannot explain (it is in neither the built-in glossary, the caseload's nor the plan's)
 * is pointed out once, with a fix that adds a definition to the plan's glossary.
 */
const glossaries = memo<Glossary>(50);
const terms = memo<TermUse[]>();

const EMPHASIS = new Set('not never must always only all no yes very do does did will should shall can cannot before after and or but any every each both none please note important urgent stop wait now today daily every first last more less most least why what when where who how this that these those one two three four five'.split(' '));

export const unexplainedAcronym: Rule = {
  id: 'unexplained-acronym',
  severity: 'information',
  description: 'An acronym or specialist term that no glossary explains: add a plain-English definition to the plan’s glossary.',
  check({ parsed, plan, config, report }) {
    report = limited(report);
    const value = parsed.value as { glossary?: unknown } | undefined;
    const own = value?.glossary && typeof value.glossary === 'object' && !Array.isArray(value.glossary) ? (value.glossary as Record<string, string>) : undefined;
    const gkey = config.glossary || own ? JSON.stringify([config.glossary ?? {}, own ?? {}]) : '';
    const glossary = glossaries(gkey, () => createGlossary(config.glossary, own));
    const names = childNameWords(plan.child.name?.value, plan.child.known_as?.value);
    const seen = new Set<string>();
    for (const field of proseFields(parsed)) {
      const text = field.str.value;
      for (const use of terms(gkey, () => findTerms(text, glossary), text)) {
        if (glossary.explain(use.term)) continue;
        const key = use.term.toLowerCase();
        if (seen.has(key) || names.has(fold(use.term))) continue;
        // Capitals for emphasis ("NEVER", "MUST") are not an acronym to explain.
        if (EMPHASIS.has(use.term.toLowerCase())) continue;
        seen.add(key);
        const range = strSpanRange(parsed, field.str, use);
        const edit = addToTopLevelMap(parsed, 'glossary', use.term, '__');
        report(
          range,
          `"${use.term}" is not explained. Families may not know it: write it out in full, or add what it means to the plan’s glossary.`,
          edit ? [{ title: `Add ${use.term} to the plan’s glossary`, edits: [edit], isTemplate: true }] : undefined,
        );
      }
    }
  },
};
