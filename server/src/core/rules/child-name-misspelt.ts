import { strSpanRange } from '../parse';
import { isFirstName, planPeople } from '../prose/names';
import { editDistance, fold, isCapitalised, memo, proseFields, words, type Word, limited, MAX_PROSE_FINDINGS } from '../prose/text';
import type { Rule } from '../rule';

interface Miss {
  word: Word;
  target: string;
  legal: boolean;
  exact: boolean;
}

const misses = memo<Miss[]>();

/**
 * The child's name spelt wrongly is the first thing a family notices ("Jaydon" in Jayden's plan,
 * "Zoe" for "Zoë"), and the legal name where the known-as name is used throughout reads as if
 * the plan were written by someone who does not know the child.
 */
export const childNameMisspelt: Rule = {
  id: 'child-name-misspelt',
  severity: 'warning',
  description: 'A near-miss of the child’s own name (a letter wrong, a missing accent), or the legal name where the known-as name is used throughout.',
  check({ parsed, plan, config, caseload, words: dictionary, report }) {
    report = limited(report);
    const knownAs = plan.child.known_as?.value.trim();
    const legal = plan.child.name?.value.trim();
    if (!knownAs && !legal) return;
    const people = planPeople(parsed, config.names);
    // The names to compare with: every word of the known-as and legal names.
    const targets = new Map<string, string>();
    for (const n of [knownAs, legal]) for (const w of words(n ?? '')) if (w.text.length >= 3) targets.set(w.text, fold(w.text));
    const legalFirst = legal ? words(legal)[0]?.text : undefined;
    const knownFirst = knownAs ? words(knownAs)[0]?.text : undefined;
    const fields = proseFields(parsed);
    const usesKnownAs = knownFirst !== undefined && fields.some((f) => words(f.str.value).some((w) => w.text === knownFirst));
    const legalDiffers = legalFirst !== undefined && knownFirst !== undefined && fold(legalFirst) !== fold(knownFirst) && !fold(knownAs!).split(/\s+/).includes(fold(legalFirst));

    const key = `${dictionary ? 'd' : 'n'}\u0001${people.key}\u0001${[...targets.keys()].join(',')}\u0001${legalDiffers && usesKnownAs ? `${legalFirst}>${knownFirst}` : ''}`;
    for (const field of fields) {
      const text = field.str.value;
      const found = misses(`${key}\u0001${field.section === 'A'}`, () => {
        const out: Miss[] = [];
        for (const w of words(text)) {
          if (!isCapitalised(w.text) || w.text.length < 3) continue;
          if (legalDiffers && usesKnownAs && w.text === legalFirst && field.section !== 'A') {
            out.push({ word: w, target: knownFirst!, legal: true, exact: false });
            continue;
          }
          if (targets.has(w.text)) continue;
          const f = fold(w.text);
          if (people.allowed.has(f)) continue;
          for (const [target, folded] of targets) {
            let near = false;
            if (f === folded) near = true; // Zoe for Zoë, or a different accent
            else if (folded.length >= 4 && f[0] === folded[0]) {
              const d = editDistance(f, folded, 2);
              near = d === 1 || (d === 2 && folded.length >= 7);
            }
            if (!near) continue;
            if (f !== folded && dictionary?.correct(w.text.toLowerCase())) continue;
            if (f !== folded && isFirstName(w.text) && isFirstName(target) && editDistance(f, folded, 2) > 1) continue;
            out.push({ word: w, target, legal: false, exact: f === folded });
            break;
          }
        }
        return out;
      }, text);
      for (const m of found.slice(0, MAX_PROSE_FINDINGS)) {
        // A different, real name: another child of the caseload (Jaden is in the caseload too).
        if (!m.legal && !m.exact && caseload && caseload.childrenCalled(m.word.text).length > 0) continue;
        const range = strSpanRange(parsed, field.str, m.word);
        if (m.legal) report(range, `The plan calls ${legalFirst} "${knownAs}" everywhere else: use the name the child is known by.`, [{ title: `Change to ${m.target}`, edits: [{ range, newText: m.target }] }]);
        else report(range, `"${m.word.text}" looks like a misspelling of ${m.target}, the child’s name.`, [{ title: `Change to ${m.target}`, edits: [{ range, newText: m.target }] }]);
      }
    }
  },
};
