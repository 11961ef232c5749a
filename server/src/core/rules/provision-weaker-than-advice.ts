import { weakerThan } from '../../advice/trace';
import { findBlock } from '../../advice/structure';
import type { Rule } from '../rule';

/**
 * A provision item that cites a recommendation but drops or lowers what it quantified: "45
 * minutes weekly from a therapist" in the advice, "weekly" or "30 minutes" or a TA in the plan.
 * A reduction must be justified by evidence; QA officers and families look for these first.
 */
export const provisionWeakerThanAdvice: Rule = {
  id: 'provision-weaker-than-advice',
  severity: 'warning',
  description: 'A provision item cites a recommendation but says less than it: fewer or shorter sessions, a less qualified deliverer, a larger group.',
  check({ plan, advice, reading, report }) {
    const byId = new Map(plan.advice.flatMap((a) => (a.id ? [[a.id.value, a] as const] : [])));
    for (const item of plan.provision) {
      const mine = reading(item);
      if (!mine) continue;
      for (const ref of item.evidence) {
        const hash = ref.value.indexOf('#');
        if (hash === -1) continue;
        const entry = byId.get(ref.value.slice(0, hash));
        const result = entry && advice(entry);
        if (!result?.ok) continue;
        const block = findBlock(result.doc, ref.value.slice(hash + 1).trim());
        if (!block || block.kind !== 'recommendation') continue;
        const weaker = weakerThan(block, mine);
        if (weaker.length === 0) continue;
        const who = [entry?.professional?.value, entry?.author?.value].filter(Boolean).join(', ');
        const what = weaker.map((w) => `${w.aspect}: the advice says "${w.advice}", this provision says ${w.plan === 'not said' ? 'nothing' : `"${w.plan}"`}`).join('; ');
        report(ref.range, `${item.id?.value ?? 'This provision'} is weaker than ${ref.value}${who ? ` (${who})` : ''}: ${what}. Match the advice, or record the evidence for the change.`);
      }
    }
  },
};
