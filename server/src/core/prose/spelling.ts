/**
 * British English spelling: US spellings with their British form, and (with the dictionary)
 * words it does not know, with suggestions. Proper nouns, acronyms, quoted speech, numbers and
 * the SEND vocabulary are left alone. Pure; the dictionary is passed in.
 */
import { builtInGlossary } from '../glossary-terms';
import type { WordList } from './names';
import { editDistance, inSpans, quotedSpans, words, type Word } from './text';

export interface Misspelling extends Word {
  kind: 'us' | 'unknown';
  suggestions: string[];
}

/** US spellings common in advice reports, and their British forms. */
const US: Record<string, string> = {
  behavior: 'behaviour', behaviors: 'behaviours', behavioral: 'behavioural', behaviorally: 'behaviourally', behaviorist: 'behaviourist',
  color: 'colour', colors: 'colours', colored: 'coloured', colorful: 'colourful', favorite: 'favourite', favorites: 'favourites', favor: 'favour', favorable: 'favourable',
  honor: 'honour', humor: 'humour', labor: 'labour', neighbor: 'neighbour', neighbors: 'neighbours', rumor: 'rumour', harbor: 'harbour', odor: 'odour', vapor: 'vapour', vigor: 'vigour', endeavor: 'endeavour', savior: 'saviour', flavor: 'flavour',
  center: 'centre', centers: 'centres', centered: 'centred', meter: 'metre', meters: 'metres', liter: 'litre', liters: 'litres', theater: 'theatre', fiber: 'fibre',
  programs: 'programmes', program: 'programme', programed: 'programmed',
  pediatric: 'paediatric', pediatrician: 'paediatrician', pediatricians: 'paediatricians', pediatrics: 'paediatrics', orthopedic: 'orthopaedic', anemia: 'anaemia', anesthetic: 'anaesthetic', esophagus: 'oesophagus', estrogen: 'oestrogen', edema: 'oedema', diarrhea: 'diarrhoea', fetal: 'foetal', hemophilia: 'haemophilia', leukemia: 'leukaemia', encyclopedia: 'encyclopaedia',
  gray: 'grey', mold: 'mould', plow: 'plough', tire: 'tyre', tires: 'tyres', curb: 'kerb', aluminum: 'aluminium', cozy: 'cosy', pajamas: 'pyjamas', jewelry: 'jewellery', catalog: 'catalogue', dialog: 'dialogue', analog: 'analogue', mom: 'mum', moms: 'mums', math: 'maths',
  traveled: 'travelled', traveling: 'travelling', traveler: 'traveller', labeled: 'labelled', labeling: 'labelling', modeled: 'modelled', modeling: 'modelling', canceled: 'cancelled', canceling: 'cancelling', counseling: 'counselling', counselor: 'counsellor', fueled: 'fuelled', signaled: 'signalled', leveled: 'levelled', totaled: 'totalled', enrollment: 'enrolment', fulfill: 'fulfil', fulfillment: 'fulfilment', skillful: 'skilful', willful: 'wilful', installment: 'instalment',
  defense: 'defence', offense: 'offence', pretense: 'pretence', license: 'licence', practiced: 'practised', practicing: 'practising',
  judgment: 'judgement', aging: 'ageing', acknowledgment: 'acknowledgement', gotten: 'got', toward: 'towards', afterward: 'afterwards', learned: 'learnt',
  analyze: 'analyse', analyzed: 'analysed', analyzing: 'analysing', paralyze: 'paralyse', catalyze: 'catalyse',
};
/** US forms that are also right in British English in some senses: only the unambiguous ones are reported. */
const AMBIGUOUS = new Set(['learned', 'meter', 'meters', 'tire', 'tires', 'license', 'curb', 'practiced', 'practicing', 'mom', 'moms', 'math', 'toward', 'afterward', 'gotten', 'judgment', 'aging']);

/** SEND and therapy words the dictionary does not know. */
const SEND_WORDS = new Set(
  (
    'senco sendco ehcp ehcps dyspraxia dyspraxic dyslexic dyscalculic dysgraphia dysfluency dysfluent dysregulation dysregulated neurodivergent neurodiversity neurotypical autistic ' +
    'makaton pecs elklan numicon lexia theraplay stimming stim stims stimmed meltdown meltdowns shutdown shutdowns proprioceptive proprioception vestibular interoception interoceptive ' +
    'hypermobility hypermobile hypotonia hypotonic echolalia echolalic co-regulation co-regulate self-regulate self-regulation visuals chunking chunked overlearning pre-teach pre-teaching pre-taught ' +
    'fidget fidgets trampolining hydrotherapy rebound phonological phonics grapheme graphemes phoneme phonemes digraph digraphs decodable decoding blending segmenting ' +
    'paediatrician paediatric audiologist audiology orthoptist orthotics orthotic splints splinting gastrostomy nasogastric epilepsy epileptic anaphylaxis adrenaline inhaler ' +
    'keyworker key-worker wellbeing well-being mindfulness scaffolded scaffolding differentiated differentiation personalised timetabled timetable ' +
    'programme programmes caseworker caseload ipsea sendiass sendist tribunal statutory specialist dyad dyadic ' +
    'scribe scribing scribed earmould earmoulds sensorineural tonic-clonic contracture contractures sertraline fluoxetine melatonin methylphenidate buccal midazolam ' +
    'cyber cyberbullying online offline app apps tablet emoji emojis youtube gaming esports ' +
    'ataxia ataxic spasticity spastic diplegia hemiplegia quadriplegia scoliosis orthosis orthoses afos afo standing-frame hoist hoisting gastro reflux dysphagia ' +
    'audiogram cochlear tinnitus nystagmus strabismus amblyopia myopia hyperopia braille brailler ' +
    'colourful semantic semantics pragmatic narrative vocab wordfinding word-finding co-occurring comorbid comorbidity' +
    ' non-verbal nonverbal preverbal pre-verbal minimally-verbal subitise subitising numeracy literacy handwriting touch-typing'
  ).split(' '),
);

let glossaryWords: Set<string> | undefined;
function isSendWord(lower: string): boolean {
  if (!glossaryWords) {
    glossaryWords = new Set();
    for (const term of Object.keys(builtInGlossary)) for (const w of words(term)) glossaryWords.add(w.text.toLowerCase());
  }
  return SEND_WORDS.has(lower) || glossaryWords.has(lower);
}

const IZE = /^(\p{Ll}+)(iz)(e|es|ed|ing|ation|ations|er|ers)$/u;
const IZE_EXCEPTIONS = /^(?:size|sizes|sized|sizing|prize|prizes|prized|seize|seizes|seized|seizing|capsize|capsized|capsizes|baptize|downsize|downsized|resize|resized|oversize|oversized|citizen|citizens|wizard|wizards|organize_)$/;

const cache = new WeakMap<WordList, Map<string, string[] | null>>();

/** The misspellings in a text. `extraWords` are the caseload's and user's accepted words. */
export function checkSpelling(text: string, dictionary: WordList | undefined, extraWords: ReadonlySet<string>, maxSuggestions = 40): Misspelling[] {
  const out: Misspelling[] = [];
  const quotes = quotedSpans(text);
  // Web and email addresses, file names, @handles: not prose.
  // Token by token, so a long run without spaces cannot make the pattern backtrack.
  const skip: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const t = m[0];
    if (t.includes('@') || /^(?:https?:\/\/|www\.)/i.test(t) || (t.length < 300 && /\.(?:docx?|pdf|md|txt|yaml|com|uk|org)\b/i.test(t))) skip.push({ start: m.index, end: m.index + t.length });
  }
  let suggested = 0;
  for (const w of words(text)) {
    if (inSpans(quotes, w.start) || inSpans(skip, w.start)) continue;
    if (w.text.length > 40) continue; // not a word (a pasted string); and suggestions for it would be slow
    if (!/^\p{Ll}[\p{Ll}'’\u2010\u2011-]*$/u.test(w.text)) continue; // proper nouns, acronyms, iPad: left alone
    if (/\d/.test(text.slice(Math.max(0, w.start - 1), w.end + 1))) continue; // 1st, 2x, KS2-type tokens
    const word = w.text.replace(/’/g, "'");
    const us = usForm(word, text, w, dictionary);
    if (us) {
      out.push({ ...w, kind: 'us', suggestions: [us] });
      continue;
    }
    if (!dictionary) continue;
    const parts = word.split(/[\u2010\u2011-]/).filter((p) => p.length > 0);
    if (isKnown(word, dictionary, extraWords) || (parts.length > 1 && parts.every((p) => isKnown(p, dictionary, extraWords)))) continue;
    let map = cache.get(dictionary);
    if (!map) cache.set(dictionary, (map = new Map()));
    let suggestions = map.get(word);
    if (suggestions === undefined) {
      if (suggested >= maxSuggestions) suggestions = null;
      else {
        suggested++;
        suggestions = dictionary.suggest(word).slice(0, 3);
        if (map.size > 5000) map.clear();
        map.set(word, suggestions);
      }
    }
    // A word with no close suggestion is more often a rare real word (a drug, a condition) than a typo.
    const close = (suggestions ?? []).filter((s) => editDistance(s.toLowerCase(), word.toLowerCase(), 2) <= 2);
    if (suggestions !== null && close.length === 0) continue;
    out.push({ ...w, kind: 'unknown', suggestions: close });
  }
  return out;
}

function isKnown(word: string, dictionary: WordList, extra: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase();
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
  if (plain !== lower && (dictionary.correct(plain) || extra.has(plain))) return true; // café, naïve, Zoë's
  if (lower.length <= 1 || extra.has(lower) || isSendWord(lower)) return true;
  const bare = lower.replace(/'s$/, '').replace(/'$/, '');
  return dictionary.correct(word) || dictionary.correct(bare) || isSendWord(bare) || extra.has(bare);
}

/** The British form of a US spelling, or undefined. "program" stays in "computer program". */
function usForm(word: string, text: string, w: Word, dictionary: WordList | undefined): string | undefined {
  const lower = word.toLowerCase();
  if (AMBIGUOUS.has(lower)) return undefined;
  const gb = US[lower];
  if (gb) {
    if (/^program/.test(lower) && /\b(?:computer|software|coding|code|a python|an app|app)\s+$/i.test(text.slice(Math.max(0, w.start - 20), w.start))) return undefined;
    return gb;
  }
  const m = IZE.exec(lower);
  if (m && !IZE_EXCEPTIONS.test(lower)) {
    const british = `${m[1]}is${m[3]}`;
    if (!dictionary) return undefined;
    if (dictionary.correct(british) && !dictionary.correct(lower)) return british;
  }
  return undefined;
}
