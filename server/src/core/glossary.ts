/**
 * The glossary shared by the Word export and the plain-English checks: the built-in SEND terms,
 * then the caseload's (`.ehcprc.yaml` `glossary:`), then the plan's own (`glossary:`). Pure.
 */
import { builtInGlossary } from './glossary-terms';
import type { Plan } from './model';

export interface GlossaryEntry {
  term: string;
  /** One or two plain-English sentences, British English. */
  meaning: string;
}

export interface Glossary {
  explain(term: string): GlossaryEntry | undefined;
  entries(): readonly GlossaryEntry[];
}

/** A term found in prose: offsets into the text (UTF-16). */
export interface TermUse {
  term: string;
  start: number;
  end: number;
}

/** How a term is looked up: case, spacing and hyphens do not matter. */
export function glossaryKey(term: string): string {
  return term
    .normalize('NFC')
    .trim()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

interface GlossaryImpl extends Glossary {
  /** Phrase terms (not acronyms) from the caseload's and plan's entries, for findTerms. */
  readonly extraPhrases: readonly string[];
}

/** Built-in SEND glossary, then the caseload's (.ehcprc.yaml `glossary:`), then the plan's own (`glossary:`); later ones win. */
export function createGlossary(...extra: (Readonly<Record<string, string>> | undefined)[]): Glossary {
  const byKey = new Map<string, GlossaryEntry>();
  const add = (map: Readonly<Record<string, string>>) => {
    for (const [term, meaning] of Object.entries(map)) {
      if (typeof term !== 'string' || typeof meaning !== 'string' || term.trim() === '' || meaning.trim() === '') continue;
      const key = glossaryKey(term);
      const before = byKey.get(key);
      // A later glossary's meaning wins; the built-in spelling of the term is kept only when the later one is the same word.
      byKey.set(key, { term: before && map === builtInGlossary ? before.term : term.trim(), meaning: meaning.trim() });
    }
  };
  add(builtInGlossary);
  const extraPhrases: string[] = [];
  for (const map of extra) {
    if (!map || typeof map !== 'object') continue;
    add(map);
    for (const term of Object.keys(map)) if (!isAcronym(term.trim()) && term.trim() !== '') extraPhrases.push(term.trim());
  }
  let sorted: GlossaryEntry[] | undefined;
  const glossary: GlossaryImpl = {
    extraPhrases,
    explain(term) {
      const key = glossaryKey(term);
      const found = byKey.get(key);
      if (found) return found;
      const singular = key.replace(/(?:['’]s|s)$/, '');
      return singular !== key && singular.length >= 2 ? byKey.get(singular) : undefined;
    },
    entries() {
      sorted ??= [...byKey.values()].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }));
      return sorted;
    },
  };
  return glossary;
}

// ---------------------------------------------------------------- finding terms in prose

/**
 * Looks like an acronym: 2–10 letters or digits, starting with a letter, at least two capitals and
 * no more small letters than capitals (SALT, SaLT, SENCo, PfA, QToD, KS2, but not McDonald).
 */
export function isAcronym(word: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]{1,9}$/.test(word)) return false;
  const upper = word.replace(/[^A-Z]/g, '').length;
  const lower = word.replace(/[^a-z]/g, '').length;
  return /^[A-Z]/.test(word) && upper >= 2 && lower < upper && lower <= 2;
}

/** Capitalised words that are not acronyms: Roman numerals, and capitals used for emphasis. */
const NOT_TERMS = new Set(['OK', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'AM', 'PM', 'NB', 'PS', 'TV', 'DVD', 'NOT', 'NO', 'ALL', 'AND', 'OR', 'THE', 'MUST', 'ONLY', 'DO', 'IS', 'IT', 'TO', 'OF', 'IN', 'ON', 'AT', 'BE', 'BY', 'WE', 'HE', 'ME', 'MY', 'US', 'SO', 'UP', 'AN', 'AS', 'IF', 'GO']);
const ROMAN = /^[IVXLC]+$/;

const WORD = /[A-Za-z][A-Za-z0-9]*/g;

let builtInPhrases: RegExp | undefined;
const phraseCache = new WeakMap<object, RegExp | null>();

/** A regex matching any of the phrase terms as whole words, case-insensitively, with an optional plural. */
function phraseRegex(terms: readonly string[]): RegExp | null {
  const parts = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 3))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/[\s\u2010-\u2015-]+/).map(escape).join('[\\s\\u2010-\\u2015-]+'));
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function builtInPhraseRegex(): RegExp {
  builtInPhrases ??= phraseRegex(Object.keys(builtInGlossary).filter((t) => !isAcronym(t) && /[A-Za-z]{3}/.test(t)))!;
  return builtInPhrases;
}

/**
 * Acronyms (SALT, SaLT, SEMH, QTVI, SENCo, EHCP, ELSA, OT, TA, HLTA, PfA, EOTAS, …) and specialist
 * terms the built-in glossary knows (Makaton, PECS, Precision Teaching, Attention Autism, Zones of
 * Regulation, …), in prose. With a glossary, its own caseload and plan terms are found too.
 * A plural acronym ("TAs") is reported as its singular term, with the range of the whole word.
 */
export function findTerms(text: string, glossary?: Glossary): TermUse[] {
  const found: TermUse[] = [];
  const regexes: RegExp[] = [builtInPhraseRegex()];
  const extra = (glossary as GlossaryImpl | undefined)?.extraPhrases;
  if (glossary && extra && extra.length > 0) {
    let r = phraseCache.get(glossary);
    if (r === undefined) phraseCache.set(glossary, (r = phraseRegex(extra)));
    if (r) regexes.push(r);
  }
  for (const regex of regexes) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) found.push({ term: canonicalPhrase(m[0], glossary), start: m.index, end: m.index + m[0].length });
  }

  const tokens = [...text.matchAll(WORD)];
  tokens.forEach((m, i) => {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    if (/[\p{L}\p{N}]/u.test(text[start - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) return; // part of a longer word (Łukasz, 2TA)
    let term = word;
    if (!isAcronym(term)) {
      const base = word.endsWith('s') ? word.slice(0, -1) : '';
      if (!base || !isAcronym(base) || /[a-z]/.test(base)) return;
      term = base;
    } else if (/^[A-Z]{2,}s$/.test(word) && !glossary?.explain(word) && !builtInGlossary[word]) term = word.slice(0, -1);
    const known = glossary?.explain(term) ?? builtInExplain(term);
    if (!known) {
      if (NOT_TERMS.has(term) || ROMAN.test(term)) return;
      if (isShouting(tokens, i)) return;
    }
    found.push({ term: known && glossaryKey(known.term) === glossaryKey(term) ? known.term : term, start, end });
  });

  // Longest first wins where terms overlap ("Makaton signs" over "Makaton", "EHC plan" over "EHC").
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: TermUse[] = [];
  let reach = -1;
  for (const use of found) {
    if (use.start < reach) continue;
    result.push(use);
    reach = use.end;
  }
  return result;
}

let builtIn: Glossary | undefined;
function builtInExplain(term: string): GlossaryEntry | undefined {
  builtIn ??= createGlossary();
  return builtIn.explain(term);
}

/** The glossary's spelling of a phrase found in any case ("precision teaching" → "Precision Teaching"). */
function canonicalPhrase(written: string, glossary?: Glossary): string {
  const entry = glossary?.explain(written) ?? builtInExplain(written) ?? builtInExplain(written.replace(/e?s$/i, ''));
  return entry?.term ?? written;
}

/** Two or more unknown capitalised words in a row are emphasis or a heading ("PLEASE DO NOT", "OCCUPATIONAL THERAPY"), not acronyms. */
function isShouting(tokens: RegExpMatchArray[], i: number): boolean {
  const caps = (j: number) => {
    const t = tokens[j]?.[0];
    return t !== undefined && /^[A-Z]{2,}$/.test(t) && !builtInExplain(t);
  };
  let run = 1;
  for (let j = i - 1; caps(j); j--) run++;
  for (let j = i + 1; caps(j); j++) run++;
  return run >= 2;
}

/** Every term the plan's prose uses (views, needs, outcomes, provision, placement), split into explained and not. */
export function termsInPlan(plan: Plan, glossary: Glossary): { explained: GlossaryEntry[]; unexplained: string[] } {
  const explained = new Map<string, GlossaryEntry>();
  const unexplained = new Map<string, string>();
  for (const text of planProse(plan)) {
    for (const use of findTerms(text, glossary)) {
      const entry = glossary.explain(use.term);
      if (entry) explained.set(glossaryKey(entry.term), entry);
      else if (!unexplained.has(glossaryKey(use.term))) unexplained.set(glossaryKey(use.term), use.term);
    }
  }
  return {
    explained: [...explained.values()].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' })),
    unexplained: [...unexplained.values()],
  };
}

/** The prose of a plan a family reads, in plan order (never keys or ids). */
export function planProse(plan: Plan): string[] {
  const out: string[] = [];
  const push = (s: unknown) => {
    if (typeof s === 'string' && s.trim() !== '') out.push(s);
  };
  const views = plan.views;
  if (views) for (const key of ['child', 'parents', 'aspirations', 'history'] as const) push(views[key]);
  for (const list of [plan.needs, plan.outcomes, plan.provision]) if (Array.isArray(list)) for (const item of list) push(item?.text);
  push(plan.placement?.name);
  if (plan.personal_budget && typeof plan.personal_budget === 'object') push(plan.personal_budget.covers);
  return out;
}
