import { strSpanRange, type ParsedPlan } from '../parse';
import { appendToTopLevelList } from '../prose/edits';
import { isFirstName, isNearChildName, nameCandidates, ordinaryWordTest, planPeople } from '../prose/names';
import { fold, proseFields, limited } from '../prose/text';
import type { Rule } from '../rule';
import type { Fix } from '../types';

/**
 * Text about another child is the error families notice first: copy-paste between plans is a
 * reported, recurring failure. A first name that is not the child's, nor anyone the plan names,
 * is reported; most strongly when it is the name of another child in the caseload.
 */
export const otherChildName: Rule = {
  id: 'other-child-name',
  severity: 'warning',
  description: 'A first name in the prose that is not the child’s, nor a person the plan names: the text may be about another child.',
  check({ parsed, plan, config, caseload, words, report }) {
    report = limited(report);
    const childName = plan.child.known_as?.value ?? plan.child.name?.value;
    if (!childName) return;
    const people = planPeople(parsed, config.names);
    const ordinary = ordinaryWordTest(words);
    const caseloadName = (w: string) => (caseload ? caseload.childrenCalled(w) : []);
    const known = (w: string) => isFirstName(w) || caseloadName(w).length > 0;
    const reported = new Set<string>();
    for (const field of proseFields(parsed)) {
      for (const c of nameCandidates(field.str.value, people, ordinary, known, words ? 'd' : 'n')) {
        const name = c.word.text;
        const others = caseloadName(name);
        if (others.length === 0 && isNearChildName(name, people.child)) continue; // a misspelling of the child's name
        let message: string | undefined;
        if (others.length > 0) {
          // Classmates who also have a plan are named freely ("a close friendship with Maryam"): only a name
          // used as the subject of a sentence ("Maryam's anxiety", "Oliver becomes upset") counts.
          if (!c.personContext) continue;
          if (c.inTitle && !(c.next && others.some((o) => o.name && fold(o.name).split(/\s+/).includes(fold(c.next!))))) continue;
          const other = others[0]!;
          const more = others.length > 1 ? ` (and ${others.length - 1} other plan${others.length > 2 ? 's' : ''})` : '';
          message = `"${name}" is the child in ${other.file}${more}: is this text about another child? This is ${childName}’s plan.`;
        } else {
          // Without the dictionary a capitalised word cannot be told from a name: only the caseload's names count.
          // Classmates and family are named freely ("plays alongside Mason and Harper"): only a name used as the
          // subject of a sentence about needs ("Leon finds phonics hard") counts, and never in the family's own words.
          if (c.ambiguous || c.inTitle || !c.personContext || field.section === 'A') continue;
          message = `"${name}" is not a name this plan knows: if this text is about another child, rewrite it for ${childName}; if ${name} is someone in ${childName}’s life, add them to names:.`;
        }
        const key = `${field.str.range.start.line}:${name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report(strSpanRange(parsed, field.str, c.word), message, [addNameFix(parsed, name)].filter((f) => f !== undefined));
      }
    }
  },
};


/** "Add Sam to names:": declares the person so the name checks know them. */
function addNameFix(parsed: ParsedPlan, name: string): Fix | undefined {
  const edit = appendToTopLevelList(parsed, 'names', name);
  return edit ? { title: `Add ${name} to the people this plan names`, edits: [edit] } : undefined;
}
