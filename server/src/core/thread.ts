/** The golden thread B → E → F: which items link to which. Shared by rules, hovers and CodeLens. */
import type { NeedItem, OutcomeItem, PlanModel, ProvisionItem } from './parse';

export interface Thread {
  outcomesOf(needId: string): OutcomeItem[];
  provisionOf(needId: string): ProvisionItem[];
  /** Provision that works towards an outcome: listed in its `outcomes:`, or (with no `outcomes:`) meeting one of its needs. */
  provisionTowards(outcome: OutcomeItem): ProvisionItem[];
  need(id: string): NeedItem | undefined;
  outcome(id: string): OutcomeItem | undefined;
}

export function buildThread(plan: PlanModel): Thread {
  const needs = new Map<string, NeedItem>();
  const outcomes = new Map<string, OutcomeItem>();
  for (const n of plan.needs) if (n.id && !needs.has(n.id.value)) needs.set(n.id.value, n);
  for (const o of plan.outcomes) if (o.id && !outcomes.has(o.id.value)) outcomes.set(o.id.value, o);
  const byNeed = <T extends { needs: { value: string }[] }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) for (const ref of item.needs) map.set(ref.value, [...(map.get(ref.value) ?? []), item]);
    return map;
  };
  const outcomesByNeed = byNeed(plan.outcomes);
  const provisionByNeed = byNeed(plan.provision);
  return {
    outcomesOf: (id) => outcomesByNeed.get(id) ?? [],
    provisionOf: (id) => provisionByNeed.get(id) ?? [],
    provisionTowards(outcome) {
      const id = outcome.id?.value;
      const needIds = new Set(outcome.needs.map((n) => n.value));
      return plan.provision.filter((p) =>
        p.outcomes ? p.outcomes.some((o) => o.value === id) : p.needs.some((n) => needIds.has(n.value)),
      );
    },
    need: (id) => needs.get(id),
    outcome: (id) => outcomes.get(id),
  };
}
