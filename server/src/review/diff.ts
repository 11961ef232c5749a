/**
 * The semantic diff: two parsed plans → what changed for the child. Pure: no files, no git.
 * Items are matched by id, then by text similarity; reordering, re-wrapping and reformatting
 * are no change; provision is compared as who · how often · how long · weeks a year.
 */
import { diffWords } from 'diff';
import type { ParsedPlan } from '../core/parse';
import { DEFAULT_SIMILARITY, matchItems, type Pair } from './match';
import { viewPlan, type PlanView, type ViewItem } from './plan-view';
import { compareQuantities, describeProvision, quantities } from './provision';
import type { DetailChange, DiffReport, Effect, Impact, ItemChange, ItemKind, LinkChange, PlanDiff, WordPart } from './types';

export interface DiffOptions {
  /** 0–1; default 0.5. */
  similarityThreshold?: number;
  extraVaguePhrases?: readonly string[];
}

const KINDS: ItemKind[] = ['need', 'outcome', 'provision', 'advice'];
const NOUN: Record<ItemKind, string> = { need: 'need', outcome: 'outcome', provision: 'provision', advice: 'advice' };
const SECTION_NAMES: Record<string, string> = {
  B: 'B (special educational needs)',
  C: 'C (health needs)',
  D: 'D (social care needs)',
  F: 'F (special educational provision)',
  G: 'G (health provision)',
  H1: 'H1 (social care, CSDPA 1970 s.2)',
  H2: 'H2 (other social care)',
};

/** A word-level diff of two normalised texts (jsdiff), merged into equal / removed / added parts. */
export function wordDiff(oldText: string, newText: string): WordPart[] {
  const parts: WordPart[] = [];
  for (const c of diffWords(oldText, newText)) {
    const op: WordPart['op'] = c.added ? 'added' : c.removed ? 'removed' : 'equal';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += c.value;
    else parts.push({ op, text: c.value });
  }
  return parts;
}

/** Compare two versions of a plan. `oldPlan` undefined = an added plan; `newPlan` undefined = a deleted plan. */
export function diffPlans(oldPlan: ParsedPlan | undefined, newPlan: ParsedPlan | undefined, options: DiffOptions = {}): PlanDiff {
  const threshold = options.similarityThreshold ?? DEFAULT_SIMILARITY;
  const empty: PlanView = { items: { need: [], outcome: [], provision: [], advice: [] }, details: new Map() };
  const o = oldPlan ? viewPlan(oldPlan) : empty;
  const n = newPlan ? viewPlan(newPlan) : empty;
  const extra = options.extraVaguePhrases ?? [];

  const matchings = Object.fromEntries(KINDS.map((k) => [k, matchItems(o.items[k], n.items[k], threshold)])) as Record<ItemKind, ReturnType<typeof matchItems>>;
  // Old id → new id for every matched item, so references are compared after renames.
  const rename = new Map<string, string>();
  for (const k of KINDS) for (const p of matchings[k].pairs) rename.set(p.old.id, p.new.id);
  const mapId = (id: string): string => rename.get(id) ?? id;

  const changes: ItemChange[] = [];
  for (const kind of KINDS) {
    const m = matchings[kind];
    for (const pair of m.pairs) {
      const change = compareItems(pair, o, n, mapId, extra);
      if (change) changes.push(change);
    }
    for (const item of m.removed) changes.push(removedItem(item, o, n, matchings, extra));
    for (const item of m.added) changes.push(addedItem(item, extra));
  }
  for (const br of threadBreaks(o, n, matchings, mapId)) {
    const same = changes.find((c) => c.item === 'need' && c.kind === 'changed' && c.id === br.id);
    if (!same) changes.push(br);
    else {
      same.effects.unshift(...br.effects);
      same.impact = 'reduction';
      same.summary = `${br.summary}; ${same.summary.slice(same.id.length + 2)}`;
    }
  }
  changes.sort(compareChanges);

  const details = diffDetails(o, n);
  const reductions = changes.filter((c) => c.impact === 'reduction').length + details.filter((d) => d.impact === 'reduction').length;
  const increases = changes.filter((c) => c.impact === 'increase').length + details.filter((d) => d.impact === 'increase').length;
  const status: PlanDiff['status'] = !oldPlan ? 'added' : !newPlan ? 'deleted' : changes.length + details.length === 0 ? 'unchanged' : 'modified';
  const diff: PlanDiff = { status, changes, details, summary: { reductions, increases, changes: changes.length + details.length } };
  const child = n.knownAs ?? o.knownAs;
  if (child !== undefined) diff.child = child;
  return diff;
}

/** Gather plan diffs into a report with totals. */
export function makeReport(plans: PlanDiff[], similarityThreshold = DEFAULT_SIMILARITY): DiffReport {
  const sum = (f: (p: PlanDiff) => number): number => plans.reduce((a, p) => a + f(p), 0);
  return {
    version: 1,
    similarityThreshold,
    plans,
    summary: {
      plans: plans.length,
      changedPlans: plans.filter((p) => p.status !== 'unchanged').length,
      reductions: sum((p) => p.summary.reductions),
      increases: sum((p) => p.summary.increases),
      changes: sum((p) => p.summary.changes),
    },
  };
}

const IMPACT_ORDER: Record<Impact, number> = { reduction: 0, increase: 1, neutral: 2 };
const KIND_ORDER: Record<ItemKind, number> = { provision: 0, need: 1, outcome: 2, advice: 3 };

function compareChanges(a: ItemChange, b: ItemChange): number {
  return IMPACT_ORDER[a.impact] - IMPACT_ORDER[b.impact] || KIND_ORDER[a.item] - KIND_ORDER[b.item] || naturalCompare(a.id, b.id);
}

export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

function overall(effects: readonly Effect[]): Impact {
  if (effects.some((e) => e.impact === 'reduction')) return 'reduction';
  if (effects.some((e) => e.impact === 'increase')) return 'increase';
  return 'neutral';
}

function setChange(field: LinkChange['field'], oldIds: readonly string[], newIds: readonly string[], mapId: (id: string) => string): LinkChange | undefined {
  const before = new Set(oldIds.map(mapId));
  const after = new Set(newIds);
  const removed = [...before].filter((x) => !after.has(x)).sort(naturalCompare);
  const added = [...after].filter((x) => !before.has(x)).sort(naturalCompare);
  return removed.length + added.length > 0 ? { field, removed, added } : undefined;
}

/** The outcomes a provision item works towards: as listed, or those of its needs when it lists none. */
function effectiveOutcomes(item: ViewItem, view: PlanView): string[] {
  if (item.outcomes) return item.outcomes;
  const needs = new Set(item.needs);
  return view.items.outcome.filter((x) => x.needs.some((id) => needs.has(id))).map((x) => x.id);
}

function sectionEffect(kind: ItemKind, oldSection: string | undefined, newSection: string | undefined): Effect | undefined {
  if (oldSection === newSection) return undefined;
  const name = (s: string | undefined): string => (s === undefined ? 'no section' : SECTION_NAMES[s] ?? s);
  if (kind === 'provision' && oldSection === 'F' && newSection !== 'F') {
    return { impact: 'reduction', aspect: 'section', message: `moved from Section ${name(oldSection)} to ${name(newSection)}: it is no longer enforceable against the local authority as special educational provision` };
  }
  if (kind === 'provision' && newSection === 'F' && oldSection !== 'F') {
    return { impact: 'increase', aspect: 'section', message: `moved from Section ${name(oldSection)} to ${name(newSection)}: now enforceable against the local authority` };
  }
  return { impact: 'neutral', aspect: 'section', message: `moved from Section ${name(oldSection)} to ${name(newSection)}` };
}

function compareItems(pair: Pair, ov: PlanView, nv: PlanView, mapId: (id: string) => string, extra: readonly string[]): ItemChange | undefined {
  const { old: o, new: n } = pair;
  const kind = n.kind;
  const effects: Effect[] = [];
  const links: LinkChange[] = [];
  const sectionFx = sectionEffect(kind, o.section, n.section);
  if (sectionFx) effects.push(sectionFx);
  if ((o.area ?? '') !== (n.area ?? '')) effects.push({ impact: 'neutral', aspect: 'section', message: `area of need: ${o.area ?? 'none'} → ${n.area ?? 'none'}` });

  if (kind === 'outcome' || kind === 'provision') {
    const c = setChange('needs', o.needs, n.needs, mapId);
    if (c) links.push(c);
  }
  if (kind === 'provision') {
    const c = setChange('outcomes', effectiveOutcomes(o, ov), effectiveOutcomes(n, nv), (id) => mapId(id));
    if (c) links.push(c);
  }
  if (kind !== 'advice') {
    const c = setChange('evidence', o.evidence, n.evidence, (ref) => {
      const [advice, label] = ref.split('#', 2) as [string, string | undefined];
      return label === undefined ? mapId(advice) : `${mapId(advice)}#${label}`;
    });
    if (c) links.push(c);
  }

  let text: ItemChange['text'];
  const fieldChanges: string[] = [];
  if (kind === 'advice') {
    for (const f of new Set([...Object.keys(o.fields ?? {}), ...Object.keys(n.fields ?? {})])) {
      const a = o.fields?.[f];
      const b = n.fields?.[f];
      if (a !== b) fieldChanges.push(`${f}: ${a ?? 'none'} → ${b ?? 'none'}`);
    }
  } else if (o.text !== n.text) {
    text = { old: o.text, new: n.text, diff: wordDiff(o.text, n.text) };
  }

  let provision: ItemChange['provision'];
  if (kind === 'provision' && o.text !== n.text) {
    const oq = quantities(o.text, extra);
    const nq = quantities(n.text, extra);
    provision = { old: oq, new: nq };
    effects.push(...compareQuantities(oq, nq));
  }

  const renamed = o.id !== n.id;
  if (!renamed && !text && links.length === 0 && effects.length === 0 && fieldChanges.length === 0) return undefined;

  const impact = overall(effects);
  const what: string[] = [];
  if (renamed) what.push(`was ${o.id}`);
  for (const e of effects) what.push(e.message);
  for (const l of links) {
    const parts = [...l.removed.map((x) => `no longer ${x}`), ...l.added.map((x) => `now ${x}`)];
    what.push(`${l.field === 'needs' ? (kind === 'provision' ? 'meets' : 'addresses') : l.field === 'outcomes' ? 'works towards' : 'evidence'}: ${parts.join(', ')}`);
  }
  what.push(...fieldChanges);
  if (text && what.length === 0) what.push('wording changed');

  const change: ItemChange = {
    kind: 'changed',
    item: kind,
    id: n.id,
    match: { by: pair.by, similarity: round2(pair.similarity) },
    line: n.line,
    oldLine: o.line,
    impact,
    links,
    effects,
    consequences: [],
    summary: `${n.id}: ${what.join('; ')}`,
  };
  if (renamed) change.oldId = o.id;
  if (o.section !== n.section) change.section = { old: o.section, new: n.section };
  if (text) change.text = text;
  if (provision) change.provision = provision;
  return change;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function removedItem(item: ViewItem, ov: PlanView, nv: PlanView, matchings: Record<ItemKind, ReturnType<typeof matchItems>>, extra: readonly string[]): ItemChange {
  const effects: Effect[] = [];
  const removedIds = new Set(KINDS.flatMap((k) => matchings[k].removed.map((r) => r.id)));
  // Items removed together with this one because they only depended on it.
  const consequences: string[] = [];
  if (item.kind === 'need' || item.kind === 'outcome') {
    for (const k of ['outcome', 'provision'] as const) {
      for (const other of ov.items[k]) {
        if (other === item || !removedIds.has(other.id)) continue;
        const refs = item.kind === 'need' ? other.needs : other.kind === 'provision' ? effectiveOutcomes(other, ov) : [];
        if (refs.includes(item.id)) consequences.push(other.id);
      }
    }
  }
  let provision: ItemChange['provision'];
  if (item.kind === 'provision') {
    const q = quantities(item.text, extra);
    provision = { old: q };
    const fx: Effect = { impact: 'reduction', aspect: 'removed', message: `removed: ${describeProvision(q)} is no longer provided` };
    if (q.minutesPerYear !== undefined) fx.size = { oldMinutesPerYear: q.minutesPerYear, newMinutesPerYear: 0, percent: 100 };
    effects.push(fx);
    const sectionNote = item.section === 'F' ? ' from Section F' : item.section ? ` from Section ${item.section}` : '';
    fx.message = `removed${sectionNote}: ${describeProvision(q)} is no longer provided`;
  } else if (item.kind === 'need') {
    effects.push({ impact: 'neutral', aspect: 'removed', message: 'removed' });
  } else {
    effects.push({ impact: 'neutral', aspect: 'removed', message: 'removed' });
  }
  const withIt = consequences.sort(naturalCompare);
  const summary = `${item.id} removed${withIt.length > 0 ? `, and with it ${joinList(withIt)}` : ''}${item.kind === 'provision' ? `: ${describeProvision(provision!.old!)} is no longer provided` : ''}`;
  void nv;
  const change: ItemChange = { kind: 'removed', item: item.kind, id: item.id, oldLine: item.line, impact: item.kind === 'provision' ? 'reduction' : 'neutral', links: [], effects, consequences: withIt, summary, text: { old: item.text } };
  if (item.section !== undefined) change.section = { old: item.section };
  if (provision) change.provision = provision;
  return change;
}

function addedItem(item: ViewItem, extra: readonly string[]): ItemChange {
  const effects: Effect[] = [];
  let provision: ItemChange['provision'];
  let summary = `${item.id} added`;
  if (item.kind === 'provision') {
    const q = quantities(item.text, extra);
    provision = { new: q };
    const fx: Effect = { impact: 'increase', aspect: 'added', message: `added: ${describeProvision(q)}` };
    if (q.minutesPerYear !== undefined) fx.size = { oldMinutesPerYear: 0, newMinutesPerYear: q.minutesPerYear, percent: 100 };
    effects.push(fx);
    summary = `${item.id} added${item.section ? ` in Section ${item.section}` : ''}: ${describeProvision(q)}`;
    if (q.vague.length > 0 || q.missing.length > 0) {
      effects.push({ impact: 'neutral', aspect: 'vague', message: `not fully specified: ${[...q.vague.map((v) => `"${v}"`), ...q.missing.map((m) => `no ${m}`)].join(', ')}` });
    }
  } else effects.push({ impact: 'neutral', aspect: 'added', message: 'added' });
  const change: ItemChange = { kind: 'added', item: item.kind, id: item.id, line: item.line, impact: item.kind === 'provision' ? 'increase' : 'neutral', links: [], effects, consequences: [], summary, text: { new: item.text } };
  if (item.section !== undefined) change.section = { new: item.section };
  if (provision) change.provision = provision;
  return change;
}

/** A need that is still in the plan but is no longer met by any provision: the golden thread is broken. */
function threadBreaks(ov: PlanView, nv: PlanView, matchings: Record<ItemKind, ReturnType<typeof matchItems>>, mapId: (id: string) => string): ItemChange[] {
  const out: ItemChange[] = [];
  const metBefore = new Set(ov.items.provision.flatMap((p) => p.needs.map(mapId)));
  const metNow = new Set(nv.items.provision.flatMap((p) => p.needs));
  for (const pair of matchings.need.pairs) {
    const id = pair.new.id;
    if (metBefore.has(id) && !metNow.has(id)) {
      const lost = ov.items.provision.filter((p) => p.needs.map(mapId).includes(id)).map((p) => p.id);
      out.push({
        kind: 'changed',
        item: 'need',
        id,
        line: pair.new.line,
        oldLine: pair.old.line,
        match: { by: pair.by, similarity: round2(pair.similarity) },
        impact: 'reduction',
        links: [],
        effects: [{ impact: 'reduction', aspect: 'thread', message: `no provision meets ${id} any more (it was met by ${joinList(lost)})` }],
        consequences: [],
        summary: `${id}: no provision meets this need any more (it was met by ${joinList(lost)})`,
      });
    }
  }
  return out;
}

export function joinList(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function diffDetails(o: PlanView, n: PlanView): DetailChange[] {
  const out: DetailChange[] = [];
  const keys = new Set([...o.details.keys(), ...n.details.keys()]);
  for (const field of keys) {
    const a = o.details.get(field);
    const b = n.details.get(field);
    if (a?.value === b?.value) continue;
    const label = (a ?? b)!.label;
    const change: DetailChange = { field, label, impact: 'neutral' };
    if (a) change.old = a.value;
    if (b) change.new = b.value;
    if ((a ?? b)!.prose && a && b) change.diff = wordDiff(a.value, b.value);
    out.push(change);
  }
  return out;
}
