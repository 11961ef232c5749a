/**
 * Traceability from advice to plan (pure): which plan items cite which paragraph of which report,
 * and whether a provision item keeps what the recommendation it cites quantified (who, how often,
 * how long, group size). Shared by the rules, the lens and hover, and `ehcp advice`.
 */
import { readText } from '../core/check';
import type { AdviceItem, NeedItem, OutcomeItem, PlanModel, ProvisionItem, Str } from '../core/parse';
import type { ProvisionReading } from '../core/quantify-types';
import { labelKey } from './labels';
import { findBlocks } from './structure';
import type { AdviceBlock, AdviceDocument } from './types';

export type CitingItem = NeedItem | OutcomeItem | ProvisionItem;

export interface Citation {
  item: CitingItem;
  ref: Str;
  adviceId: string;
  /** The label after `#`, if any. */
  label?: string;
}

/** Every evidence reference in the plan, split into advice id and label. */
export function citations(plan: PlanModel): Citation[] {
  const out: Citation[] = [];
  for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision]) {
    for (const ref of item.evidence) {
      const hash = ref.value.indexOf('#');
      const adviceId = hash === -1 ? ref.value : ref.value.slice(0, hash);
      const label = hash === -1 ? undefined : ref.value.slice(hash + 1).trim();
      out.push({ item, ref, adviceId, ...(label ? { label } : {}) });
    }
  }
  return out;
}

/** The citations of one advice entry's blocks, by block. */
export function citationsByBlock(plan: PlanModel, advice: AdviceItem, doc: AdviceDocument): Map<AdviceBlock, Citation[]> {
  const out = new Map<AdviceBlock, Citation[]>();
  const id = advice.id?.value;
  if (!id) return out;
  for (const c of citations(plan)) {
    if (c.adviceId !== id || !c.label) continue;
    for (const block of findBlocks(doc, c.label)) {
      const list = out.get(block) ?? [];
      list.push(c);
      out.set(block, list);
    }
  }
  return out;
}

export interface UsageSummary {
  recommendations: number;
  used: number;
  unused: AdviceBlock[];
}

/** "7 recommendations · 5 used in the plan": used = cited by a need or a provision item. */
export function usage(plan: PlanModel, advice: AdviceItem, doc: AdviceDocument): UsageSummary {
  const cited = citationsByBlock(plan, advice, doc);
  const recs = doc.blocks.filter((b) => b.kind === 'recommendation');
  const unused = recs.filter((b) => !(cited.get(b) ?? []).some((c) => c.item.kind === 'need' || c.item.kind === 'provision'));
  return { recommendations: recs.length, used: recs.length - unused.length, unused };
}

export type Aspect = 'who' | 'how often' | 'how long' | 'group size';

export interface Weakening {
  aspect: Aspect;
  advice: string;
  plan: string;
}

/** Sessions or minutes a week, when both are known. */
function weeklyMinutes(r: ProvisionReading): number | undefined {
  const perWeek = r.frequency?.perWeek;
  const minutes = r.amount?.minutes;
  return perWeek !== undefined && minutes !== undefined ? perWeek * minutes : undefined;
}

/** Roles with professional training beyond a school's own staff: therapists, psychologists, specialist teachers, nurses. */
const SPECIALIST = /therap|psycholog|teacher of the|specialist|qualified teacher|advisory teacher|nurse|paediatric|physio|counsell|social worker|orthoptist|audiolog|dietitian|psychiatr|clinical|habilitation/i;

function isSpecialist(role: string): boolean {
  return SPECIALIST.test(role) && !/assistant|support worker/i.test(role);
}

function deliverers(r: ProvisionReading): string[] {
  return r.providers.filter((p) => p.capacity === 'delivers').map((p) => p.role);
}

/**
 * What a provision text drops or lowers from the recommendation it cites. Nothing when the
 * advice itself did not quantify the aspect. Compared as a tribunal reader would: weekly time
 * when both say how often and how long; otherwise each aspect on its own.
 */
export function compareReadings(advice: ProvisionReading, plan: ProvisionReading, adviceText = ''): Weakening[] {
  const out: Weakening[] = [];
  const aWho = deliverers(advice);
  const pWho = deliverers(plan);
  // A lower level of expertise: the advice has a specialist deliver it, the plan has no specialist delivering.
  if ((aWho.some(isSpecialist) && !pWho.some(isSpecialist)) || (aWho.length > 0 && plan.providers.length === 0)) {
    out.push({ aspect: 'who', advice: aWho.join(' and '), plan: pWho.length > 0 ? pWho.join(' and ') : plan.providers.length > 0 ? `${plan.providers.map((p) => p.role).join(' and ')} (not delivering)` : 'no one named' });
  }
  const aWeekly = weeklyMinutes(advice);
  const pWeekly = weeklyMinutes(plan);
  if (advice.frequency) {
    if (!plan.frequency) out.push({ aspect: 'how often', advice: advice.frequency.text, plan: 'not said' });
    else if (advice.frequency.perWeek !== undefined && plan.frequency.perWeek !== undefined && plan.frequency.perWeek < advice.frequency.perWeek - 1e-9 && !(aWeekly !== undefined && pWeekly !== undefined && pWeekly >= aWeekly)) {
      out.push({ aspect: 'how often', advice: advice.frequency.text, plan: plan.frequency.text });
    }
  }
  if (advice.amount && advice.amount.bound !== 'ceiling') {
    if (!plan.amount) out.push({ aspect: 'how long', advice: advice.amount.text, plan: 'not said' });
    else if (plan.amount.bound === 'ceiling') out.push({ aspect: 'how long', advice: advice.amount.text, plan: `${plan.amount.text} (a ceiling, which could be none)` });
    else if (advice.amount.minutes !== undefined && plan.amount.minutes !== undefined && plan.amount.minutes < advice.amount.minutes - 1e-9 && !(aWeekly !== undefined && pWeekly !== undefined && pWeekly >= aWeekly)) {
      out.push({ aspect: 'how long', advice: advice.amount.text, plan: plan.amount.text });
    }
  }
  // "1:1 at first, then with one or two other children": the advice allows a group after all.
  const alsoGroup = advice.group?.max === 1 && /\b(?:group|other (?:children|pupils|students)|pairs?)\b/i.test(adviceText);
  if (advice.group?.max !== undefined && !alsoGroup) {
    if (plan.group?.max !== undefined && plan.group.max > advice.group.max) out.push({ aspect: 'group size', advice: advice.group.text, plan: plan.group.text });
    else if (plan.group && plan.group.max === undefined) out.push({ aspect: 'group size', advice: advice.group.text, plan: plan.group.text });
  }
  return out;
}

/** The reading of a recommendation's text, as of a provision text. */
export function readRecommendation(block: AdviceBlock, extraVaguePhrases: readonly string[] = []): ProvisionReading {
  return readText(block.text, extraVaguePhrases);
}

/** What a provision text drops from a recommendation, reading both. */
export function weakerThan(block: AdviceBlock, plan: ProvisionReading, extraVaguePhrases: readonly string[] = []): Weakening[] {
  return compareReadings(readRecommendation(block, extraVaguePhrases), plan, block.text);
}

/** "who: SALT · how often: once a week · how long: 45 minutes · group: 1:1", or "nothing quantified". */
export function describeReading(r: ProvisionReading): string {
  const parts: string[] = [];
  const who = r.providers.map((p) => (p.capacity === 'delivers' ? p.role : `${p.role} (${p.capacity === 'devises' ? 'devises' : 'oversees'})`));
  if (who.length > 0) parts.push(`who: ${who.join(', ')}`);
  if (r.frequency) parts.push(`how often: ${r.frequency.text}`);
  if (r.amount) parts.push(`how long: ${r.amount.text}`);
  if (r.group) parts.push(`group: ${r.group.text}`);
  if (r.period) parts.push(`period: ${r.period.text}`);
  return parts.length > 0 ? parts.join(' · ') : 'nothing quantified';
}

/** A short quote of a block's text: the first sentence, or the first `max` characters at a word boundary. */
export function shortQuote(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

export { labelKey };
