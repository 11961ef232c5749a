import { findBlock, labelsOf } from '../../advice/structure';
import type { AdviceItem, Str } from '../parse';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

/** A link to an id that does not exist breaks the golden thread silently. */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'A reference to a need, outcome or advice id that does not exist in this plan, or to a paragraph label its advice report does not have.',
  check({ plan, advice: readAdvice, report }) {
    const ids = (items: { id?: Str }[]) => new Set(items.flatMap((i) => (i.id ? [i.id.value] : [])));
    const needs = ids(plan.needs);
    const outcomes = ids(plan.outcomes);
    const advice = ids(plan.advice);
    const kindOf = (id: string) => (needs.has(id) ? 'a need' : outcomes.has(id) ? 'an outcome' : advice.has(id) ? 'an advice entry' : undefined);

    /** `id` is the part of the reference that names an item (an evidence reference adds #paragraph). */
    const checkRef = (ref: Str, wanted: Set<string>, noun: string, id = ref.value) => {
      if (wanted.has(id)) return;
      const other = kindOf(id);
      const close = suggest(id, wanted, 3);
      const hint = other
        ? ` ${id} is ${other}, not ${noun}.`
        : close.length > 0
          ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?`
          : wanted.size > 0
            ? ` The ${noun} ids in this plan are ${[...wanted].slice(0, 8).join(', ')}.`
            : '';
      const rest = ref.value.slice(id.length);
      const fixes = close.map((c) => ({ title: `Change to ${c}${rest}`, edits: [{ range: ref.range, newText: `${c}${rest}` }] }));
      report(ref.range, `There is no ${noun} with the id "${id}".${hint}`, fixes);
    };

    for (const outcome of plan.outcomes) for (const ref of outcome.needs) checkRef(ref, needs, 'need');
    for (const item of plan.provision) {
      for (const ref of item.needs) checkRef(ref, needs, 'need');
      for (const ref of item.outcomes ?? []) checkRef(ref, outcomes, 'outcome');
    }
    const entries = new Map<string, AdviceItem>();
    for (const a of plan.advice) if (a.id && !entries.has(a.id.value)) entries.set(a.id.value, a);
    for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision]) {
      for (const ref of item.evidence) {
        const hash = ref.value.indexOf('#');
        const id = hash === -1 ? ref.value : ref.value.slice(0, hash);
        if (!id) continue;
        if (!advice.has(id)) {
          checkRef(ref, advice, 'advice entry', id);
          continue;
        }
        // The label after # must name a paragraph of the report, once the report has been read.
        const label = hash === -1 ? '' : ref.value.slice(hash + 1).trim();
        const result = label ? readAdvice(entries.get(id)!) : undefined;
        if (!result?.ok || findBlock(result.doc, label)) continue;
        const labels = labelsOf(result.doc);
        const close = suggest(label, labels, 3);
        const hint = close.length > 0 ? ` Did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : labels.length > 0 ? ` Its labels include ${labels.slice(0, 8).join(', ')}.` : ' It has no labelled paragraphs: cite the whole report as ' + id + '.';
        const fixes = close.map((c) => ({ title: `Change to ${id}#${c}`, edits: [{ range: ref.range, newText: `${id}#${c}` }] }));
        report(ref.range, `The advice "${id}" has no paragraph labelled "${label}".${hint}`, fixes);
      }
    }
  },
};
