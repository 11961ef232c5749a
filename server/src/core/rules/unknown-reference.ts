import type { Str } from '../parse';
import type { Rule } from '../rule';
import { suggest } from '../suggest';

/** A link to an id that does not exist breaks the golden thread silently. */
export const unknownReference: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'A reference to a need, outcome or advice id that does not exist in this plan.',
  check({ plan, report }) {
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
    for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision]) {
      for (const ref of item.evidence) {
        const id = ref.value.split('#')[0] ?? '';
        if (id) checkRef(ref, advice, 'advice entry', id);
      }
    }
  },
};
