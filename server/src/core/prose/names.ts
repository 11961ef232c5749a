/**
 * Who a plan names: the child, the people the plan introduces (family in the views, advice
 * authors, the caseworker, names the plan or the caseload declares), and whether a capitalised
 * word is a first name at all. Pure; the first-name list is bundled data, loaded on first use.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { ParsedPlan } from '../parse';
import { childNameWords } from './caseload';
import { editDistance, fold, isCapitalised, memo, proseFields, splitSentences, words, type Word } from './text';

/** A word list (the British English dictionary): nspell fits. */
export interface WordList {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

let firstNames: Map<string, string> | undefined;
/** True when the word is in the first-name list (about 32,000 names, recent UK names included). */
export function isFirstName(word: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  firstNames ??= require('gender-detection-from-name/names/en.js') as Map<string, string>;
  return firstNames.has(fold(word));
}

/** Names that are also everyday words; used when the dictionary is not loaded yet. */
const WORD_NAMES = new Set(
  'grace may hope bill will mark rose faith joy summer autumn winter sky rain storm amber ruby jade pearl holly ivy daisy poppy violet lily iris heather hazel olive dawn eve sunny frank jack bob pat sue rob guy carol chase hunter mason cash drew dean gene lane miles art sandy ray rich wade brook reed chance ace angel honey justice liberty mercy patience precious star trinity unique genesis heaven bliss king prince major sterling will rocky river north west london paris india china jordan chelsea devon georgia florence victoria charity destiny harmony melody serenity sage basil rowan ash oak willow birch aspen forest clay flint stone cliff dale glen heath moss fern saffron ginger pepper cherry berry apple peach plum bay robin wren jay lark dove raven fox wolf bear buddy sonny junior duke earl baron marshal deacon bishop pope august june april january tuesday'.split(' '),
);

/** Capitalised words that are never a person's first name in a plan. */
const NOT_NAMES = new Set(
  'mum mummy mom dad daddy nan nana nanna nani nan-nan gran granny grandma grandad grandpa grandmother grandfather dadi dada baba ammi abba amma appa abuela abuelo babcia dziadek oma opa nonna nonno yiayia bibi auntie aunty aunt uncle sir miss madam reception nursery year key stage christmas easter eid diwali ramadan hanukkah vaisakhi monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december english maths mathematics science art music history geography french spanish punjabi urdu polish arabic bengali somali welsh gujarati tamil'.split(' '),
);

/** A word that follows a person's name or role: enough to tell "Grace finds" from "grace and". */
export const PERSON_VERBS = new Set(
  "is was has had can could will would may might should must does did finds found needs needed likes liked enjoys enjoyed loves loved wants wanted said says told tells asked asks uses used struggles struggled requires responds becomes became gets got goes went reads read writes wrote speaks spoke talks talked plays played attends attended works worked shows showed presents benefits communicates understands understood knows knew feels felt began started starts continues makes made takes took gives gave tries tried seems seemed appears prefers avoids refuses hits runs ran walks walked sits sat stays stayed lives lived moved joined left arrived learns learnt learned scored achieved completed follows followed manages managed copes coped cried cries laughs smiles smiled sleeps slept eats ate drinks refused needs 'll 's".split(' '),
);

const RELATIONS =
  'babcia|dziadek|mama|papa|tata|abuela|abuelo|oma|opa|nonna|nonno|yiayia|bibi|amma|appa|ammi|abba|b\u00e0|\u00f4ng|mum|mummy|mother|mom|dad|daddy|father|step-?dad|step-?mum|step-?father|step-?mother|parents?|carers?|foster carers?|brothers?|sisters?|half-brother|half-sister|step-?brother|step-?sister|siblings?|twins?|cousins?|friends?|best friend|classmates?|peers?|grandma|grandmother|grandad|grandpa|grandfather|granny|gran|nan|nana|nanna|nani|dadi|nanu|dada|baba|grandparents?|uncle|aunt|auntie|aunty|partner|husband|wife|son|daughter|baby|niece|nephew|godmother|godfather|neighbour|teachers?|class teacher|teaching assistant|TA|LSA|key ?worker|key adult|therapist|SENCo|social worker|nurse|doctor|paediatrician|psychologist|childminder|tutor|coach|mentor|dog|cat|puppy|kitten|pet|hamster|rabbit|guinea pig|pony|horse|budgie|goldfish|tortoise';
const TITLE = /^(?:Mr|Mrs|Miss|Ms|Mx|Dr|Prof|Sir|Dame|Nurse|Coach|Uncle|Aunty|Auntie|Aunt|Nan|Nana|Nani|Dadi|Grandma|Grandad|Father|Sister|Brother|Imam|Rabbi|Rev|Pastor|Babcia|Dziadek|Mama|Papa|Abuela|Abuelo|Oma|Opa|Nonna|Nonno|Yiayia|Bibi|Amma|Appa|B\u00e0|\u00d4ng)\.?$/u;

/** Capitalised words following a relation or title ("her brother Sam", "cousins Simran and Arjun", "Mrs Okafor"). */
const AFTER_RELATION = new RegExp(`(?<![\\p{L}])(?:${RELATIONS})(?:\\s*,|\\s+(?:is|are|was|were|called|named|include|including))?\\s+((?:\\p{Lu}[\\p{L}\\p{M}'’-]+)(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+&\\s+|\\s+)\\p{Lu}[\\p{L}\\p{M}'’-]+)*)`, 'giu');
/** Names followed by a relation ("Sam, her brother", "Leo is my best friend", "Sam (brother)"). */
const BEFORE_RELATION = new RegExp(`(\\p{Lu}[\\p{L}\\p{M}'’-]+)(?:\\s*,\\s*|\\s+(?:is|was|who is)\\s+|\\s*\\(\\s*)(?:(?:his|her|their|my|our|the|a|an|[\\p{Lu}][\\p{L}'’]+['’]s)\\s+)?(?:(?:best|older|younger|little|big|baby|twin|new|old|eldest|youngest|class|key)\\s+)*(?:${RELATIONS})\\b`, 'gu');

/** Everyone a plan names other than the child, as folded words. */
export interface PlanPeople {
  /** The child's names: legal and known-as, every part of a hyphenated or multi-part name. */
  child: Set<string>;
  /** People the plan introduces or declares. */
  allowed: Set<string>;
  /** A short key for memoising results that depend on these people. */
  key: string;
}

const peopleOf = new WeakMap<ParsedPlan, { extra: string; people: PlanPeople }>();

/** The people a plan names. `extra` are names from the caseload configuration. */
export function planPeople(parsed: ParsedPlan, extra: readonly string[] = []): PlanPeople {
  const extraKey = extra.join('\u0001');
  const cached = peopleOf.get(parsed);
  if (cached && cached.extra === extraKey) return cached.people;
  const people = computePeople(parsed, extra);
  peopleOf.set(parsed, { extra: extraKey, people });
  return people;
}

function computePeople(parsed: ParsedPlan, extra: readonly string[]): PlanPeople {
  const child = childNameWords(parsed.plan.child.name?.value, parsed.plan.child.known_as?.value);
  const allowed = new Set<string>();
  const addAll = (text: string | undefined) => {
    if (!text) return;
    for (const w of words(text)) {
      const f = fold(w.text);
      allowed.add(f);
      for (const part of f.split(/[\u2010\u2011-]/)) if (part.length > 1) allowed.add(part);
    }
  };
  for (const a of parsed.plan.advice) addAll(a.author?.value);
  const root = parsed.plan.root;
  const meta = isMap(root) ? root.get('plan', true) : undefined;
  if (isMap(meta)) {
    const cw = meta.get('caseworker', true);
    if (isScalar(cw)) addAll(String(cw.value));
  }
  const declared = isMap(root) ? root.get('names', true) : undefined;
  if (isSeq(declared)) for (const item of declared.items) if (isScalar(item)) addAll(String(item.value));
  for (const n of extra) addAll(n);
  for (const field of proseFields(parsed)) for (const n of introducedNames(field.str.value)) addAll(n);
  for (const c of child) allowed.delete(c);
  return { child, allowed, key: `${[...child].join(',')}\u0001${[...allowed].sort().join(',')}` };
}

/** Close to one of the child's own names ("Jaydon" for Jayden, "Zoe" for Zoë): child-name-misspelt's business. */
export function isNearChildName(word: string, child: ReadonlySet<string>): boolean {
  const f = fold(word);
  for (const c of child) {
    if (c === f) return true;
    if (c.length >= 4 && c[0] === f[0]) {
      const d = editDistance(f, c, 2);
      if (d === 1 || (d === 2 && c.length >= 7)) return true;
    }
  }
  return false;
}

const introduced = memo<string[]>();

/** People a text introduces: after a relation or title, or followed by one. */
function introducedNames(text: string): string[] {
  return introduced(text, () => {
    const out: string[] = [];
    for (const m of text.matchAll(AFTER_RELATION)) out.push(m[1]!.replace(/\band\b/g, ' '));
    for (const m of text.matchAll(BEFORE_RELATION)) out.push(m[1]!);
    const ws = words(text);
    ws.forEach((w, i) => {
      if (TITLE.test(w.text) && ws[i + 1] && isCapitalised(ws[i + 1]!.text) && ws[i + 1]!.start - w.end <= 2) out.push(ws[i + 1]!.text);
    });
    return out;
  });
}

/** A capitalised word at the start of a sentence (or of a line). */
export function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const s of splitSentences(text)) {
    const first = words(s.text)[0];
    if (first) starts.add(s.start + first.start);
  }
  return starts;
}

export interface NameCandidate {
  word: Word;
  atSentenceStart: boolean;
  /** The next word is a verb or a possessive: "Oliver finds", "Oliver's". */
  personContext: boolean;
  /** Also an everyday word (Grace, May, Hope, Bill): a name only when used like one. */
  ambiguous: boolean;
  /** Next to another capitalised word: a title or a proper noun ("Early Years Practitioner"), or a full name. */
  inTitle: boolean;
  /** The capitalised word after it, if any (a surname?). */
  next?: string;
}

const ADVERBS = new Set('often sometimes usually always never rarely frequently regularly also still now then quickly really occasionally generally typically consistently increasingly already just only'.split(' '));
const NOT_VERBS = new Set('sometimes always afterwards towards perhaps plus us this its his hers theirs yours ours less unless across yes class glass miss chess bus gas lens news maths physics series species means was'.split(' '));

/** The word at `j` (after one adverb at most) reads as the verb of a sentence whose subject is the name before it. */
function isVerbAfterName(ws: Word[], j: number): boolean {
  let w = ws[j]?.text;
  if (w && ADVERBS.has(w.toLowerCase()) && ws[j + 1]) w = ws[j + 1]!.text;
  if (!w || !/^\p{Ll}/u.test(w)) return false;
  const lower = w.toLowerCase();
  if (PERSON_VERBS.has(lower) || /^(?:won't|can't|doesn't|didn't|isn't|wasn't|hasn't|won’t|can’t|doesn’t|didn’t|isn’t|wasn’t|hasn’t)$/.test(lower)) return true;
  return lower.length >= 4 && !NOT_VERBS.has(lower) && /(?:[^s]s|ed)$/.test(lower);
}

/** Organisation and place words that make a capitalised name part of a proper noun ("Grace Academy"). */
const PLACE_WORDS = new Set(
  'school academy primary secondary infant infants junior college university centre center hospital ward unit house team service services trust clinic nursery park close lane avenue road street drive way court group club church mosque temple gurdwara synagogue hall surgery practice foundation community library road crescent gardens green hill farm place square city county council borough village town'.split(' '),
);

/**
 * Capitalised words in a text that could be a person's first name: not the child, not a
 * person the plan names, not part of a proper noun like "Grace Academy" or "St Oliver's".
 */
export function nameCandidates(text: string, people: PlanPeople, isOrdinaryWord: (lower: string) => boolean, isKnownName: (word: string) => boolean, cacheKey?: string): NameCandidate[] {
  const all = cacheKey === undefined ? capitalisedCandidates(text, people, isOrdinaryWord) : candidateMemo(`${cacheKey}\u0001${people.key}`, () => capitalisedCandidates(text, people, isOrdinaryWord), text);
  return all.filter((c) => isKnownName(c.word.text));
}

const candidateMemo = memo<NameCandidate[]>();

function capitalisedCandidates(text: string, people: PlanPeople, isOrdinaryWord: (lower: string) => boolean): NameCandidate[] {
  const out: NameCandidate[] = [];
  const starts = sentenceStarts(text);
  const ws = words(text);
  ws.forEach((w, i) => {
    if (!isCapitalised(w.text) || w.text.length < 2) return;
    if (/^\p{Lu}+$/u.test(w.text)) return; // an acronym (ELSA, KAI) or shouting, not a name as written in prose
    const f = fold(w.text);
    if (people.child.has(f) || people.allowed.has(f)) return;
    if (f.split(/[\u2010\u2011-]/).every((p) => people.child.has(p) || people.allowed.has(p))) return;
    if (NOT_NAMES.has(f)) return;
    const prev = ws[i - 1];
    const next = ws[i + 1];
    const gapBefore = prev ? text.slice(prev.end, w.start) : '';
    const gapAfter = next ? text.slice(w.end, next.start) : '';
    if (prev && /^\s+$/.test(gapBefore) && (/^(?:St|Saint|San|Santa|Lake|Mount|Port|Fort|New|Old|North|South|East|West|Great|Little)$/.test(prev.text) || TITLE.test(prev.text))) return;
    if (next && /^\s+$/.test(gapAfter) && isCapitalised(next.text) && PLACE_WORDS.has(next.text.toLowerCase())) return;
    const atSentenceStart = starts.has(w.start);
    const possessive = /^['’]s\b/.test(text.slice(w.end));
    const personContext = possessive || (next !== undefined && /^\s+$/.test(gapAfter) && isVerbAfterName(ws, i + 1));
    const capitalNext = next !== undefined && /^ +$/.test(gapAfter) && isCapitalised(next.text) && next.text !== 'I';
    const capitalPrev = prev !== undefined && /^ +$/.test(gapBefore) && isCapitalised(prev.text) && !starts.has(prev.start) && prev.text !== 'I';
    out.push({ word: w, atSentenceStart, personContext, ambiguous: WORD_NAMES.has(f) || isOrdinaryWord(f), inTitle: capitalNext || capitalPrev, next: capitalNext ? next!.text : undefined });
  });
  return out;
}

/** True when the word is an everyday word in lower case (grace, may, hope), by the dictionary or the built-in list. */
export function ordinaryWordTest(words?: WordList): (lower: string) => boolean {
  return (lower) => WORD_NAMES.has(lower) || (words ? words.correct(lower) : false);
}
