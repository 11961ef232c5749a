import type { Rule } from '../rule';

/** Ids must be unique within a plan, or references become ambiguous. */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'Two items in one plan share an id.',
  check({ plan, report }) {
    const first = new Map<string, { line: number; kind: string }>();
    for (const item of [...plan.advice, ...plan.needs, ...plan.outcomes, ...plan.provision]) {
      if (!item.id) continue;
      const seen = first.get(item.id.value);
      if (seen) {
        report(item.id.range, `The id "${item.id.value}" is already used by the ${seen.kind} on line ${seen.line + 1}. Give this ${item.kind === 'provision' ? 'provision item' : item.kind} its own id.`);
      } else {
        first.set(item.id.value, { line: item.id.range.start.line, kind: item.kind === 'provision' ? 'provision item' : item.kind });
      }
    }
  },
};
