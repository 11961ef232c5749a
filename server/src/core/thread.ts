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

/** Threads by plan: several rules, hovers and lenses ask for the same plan's thread. */
const threads = new WeakMap<PlanModel, Thread>();

export function buildThread(plan: PlanModel): Thread {
  let thread = threads.get(plan);
  if (!thread) threads.set(plan, (thread = makeThread(plan)));
  return thread;
}

function makeThread(plan: PlanModel): Thread {
  const needs = new Map<string, NeedItem>();
  const outcomes = new Map<string, OutcomeItem>();
  for (const n of plan.needs) if (n.id && !needs.has(n.id.value)) needs.set(n.id.value, n);
  for (const o of plan.outcomes) if (o.id && !outcomes.has(o.id.value)) outcomes.set(o.id.value, o);
  const push = <K, T>(map: Map<K, T[]>, key: K, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  const byNeed = <T extends { needs: { value: string }[] }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) for (const ref of item.needs) push(map, ref.value, item);
    return map;
  };
  const outcomesByNeed = byNeed(plan.outcomes);
  const provisionByNeed = byNeed(plan.provision);
  // Provision by the outcome ids it lists, and (for provision with no `outcomes:`) by its needs.
  const listing = new Map<string, ProvisionItem[]>();
  const unlisted = new Map<string, ProvisionItem[]>();
  for (const p of plan.provision) {
    if (p.outcomes) for (const o of p.outcomes) push(listing, o.value, p);
    else for (const n of p.needs) push(unlisted, n.value, p);
  }
  return {
    outcomesOf: (id) => outcomesByNeed.get(id) ?? [],
    provisionOf: (id) => provisionByNeed.get(id) ?? [],
    provisionTowards(outcome) {
      const found = new Set<ProvisionItem>();
      const id = outcome.id?.value;
      if (id !== undefined) for (const p of listing.get(id) ?? []) found.add(p);
      for (const n of outcome.needs) for (const p of unlisted.get(n.value) ?? []) found.add(p);
      // In plan order, as a filter over the provision list gives them.
      return [...found].sort((a, b) => a.index - b.index);
    },
    need: (id) => needs.get(id),
    outcome: (id) => outcomes.get(id),
  };
}
