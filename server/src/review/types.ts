/**
 * The semantic diff of two plans as plain data. This is the stable JSON shape that
 * `ehcp diff --format json` prints (documented in docs/output-formats.md): add fields, never rename them.
 */

/** What a change means for the child. */
export type Impact = 'reduction' | 'increase' | 'neutral';

export type ItemKind = 'need' | 'outcome' | 'provision' | 'advice';

/** One piece of a word-level diff of prose. */
export interface WordPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

/** What the quantification reader understood from a provision text, as compared. */
export interface Quantities {
  /** Roles that deliver the provision (canonical names). */
  deliveredBy: string[];
  /** Roles that devise or oversee a programme others deliver. */
  devisedBy: string[];
  /** Qualifications or training stated for the providers ("HCPC-registered", "trained in Precision Teaching"). */
  qualifications: string[];
  frequency?: string;
  sessionsPerWeek?: number;
  amount?: string;
  minutesPerSession?: number;
  /** "exact", "floor" (at least) or "ceiling" (up to: could be none). */
  bound?: 'exact' | 'floor' | 'ceiling';
  /** 1 for 1:1; the stated maximum group size; null when a group is named without a size. */
  groupSize?: number | null;
  weeksPerYear?: number;
  /** True for provision throughout the day ("in every lesson"). */
  pervasive: boolean;
  minutesPerWeek?: number;
  /** minutesPerWeek × weeks a year (38 when the text does not say). */
  minutesPerYear?: number;
  vague: string[];
  /** What a reader could not tell: provider, frequency, amount. */
  missing: string[];
}

/** One consequence of a change for the child, in plain words. */
export interface Effect {
  impact: Impact;
  aspect: 'time' | 'expertise' | 'group' | 'bound' | 'vague' | 'specification' | 'section' | 'removed' | 'added' | 'thread' | 'pervasive';
  message: string;
  /** The change itself, without its size ("45 minutes once a week → 30 minutes once a fortnight"). */
  what?: string;
  /** The size in words ("67 % less therapy time (1,710 → 570 minutes a year)"). */
  sizeText?: string;
  /** For `time` (and a removed or added item): the size of the change. */
  size?: { oldMinutesPerYear: number; newMinutesPerYear: number; percent: number };
}

export interface LinkChange {
  field: 'needs' | 'outcomes' | 'evidence';
  removed: string[];
  added: string[];
}

/** A change to one need, outcome, provision item or advice entry. */
export interface ItemChange {
  kind: 'added' | 'removed' | 'changed';
  item: ItemKind;
  /** The id in the new version (the old id when removed). */
  id: string;
  /** The id in the old version, when it differs (a renamed item). */
  oldId?: string;
  /** How a changed item was paired with its old version. */
  match?: { by: 'id' | 'similarity'; similarity: number };
  /** 1-based line of the item in the new file (in the old file when removed). */
  line?: number;
  oldLine?: number;
  impact: Impact;
  section?: { old?: string; new?: string };
  text?: { old?: string; new?: string; diff?: WordPart[] };
  links: LinkChange[];
  provision?: { old?: Quantities; new?: Quantities };
  effects: Effect[];
  /** Items removed with this one because they depended on it ("N2 removed, and with it P4 and P5"). */
  consequences: string[];
  /** One plain line saying what changed. */
  summary: string;
}

/** A changed plan detail: child, plan, dates, views, placement, personal budget. */
export interface DetailChange {
  field: string;
  label: string;
  old?: string;
  new?: string;
  impact: Impact;
  diff?: WordPart[];
}

export interface PlanDiff {
  /** Display paths; undefined for a plan that was added (old) or deleted (new). */
  oldPath?: string;
  newPath?: string;
  status: 'modified' | 'added' | 'deleted' | 'renamed' | 'unchanged';
  /** The child's known-as name in the newer version (or the older when deleted). */
  child?: string;
  changes: ItemChange[];
  details: DetailChange[];
  summary: { reductions: number; increases: number; changes: number };
}

export interface DiffReport {
  version: 1;
  /** Items whose id is not matched are paired when their words overlap at least this much (0–1). */
  similarityThreshold: number;
  plans: PlanDiff[];
  summary: { plans: number; changedPlans: number; reductions: number; increases: number; changes: number };
}
