/**
 * Pronouns in sentences about the child. A sentence is about the child when it names them, or
 * follows one that did, and mentions nobody else: a parent, a sibling, a professional, another
 * name or a title is a sign that "he" or "she" may be someone else, and the sentence is left alone.
 */
import { fold, inSpans, isCapitalised, quotedSpans, splitSentences, words, type Word } from './text';

export type PronounSet = 'she/her' | 'he/him' | 'they/them';

export interface PronounMismatch extends Word {
  replacement?: string;
  expected: string;
  childName: string;
}

const EXPECTED: Record<PronounSet, string> = { 'he/him': 'he, him and his', 'she/her': 'she and her', 'they/them': 'they, them and their' };

/** Words that name or point at someone other than the child. */
const OTHER_PERSON =
  /^(?:mum|mummy|mother|mom|dad|daddy|father|stepdad|stepmum|parent|parents|carer|carers|brother|brothers|sister|sisters|sibling|siblings|twin|cousin|cousins|friend|classmate|peer|grandma|grandmother|grandad|grandfather|granny|gran|nan|nana|nani|grandparent|grandparents|uncle|aunt|auntie|aunty|boy|girl|man|woman|baby|son|daughter|husband|wife|partner|teacher|therapist|psychologist|paediatrician|doctor|nurse|senco|worker|assistant|ta|lsa|hlta|elsa|tutor|practitioner|consultant|clinician|keyworker|adult|professional|mr|mrs|miss|ms|mx|dr|sir|someone|somebody|anyone|child|pupil|student|learner|he|she|neighbour|coach|mentor|dog|cat|pet|horse|pony|puppy|babcia|dziadek|abuela|abuelo|oma|opa|nonna|nonno)$/i;
// Plural people (staff, pupils, friends) are never what "he" or "she" refers to, so they do not excuse a wrong pronoun.

/** The replacement for a wrong pronoun, chosen by the word after it ("her book" → "his book", "saw her." → "him"). */
function replacementFor(word: string, next: string | undefined, set: PronounSet): string | undefined {
  const w = word.toLowerCase();
  const nounNext = next !== undefined && /^\p{L}/u.test(next) && !/^(?:and|or|but|to|in|on|at|with|for|from|into|about|when|if|because|so|that|as|by|up|down|out|off|over|back|again|too|a|an|the|is|was|feel|feels|know|understand|help|helps|support|supports|learn|get|go|be)$/i.test(next);
  let r: string | undefined;
  if (set === 'she/her') r = { he: 'she', him: 'her', his: 'her', himself: 'herself' }[w];
  else if (set === 'he/him') r = { she: 'he', hers: 'his', herself: 'himself', her: nounNext ? 'his' : 'him' }[w];
  else r = { him: 'them', her: nounNext ? 'their' : 'them', his: nounNext ? 'their' : 'theirs', hers: 'theirs', himself: 'themselves', herself: 'themselves' }[w];
  if (!r) return undefined;
  return isCapitalised(word) ? r[0]!.toUpperCase() + r.slice(1) : r;
}

const OWN_SUBJECT: Record<PronounSet, RegExp> = { 'she/her': /^she$/i, 'he/him': /^he$/i, 'they/them': /^they$/i };

const SOCIAL_VERBS = /^(?:hear|hears|heard|see|sees|saw|tell|tells|told|ask|asks|asked|help|helps|helped|meet|meets|met|call|calls|called|like|likes|liked|love|loves|loved|follow|follows|followed|copy|copies|copied|watch|watches|watched|understand|understands|understood|know|knows|knew|trust|trusts|miss|misses|missed|hug|hugs|thank|thanks|join|joins|visit|visits|find|finds|found|with|to|for|from|at|by|without|beside|behind|near)$/i;

const WRONG_WORDS: Record<PronounSet, RegExp> = {
  'she/her': /^(?:he|him|his|himself)$/i,
  'he/him': /^(?:she|her|hers|herself)$/i,
  'they/them': /^(?:he|him|his|himself|she|her|hers|herself)$/i,
};

/**
 * Pronouns that disagree with the child's set in sentences about the child only.
 * `firstPerson`: the text is the family's own words (Section A), where "he"/"she" often means
 * someone else: only sentences that name the child count there, never the ones after.
 */
export function checkPronouns(text: string, set: PronounSet, childNames: readonly string[], otherNames: readonly string[], firstPerson = false): PronounMismatch[] {
  const childWords = new Set<string>();
  for (const n of childNames) for (const w of words(n)) childWords.add(fold(w.text));
  const childName = words(childNames[0] ?? '')[0]?.text ?? 'the child';
  const others = new Set(otherNames.flatMap((n) => words(n).map((w) => fold(w.text))));
  const quotes = quotedSpans(text);
  const out: PronounMismatch[] = [];
  // In a sentence that names nobody, "he" or "she" continues the last sentence's subject.
  let focusIsChild = false;
  let previousMentionsOther = false;
  for (const s of splitSentences(text)) {
    const ws = words(s.text, s.start).filter((w) => !inSpans(quotes, w.start));
    const namesChild = ws.some((w) => childWords.has(fold(w.text)));
    const mentionsOther = ws.some((w, i) => {
      const lower = w.text.toLowerCase();
      if (childWords.has(fold(w.text))) return false;
      if (OTHER_PERSON.test(lower) && !(lower === 'he' || lower === 'she')) return true;
      if (others.has(fold(w.text))) return true;
      // Another capitalised name mid-sentence (not the first word, not "I").
      return i > 0 && isCapitalised(w.text) && w.text !== 'I' && !/^\p{Lu}+$/u.test(w.text) && /^\p{Lu}\p{Ll}+$/u.test(w.text) && !childWords.has(fold(w.text)) && isLikelyNameWord(w.text);
    });
    // "Rowan has a key adult. Rowan meets her every morning.": "her" may be the person just mentioned.
    const about = !mentionsOther && !previousMentionsOther && (namesChild || (!firstPerson && focusIsChild));
    if (namesChild) focusIsChild = !mentionsOther;
    else if (mentionsOther) focusIsChild = false;
    previousMentionsOther = mentionsOther;
    if (!about) continue;
    const ownSubject = ws.some((w) => OWN_SUBJECT[set].test(w.text));
    ws.forEach((w, i) => {
      if (!WRONG_WORDS[set].test(w.text)) return;
      // "Kwame cannot hear her when…": after the child's own "he", "hear her" is about someone else.
      if (ownSubject && /^(?:him|her|them)$/i.test(w.text) && i > 0 && SOCIAL_VERBS.test(ws[i - 1]!.text)) return;
      out.push({ ...w, replacement: replacementFor(w.text, ws[i + 1]?.text, set), expected: EXPECTED[set], childName });
    });
  }
  return out;
}

/** Capitalised words that are not names: days, months, subjects, places in school. */
function isLikelyNameWord(word: string): boolean {
  return !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|English|Maths|Mathematics|Science|Year|Reception|Key|Stage|Section|School|Primary|Academy|College|British|Sign|Language|Makaton|PE|Christmas|Easter|Eid|Diwali|Lego|LEGO|Speech|Occupational|Therapy|Therapist|Teaching|Assistant|Educational|Psychologist|Council|County|NHS)$/.test(word);
}
