/**
 * The family's reply set against the plan as it is now: items matched by id, which changes are
 * already in the plan's text, which are still to decide, and conflicts where the plan's wording
 * changed since the export and the family changed it too (reported, never merged). Pure.
 */
import { createHash } from 'node:crypto';
import type { ParsedPlan, Str } from '../core/parse';
import { bookmarkName, type BookmarkSection } from '../export/contract';
import { applySegments } from './read';
import { UNKNOWN_AUTHOR, type ChangeEntry, type ItemRef, type ReplyDocument, type ReplyEntry, type ReplyItem } from './types';

/** A need, outcome or provision item of the plan, as the export names it. */
export interface PlanItemRef {
  section: string;
  id: string;
  text?: Str;
}

export type ItemStatus =
  /** Nothing proposed and the wording is as exported. */
  | 'unchanged'
  /** Changes proposed, none in the plan yet. */
  | 'pending'
  /** Some of the proposed changes are in the plan already. */
  | 'partly-accepted'
  /** Every change proposed is in the plan, or decided. */
  | 'done'
  /** The plan's wording changed since the export and the family changed it too. */
  | 'conflict'
  /** The plan is as exported but the document's wording differs with nothing marking it: changed without track changes. */
  | 'untracked'
  /** The wording differs, nothing marks a change, and the plan has changed since the export: who changed it cannot be told. */
  | 'differs'
  /** In the plan, not in the returned document. */
  | 'missing'
  /** In the returned document, no longer in the plan. */
  | 'not-in-plan';

export interface ItemReview {
  section: string;
  id: string;
  status: ItemStatus;
  reply?: ReplyItem;
  plan?: PlanItemRef;
  /** Change numbers whose wording is already in the plan's text. */
  applied: number[];
  /** Change numbers still to decide (not in the text, not declined). */
  pending: number[];
  /** The item's text with every pending change applied to what the plan holds now; undefined when that cannot be worked out safely. */
  proposed?: string;
  /** For each pending change: the item's text with that one change applied to what the plan holds now. */
  withChange: Map<number, string>;
}

export interface ReplyReview {
  reply: ReplyDocument;
  /** True when the plan's text is exactly what was exported; undefined when the document carries no hash. */
  planUnchanged?: boolean;
  /** The known-as name in the document differs from the plan's: probably the wrong plan. */
  otherChild?: { document: string; plan: string };
  items: ItemReview[];
  /** Every entry, with untracked differences added as change entries numbered after the document's. */
  entries: ReplyEntry[];
}

export interface ReviewOptions {
  /** Keys of entries already declined in the reply log: not offered again. */
  declined?: ReadonlySet<string>;
}

/** The plan's items with the section their bookmark is named from. */
export function planItems(parsed: ParsedPlan): PlanItemRef[] {
  const out: PlanItemRef[] = [];
  for (const n of parsed.plan.needs) if (n.id) out.push({ section: n.section?.value ?? 'B', id: n.id.value, text: n.text });
  for (const o of parsed.plan.outcomes) if (o.id) out.push({ section: 'E', id: o.id.value, text: o.text });
  for (const p of parsed.plan.provision) if (p.id) out.push({ section: p.section?.value ?? 'F', id: p.id.value, text: p.text });
  return out;
}

/** `sha256:<hex>` of the plan text, as the export writes it to `ehcp_plan_hash`. */
export function hashPlanText(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Whitespace-blind comparison: the document's line layout and YAML folding never count as changes. */
export function sameWording(a: string, b: string): boolean {
  return compact(a) === compact(b);
}

function compact(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Above this many changes on one item, only "none applied" and "all applied" are tried. */
const MAX_SUBSET_CHANGES = 10;

export function reviewReply(reply: ReplyDocument, parsed: ParsedPlan, options: ReviewOptions = {}): ReplyReview {
  const declined = options.declined ?? new Set<string>();
  const planUnchanged = reply.properties.planHash ? reply.properties.planHash === hashPlanText(parsed.text) : undefined;
  const entries: ReplyEntry[] = [...reply.entries];
  const byNumber = new Map(entries.map((e) => [e.n, e]));
  const items: ItemReview[] = [];
  const docItems = new Map(reply.items.map((i) => [`${i.section}\u0000${i.id}`, i]));
  const seen = new Set<string>();
  let next = entries.length + 1;

  const byBookmark = new Map(reply.items.map((i) => [i.bookmark, i]));
  const matched = new Set<string>();
  for (const plan of planItems(parsed)) {
    const key = `${plan.section}\u0000${plan.id}`;
    // A second item with the same id (a duplicate-id error) got no bookmark in the export.
    if (matched.has(key)) continue;
    matched.add(key);
    const item = byBookmark.get(bookmarkName(plan.section as BookmarkSection, plan.id)) ?? docItems.get(key);
    if (item) seen.add(`${item.section}\u0000${item.id}`);
    const current = plan.text?.value ?? '';
    if (!item) {
      items.push({ section: plan.section, id: plan.id, status: 'missing', plan, applied: [], pending: [], withChange: new Map() });
      continue;
    }
    const changes = [...new Set(item.segments.flatMap((s) => (s.change === undefined ? [] : [s.change])))];
    const isDeclined = (n: number) => declined.has(byNumber.get(n)?.key ?? '');
    const review: ItemReview = { section: plan.section, id: plan.id, status: 'unchanged', reply: item, plan, applied: [], pending: [], withChange: new Map() };
    items.push(review);

    if (changes.length === 0) {
      if (sameWording(item.original, current)) continue;
      // Nothing marks a change, yet the wording differs.
      const entry: ChangeEntry = {
        n: next++,
        key: '',
        kind: 'change',
        how: 'untracked',
        // Nothing records who typed it (the document's last author may be the caseworker who exported it).
        author: UNKNOWN_AUTHOR,
        date: reply.properties.modified,
        deleted: current,
        inserted: item.original,
        item: refOf(item),
        tie: 'enclosed',
      };
      entry.key = createHash('sha256').update(`untracked\u0001${item.bookmark}\u0001${current}\u0001${item.original}`, 'utf8').digest('hex').slice(0, 12);
      entries.push(entry);
      byNumber.set(entry.n, entry);
      if (planUnchanged === false) {
        review.status = 'differs';
        continue;
      }
      review.status = 'untracked';
      if (!declined.has(entry.key)) {
        review.pending = [entry.n];
        review.proposed = item.original;
        review.withChange.set(entry.n, item.original);
      }
      continue;
    }

    const applied = findApplied(item, changes, current);
    if (applied === undefined) {
      // The plan's text is none of the states the family's changes lead to.
      review.status = planUnchanged === true ? 'untracked' : 'conflict';
      if (planUnchanged === true) {
        // The plan is as exported: the family also retyped something without tracking. Their whole wording is the proposal.
        review.pending = changes.filter((n) => !isDeclined(n));
        review.proposed = applySegments(item.segments, (c) => c !== undefined && !isDeclined(c));
      } else review.pending = changes.filter((n) => !isDeclined(n));
      continue;
    }
    review.applied = changes.filter((n) => applied.has(n));
    review.pending = changes.filter((n) => !applied.has(n) && !isDeclined(n));
    review.status = review.pending.length === 0 ? 'done' : review.applied.length === 0 ? 'pending' : 'partly-accepted';
    if (review.pending.length > 0) {
      const base = (c: number | undefined) => c !== undefined && applied.has(c);
      review.proposed = applySegments(item.segments, (c) => base(c) || (c !== undefined && review.pending.includes(c)));
      for (const n of review.pending) review.withChange.set(n, applySegments(item.segments, (c) => base(c) || c === n));
    }
  }

  for (const item of reply.items) {
    const key = `${item.section}\u0000${item.id}`;
    if (seen.has(key)) continue;
    const changes = [...new Set(item.segments.flatMap((s) => (s.change === undefined ? [] : [s.change])))];
    items.push({ section: item.section, id: item.id, status: 'not-in-plan', reply: item, applied: [], pending: changes, withChange: new Map() });
  }

  const knownAs = parsed.plan.child.known_as?.value;
  const review: ReplyReview = { reply, items, entries };
  if (planUnchanged !== undefined) review.planUnchanged = planUnchanged;
  if (reply.properties.knownAs && knownAs && reply.properties.knownAs.trim().toLowerCase() !== knownAs.trim().toLowerCase()) {
    review.otherChild = { document: reply.properties.knownAs, plan: knownAs };
  }
  return review;
}

function refOf(item: ItemRef): ItemRef {
  return { section: item.section, id: item.id, bookmark: item.bookmark };
}

/** Which of the item's changes the plan's current text already holds; undefined when it matches no combination. */
function findApplied(item: ReplyItem, changes: number[], current: string): Set<number> | undefined {
  const target = compact(current);
  const tryWith = (set: Set<number>) => compact(applySegments(item.segments, (c) => c !== undefined && set.has(c))) === target;
  if (changes.length > MAX_SUBSET_CHANGES) {
    for (const set of [new Set<number>(), new Set(changes)]) if (tryWith(set)) return set;
    return undefined;
  }
  // Fewest applied first: "none applied" is the usual case, then one at a time.
  const masks = Array.from({ length: 1 << changes.length }, (_, m) => m).sort((a, b) => popcount(a) - popcount(b) || a - b);
  for (const mask of masks) {
    const set = new Set(changes.filter((_, i) => mask & (1 << i)));
    if (tryWith(set)) return set;
  }
  return undefined;
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}
