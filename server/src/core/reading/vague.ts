/** Vague and discretionary wording: the lexicon, the context that excuses a match, and ceilings and unsized groups. */
import type { Span } from '../types';
import type { QuantifyOptions, VagueKind, VaguePhrase } from './types';
import { ceilingAdvice, unsizedGroupAdvice, vagueLexicon, type VagueEntry } from './vocabulary';
import { Q_CEIL } from './amount';
import { clauseAround, hasBreakBetween, lowerBound, nextWord, overlapsAny, previousWord } from './clauses';
import type { GroupHit } from './group';
import { normalise } from './normalise';
import type { Prim } from './primitives';
import type { Mention } from './provider';

/** Work bound: a provision item never holds this many vague phrases; beyond them the rest is not read. */
export const MAX_VAGUE = 250;


export interface CompiledLexicon {
  re: RegExp;
  entries: VagueEntry[];
}

export let compiledLexicon: CompiledLexicon | undefined;

export function getVagueLexicon(): CompiledLexicon {
  if (compiledLexicon) return compiledLexicon;
  const parts: string[] = [];
  for (const e of vagueLexicon) {
    const groups = new RegExp(`${e.pattern}|`).exec('')!.length - 1;
    if (groups !== 0) throw new Error(`vague pattern ${e.id} must use only non-capturing groups`);
    parts.push(`(${e.pattern})`);
  }
  compiledLexicon = {
    re: new RegExp(`(?<![A-Za-z0-9])(?:${parts.join('|')})(?![A-Za-z0-9])`, 'gi'),
    entries: [...vagueLexicon],
  };
  return compiledLexicon;
}

export const extraCache = new Map<string, RegExp | null>();

export function getExtraRe(phrases: readonly string[] | undefined): RegExp | null {
  if (!phrases || phrases.length === 0) return null;
  const key = phrases.join('\u0000');
  const cached = extraCache.get(key);
  if (cached !== undefined) return cached;
  const alts = phrases
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && p.length <= 200)
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = normalise(p)
        .split(/\s+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
        .join('\\s{1,3}');
      const head = /^[A-Za-z0-9]/.test(p) ? '(?<![A-Za-z0-9])' : '';
      const tail = /[A-Za-z0-9]$/.test(p) ? '(?![A-Za-z0-9])' : '';
      return `${head}${body}${tail}`;
    });
  const re = alts.length ? new RegExp(alts.join('|'), 'gi') : null;
  if (extraCache.size > 64) extraCache.clear();
  extraCache.set(key, re);
  return re;
}

export const MONTH_CONTEXT = new Set(['in', 'by', 'from', 'until', 'till', 'of', 'since', 'before', 'after', 'during', 'end', 'early', 'late', 'mid', 'on', 'and', 'to', 'between', 'this', 'next', 'last']);
export const VERB_BEFORE_SUPPORT = new Set([
  'to', 'will', 'can', 'could', 'would', 'may', 'might', 'should', 'must', 'shall', 'also', 'who', 'which', 'that', 'help', 'helps', 'helping', 'further', 'then', 'and', 'or', 'they', 'she', 'he', 'we', 'i', 'you', 'directly', 'actively', 'best',
]);
export const OBJECT_AFTER_SUPPORT = new Set([
  'him', 'her', 'them', 'his', 'their', 'its', 'me', 'us', 'you', 'himself', 'herself', 'themselves', 'this', 'these', 'children', 'pupils', 'students', 'staff', 'the', 'a', 'an', 'each', 'all',
]);
export const RECIPIENT_BEFORE = new Set([
  'advise', 'advises', 'advising', 'train', 'trains', 'training', 'inform', 'informs', 'brief', 'briefs', 'coach', 'coaches', 'guide', 'guides', 'support', 'supports', 'supporting', 'help', 'helps', 'to', 'for', 'among', 'between', 'visit', 'visits', 'upskill', 'upskills', 'model', 'models', 'modelling', 'modeling', 'about', 'alert', 'remind', 'reminds', 'share', 'shared', 'tell', 'tells', 'consult', 'consults',
]);
export const RECIPIENT_AFTER = /^\s{1,3}(?:will|should|must|to|would|can|may|are\s+to|need\s+to)\s+(?:also\s+|all\s+)?(?:receive|attend|be\s+(?:trained|given|offered|provided|supported|made\s+aware|informed|shown)|access|have\s+(?:training|access)|complete\s+training|undertake\s+training)(?![A-Za-z])/i;
export const ANAPHORA = new Set(['this', 'these', 'such', 'that', 'those', 'above', 'said']);

export function isModalProvision(s: string, text: string, start: number, end: number, clauseStart: number): boolean {
  const word = text.slice(start, end);
  const lower = word.toLowerCase();
  const prev = previousWord(s, start);
  const next = nextWord(s, end);
  const atClauseStart = s.slice(clauseStart, start).trim().replace(/^[-*>\d.)\s]+/, '') === '';
  if (lower === 'may') {
    if (word[0] === 'M' && !atClauseStart) return false; // "by May 2027"
    if (/^\d/.test(next) || /^\d/.test(prev) || MONTH_CONTEXT.has(prev)) return false;
  }
  if (atClauseStart && lower !== 'may') return false; // "Should Amara become upset, ..."
  const before = s.slice(Math.max(clauseStart, start - 30), start).toLowerCase();
  if (/(?:^|\s)(?:who|whom|whether|than|what|how|so\s+that\s+\S+|so\s+\S+|that\s+\S+|whenever\s+\S+|in\s+order\s+that\s+\S+|if\s+\S+|in\s+case\s+\S+|as\s+\S+|where\s+\S+|when\s+\S+|whatever\s+\S+)\s+$/.test(before)) return false;
  return true;
}

export function isSupportNoun(s: string, start: number, end: number, phrase: string): boolean {
  if (!/^support/i.test(phrase)) return true;
  if (VERB_BEFORE_SUPPORT.has(previousWord(s, start))) return false;
  if (/^support$/i.test(phrase) && OBJECT_AFTER_SUPPORT.has(nextWord(s, end))) return false;
  return true;
}

export function fillAdvice(advice: string, phrase: string): string {
  return advice.replace(/\{phrase\}/g, phrase);
}
export function readVague(
  s: string,
  text: string,
  breaks: readonly number[],
  quantities: readonly Prim[],
  mentions: readonly Mention[],
  groupHits: readonly GroupHit[],
  options: QuantifyOptions | undefined,
  excused: readonly Span[] = [],
): VaguePhrase[] {
  const found: VaguePhrase[] = [];
  const push = (start: number, end: number, kind: VagueKind, advice: string, replacement?: string) => {
    const phrase = text.slice(start, end);
    const v: VaguePhrase = { phrase, span: { start, end }, kind, advice: fillAdvice(advice, phrase) };
    if (replacement !== undefined) v.replacement = replacement;
    found.push(v);
  };

  // Which clauses say how often or how much (for "support", "input", "interventions", "opportunities").
  const clauseIndex = (pos: number) => lowerBound(breaks, pos);
  const quantified = new Set<number>();
  for (const p of quantities) quantified.add(clauseIndex(p.start));
  const anyQuantity = quantities.length > 0;

  const lex = getVagueLexicon();
  lex.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lex.re.exec(s)) && found.length < MAX_VAGUE) {
    let idx = 1;
    while (idx < m.length && m[idx] === undefined) idx++;
    const entry = lex.entries[idx - 1];
    if (!entry) continue;
    const start = m.index;
    const end = start + m[0].length;
    const phrase = text.slice(start, end);
    if (entry.id === 'modal') {
      const [cStart] = clauseAround(breaks, start, s.length);
      if (!isModalProvision(s, text, start, end, cStart)) continue;
    }
    if (entry.id === 'support' && !isSupportNoun(s, start, end, phrase)) continue;
    if (excused.length > 0 && overlapsAny(excused, start, end)) continue;
    if (notTheProvision(entry, s, text, start, end, breaks, quantities, mentions)) continue;
    // "advise staff", "training for staff", "staff will receive training": staff who receive, not who deliver.
    if (entry.kind === 'unspecified-provider') {
      if (RECIPIENT_BEFORE.has(previousWord(s, start))) continue;
      if (RECIPIENT_AFTER.test(s.slice(end, end + 40))) continue;
      // "the Adult Community Nutrition team", "Staff Nurse": part of a name, not a deliverer.
      if (/^[ -]{1,2}[A-Z][a-z]/.test(text.slice(end, end + 4)) && /(?:adult|staff)$/i.test(phrase)) continue;
    }
    if (entry.onlyWhenUnquantified && anyQuantity) {
      const ci = clauseIndex(start);
      if (quantified.has(ci)) continue;
      if (ANAPHORA.has(previousWord(s, start))) continue;
      const nextStart = ci < breaks.length ? breaks[ci]! + 1 : s.length;
      if (quantified.has(ci + 1) && /^\s*(?:this|these|it|they|sessions?|each|the\s+(?:sessions?|support|input|programme|intervention)s?)\b/i.test(s.slice(nextStart, nextStart + 40))) continue;
    }
    push(start, end, entry.kind, entry.advice, entry.replacement?.(phrase));
  }

  for (const g of groupHits) {
    if (found.length >= MAX_VAGUE) break;
    if (g.unsized) push(g.span.start, g.span.end, 'unspecified-group', unsizedGroupAdvice.advice, unsizedGroupAdvice.replacement(g.text));
  }
  for (const p of quantities) {
    if (found.length >= MAX_VAGUE) break;
    if ((p.kind === 'dur' || p.kind === 'count') && p.bound === 'ceiling') {
      const phrase = text.slice(p.start, p.end);
      const replacement = phrase.replace(new RegExp(`^(?:${Q_CEIL})`, 'i'), 'at least');
      push(p.start, p.end, 'ceiling', ceilingAdvice, replacement === phrase ? undefined : replacement);
    }
  }

  const extra = getExtraRe(options?.extraVaguePhrases);
  if (extra) {
    extra.lastIndex = 0;
    while ((m = extra.exec(s)) && found.length < MAX_VAGUE) {
      if (m[0].length === 0) {
        extra.lastIndex++;
        continue;
      }
      push(m.index, m.index + m[0].length, 'unquantified', 'Your team lists "{phrase}" as vague wording. Say exactly what will be provided, by whom, how often and for how long.');
    }
  }

  // Words inside a role ("Learning Support Assistant", "key adult") are not vague, nor is "adult" in a
  // stated ratio ("1 adult to 2 pupils"); overlapping phrases keep the longest.
  const roleSpans = mentions.map((r) => ({ start: r.start, end: r.end }));
  const ratioSpans = groupHits.filter((g) => g.max !== undefined).map((g) => g.span);
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: VaguePhrase[] = [];
  for (const v of found) {
    if (overlapsAny(roleSpans, v.span.start, v.span.end)) continue;
    if (v.kind === 'unspecified-provider' && overlapsAny(ratioSpans, v.span.start, v.span.end)) continue;
    const last = out[out.length - 1];
    if (last && v.span.start < last.span.end) {
      if (v.span.end - v.span.start > last.span.end - last.span.start && v.kind !== 'ceiling') out[out.length - 1] = v;
      continue;
    }
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------
// A vague word only counts when it leaves the provision itself open.

const EVERYONE_WHO = /^\s{1,2}(?:(?:who|that)\s+(?:works?|supports?|teach(?:es)?|cares?\s+for|looks?\s+after|is\s+involved\s+with|are\s+involved\s+with|comes?\s+into\s+contact\s+with|will\s+work\s+with)|working\s+with|involved\s+(?:with|in)|supporting)(?![A-Za-z])/i;
const WITH_VERB_BEFORE = /(?:^|\s)(?:meet|meets|meeting|liaise|liaises|liaising|work|works|working|talk|talks|share|shares|shared|consult|consults|together|plan|plans|planning)\s+with\s+$/i;
const RELATIVE_OBJECT = /^\s{1,2}(?:can|could|will|may|are\s+able\s+to)\s+(?:see|read|use|access|refer\s+to|find|follow)(?![A-Za-z])/i;
const REQUIRED_BY_LAW =
  /^\s{1,2}(?:by|under|in)\s+(?:the\s+|his\s+|her\s+|their\s+|current\s+|statutory\s+|national\s+)?(?:[A-Za-z&'-]{1,20}\s+){0,5}(?:regulations?|act|law|legislation|policy|policies|guidance|plan|protocol|risk\s+assessment|code\s+of\s+practice)(?![A-Za-z])/i;
const CHILD_SUBJECT = new Set(['he', 'she', 'they', 'it', 'who', 'which', 'can', 'may', 'might', 'does', 'do', 'is', 'are', 'also', 'still']);
const PURPOSE_BEFORE = /(?:^|\s)to\s+(?:plan|prepare|create|make|produce|develop|discuss|agree|review|share|write|adapt|check|provide\s+(?:staff|teachers)\s+with)\s+(?:[A-Za-z'-]{1,20}\s+){0,4}$/i;
const RESTATE_GAP = /^[^.;\n]{0,90}$/;
const CONJUNCTION = /\s(?:and|plus|as\s+well\s+as|also|with\s+additional)\s/i;

function notTheProvision(
  entry: VagueEntry,
  s: string,
  text: string,
  start: number,
  end: number,
  breaks: readonly number[],
  quantities: readonly Prim[],
  mentions: readonly Mention[],
): boolean {
  const after = s.slice(end, end + 80);
  const before = s.slice(Math.max(0, start - 60), start);
  if (entry.kind === 'unspecified-provider') {
    // "every adult who works with him", "all staff working with her": everyone, named as such.
    if (/(?:^|\s)(?:every|each|all|any)\s+$/i.test(before) || /^(?:every|each|all|any)\s/i.test(s.slice(start, end))) {
      if (EVERYONE_WHO.test(after)) return true;
    }
    // "meet with support staff", "liaise with staff": the staff receive, they do not deliver.
    if (WITH_VERB_BEFORE.test(before)) return true;
    // "a record that support staff can see".
    if (/(?:^|\s)(?:that|which|whom)\s+$/i.test(before) && RELATIVE_OBJECT.test(after)) return true;
    // "a trusted adult, the ELSA," / "a familiar adult (her key worker)": the role is named at once.
    const named = /^\s{0,2}[,(-]\s{0,2}(?:(?:the|a|an|his|her|their|namely|i\.e\.)\s+)?/.exec(after);
    if (named && mentions.some((mn) => mn.start === end + named[0].length && mn.role.name !== 'All Staff')) return true;
  }
  // "as required by the Moving and Handling Regulations": a duty, not discretion.
  if (entry.id === 'as-required' && REQUIRED_BY_LAW.test(after)) return true;
  // "Because Ollie often becomes anxious": describes the child, not the provision.
  if (entry.id === 'frequent') {
    const prev = previousWord(s, start);
    const prevRaw = text.slice(Math.max(0, start - prev.length - 1), start).trim();
    const [cStart] = clauseAround(breaks, start, s.length);
    const atStart = s.slice(cStart, start).trim() === '';
    if (CHILD_SUBJECT.has(prev) || (!atStart && /^[A-Z][a-z]/.test(prevRaw) && !/^(?:The|A|An|With|And|Or|Very|More|Less)$/.test(prevRaw))) return true;
  }
  // "5 minutes every 30 minutes, and more often if needed": a stated floor, with more at discretion.
  if (['frequent', 'as-required', 'as-and-when', 'as-appropriate'].includes(entry.id)) {
    const [cStart] = clauseAround(breaks, start, s.length);
    const lead = s.slice(Math.max(cStart, start - 40), start);
    if (/(?:^|\s)(?:more|extra|additional|further)(?:\s+(?:often|frequently|breaks|sessions|time))?\s*$/i.test(lead) && quantities.some((q) => q.kind === 'per' && q.end <= start && q.start >= cStart)) return true;
  }
  // "age-appropriate equipment": a compound adjective, not a choice left to others.
  if ((entry.id === 'appropriate' || entry.id === 'as-appropriate') && s[start - 1] === '-') return true;
  // "Access to Work": a name.
  if (entry.id === 'access-to' && text[start] === 'A' && /^\s{1,2}[A-Z][a-z]/.test(text.slice(end, end + 4))) {
    const [cStart] = clauseAround(breaks, start, s.length);
    if (s.slice(cStart, start).trim() !== '') return true;
  }
  // "meet weekly for 15 minutes to plan differentiated tasks": the purpose of a stated meeting.
  if (entry.id === 'differentiated' && PURPOSE_BEFORE.test(before)) {
    const [cStart, cEnd] = clauseAround(breaks, start, s.length);
    if (quantities.some((q) => q.start >= cStart && q.end <= cEnd)) return true;
  }
  // "frequent movement breaks: 4 x 5 minutes each morning", "regular check-ins (every 30 minutes)":
  // the vague word is made specific at once.
  if (entry.id === 'frequent' || entry.id === 'regular') {
    const per = quantities.find((q) => q.kind === 'per' && q.start >= end && q.start - end <= 90);
    if (per) {
      const gap = s.slice(end, per.start);
      if (RESTATE_GAP.test(gap) && !CONJUNCTION.test(gap) && !hasBreakBetween(breaks, end, per.start)) return true;
    }
  }
  return false;
}
