import { strSpanRange } from '../parse';
import { readability } from '../prose/readability';
import { memo, proseFields, limited } from '../prose/text';

const cached = memo<ReturnType<typeof readability>>();
import type { Rule } from '../rule';

/** A sentence this long is hard to follow for most readers when its words are long too (reading ease under 60)... */
export const LONG_SENTENCE_WORDS = 45;
/** ...and this long whatever its words. Provision items must say what, who, how often and how long, so they get more room. */
export const VERY_LONG_SENTENCE_WORDS = 55;
const VERY_LONG_PROVISION_WORDS = 65;
/** Below this Flesch reading ease a passage reads like a technical report (plain English is 60 or more). */
export const LOW_EASE = 30;
/** Reading ease is only meaningful over a passage of at least this many words. */
const MIN_WORDS = 20;
/** A short passage (under 40 words) can score low on a few long words alone, so it must score lower still. */
const LOW_EASE_SHORT = 15;

/** Families ask for plain English: very long sentences and dense wording shut them out of the plan. */
export const hardToRead: Rule = {
  id: 'hard-to-read',
  severity: 'information',
  description: 'Prose whose sentences are very long or whose reading ease is low, with the figure and the longest sentence.',
  check({ parsed, report }) {
    report = limited(report);
    for (const field of proseFields(parsed)) {
      const text = field.str.value;
      const r = cached(text, () => readability(text));
      if (!r) continue;
      const provision = ['F', 'G', 'H1', 'H2'].includes(field.section);
      const long = provision ? r.longest.words >= VERY_LONG_PROVISION_WORDS : r.longest.words >= VERY_LONG_SENTENCE_WORDS || (r.longest.words >= LONG_SENTENCE_WORDS && r.ease < 60);
      const dense = !provision && r.words >= MIN_WORDS && r.ease < (r.words >= 40 ? LOW_EASE : LOW_EASE_SHORT);
      if (!long && !dense) continue;
      const quote = r.longest.text.length > 160 ? `${r.longest.text.slice(0, 157).trimEnd()}…` : r.longest.text;
      const why = long
        ? `This sentence in ${field.where} has ${r.longest.words} words`
        : `${capitalise(field.where)} is hard to read`;
      report(
        strSpanRange(parsed, field.str, r.longest),
        `${why} (reading ease ${r.ease} out of 100; plain English is 60 or more). Split long sentences and use shorter, everyday words. Longest sentence (${r.longest.words} words): "${quote}"`,
      );
    }
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
