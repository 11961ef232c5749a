// A long, realistic, fictional plan for measuring editing latency, and the edits a writer makes
// in it. Shared by scripts/bench-lsp.mjs (over stdio) and the incremental parser's tests.
// Deterministic: a seeded PRNG, no Math.random. Plain Node, no dependencies.

/** mulberry32: a small seeded PRNG. `int(n)` is 0 … n − 1. */
export function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}

const AREAS = ['communication and interaction', 'cognition and learning', 'social, emotional and mental health', 'sensory and/or physical'];
const NEEDS = [
  'Ada finds it hard to follow spoken instructions of more than two steps, especially in a busy classroom.',
  'Ada reads at a level about two years below most children of her age and avoids reading aloud.',
  "Ada's working memory is well below that of other children of her age; she loses her place in tasks.",
  'Ada finds unexpected changes to routine very difficult and can be distressed for the rest of the day.',
  'Ada writes only a few sentences on her own in a lesson, and her handwriting tires her hand quickly.',
  'Ada finds it hard to start and keep up a conversation with other children at break and lunchtime.',
];
const OUTCOMES = [
  'By July 2028, Ada will follow three-step classroom instructions without an adult repeating them.',
  'By the end of Key Stage 2, Ada will read a book banded at her age with 90% accuracy.',
  'By July 2028, Ada will use her task board to complete a three-step task on her own.',
  'Ada will improve her reading.', // not SMART: a finding
  'By Easter 2028, Ada will start a conversation with another pupil on at least three days a week.',
];
const PROVISION = [
  'Precision Teaching of key words delivered 1:1 by a Teaching Assistant trained in Precision Teaching, 3 x 15 minutes weekly.',
  'Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.',
  'A check-in at the start of the day with her named key adult, the Assistant SENCo, for 15 minutes every school day.',
  'Lego-based therapy sessions led by a Teaching Assistant trained in Lego-based therapy, in a group of no more than 3 pupils, twice a week for 30 minutes.',
  'Regular access to a quiet space as required.', // vague, no frequency, no provider: findings
  'Support from a Teaching Assistant in lessons.', // vague, no frequency or amount: findings
  'A fine motor and handwriting programme devised by an Occupational Therapist and delivered 1:1 by a Teaching Assistant she has trained, three times a week for 15 minutes.',
];

/**
 * A plan of about `lines` lines with needs, outcomes and provision linked by id, plain and folded
 * prose, flow lists, comments, advice and top-level fields; about one item in twelve carries a
 * fault a checker reports (vague provision, an outcome that is not SMART, a need nothing meets,
 * a reference to a missing id), so a 3,000-line plan has about 100 findings.
 */
export function realisticPlan(lines = 3000, seed = 6) {
  const rng = seeded(seed);
  const head = [
    '# A long, fictional plan for measuring the editor. Ada Lovelock is not a real child.',
    'ehcp: 1',
    'child:',
    '  name: Ada Mary Lovelock',
    '  known_as: Ada',
    '  pronouns: she/her',
    '  date_of_birth: 2017-06-14',
    'plan:',
    '  local_authority: Westmere Borough Council',
    '  caseworker: P. Adeyemi',
    '  status: draft',
    '  dates:',
    '    request_received: 2026-01-12',
    '    draft_issued: 2026-05-01',
    'views:',
    '  child: >-',
    '    I like swimming and my cat Biscuit. I do not like it when the hall is noisy.',
    '    I want to read Harry Potter by myself.',
    '  parents: We want Ada to have friends and to be able to tell people what she needs.',
    'advice:',
  ];
  const advice = ['salt', 'ep', 'ot', 'school'];
  for (const id of advice) head.push(`  - id: ${id}`, `    professional: ${{ salt: 'Speech and Language Therapist', ep: 'Educational Psychologist', ot: 'Occupational Therapist', school: 'SENCo' }[id]}`, `    date: 2026-03-0${advice.indexOf(id) + 1}`);
  const tail = ['placement:', '  name: Hillside Primary School', '  type: mainstream', 'personal_budget: none'];
  // One group is a need, an outcome and a provision item, about 15 lines; the number of groups
  // is fixed first so that references to a missing id stay missing.
  const groups = Math.max(1, Math.round((lines - head.length - tail.length - 3) / 14));
  const needs = [];
  const outcomes = [];
  const provision = [];
  for (let i = 1; i <= groups; i++) {
    const section = i % 9 === 0 ? 'C' : 'B';
    needs.push(`  - id: N${i}`, `    section: ${section}`, ...(section === 'B' ? [`    area: ${rng.pick(AREAS)}`] : []));
    if (i % 3 === 0) needs.push('    text: >-', `      ${rng.pick(NEEDS).replace('.', ` (${i}).`)}`, '      It is most noticeable in the afternoon.');
    else needs.push(`    text: ${rng.pick(NEEDS).replace('.', ` (${i}).`)}`);
    if (i % 4 === 0) needs.push(`    evidence: [${rng.pick(advice)}#${1 + rng.int(5)}.${1 + rng.int(9)}]`);
    if (i % 10 === 0) needs.push('    # ask the SENCo about the afternoon');
    const outcomeText = i % 15 === 0 ? OUTCOMES[3] : rng.pick([0, 1, 2, 4].map((k) => OUTCOMES[k]));
    outcomes.push(`  - id: O${i}`, `    needs: [N${i}${i > 1 && i % 5 === 0 ? `, N${i - 1}` : ''}]`, `    text: ${outcomeText}`);
    if (i % 25 === 0) continue; // a need nothing meets
    const provisionText = i % 12 === 0 ? PROVISION[4 + rng.int(2)] : rng.pick([0, 1, 2, 3, 6].map((k) => PROVISION[k]));
    const needRefs = i % 40 === 0 ? `N${i}, N${groups + 50}` : `N${i}`; // now and then a missing id
    provision.push(`  - id: P${i}`, `    section: ${i % 9 === 0 ? 'G' : 'F'}`, `    needs: [${needRefs}]`, `    outcomes: [O${i}]`);
    if (i % 2 === 0) {
      const words = provisionText.split(' ');
      const half = Math.ceil(words.length / 2);
      provision.push('    text: >-', `      ${words.slice(0, half).join(' ')}`, `      ${words.slice(half).join(' ')}`);
    } else provision.push(`    text: ${provisionText}`);
    if (i % 3 === 0) provision.push(`    evidence: [${rng.pick(advice)}#R${1 + rng.int(8)}]`);
  }
  return [...head, 'needs:', ...needs, 'outcomes:', ...outcomes, 'provision:', ...provision, ...tail, ''].join('\n');
}

/**
 * Edits a writer makes, as sequences of keystrokes. Each keystroke is `{ at, remove, insert }`
 * on the text as it stands after the keystrokes before it (offsets in UTF-16 code units); each
 * session leaves the text as it found it, so sessions can be run one after another.
 * `kind` names the kind of edit for the latency table.
 */
export function editSessions(text) {
  const sessions = [];
  const lineAt = (needle, from = 0) => {
    const at = text.indexOf(needle, from);
    if (at === -1) throw new Error(`bench plan: ${JSON.stringify(needle)} not found`);
    return at;
  };
  /** The middle one of the lines that start with `prefix`. */
  const middle = (prefix) => {
    const all = [];
    for (let at = text.indexOf(`\n${prefix}`); at !== -1; at = text.indexOf(`\n${prefix}`, at + 1)) all.push(at + 1);
    if (all.length === 0) throw new Error(`bench plan: no line starts ${JSON.stringify(prefix)}`);
    return all[Math.floor(all.length / 2)];
  };
  /** Type `word` at `at`, one character at a time, then delete it again with Backspace. */
  const typeAndDelete = (at, word) => {
    const keys = [];
    for (let i = 0; i < word.length; i++) keys.push({ at: at + i, remove: 0, insert: word[i] });
    for (let i = word.length - 1; i >= 0; i--) keys.push({ at: at + i, remove: 1, insert: '' });
    return keys;
  };
  /** Replace `from` at `at` with `to`, by deleting and typing, then type the original back. */
  const retype = (at, from, to) => {
    const keys = [];
    for (let i = from.length - 1; i >= 0; i--) keys.push({ at: at + i, remove: 1, insert: '' });
    for (let i = 0; i < to.length; i++) keys.push({ at: at + i, remove: 0, insert: to[i] });
    for (let i = to.length - 1; i >= 0; i--) keys.push({ at: at + i, remove: 1, insert: '' });
    for (let i = 0; i < from.length; i++) keys.push({ at: at + i, remove: 0, insert: from[i] });
    return keys;
  };

  // Prose: a phrase typed into the middle of a provision text and deleted again.
  {
    const at = text.indexOf('\n', middle('    text: Precision Teaching')) - 1;
    sessions.push({ kind: 'prose', keys: typeAndDelete(at, ', as required') });
  }
  // An id renamed (its links break while it is typed, then mend).
  {
    const at = middle('  - id: N') + '  - id: '.length;
    const id = /^[^\n]*/.exec(text.slice(at))[0];
    sessions.push({ kind: 'id', keys: retype(at, id, 'N-read') });
  }
  // A section changed: F to G and back, and a typo that is not a section while typing.
  {
    const at = middle('    section: F') + '    section: '.length;
    sessions.push({ kind: 'section', keys: [...retype(at, 'F', 'H2'), ...retype(at, 'F', 'G')] });
  }
  // A key renamed: `text:` becomes `tex:` (a schema error) and back; `outcomes:` retyped.
  {
    const at = middle('    outcomes: [O') + 4;
    sessions.push({ kind: 'key', keys: retype(at, 'outcomes', 'outcome') });
  }
  // A flow list: `needs: [N7]` becomes `needs: [N7, N8]` key by key, then back.
  {
    const start = middle('    needs: [N');
    const close = text.indexOf(']', start);
    sessions.push({ kind: 'list', keys: typeAndDelete(close, ', N12') });
  }
  // A top-level field: the caseworker's name, and the status.
  {
    const at = lineAt('  caseworker: ') + '  caseworker: '.length;
    const status = lineAt('  status: draft') + '  status: '.length;
    sessions.push({ kind: 'top-level', keys: [...typeAndDelete(at, 'Dr '), ...retype(status, 'draft', 'final')] });
  }
  // A new key line typed inside an item: Enter (the editor indents), then `evid` … is a YAML
  // error until the colon; then deleted again.
  {
    const item = middle('  - id: P');
    let end = text.indexOf('\n', text.indexOf('    text:', item));
    while (text.startsWith('      ', end + 1)) end = text.indexOf('\n', end + 1); // a folded text's lines
    sessions.push({ kind: 'half-typed line', keys: [{ at: end, remove: 0, insert: '\n    ' }, ...typeAndDelete(end + 5, 'evidence: [salt#R2]'), { at: end, remove: 5, insert: '' }] });
  }
  // An unclosed quote: a quote typed at the start of a text (an error until it is closed).
  {
    const at = middle('    text: By ') + '    text: '.length;
    const end = text.indexOf('\n', at);
    sessions.push({ kind: 'unclosed quote', keys: [{ at, remove: 0, insert: '"' }, ...typeAndDelete(at + 1, 'Soon: '), { at: end + 1, remove: 0, insert: '"' }, { at: end + 1, remove: 1, insert: '' }, { at, remove: 1, insert: '' }] });
  }
  // An unclosed bracket: a flow list's `]` deleted, then typed back with a new id.
  {
    const start = middle('    outcomes: [O');
    const close = text.indexOf(']', start);
    sessions.push({ kind: 'unclosed bracket', keys: [{ at: close, remove: 1, insert: '' }, ...typeAndDelete(close, ', O1'), { at: close, remove: 0, insert: ']' }] });
  }
  // A new item pasted in (one change), then undone.
  {
    const at = middle('  - id: P');
    const item = '  - id: P-new\n    section: F\n    needs: [N1]\n    text: Drawing and Talking sessions with a trained Teaching Assistant, 30 minutes once a week.\n';
    sessions.push({ kind: 'paste item', keys: [{ at, remove: 0, insert: item }, { at, remove: item.length, insert: '' }] });
  }
  return sessions;
}

/** Applies one keystroke to a text. */
export function applyKey(text, key) {
  return text.slice(0, key.at) + key.insert + text.slice(key.at + key.remove);
}
