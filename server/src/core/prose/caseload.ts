/**
 * What the name and copied-text checks know about the other plans of the caseload: each plan's
 * child's names and the fingerprints of its longer sentences. Plain data, so a host can build it
 * from its workspace index (the server) or from the files it was given (the CLI), and send it to
 * worker threads. Pure.
 */
import type { ParsedPlan } from '../parse';
import { fold, memo, proseFields, splitSentences, words, type Sentence } from './text';

const fingerprintsOf = memo<{ sentence: Sentence; fp: string }[]>();

/** The fingerprints of a prose value's long sentences, with the sentences (memoised by text and names). */
export function textFingerprints(text: string, childNames: ReadonlySet<string>): { sentence: Sentence; fp: string }[] {
  return fingerprintsOf(
    [...childNames].join(' '),
    () =>
      splitSentences(text).flatMap((sentence) => {
        const fp = sentenceFingerprint(sentence.text, childNames);
        return fp ? [{ sentence, fp }] : [];
      }),
    text,
  );
}

export interface CaseloadPlan {
  /** How the host names the plan to the writer: a file name such as "oliver-brown.ehcp.yaml". */
  file: string;
  /** A stable id (absolute path or URI) so a plan is never compared with itself. */
  id: string;
  name?: string;
  knownAs?: string;
  /** Who the plan is for (legal name and date of birth): two plans for one child are versions, not copies. */
  child?: string;
  /** Fingerprints of the plan's longer sentences (see sentenceFingerprint). */
  sentences: string[];
}

export interface CaseloadChild {
  file: string;
  name?: string;
  knownAs?: string;
}

/** The rest of the caseload, as one plan's checks see it (that plan itself left out). */
export interface CaseloadView {
  /** Other plans whose child is called this (known-as or first name), compared without case or accents. */
  childrenCalled(word: string): CaseloadChild[];
  /** Other plans with this sentence fingerprint. */
  plansWithSentence(fingerprint: string): string[];
  /** How many plans the caseload holds (this one included when indexed). */
  size: number;
}

/** Sentences shorter than this (in words) are stock phrases, never reported as copied. */
export const MIN_COPIED_WORDS = 15;

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'theirs', 'himself', 'herself', 'themselves', 'themself']);

/**
 * A sentence reduced to its words, with the child's names and the pronouns replaced, so a
 * paragraph pasted from another plan is recognised after the name and pronouns were changed.
 * Undefined for sentences shorter than MIN_COPIED_WORDS words.
 */
export function sentenceFingerprint(sentence: string, childNames: ReadonlySet<string>): string | undefined {
  const ws = words(sentence).map((w) => fold(w.text).replace(/['’]/g, ''));
  if (ws.length < MIN_COPIED_WORDS) return undefined;
  const norm = ws.map((w) => (childNames.has(w) ? '@' : PRONOUNS.has(w) ? '#' : w)).join(' ');
  return `${hash(norm, 2166136261).toString(36)}${hash(norm, 16777619).toString(36)}:${ws.length}`;
}

/** The child's names as folded words: "Evie-Mae Walsh" gives evie-mae, evie, mae, walsh. */
export function childNameWords(...names: (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    if (!n) continue;
    for (const w of words(n)) {
      const f = fold(w.text);
      out.add(f);
      for (const part of f.split(/[\u2010\u2011-]/)) if (part.length > 1) out.add(part);
    }
  }
  return out;
}

/** The caseload entry for one parsed plan. */
export function summarisePlan(parsed: ParsedPlan, file: string, id: string = file): CaseloadPlan {
  const name = parsed.plan.child.name?.value;
  const knownAs = parsed.plan.child.known_as?.value;
  const names = childNameWords(name, knownAs);
  const sentences = new Set<string>();
  for (const field of proseFields(parsed)) {
    if (!['A', 'B', 'C', 'D', 'E'].includes(field.section)) continue; // copied-text reads these sections only
    for (const { fp } of textFingerprints(field.str.value, names)) sentences.add(fp);
  }
  const dob = parsed.plan.child.date_of_birth?.value ?? '';
  const child = name ? `${fold(name.trim()).replace(/\s+/g, ' ')}|${dob}` : undefined;
  return { file, id, ...(name ? { name } : {}), ...(knownAs ? { knownAs } : {}), ...(child ? { child } : {}), sentences: [...sentences] };
}

/** An index over the caseload's plans, updated one plan at a time. */
export class CaseloadIndex {
  private readonly plans = new Map<string, CaseloadPlan>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly bySentence = new Map<string, Set<string>>();
  /** Changes whenever a plan's names or sentences change. */
  version = 0;

  constructor(plans: Iterable<CaseloadPlan> = []) {
    for (const p of plans) this.update(p);
  }

  get size(): number {
    return this.plans.size;
  }

  update(plan: CaseloadPlan): void {
    const before = this.plans.get(plan.id);
    if (before && sameSummary(before, plan)) {
      this.plans.set(plan.id, plan);
      return;
    }
    if (before) this.remove(plan.id);
    this.plans.set(plan.id, plan);
    for (const n of namesOf(plan)) add(this.byName, n, plan.id);
    for (const s of plan.sentences) add(this.bySentence, s, plan.id);
    this.version++;
  }

  remove(id: string): void {
    const plan = this.plans.get(id);
    if (!plan) return;
    this.plans.delete(id);
    for (const n of namesOf(plan)) del(this.byName, n, id);
    for (const s of plan.sentences) del(this.bySentence, s, id);
    this.version++;
  }

  /** The caseload without the plan `id`, nor other plans for the same child (earlier versions, copies of the file). */
  view(id: string): CaseloadView {
    const self = this.plans.get(id)?.child;
    const same = (other: string) => other === id || (self !== undefined && this.plans.get(other)?.child === self);
    return {
      size: this.plans.size,
      childrenCalled: (word) => {
        const ids = this.byName.get(fold(word));
        if (!ids) return [];
        const out: CaseloadChild[] = [];
        for (const other of ids) {
          if (same(other)) continue;
          const p = this.plans.get(other)!;
          out.push({ file: p.file, ...(p.name ? { name: p.name } : {}), ...(p.knownAs ? { knownAs: p.knownAs } : {}) });
        }
        return out;
      },
      plansWithSentence: (fp) => {
        const ids = this.bySentence.get(fp);
        if (!ids) return [];
        const out: string[] = [];
        for (const other of ids) if (!same(other)) out.push(this.plans.get(other)!.file);
        return out.sort();
      },
    };
  }
}

/** The names another plan's child is called by: known-as, and the first word of the legal name. */
function namesOf(plan: CaseloadPlan): Set<string> {
  const out = new Set<string>();
  if (plan.knownAs) out.add(fold(plan.knownAs.trim()));
  const first = plan.name ? words(plan.name)[0]?.text : undefined;
  if (first) out.add(fold(first));
  for (const n of [...out]) for (const part of n.split(/[\s\u2010\u2011-]+/)) if (part.length > 2) out.add(part);
  return out;
}

function sameSummary(a: CaseloadPlan, b: CaseloadPlan): boolean {
  return a.name === b.name && a.knownAs === b.knownAs && a.child === b.child && a.file === b.file && a.sentences.length === b.sentences.length && a.sentences.every((s, i) => s === b.sentences[i]);
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function del(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}

function hash(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
