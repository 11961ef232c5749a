#!/usr/bin/env node
// Generates a large, realistic, fictional caseload of EHC plans for benchmarks.
//
//   node scripts/gen-caseload.mjs <outDir> [--plans 450] [--seed ehcp]
//
// Deterministic: a seeded PRNG (no Math.random), and each plan is generated from its own
// seed (seed + plan number), so plan 17 is the same whatever --plans says. The default
// 450 plans come to about 7 MB and 200,000 lines (about 440 lines and 15.5 KB a plan).
// Plans are built from varied prose fragments: views as block scalars, advice entries,
// needs in B, C and D, outcomes, and provision in F, G, H1 and H2. About 90% are clean;
// about 10% carry the faults real drafts have, each marked with a `# fault: <kind>`
// comment (a hint for people reading the file, not an exact list of expected findings).
// Every plan is valid against the format (server/src/core/model.ts): ids are unique and
// every enum value is allowed. Plain Node, no dependencies. All people are fictional.

import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ------------------------------------------------------------------ arguments

function usage(message) {
  process.stderr.write(`gen-caseload: ${message}\nUsage: node scripts/gen-caseload.mjs <outDir> [--plans 450] [--seed ehcp]\n`);
  process.exit(2);
}

const argv = process.argv.slice(2);
let outDir;
let planCount = 450;
let seedText = 'ehcp';
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--plans' || a.startsWith('--plans=')) {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
    if (!/^\d+$/.test(v ?? '') || Number(v) < 1) usage('--plans needs a whole number of 1 or more');
    planCount = Number(v);
  } else if (a === '--seed' || a.startsWith('--seed=')) {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
    if (!v) usage('--seed needs a value');
    seedText = v;
  } else if (a === '-h' || a === '--help') {
    process.stdout.write('Usage: node scripts/gen-caseload.mjs <outDir> [--plans 450] [--seed ehcp]\n');
    process.exit(0);
  } else if (a.startsWith('-')) {
    usage(`unknown option ${JSON.stringify(a)}`);
  } else if (outDir === undefined) {
    outDir = a;
  } else {
    usage(`unexpected argument ${JSON.stringify(a)}`);
  }
}
if (outDir === undefined) usage('give the folder to write the plans to');

// ------------------------------------------------------------------ seeded randomness

/** FNV-1a: a string → a 32-bit seed. */
function hashSeed(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** `n` distinct items, in random order. */
  const sample = (list, n) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(n, copy.length));
  };
  return { next, int, pick, chance, sample };
}

// ------------------------------------------------------------------ fictional people and places

const FIRST = {
  'she/her': ['Amara', 'Priya', 'Leila', 'Ffion', 'Evie-Mae', 'Zofia', 'Aisha', 'Chloe', 'Isla', 'Niamh', 'Maryam', 'Ruby', 'Hannah', 'Olivia', 'Amelia', 'Grace', 'Freya', 'Sienna', 'Zara', 'Ayesha', 'Maja', 'Siân', 'Roisin', 'Adaeze', 'Mei', 'Ananya', 'Lily', 'Poppy', 'Imogen', 'Keira', 'Esme', 'Nia', 'Bethan', 'Alicja', 'Fatima', 'Halima', 'Iqra', 'Jasmine', 'Kezia', 'Lowri', 'Safiya', 'Tegan', 'Yasmin', 'Zoë'],
  'he/him': ['Tomasz', 'Kai', 'Kwame', 'Jamal', 'Oliver', 'Harry', 'Mohammed', 'Arjun', 'Rhys', 'Callum', 'Dylan', 'Ethan', 'Finley', 'George', 'Ibrahim', 'Jacob', 'Kacper', 'Leo', 'Mason', 'Noah', 'Oscar', 'Reuben', 'Samuel', 'Theo', 'Yusuf', 'Zain', 'Aled', 'Bilal', 'Ciaran', 'Dawid', 'Elijah', 'Hamza', 'Idris', 'Joel', 'Louis', 'Mateusz', 'Nathan', 'Osian', 'Rayan', 'Tariq', 'Toby', 'Wiktor'],
  'they/them': ['Alex', 'Sam', 'Jordan', 'Charlie', 'Robin', 'Morgan', 'Riley', 'Jude', 'Rowan', 'Ellis', 'Quinn', 'Sasha'],
};
const SURNAMES = ['Okafor', 'Sharma', 'Hussain', 'Davies', 'Walsh', 'Kowalczyk', 'Robinson', 'Asante', 'Ibrahim', 'Patel', 'Khan', 'Begum', 'Jones', 'Williams', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Murphy', "O'Connor", 'Nowak', 'Wiśniewska', 'Mensah', 'Adeyemi', 'Chen', 'Nguyen', 'Kaur', 'Singh', 'Ahmed', 'Ali', 'Clarke', 'Hughes', 'Lloyd', 'Morgan', 'Price', 'Reid', 'Campbell', 'Stewart', 'Mackenzie', 'Fraser', 'Gallagher', 'Doherty', 'Novak', 'Popescu', 'Costa', 'Santos', 'Yilmaz', 'Demir', 'Osei', 'Boateng', 'Nwosu', 'Eze', 'Farah', 'Warsame', 'Bennett', 'Carter', 'Fletcher', 'Harrison', 'Jackson', 'Kelly', 'Lewis', 'Marshall', 'Norris', 'Parker', 'Quinn', 'Shaw', 'Turner', 'Walker', 'Young'];
const MIDDLE = ['Rose', 'Grace', 'Mae', 'Jane', 'Elizabeth', 'James', 'John', 'Alexander', 'Ali', 'Kofi', 'Piotr', 'Sana', 'Yusuf', 'Angharad', 'Jordan', 'Marie', 'Louise', 'Thomas', 'David', 'Michael'];
const COUNCILS = ['Northshire County Council', 'Eastmere Borough Council', 'Westfold City Council', 'Southdale Metropolitan Borough Council', 'Riverford Council'];
const CASEWORKERS = ['J. Fields', 'A. Patel', 'M. O\'Brien', 'R. Singh', 'S. Mensah', 'K. Lewis', 'T. Hardy', 'P. Nowak', 'L. Grant', 'D. Akhtar', 'C. Morgan', 'F. Ahmed'];
const TOWNS = ['Northshire', 'Eastmere', 'Westfold', 'Southdale', 'Riverford', 'Hillbrook', 'Ashby', 'Kingsmead'];
const PLACES = {
  early: [['Little Acorns Day Nursery', 'early years setting'], ['Sunflower Pre-School', 'early years setting'], ['Rainbow Children\'s Centre Nursery', 'early years setting'], ['Willow Tree Nursery', 'early years setting']],
  primary: [['Hillside Primary School', 'mainstream'], ['Brookside Primary School', 'mainstream'], ['St Luke\'s C of E Primary School', 'mainstream'], ['Meadow Lane Infant and Junior School', 'mainstream'], ['Oakfield School', 'special'], ['Riverside Primary School (resourced provision for autistic pupils)', 'resourced provision'], ['Kingsmead Academy', 'mainstream']],
  secondary: [['Greenfield Academy', 'mainstream'], ['Castlebrook School', 'mainstream'], ['Hillbrook High School', 'mainstream'], ['Oakfield School', 'special'], ['The Beacon School', 'independent special'], ['Ashby Community College (resourced provision for deaf students)', 'resourced provision'], ['Westfold Academy', 'mainstream']],
  post16: [['Northshire College', 'further education'], ['Eastmere College of Further Education', 'further education'], ['The Bridge Specialist College', 'specialist post-16'], ['Hillbrook Sixth Form', 'mainstream'], ['Oakfield School (sixth form)', 'special']],
};

// ------------------------------------------------------------------ prose fragments
// {N} known-as name, {P} possessive (his/her/their), {O} object (him/her/them), {S} subject
// pronoun (used only before modal verbs, so they/them reads correctly), {T} time frame.

const AREAS = {
  ci: 'communication and interaction',
  cl: 'cognition and learning',
  semh: 'social, emotional and mental health',
  sp: 'sensory and/or physical',
};

// Provision for section F: [what, who, group or '', frequencies allowed, amounts allowed, purpose or ''].
const PROVISION = {
  ci: {
    salt: ['Direct 1:1 speech and language therapy', 'from an HCPC-registered Speech and Language Therapist', '', ['once a week', 'fortnightly'], ['30 minutes', '45 minutes'], 'working on vocabulary, sentence structure and telling events in order'],
    programme: ['A language programme devised by the Speech and Language Therapist and delivered 1:1', 'by a Teaching Assistant trained in the programme', '', ['three times a week', 'twice a week', 'every school day'], ['15 minutes', '20 minutes'], 'so that {N} practises {P} targets between therapy sessions'],
    words: ['Pre-teaching of the key words for each new topic', 'by a Teaching Assistant trained in Word Aware', 'in a group of no more than 4 pupils', ['twice a week', 'once a week'], ['20 minutes', '30 minutes'], ''],
    social: ['A social communication group', 'run by a Speech and Language Therapist', 'of no more than 6 pupils', ['once a week'], ['45 minutes', '1 hour'], 'practising starting conversations, taking turns and repairing misunderstandings'],
    lego: ['Lego-based therapy sessions', 'led by a Teaching Assistant trained in Lego-based therapy', 'in a group of no more than 3 pupils', ['twice a week', 'once a week'], ['30 minutes', '40 minutes'], ''],
    literal: ['Teaching of figures of speech and the language of feelings, using comic strip conversations,', 'from a Teaching Assistant trained by the Speech and Language Therapist', '', ['twice a week'], ['20 minutes'], ''],
    change: ['Preparation for changes to the timetable, with a written and pictured explanation,', 'by {P} key adult, a Higher Level Teaching Assistant', '', ['every school day'], ['10 minutes'], ''],
    attention: ['An Attention Autism programme devised by the Speech and Language Therapist and delivered', 'by a Teaching Assistant trained in Attention Autism', 'in a group of no more than 3 children', ['every school day', 'daily'], ['15 minutes'], ''],
    review: ['Review of targets with the class teacher and Teaching Assistant', 'by the Speech and Language Therapist', '', ['each half term'], ['1 hour'], ''],
    stammer: ['Direct therapy for stammering', 'from an HCPC-registered Speech and Language Therapist specialising in stammering', '', ['once a week'], ['45 minutes'], 'for two blocks of 8 weeks a year'],
    makaton: ['Key word signing and a now-and-next board used with {N} throughout the session', 'by an Early Years Practitioner trained to Makaton Level 2', '', ['daily'], ['3 hours'], ''],
  },
  cl: {
    phonics: ['1:1 teaching of phonics through Read Write Inc. Fresh Start', 'from a Teaching Assistant trained in Read Write Inc.', '', ['every school day'], ['20 minutes'], ''],
    precision: ['Precision Teaching of key words', 'from a Teaching Assistant trained in Precision Teaching', '', ['every school day'], ['10 minutes'], ''],
    comprehension: ['Reading comprehension teaching using Reciprocal Reading', 'from a Teaching Assistant trained in Reciprocal Reading', 'in a group of no more than 3 pupils', ['three times a week'], ['30 minutes'], ''],
    spelling: ['1:1 multisensory spelling teaching', 'from a specialist teacher holding a Level 5 qualification in specific learning difficulties', '', ['twice a week'], ['30 minutes', '45 minutes'], ''],
    numicon: ['1:1 maths teaching with concrete apparatus, in which the words of word problems are taught explicitly,', 'from a Teaching Assistant trained in Numicon', '', ['twice a week', 'three times a week'], ['20 minutes'], ''],
    maths: ['1:1 maths teaching to close gaps from missed learning', 'from a qualified maths teacher', '', ['twice a week'], ['50 minutes'], ''],
    study: ['Study skills sessions in which {N} plans homework and revision with a written weekly planner', 'with a Higher Level Teaching Assistant', '', ['once a week'], ['30 minutes'], ''],
    class: ['Teaching in a class of no more than 10 pupils', 'with a qualified teacher and two Teaching Assistants', '', ['every school day'], ['6.5 hours'], 'with new learning repeated the next day'],
    preteach: ['Pre-teaching of the key terms for each new unit', 'by a Teaching Assistant', '', ['twice a week'], ['30 minutes'], ''],
    ep: ['Consultation with the class teacher and SENCo about {N}\'s learning', 'by an HCPC-registered Educational Psychologist', '', ['once a term'], ['2 hours'], ''],
    memory: ['Teaching of memory strategies, with a task board and written steps for every task,', 'by a Teaching Assistant trained by the Educational Psychologist', '', ['three times a week'], ['15 minutes'], ''],
    lifeskills: ['Money and time skills taught in real settings such as the school café', 'by a Teaching Assistant trained in the life skills curriculum', 'in a group of no more than 4 pupils', ['once a week'], ['1 hour'], ''],
    play: ['Play sessions building shared attention', 'with {P} key person, an Early Years Practitioner qualified to Level 3', '', ['daily'], ['10 minutes'], ''],
  },
  semh: {
    elsa: ['1:1 emotional literacy sessions, in which {N} practises naming {P} feelings and asking for help,', 'with a trained ELSA', '', ['once a week'], ['30 minutes', '45 minutes'], ''],
    checkin: ['A check-in at the start of the day', 'with {P} named key adult, the Assistant SENCo (a qualified teacher)', '', ['every school day'], ['15 minutes'], ''],
    nurture: ['Nurture group sessions', 'led by a teacher trained by the Nurture Group Network', 'in a group of no more than 8 pupils', ['three times a week'], ['1 hour'], ''],
    lunch: ['A lunchtime club in a quiet room', 'run by a Teaching Assistant', 'for a group of no more than 6 pupils', ['every school day'], ['30 minutes'], ''],
    safety: ['Teaching about relationships and online safety', 'from a teacher trained in the Jigsaw PSHE programme', 'in a group of no more than 4 pupils', ['once a week'], ['45 minutes'], ''],
    mentor: ['1:1 mentoring sessions', 'with a Learning Mentor trained in Zones of Regulation', '', ['twice a week'], ['20 minutes'], ''],
    drawing: ['Drawing and Talking sessions', 'with a Teaching Assistant trained in Drawing and Talking', '', ['once a week'], ['30 minutes'], 'for 12 weeks each year'],
    careers: ['Careers guidance interviews', 'with a Careers Adviser qualified to Level 6 in careers guidance', '', ['once a term'], ['45 minutes'], ''],
    travel: ['Independent travel training,', 'delivered by an Independent Travel Trainer employed by the council', '', ['twice a week'], ['1 hour'], 'for 12 weeks'],
    settle: ['A settling routine with a now-and-next board and a comfort object', 'led by {P} key person, an Early Years Practitioner qualified to Level 3', '', ['daily'], ['20 minutes'], ''],
    return: ['Meetings with {N} and {P} family to agree and review a gradual return timetable,', 'led by the SENCo', '', ['each half term'], ['30 minutes'], ''],
  },
  sp: {
    qtod: ['Direct 1:1 teaching, covering pre-teaching of vocabulary, listening skills and self-advocacy,', 'from a Qualified Teacher of the Deaf (QToD)', '', ['three times a week', 'twice a week'], ['45 minutes'], ''],
    checks: ['Checks of {N}\'s hearing aids and radio aid with {O}', 'by a Teaching Assistant trained by the QToD', '', ['every school day'], ['10 minutes'], ''],
    deafaware: ['Deaf awareness training for all of {N}\'s teachers', 'from the QToD', '', ['once a term'], ['1 hour'], ''],
    qtvi: ['Direct 1:1 teaching of braille and touch-typing', 'from a Qualified Teacher of the Visually Impaired (QTVI)', '', ['twice a week'], ['45 minutes'], ''],
    modify: ['Modification of all printed materials into 24-point print or electronic form', 'by a Teaching Assistant trained by the QTVI', '', ['every school day'], ['1 hour'], ''],
    habilitation: ['Habilitation training in mobility and independent living skills', 'from a qualified Habilitation Specialist', '', ['once a week'], ['1 hour'], ''],
    physio: ['Direct physiotherapy', 'from an HCPC-registered Physiotherapist', '', ['fortnightly', 'once a week'], ['45 minutes'], ''],
    stretch: ['A stretching and standing programme devised by the Physiotherapist and carried out', 'by a Teaching Assistant trained by the Physiotherapist', '', ['every school day'], ['30 minutes'], ''],
    handwriting: ['A fine motor and handwriting programme devised by an HCPC-registered Occupational Therapist and delivered 1:1', 'by a Teaching Assistant trained by the Occupational Therapist', '', ['three times a week'], ['15 minutes'], ''],
    otreview: ['Review of the sensory and handwriting programmes with school', 'by an HCPC-registered Occupational Therapist', '', ['each half term'], ['1 hour'], ''],
    circuit: ['A sensory circuit of swinging, jumping and pushing heavy objects on arrival', 'led 1:1 by a Teaching Assistant', '', ['every school day', 'daily'], ['10 minutes'], ''],
    fizzy: ['Motor skills teaching using the Fizzy programme', 'led by a Teaching Assistant trained by the Occupational Therapist', 'in a group of no more than 4 pupils', ['three times a week'], ['20 minutes'], ''],
    rest: ['Planned rest breaks in a quiet room, with {P} work adapted so that {S} can finish it,', 'with a Teaching Assistant', '', ['every school day'], ['30 minutes'], ''],
  },
};

// Need families: the need (two sentences), matching outcomes ({T} is the time frame) and
// the keys of matching provision above. {pe} is "children" or "young people".
const NEEDS = {
  ci: [
    { need: ['{N} finds it hard to follow spoken instructions of more than two steps, especially in a busy classroom.', 'Words about time and order, such as "before", "after" and "unless", are particularly hard, and {N} often watches other {pe} to work out what to do.'], outcomes: ['{T}, {N} will follow three-step classroom instructions, including "before" and "after", without an adult repeating them.'], provision: ['salt', 'programme', 'review'] },
    { need: ['{N} speaks in short sentences and leaves out small grammatical words and word endings.', 'Adults and other {pe} do not always understand what {N} means, and {N} then gives up and walks away.'], outcomes: ['{T}, {N} will retell something that happened to {O} in the right order, in sentences of at least 8 words.', '{T}, {N} will use past tense endings correctly in 8 out of 10 spoken sentences.'], provision: ['salt', 'programme', 'review'] },
    { need: ['{N} knows fewer words than other {pe} of {P} age.', 'New topic words are hard for {O} to learn and remember, and {N} often says "that thing" when {S} cannot find the word {S} wants.'], outcomes: ['{T}, {N} will explain the meaning of at least 15 of the 20 key words from each new topic.'], provision: ['words', 'programme', 'salt'] },
    { need: ['{N} finds it hard to start and keep up a conversation with other {pe}.', 'At break and lunchtime {N} usually stays alone or follows an adult, and {N} has told {P} family that {S} would like a friend.'], outcomes: ['{T}, {N} will start a conversation with another pupil and keep it going for three turns on at least three days a week.', '{T}, {N} will name two friends {S} spends time with at break.'], provision: ['social', 'lego'] },
    { need: ['{N} takes language literally and can misunderstand jokes, sarcasm and figures of speech.', 'When a misunderstanding happens {N} can become upset and finds it hard to put it right.'], outcomes: ['{T}, {N} will explain what a common figure of speech means in 4 out of 5 examples.'], provision: ['literal', 'social'] },
    { need: ['{N} finds unexpected changes to routine very difficult.', 'A cover teacher, a room change or a trip can leave {O} distressed for the rest of the day, and {N} copes much better when changes are explained in advance and in writing.'], outcomes: ['{T}, {N} will use {P} visual timetable to move between lessons calmly when told of a change in advance.'], provision: ['change', 'literal'] },
    { need: ['{N} has a stammer that is more noticeable when {S} is anxious or asked to speak in front of the class.', '{N} avoids answering questions aloud and sometimes pretends not to know the answer.'], outcomes: ['{T}, {N} will answer a question in front of the class at least once a day, using the techniques from {P} therapy.'], provision: ['stammer', 'review'] },
    { need: ['{N} uses about 20 single words and some signs, mostly to ask for things.', '{N} understands familiar words in routines when they come with a gesture, a picture or an object.'], outcomes: ['{T}, {N} will ask for at least 10 things {S} wants using a word, a sign or a picture.', '{T}, {N} will take six turns in a game with an adult and another child.'], provision: ['salt', 'attention', 'makaton'], early: true },
  ],
  cl: [
    { need: ['{N} reads words accurately but understands little of what {S} has read.', '{N} can read a paragraph aloud and then answer few questions about it, and {P} reading comprehension is about two years behind {P} age.'], outcomes: ['{T}, {N} will answer 4 out of 5 questions about a short text at {P} reading level.'], provision: ['comprehension', 'preteach'] },
    { need: ['{N} finds it very hard to hear and work with the sounds in words.', '{N} knows most single letter sounds but cannot reliably blend longer words, and {N} reads only a few common words by sight.'], outcomes: ['{T}, {N} will blend and read words of four and five sounds and read 60 common words by sight.'], provision: ['phonics', 'precision'] },
    { need: ['{N}\'s spelling is based on sounds and many words cannot be read by others.', '{N} writes only a few sentences on {P} own in a lesson and avoids writing tasks.'], outcomes: ['{T}, {N} will write three sentences on {P} own that an unfamiliar reader can read.', '{T}, {N} will spell 80% of {P} weekly subject words correctly.'], provision: ['spelling', 'precision'] },
    { need: ['{N}\'s working memory is well below that of other {pe} of {P} age.', '{N} forgets instructions of more than one step and loses {P} place in tasks.'], outcomes: ['{T}, {N} will use {P} task board to complete a three-step task without an adult repeating the instructions.'], provision: ['memory', 'ep'] },
    { need: ['{N} processes spoken information slowly.', '{N} works accurately but slowly, especially when timed, and often runs out of time to show what {S} knows.'], outcomes: ['{T}, {N} will complete timed tasks in {P} extra time and show {P} working in 8 out of 10 maths questions.'], provision: ['preteach', 'ep', 'study'] },
    { need: ['{N} can count and add small numbers with objects but cannot yet work with numbers without them.', 'Word problems are much harder for {O} because of the language they use.'], outcomes: ['{T}, {N} will choose the right operation and solve one-step word problems in 8 out of 10 attempts.'], provision: ['numicon', 'ep'] },
    { need: ['{N} has moderate learning difficulties and learns best through practical, repeated activity.', 'New learning is quickly lost without daily practice, and {N} needs teaching broken into small steps.'], outcomes: ['{T}, {N} will read and follow a simple recipe and a bus timetable with picture prompts.', '{T}, {N} will take money for an order and give the right change, using a calculator.'], provision: ['class', 'lifeskills', 'precision'] },
    { need: ['{N} finds it hard to organise {P} work.', '{N} does not use a planner, forgets homework and deadlines, and avoids starting tasks that feel large.'], outcomes: ['{T}, {N} will keep a weekly planner and hand in at least 9 out of 10 homework tasks on time.'], provision: ['study'] },
    { need: ['Missed schooling has left gaps in {N}\'s maths, particularly fractions, ratio and algebra.', 'These gaps add to {P} worry about being behind.'], outcomes: ['{T}, {N} will answer Foundation-tier questions on fractions and ratio with at least 70% accuracy.'], provision: ['maths', 'study'] },
    { need: ['{N}\'s attention is led by {P} own interests.', '{N} stays at an adult-led activity for only a few minutes unless it is very motivating.'], outcomes: ['{T}, {N} will stay at an adult-led group activity for 10 minutes with two other children.'], provision: ['play', 'ep'], early: true },
  ],
  semh: [
    { need: ['{N} becomes very anxious about coming to school.', 'On many mornings {N} is sick with worry, and {P} attendance has fallen below 70% this year.'], outcomes: ['{T}, {N} will attend for at least 90% of sessions and arrive by 8.45 am.'], provision: ['checkin', 'return', 'elsa'] },
    { need: ['{N} has a low opinion of {P} own ability.', '{N} describes {O}self as "stupid" or "useless" and avoids tasks rather than risk getting them wrong.'], outcomes: ['{T}, {N} will say three things {S} is good at and try a new task without refusing on most days.'], provision: ['elsa', 'drawing', 'mentor'] },
    { need: ['When {N} is asked to read or write in front of others, {S} can become frustrated.', '{N} has thrown equipment and left the classroom about twice a week this term.'], outcomes: ['{T}, {N} will use {P} calm-down card instead of leaving the classroom on at least 4 out of 5 occasions.'], provision: ['mentor', 'elsa'] },
    { need: ['{N} finds it hard to name and manage {P} feelings.', '{N} keeps worries to {O}self until {S} is overwhelmed, and then can shut down or run out of the room.'], outcomes: ['{T}, {N} will name how {S} is feeling to {P} key adult each day and ask for help when {S} is stuck.'], provision: ['elsa', 'checkin', 'nurture'] },
    { need: ['{N} is very trusting and finds it hard to tell a friend from a stranger.', '{N} has accepted friend requests online from people {S} does not know.'], outcomes: ['{T}, {N} will sort people into friends, people {S} knows and strangers, and tell a trusted adult about any message from a stranger.'], provision: ['safety'] },
    { need: ['{N} finds crowded, noisy places such as corridors, the dining hall and assemblies very difficult.', '{N} has had panic attacks at changeover times and often leaves at lunchtime.'], outcomes: ['{T}, {N} will eat lunch in the dining hall with a friend at least twice a week.'], provision: ['lunch', 'checkin'] },
    { need: ['{N} has experienced a bereavement in the family and finds it hard to settle in class.', '{N} becomes tearful and withdrawn, especially at the start of the week.'], outcomes: ['{T}, {N} will talk about {P} feelings with {P} key adult and stay in class for the whole morning on four days a week.'], provision: ['drawing', 'checkin'] },
    { need: ['{N} becomes very distressed when {S} is separated from {P} parent and when one activity ends and another begins.', '{N} may cry, drop to the floor or hide for up to half an hour.'], outcomes: ['{T}, {N} will say goodbye to {P} parent and settle to play within 10 minutes on most mornings.'], provision: ['settle'], early: true },
    { need: ['To prepare for adulthood, {N} needs to learn to travel on {P} own and to understand the routes into the work {S} wants to do.', '{N} has never travelled on a bus alone and becomes very anxious at bus stations.'], outcomes: ['{T}, {N} will travel by bus on {P} own between home and {P} place of study.', '{T}, {N} will have visited two colleges or employers and chosen the next step {S} wants to take.'], provision: ['travel', 'careers'], older: true },
  ],
  sp: [
    { need: ['{N} has a bilateral moderate-to-severe hearing loss and wears two hearing aids with a radio aid.', 'In noise {N} understands much less of what is said and misses what is said behind {O} or by other pupils.'], outcomes: ['{T}, {N} will check {P} own hearing aids and radio aid each morning and tell an adult straight away when they are not working.', '{T}, {N} will explain the meaning of at least 8 out of 10 key words from each new topic.'], provision: ['qtod', 'checks', 'deafaware'], any: true },
    { need: ['{N} has a visual impairment and reads print at 24 point or larger.', '{N} cannot see the board from {P} seat and tires quickly when reading, and {N} is learning to use a screen reader.'], outcomes: ['{T}, {N} will read a page of 24-point print and use {P} screen reader to find information on a web page.', '{T}, {N} will find {P} way between {P} classroom, the dining hall and the exit using {P} cane.'], provision: ['qtvi', 'modify', 'habilitation'], any: true },
    { need: ['{N} has cerebral palsy and uses a wheelchair for longer distances.', '{P} hamstrings and hips are tight, and without daily stretching and standing {N} is likely to develop contractures.'], outcomes: ['{T}, {N} will keep the range of movement in {P} knees and stand in {P} standing frame for 30 minutes each day.'], provision: ['physio', 'stretch'], any: true },
    { need: ['{N}\'s fine motor skills are well below those of other {pe} of {P} age.', '{P} pencil grip is tight, {S} cannot yet form several letters correctly, and {P} hand aches after a few minutes of writing.'], outcomes: ['{T}, {N} will form all lower-case letters correctly and write for 10 minutes without pain.'], provision: ['handwriting', 'otreview'] },
    { need: ['{N} is very sensitive to sudden noise and busy places.', '{N} covers {P} ears and may run out of the room when a hand dryer or music starts, and {S} seeks movement by spinning, climbing and jumping.'], outcomes: ['{T}, {N} will use {P} ear defenders or go to {P} quiet space when a loud noise starts, instead of running out of the room.'], provision: ['circuit', 'otreview'], any: true },
    { need: ['{N} has difficulties with balance and co-ordination.', '{N} finds PE, stairs and carrying a tray hard and falls more often than other {pe}.'], outcomes: ['{T}, {N} will carry a lunch tray across the dining hall and use the stairs safely on {P} own.'], provision: ['fizzy', 'otreview'], any: true },
    { need: ['{N} tires quickly because of {P} physical condition.', 'By the afternoon {P} posture and handwriting deteriorate and {N} needs planned rest.'], outcomes: ['{T}, {N} will take planned rest breaks and complete a 300-word piece of writing in the afternoon.'], provision: ['rest', 'otreview'] },
  ],
};

/** A third sentence for a need: how it shows in learning or daily life. */
const IMPACT = [
  'This affects {N} in every part of the day, not only in lessons.',
  'Staff who know {N} well say this is the main thing holding {O} back.',
  'It is most noticeable in the afternoons and after holidays.',
  '{P} family see the same difficulty at home and in the community.',
  'Without the right help, {N} falls further behind other {pe} each term.',
  'This has been noted in every assessment since {N} started at {P} setting.',
  'When this is understood and planned for, {N} copes much better.',
  'It makes {N} anxious and tired, and affects how {S} gets on with others.',
];

const HEALTH_NEEDS = [
  ['{N} has epilepsy with occasional tonic-clonic seizures.', 'After a seizure {N} is very tired and may not remember what {S} learnt that morning.'],
  ['{N} eats only a small range of foods and {P} weight has fallen over the last year.', '{N} often eats nothing of the lunch at {P} setting.'],
  ['{N} takes a long time to fall asleep and wakes most nights.', 'Poor sleep leaves {O} tired and easily upset in the day.'],
  ['{N} has an anxiety disorder diagnosed by CAMHS.', '{N} has stomach pains and nausea on weekday mornings and sleeps poorly.'],
  ['{N} has asthma and misses lessons when it is not well controlled.', '{N} needs {P} inhaler with a spacer before PE and when {S} is wheezy.'],
  ['{N} is fed by gastrostomy, including at midday.', '{N} has pain in {P} hip in the afternoons linked to {P} posture.'],
  ['{N} needs {P} hearing and hearing aids checked as {S} grows.', '{N} has had several ear infections this year, during which {S} could not wear {P} hearing aids.'],
];

const SOCIAL_NEEDS = [
  ['{N} needs an adult with {O} at all times because {S} has no sense of danger.', '{P} parents are exhausted and have little time for {P} brothers and sisters.'],
  ['{N} has few chances to go out with people of {P} own age without {P} parents.', '{N} says {S} feels lonely at weekends and would like to join a club.'],
  ['{N} needs help with personal care, including washing and dressing.', '{P} family currently do most of this care on their own.'],
  ['{N} would like to join a sports club or youth group but is too anxious to go alone.', '{N} spends most weekends at home.'],
];

const HEALTH_OUTCOMES = [
  '{T}, {N} will tell an adult when {S} feels unwell and rest in the medical room until {S} is ready to rejoin {P} class.',
  '{T}, {N} will eat at least 10 different foods, including two fruits or vegetables.',
  '{T}, {N} will fall asleep within 45 minutes of going to bed on at least 5 nights a week.',
  '{T}, {N} will use three techniques to calm {O}self and rate {P} anxiety on weekday mornings at 5 out of 10 or lower.',
  '{T}, {N} will use {P} inhaler with a spacer correctly and miss no more than 2 lessons a term because of asthma.',
  '{T}, {N} will tell {P} key adult when {P} hip hurts, using {P} preferred way of communicating.',
  '{T}, {N} will have well-fitting earmoulds and wear {P} hearing aids for the whole day.',
];

const SOCIAL_OUTCOMES = [
  '{T}, {N} will spend three hours each week calm and safe with a carer {S} knows, while {P} parents rest.',
  '{T}, {N} will go out with friends of {P} choice at least once a week with {P} Personal Assistant.',
  '{T}, {N} will wash and dress with the help of two carers each morning and choose {P} own clothes.',
  '{T}, {N} will go to a club of {P} choice at least once a week.',
];

/** Health provision for section G, by the index of the health need it meets. */
const HEALTH_PROVISION = [
  ['Review of {N}\'s epilepsy, medication and individual healthcare plan by the Paediatric Epilepsy Specialist Nurse', ['once a term'], ['45 minutes']],
  ['Review of {N}\'s growth and eating by a Paediatric Dietitian, with a written eating plan shared with school', ['once a term'], ['45 minutes']],
  ['Review in the sleep clinic by the Consultant Community Paediatrician, with a written sleep plan for home', ['twice a year'], ['30 minutes']],
  ['Individual cognitive behavioural therapy (CBT) for anxiety from a CAMHS Clinical Psychologist', ['once a week'], ['50 minutes']],
  ['Review of {N}\'s asthma plan by the Practice Nurse at {P} GP surgery', ['twice a year'], ['20 minutes']],
  ['Review of {N}\'s gastrostomy feeding regimen by a Specialist Dietitian', ['once a term'], ['45 minutes']],
  ['Audiology review of {N}\'s hearing and hearing aids by a Paediatric Audiologist', ['twice a year'], ['45 minutes']],
];

/** Social care provision: [text, H1 only for under-18s?]. */
const SOCIAL_PROVISION = [
  'Short breaks at home from a Short Breaks Carer employed by Children\'s Services, 3 hours once a week, 52 weeks a year.',
  'A Personal Assistant paid through a direct payment, 4 hours a week, 52 weeks a year, to go with {N} to social and leisure activities of {P} choice.',
  'Personal care at home, including washing and dressing, from two Care Workers from an agency registered with the Care Quality Commission, 45 minutes twice a day, 52 weeks a year.',
  'A place at a Saturday youth club for disabled young people, with a Youth Worker working 1:1 with {N}, 3 hours once a week, 40 weeks a year.',
];

const ADVICE = {
  ci: [['salt', 'Speech and Language Therapist']],
  cl: [['ep', 'Educational Psychologist']],
  semh: [['ep', 'Educational Psychologist'], ['camhs', 'Clinical Psychologist, CAMHS']],
  sp: [['ot', 'Occupational Therapist'], ['physio', 'Physiotherapist'], ['sensory', 'Qualified Teacher of the Deaf'], ['qtvi', 'Qualified Teacher of the Visually Impaired']],
};
const ADVISERS = ['R. Hale', 'Dr S. Adeyemi', 'N. Gallagher', 'H. O\'Connor', 'M. Bell', 'Dr A. Rahman', 'K. Brown', 'J. Whitaker', 'C. Brennan', 'Dr F. Qureshi', 'G. Pryce', 'L. Evans', 'Dr K. Simmons', 'P. Okoro', 'H. Yilmaz', 'J. Adebayo', 'S. Kerr', 'C. Dunn', 'Dr O. Marsh', 'P. Desai'];

const INTERESTS = ['dinosaurs', 'football', 'drawing', 'swimming', 'Lego', 'baking', 'horses', 'trains', 'music', 'dancing', 'gaming', 'animals', 'space', 'cooking', 'photography', 'making videos', 'climbing frames', 'water play', 'bubbles', 'superheroes', 'netball', 'coding', 'fishing', 'art'];
const YOUNG_INTERESTS = ['climbing frames', 'water play', 'bubbles', 'superheroes', 'dinosaurs', 'Lego'];
const JOBS = ['a vet', 'a games designer', 'a chef', 'a footballer', 'an artist', 'a mechanic', 'a nurse', 'a photographer', 'a teacher', 'a zookeeper', 'a firefighter', 'a baker', 'a hairdresser', 'a builder', 'a scientist', 'a YouTuber'];

const CHILD_VIEWS = [
  'I like {i1} and {i2}. I am good at {i1}.',
  'My favourite thing at school is {i2}.',
  'I don\'t like it when it is noisy or when people shout.',
  'Reading is hard when the words are long.',
  'I want a friend to play with at break time.',
  'Sometimes I get cross and I don\'t know why.',
  'I like it when my teacher tells me what is happening next.',
  'I get tired by the end of the day.',
  'I want to be {job} when I grow up.',
  'I don\'t like it when everyone looks at me.',
  'I like helping in the classroom.',
  'Maths is OK when we use the cubes.',
];
const EARLY_VIEWS = [
  '{N} cannot yet tell us {P} views in words; these come from {P} family and {P} key person.',
  '{N} loves {i1} and {i2}, and is happiest outside.',
  '{N} shows that {S} is upset by covering {P} ears or running away.',
  '{N} likes songs with actions and joins in with the last word.',
  '{N} leads an adult by the hand to show what {S} wants.',
  '{N} enjoys being swung and tickled by adults {S} knows well.',
  '{N} does not like other children coming too close.',
  '{N} settles best when the day follows the same pattern.',
];
const OLDER_VIEWS = [
  'I like {i1} and {i2}. I\'m good at {i1}.',
  'I want to be {job} one day.',
  'Noisy places are hard. By the end of the day I\'m really tired.',
  'I don\'t want to be the one who gets taken out of lessons in front of everyone.',
  'I want one person I can go to who knows me.',
  'Group work is the worst.',
  'Don\'t change my timetable without telling me.',
  'I want teachers to explain things again without making a big deal of it.',
  'I want to have friends to go out with at the weekend.',
  'I\'d like to live on my own one day.',
  'Ask me, not my mum.',
];
const PARENT_VIEWS = [
  '{N} is a kind, funny and determined child, and we are very proud of {O}.',
  'We have seen {P} confidence drop over the last year, and {N} has started to say that {S} cannot do things.',
  'We want {N} to have the help the professionals recommended, every week, from people who are trained to give it.',
  'Mornings can be very hard, and we need school and the health services to work together and tell us the same thing.',
  'We would like to be told about changes before they happen, so that we can prepare {N} at home.',
  'We worry about what will happen when {N} moves on to the next school or college.',
  'Above all we want {N} to be happy, to have friends and to feel clever, because {S} is.',
  'We have had to repeat {N}\'s story to many professionals, and we would like this plan to be the one place where it is written down properly.',
  'When {N} has a good day it is because the adults around {O} understood what {S} needed and planned for it.',
  'We want to be partners in this plan, and to hear from school about how {N} is getting on more than once a term.',
  'We are tired, and we need the plan to say clearly who will do what, so that we do not have to keep asking.',
  '{N} has made real progress when the right help was in place, and we want that to continue.',
];
const HISTORIES = [
  '{N} was late to talk and had speech and language therapy before starting school.',
  '{N} was born early and spent several weeks in neonatal care.',
  '{N} has had SEN support at {P} school since Reception.',
  '{N} moved to the area two years ago and settled well at first.',
  '{N} was diagnosed by the Child Development Centre after a referral from {P} health visitor.',
  'Difficulties first became clear when {N} started nursery.',
  '{N} has had help from several services, and {P} family have found it hard to keep track of who does what.',
];

// ------------------------------------------------------------------ helpers

const PRONOUNS = {
  'she/her': { S: 'she', O: 'her', P: 'her' },
  'he/him': { S: 'he', O: 'him', P: 'his' },
  'they/them': { S: 'they', O: 'them', P: 'their' },
};

const THEY_VERBS = { is: 'are', has: 'have', does: 'do', was: 'were', finds: 'find', feels: 'feel', says: 'say', knows: 'know', seeks: 'seek', needs: 'need', gets: 'get', wants: 'want', attends: 'attend', copes: 'cope', tires: 'tire', learns: 'learn', works: 'work', uses: 'use', hears: 'hear', sees: 'see', likes: 'like', spends: 'spend', starts: 'start' };

function fill(template, ctx) {
  return template
    .replace(/\{([A-Za-z0-9]+)\}/g, (m, key) => (key in ctx ? ctx[key] : m))
    .replace(/(^|[.!?]\s+)(she|he|they|her|his|their|him|them)\b/g, (_m, pre, w) => pre + w[0].toUpperCase() + w.slice(1))
    // "they is" / "they has" / "they does" after substitution
    .replace(/\b([Tt]hey) (is|has|does|was|[a-z]+s)\b/g, (m, t, v) => (v in THEY_VERBS ? `${t} ${THEY_VERBS[v]}` : m))
    .replace(/\bthemself\b/g, 'themselves');
}

const pad = (n, w) => String(n).padStart(w, '0');
const isoDate = (y, m, d) => `${y}-${pad(m, 2)}-${pad(d, 2)}`;

/** Plain scalars must not contain ": " or " #", start with an indicator, or look like another type. */
function plainSafe(text) {
  return !/: |\s#|^[-?:,[\]{}#&*!|>'"%@`\s]|\s$|^(yes|no|true|false|on|off|null|~)$/i.test(text) && !/^[\d.+-]+$/.test(text);
}

/** Wrap prose at about `width` columns for a folded block scalar. */
function wrap(text, width) {
  const words = text.split(/\s+/);
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** `key: value` lines at `indent`, choosing a plain scalar, a quoted one or a folded block. */
function field(key, text, indent, rng, options = {}) {
  const sp = ' '.repeat(indent);
  const comment = options.comment ? `  # ${options.comment}` : '';
  const long = text.length > 110 || options.block;
  if (!long || (options.comment && plainSafe(text))) {
    if (plainSafe(text)) return [`${sp}${key}: ${text}${comment}`];
    return [`${sp}${key}: "${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"${comment}`];
  }
  const width = rng.pick([70, 74, 78]);
  return [`${sp}${key}: >-${comment}`, ...wrap(text, width - indent - 2).map((l) => `${sp}  ${l}`)];
}

function literal(key, lines, indent) {
  const sp = ' '.repeat(indent);
  return [`${sp}${key}: |`, ...lines.map((l) => `${sp}  ${l}`)];
}

// ------------------------------------------------------------------ one plan

const PHASES = [
  ['early', 0.1, [3, 4]],
  ['primary', 0.35, [5, 10]],
  ['secondary', 0.35, [11, 15]],
  ['post16', 0.2, [16, 19]],
];
const FAULT_KINDS = ['vague', 'no-frequency', 'no-amount', 'no-provider', 'need-without-provision', 'need-without-outcome', 'outcome-without-need', 'outcome-not-smart', 'provision-without-need', 'unknown-reference', 'duplicate-id', 'wrong-section', 'copy-paste'];
const VAGUE = [
  (t) => `Access to ${t[0].toLowerCase() + t.slice(1)}`,
  (t) => t.replace(/, (\d)/, ', as required, $1'),
  (t) => t.replace(/^/, 'Where possible, ').replace(/^Where possible, (\w)/, (_m, c) => `Where possible, ${c.toLowerCase()}`),
  (t) => t.replace(/(\d+(?:\.\d+)? (?:minutes|hours?))/, 'up to $1'),
  (t) => `${t.replace(/\.$/, '')}, subject to review.`,
  (t) => t.replace(/\bfrom an?\b|\bby an?\b|\bwith an?\b/, 'should be provided by a'),
];

function generatePlan(number, seedBase) {
  const rng = makeRng(hashSeed(`${seedBase}:${number}`));
  const pronouns = rng.pick([...Array(9).fill('she/her'), ...Array(10).fill('he/him'), 'they/them']);
  const first = rng.pick(FIRST[pronouns]);
  const surname = rng.pick(SURNAMES);
  const name = `${first} ${rng.chance(0.6) ? `${rng.pick(MIDDLE)} ` : ''}${surname}`;
  const pr = PRONOUNS[pronouns];

  // Phase and age.
  let r = rng.next();
  let phase = PHASES[PHASES.length - 1];
  for (const p of PHASES) {
    if (r < p[1]) {
      phase = p;
      break;
    }
    r -= p[1];
  }
  const [phaseName, , [ageLo, ageHi]] = phase;
  const age = rng.int(ageLo, ageHi);
  const birthYear = 2026 - age;
  const dob = isoDate(birthYear, rng.int(1, 12), rng.int(1, 28));
  const [placeName, placeType] = rng.pick(PLACES[phaseName]);
  const weeks = phaseName === 'post16' ? '36 weeks a year' : '38 weeks a year';
  const under18 = age < 18;

  const interests = rng.sample(age < 11 ? INTERESTS : INTERESTS.filter((x) => !YOUNG_INTERESTS.includes(x)), 2);
  const ctx = { N: first, ...pr, pe: age < 11 ? 'children' : 'young people', i1: interests[0], i2: interests[1], job: rng.pick(JOBS) };
  const f = (t) => fill(t, ctx);
  const horizons = {
    early: ['By July 2027', 'By July 2027', 'By December 2026', 'By the time {S} starts school'],
    primary: ['By July 2027', 'By July 2027', 'By December 2027', age >= 7 ? 'By the end of Key Stage 2' : 'By July 2028'],
    secondary: ['By July 2027', 'By July 2027', 'By July 2028', age >= 14 ? 'By the end of Year 11' : 'By December 2027'],
    post16: ['By July 2027', 'By July 2027', 'By July 2028', 'By the end of {P} course'],
  };
  const horizon = rng.pick(horizons[phaseName]);

  const faulty = rng.chance(0.1);
  const faults = new Set(faulty ? rng.sample(FAULT_KINDS, rng.int(1, 3)) : []);

  // Areas of need: a primary area and one to three more.
  const areaKeys = rng.sample(Object.keys(AREAS), rng.int(3, 4));
  const out = [];
  const push = (...lines) => out.push(...lines);

  push(`# ${name}, age ${age}, ${placeName}. Generated by scripts/gen-caseload.mjs (plan ${number}); fictional.`);
  if (faults.size > 0) push(`# Carries faults: ${[...faults].sort().join(', ')}.`);
  push('ehcp: 1', '');
  push('child:', `  name: ${name}`, `  known_as: ${first}`, `  pronouns: ${pronouns}`, `  date_of_birth: ${dob}`, '');

  const status = rng.pick(['draft', 'final', 'final', 'final', 'amended']);
  const reqMonth = rng.int(1, 6);
  push('plan:', `  local_authority: ${rng.pick(COUNCILS)}`, `  caseworker: ${rng.pick(CASEWORKERS)}`, `  status: ${status}`, '  dates:');
  push(`    request_received: ${isoDate(2026, reqMonth, rng.int(1, 28))}`, `    assessment_agreed: ${isoDate(2026, reqMonth + 1, rng.int(1, 28))}`);
  push(`    draft_issued: ${isoDate(2026, reqMonth + 3, rng.int(1, 28))}`);
  if (status !== 'draft') push(`    final_issued: ${isoDate(2026, reqMonth + 4, rng.int(1, 28))}`, `    next_annual_review: ${isoDate(2027, reqMonth + 4, rng.int(1, 28))}`);
  push('');

  // Section A.
  push('views:');
  push(...literal('child', rng.sample(age < 5 ? EARLY_VIEWS : age < 11 ? CHILD_VIEWS : OLDER_VIEWS, rng.int(6, 8)).map(f), 2));
  push(...field('parents', rng.sample(PARENT_VIEWS, rng.int(6, 9)).map(f).join(' '), 2, rng, { block: true }));
  push(...field('aspirations', f(`{N} wants to be {job}. ${rng.pick(['{P} family hope', 'Everyone who knows {N} hopes'])} that {S} will move on to ${phaseName === 'post16' ? 'work or further study' : 'the next stage of education'} confident, with friends, and able to ask for what {S} needs. ${age >= 13 ? 'Preparing for adulthood for {N} means paid work, living as independently as {S} can, friendships and good health.' : 'They would like {N} to read for pleasure and to enjoy learning.'}`), 2, rng, { block: true }));
  push(...field('history', rng.sample(HISTORIES, rng.int(3, 5)).map(f).join(' '), 2, rng, { block: true }), '');

  // Section K.
  const advice = [];
  const seenAdvice = new Set();
  for (const a of areaKeys) for (const [id, prof] of ADVICE[a]) if (!seenAdvice.has(id) && (advice.length < 2 || rng.chance(0.6))) {
    seenAdvice.add(id);
    advice.push([id, prof]);
  }
  if (!seenAdvice.has('school')) advice.push(['school', 'SENCo']);
  advice.push(['paed', 'Consultant Community Paediatrician']);
  push('advice:');
  for (const [id, prof] of advice) {
    push(`  - id: ${id}`, `    professional: ${prof}`, `    author: ${rng.pick(ADVISERS)}`, `    date: ${isoDate(2026, Math.min(12, reqMonth + 2), rng.int(1, 28))}`);
  }
  push('');
  const adviceIds = advice.map((a) => a[0]);
  const evidenceFor = () => rng.sample(adviceIds, rng.int(1, 2)).map((id) => `${id}#${rng.chance(0.5) ? `${rng.int(2, 6)}.${rng.int(1, 9)}` : `R${rng.int(1, 8)}`}`);

  // Sections B, C, D.
  const needs = [];
  let n = 0;
  const young = age < 5;
  const older = age >= 13;
  for (const a of areaKeys) {
    const pool = NEEDS[a].filter((fam) => (young ? fam.early || fam.any : !fam.early) && (!fam.older || older));
    for (const fam of rng.sample(pool, a === areaKeys[0] ? 3 : rng.int(2, 3))) {
      needs.push({ id: `N${++n}`, section: 'B', area: a, fam, text: f([...fam.need, rng.pick(IMPACT)].join(' ')) });
    }
  }
  const healthIdx = rng.sample([...HEALTH_NEEDS.keys()], rng.int(1, 2));
  for (const h of healthIdx) needs.push({ id: `N${++n}`, section: 'C', health: h, text: f(HEALTH_NEEDS[h].join(' ')) });
  const socialIdx = rng.chance(0.5) ? rng.int(0, SOCIAL_NEEDS.length - 1) : -1;
  if (socialIdx >= 0) needs.push({ id: `N${++n}`, section: 'D', social: socialIdx, text: f(SOCIAL_NEEDS[socialIdx].join(' ')) });

  // Section E: the outcomes that go with each need.
  const outcomes = [];
  let o = 0;
  for (const need of needs) {
    const pool = need.section === 'B' ? need.fam.outcomes : need.section === 'C' ? [HEALTH_OUTCOMES[need.health]] : [SOCIAL_OUTCOMES[need.social]];
    for (const t of pool) outcomes.push({ id: `O${++o}`, needs: [need.id], text: f(t.replace('{T}', horizon)) });
  }

  // Sections F, G, H: the provision that goes with each need.
  const provision = [];
  let p = 0;
  for (const need of needs) {
    const mine = outcomes.filter((x) => x.needs.includes(need.id)).map((x) => x.id);
    if (need.section === 'B') {
      for (const key of need.fam.provision) {
        const [what, who, group, freqs, amounts, purpose] = PROVISION[need.area][key];
        const parts = { what: f(what), who: f(who), group, freq: rng.pick(freqs), amount: rng.pick(amounts), period: weeks, purpose: purpose ? f(purpose) : '' };
        provision.push({ id: `P${++p}`, section: 'F', needs: [need.id], outcomes: mine, parts, salt: /speech and language therapy/i.test(what) });
      }
    } else if (need.section === 'C') {
      const [text, freqs, amounts] = HEALTH_PROVISION[need.health];
      provision.push({ id: `P${++p}`, section: 'G', needs: [need.id], outcomes: mine, text: `${f(text)}, ${rng.pick(amounts)} ${rng.pick(freqs)}.` });
    } else {
      provision.push({ id: `P${++p}`, section: under18 && need.social !== 2 ? 'H1' : 'H2', needs: [need.id], outcomes: mine, text: f(SOCIAL_PROVISION[need.social]) });
    }
  }
  const composeText = (x) => {
    if (x.text) return x.text;
    const q = x.parts;
    const bits = [q.what, q.who, q.group].filter(Boolean).join(' ');
    const amount = q.amount && q.freq ? `${q.amount} ${q.freq}` : q.amount || q.freq;
    return `${[bits, amount, q.period].filter(Boolean).join(', ')}${q.purpose ? `, ${q.purpose}` : ''}.`;
  };

  // Faults (about 10% of plans). Each is a change real drafts show; comments mark where.
  const fItems = provision.filter((x) => x.parts);
  const comments = new Map(); // item → { line: 'id'|'text'|'section'|'needs', note }
  const mark = (item, where, kind) => comments.set(item, { where, note: `fault: ${kind}` });
  if (faults.has('vague') && fItems[0]) {
    const x = fItems[0];
    x.text = rng.pick(VAGUE)(composeText(x));
    mark(x, 'text', 'vague');
  }
  if (faults.has('no-frequency') && fItems[1]) {
    fItems[1].parts.freq = '';
    mark(fItems[1], 'text', 'no-frequency');
  }
  if (faults.has('no-amount') && fItems[2]) {
    fItems[2].parts.amount = '';
    mark(fItems[2], 'text', 'no-amount');
  }
  if (faults.has('no-provider') && fItems[3]) {
    fItems[3].parts.who = '';
    mark(fItems[3], 'text', 'no-provider');
  }
  if (faults.has('need-without-provision')) {
    const need = needs.find((x) => x.section === 'B' && !comments.has(x));
    for (const x of provision) x.needs = x.needs.filter((id) => id !== need.id);
    // Keep its provision serving the outcome, so only the need is unmet.
    for (const x of provision) if (x.needs.length === 0) x.needs = [needs.find((y) => y !== need && y.section === 'B').id];
    mark(need, 'id', 'need-without-provision');
  }
  if (faults.has('need-without-outcome')) {
    const need = needs.filter((x) => x.section === 'B' && !comments.has(x)).pop();
    if (need) {
      const dropped = new Set(outcomes.filter((x) => x.needs.length === 1 && x.needs[0] === need.id).map((x) => x.id));
      for (let i = outcomes.length - 1; i >= 0; i--) if (dropped.has(outcomes[i].id)) outcomes.splice(i, 1);
      for (const x of provision) x.outcomes = x.outcomes.filter((id) => !dropped.has(id));
      mark(need, 'id', 'need-without-outcome');
    }
  }
  if (faults.has('outcome-without-need') && outcomes[1]) {
    outcomes[1].needs = [];
    mark(outcomes[1], 'id', 'outcome-without-need');
  }
  if (faults.has('outcome-not-smart') && outcomes[0]) {
    outcomes[0].text = f(rng.pick(['{N} will make progress in {P} reading.', '{N} will reach {P} potential.', '{N} will improve {P} communication skills.', '{N} will be supported to manage {P} feelings.']));
    mark(outcomes[0], 'text', 'outcome-not-smart');
  }
  if (faults.has('provision-without-need')) {
    const x = { id: `P${++p}`, section: 'F', needs: [], outcomes: [], text: 'Swimming lessons from a qualified swimming teacher, in a group of no more than 4 pupils, 30 minutes once a week, 38 weeks a year.' };
    provision.push(x);
    mark(x, 'id', 'provision-without-need');
  }
  if (faults.has('unknown-reference') && fItems[4]) {
    fItems[4].needs = [...fItems[4].needs, `N${n + rng.int(1, 3)}`];
    mark(fItems[4], 'needs', 'unknown-reference');
  }
  if (faults.has('duplicate-id') && fItems.length > 6) {
    fItems[6].id = fItems[5].id;
    mark(fItems[6], 'id', 'duplicate-id');
  }
  if (faults.has('wrong-section')) {
    const x = fItems.find((y) => y.salt && !comments.has(y)) ?? fItems.find((y) => !comments.has(y));
    if (x) {
      if (!x.salt) x.text = `Direct speech and language therapy from an HCPC-registered Speech and Language Therapist, 30 minutes once a week, ${weeks}.`;
      x.section = 'G';
      mark(x, 'section', 'wrong-section');
    }
  }
  if (faults.has('copy-paste')) {
    const need = needs.find((x) => x.section === 'B' && !comments.has(x));
    const other = rng.pick(FIRST[pronouns].filter((x) => x !== first));
    need.text = need.text.replace(new RegExp(`\\b${first.replace(/[-]/g, '\\-')}\\b(?!.*\\b${first.replace(/[-]/g, '\\-')}\\b)`), other);
    mark(need, 'text', `copy-paste (${other} is another child)`);
  }

  const note = (item, where) => (comments.get(item)?.where === where ? comments.get(item).note : undefined);

  push('needs:');
  for (const x of needs) {
    push(`  - id: ${x.id}${note(x, 'id') ? `  # ${note(x, 'id')}` : ''}`, `    section: ${x.section}`);
    if (x.area) push(`    area: ${AREAS[x.area]}`);
    push(...field('text', x.text, 4, rng, { comment: note(x, 'text') }));
    push(`    evidence: [${evidenceFor().join(', ')}]`);
  }
  push('');
  push('outcomes:');
  for (const x of outcomes) {
    push(`  - id: ${x.id}${note(x, 'id') ? `  # ${note(x, 'id')}` : ''}`, `    needs: [${x.needs.join(', ')}]`);
    push(...field('text', x.text, 4, rng, { comment: note(x, 'text') }));
    if (rng.chance(0.7)) push(`    evidence: [${evidenceFor().join(', ')}]`);
  }
  push('');
  push('provision:');
  for (const x of provision) {
    push(`  - id: ${x.id}${note(x, 'id') ? `  # ${note(x, 'id')}` : ''}`);
    push(`    section: ${x.section}${note(x, 'section') ? `  # ${note(x, 'section')}` : ''}`);
    push(`    needs: [${x.needs.join(', ')}]${note(x, 'needs') ? `  # ${note(x, 'needs')}` : ''}`);
    push(`    outcomes: [${x.outcomes.join(', ')}]`);
    const text = composeText(x);
    const faultNote = note(x, 'text');
    // A faulty text stays on one line so that its comment sits on the line the finding starts.
    push(...field('text', text, 4, rng, faultNote ? { comment: faultNote } : { block: text.length > 90 && rng.chance(0.7) }));
    if (x.section !== 'F' || rng.chance(0.9)) push(`    evidence: [${evidenceFor().join(', ')}]`);
  }
  push('');
  push('placement:', `  name: ${placeName.includes(':') ? `"${placeName}"` : placeName}`, `  type: ${placeType}`, '');
  const budget = provision.some((x) => /direct payment/.test(composeText(x)));
  if (budget) push('personal_budget:', '  amount: £4,992 a year (4 hours a week at £24 an hour, 52 weeks)', '  covers: The Personal Assistant in Section H, paid as a direct payment to the family.');
  else push('personal_budget: none');

  const slug = `${first}-${surname}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ś/g, 's').replace(/[^A-Za-z0-9-]+/g, '').toLowerCase();
  return { file: `${pad(number, 4)}-${slug}.ehcp.yaml`, text: `${out.join('\n')}\n` };
}

// ------------------------------------------------------------------ write

mkdirSync(outDir, { recursive: true });
// Plans left from an earlier run with more plans would skew the totals: remove files with the
// generator's own names (0001-name.ehcp.yaml) that this run does not write. Nothing else is touched.
const written = new Set();
let bytes = 0;
let lines = 0;
let faulty = 0;
for (let i = 1; i <= planCount; i++) {
  const { file, text } = generatePlan(i, seedText);
  writeFileSync(join(outDir, file), text);
  written.add(file);
  bytes += Buffer.byteLength(text);
  lines += text.split('\n').length - 1;
  if (text.includes('\n# Carries faults:')) faulty++;
}
for (const old of readdirSync(outDir)) {
  if (/^\d{4}-[a-z0-9-]+\.ehcp\.yaml$/.test(old) && !written.has(old)) unlinkSync(join(outDir, old));
}
const mb = (bytes / 1e6).toFixed(2);
process.stdout.write(`wrote ${planCount} plans to ${outDir}: ${bytes.toLocaleString('en-GB')} bytes (${mb} MB), ${lines.toLocaleString('en-GB')} lines, ${faulty} with faults; ${Math.round(lines / planCount)} lines and ${(bytes / planCount / 1000).toFixed(1)} KB a plan on average\n`);
