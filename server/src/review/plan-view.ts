/**
 * A parsed plan → the plain view the semantic diff compares: prose with its whitespace
 * normalised (re-wrapping is no change), references as lists, 1-based lines for links.
 */
import type { ParsedPlan } from '../core/parse';

export interface ViewItem {
  kind: 'need' | 'outcome' | 'provision' | 'advice';
  id: string;
  /** Prose with runs of whitespace made single spaces (advice: its fields joined). */
  text: string;
  section?: string;
  area?: string;
  needs: string[];
  /** Provision only: the outcomes it works towards; undefined when the item has no `outcomes:` key. */
  outcomes?: string[];
  evidence: string[];
  /** Advice only: its fields. */
  fields?: Record<string, string>;
  line: number;
}

export interface PlanView {
  items: Record<ViewItem['kind'], ViewItem[]>;
  /** Plan details as label → value (child, plan, dates, views, placement, personal budget). */
  details: Map<string, { label: string; value: string; prose: boolean }>;
  knownAs?: string;
}

/** Whitespace runs become one space: reflowed or re-wrapped prose compares equal. */
export function normaliseProse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const scalar = (v: unknown): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') return undefined;
  return String(v);
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(scalar).filter((s): s is string => s !== undefined) : scalar(v) !== undefined ? [scalar(v)!] : []);
const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const DETAIL_LABELS: [string, string, boolean][] = [
  ['child.name', "the child's name", false],
  ['child.known_as', 'known as', false],
  ['child.pronouns', 'pronouns', false],
  ['child.date_of_birth', 'date of birth', false],
  ['plan.local_authority', 'local authority', false],
  ['plan.caseworker', 'caseworker', false],
  ['plan.status', 'plan status', false],
  ['plan.dates.request_received', 'request received', false],
  ['plan.dates.assessment_agreed', 'assessment agreed', false],
  ['plan.dates.draft_issued', 'draft issued', false],
  ['plan.dates.final_issued', 'final plan issued', false],
  ['plan.dates.last_annual_review', 'last annual review', false],
  ['plan.dates.next_annual_review', 'next annual review', false],
  ['views.child', "Section A: the child's views", true],
  ['views.parents', "Section A: the parents' views", true],
  ['views.aspirations', 'Section A: aspirations', true],
  ['views.history', 'Section A: history', true],
  ['placement.name', 'Section I: the named placement', false],
  ['placement.type', 'Section I: the type of placement', false],
  ['personal_budget', 'Section J: personal budget', false],
  ['personal_budget.amount', 'Section J: personal budget amount', false],
  ['personal_budget.covers', 'Section J: what the personal budget covers', true],
];

function at(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) v = record(v)[part];
  return v;
}

/** The view of a parsed plan. Tolerant: odd shapes give empty fields, never an exception. */
export function viewPlan(parsed: ParsedPlan): PlanView {
  const value = record(parsed.value);
  const lineOf = (kind: 'needs' | 'outcomes' | 'provision' | 'advice', index: number): number => {
    const model = kind === 'needs' ? parsed.plan.needs : kind === 'outcomes' ? parsed.plan.outcomes : kind === 'provision' ? parsed.plan.provision : parsed.plan.advice;
    const found = model.find((m) => m.index === index);
    return (found?.range.start.line ?? 0) + 1;
  };
  const items = (key: 'needs' | 'outcomes' | 'provision' | 'advice', kind: ViewItem['kind']): ViewItem[] => {
    const raw = value[key];
    if (!Array.isArray(raw)) return [];
    const out: ViewItem[] = [];
    raw.forEach((entry, index) => {
      const r = record(entry);
      const id = scalar(r.id);
      if (id === undefined) return;
      const item: ViewItem = { kind, id, text: normaliseProse(scalar(r.text) ?? ''), needs: list(r.needs), evidence: list(r.evidence), line: lineOf(key, index) };
      if (r.section !== undefined) item.section = scalar(r.section);
      if (r.area !== undefined) item.area = scalar(r.area);
      if (kind === 'provision' && 'outcomes' in r) item.outcomes = list(r.outcomes);
      if (kind === 'advice') {
        item.fields = {};
        for (const f of ['professional', 'author', 'date', 'file']) {
          const v = scalar(r[f]);
          if (v !== undefined) item.fields[f] = v;
        }
        item.text = normaliseProse([item.fields.professional, item.fields.author, item.fields.date].filter(Boolean).join(' '));
      }
      out.push(item);
    });
    return out;
  };
  const details = new Map<string, { label: string; value: string; prose: boolean }>();
  for (const [path, label, prose] of DETAIL_LABELS) {
    const v = scalar(at(value, path));
    if (v !== undefined) details.set(path, { label, value: prose ? normaliseProse(v) : v, prose });
  }
  return {
    items: { need: items('needs', 'need'), outcome: items('outcomes', 'outcome'), provision: items('provision', 'provision'), advice: items('advice', 'advice') },
    details,
    knownAs: scalar(record(value.child).known_as),
  };
}
