// `npm run accuracy`: how often the provision rules are right on the labelled statement set
// (test/fixtures/reading/statements.yaml). Prints precision, recall and F1 per rule and overall,
// then every false alarm and every miss. Asserts nothing: the unit tests assert each labelled case.
//
// Each statement is checked as a real plan would be: it becomes the text of one provision item
// (Section F unless the case says otherwise) in an otherwise clean plan, and the findings of the
// real rules on it are compared with the labels. The held-out statements (held-out.yaml), never used
// to tune the reader, get a table of their own. `--json` prints the figures as JSON instead;
// `--rules=provision-vague,provision-no-amount` measures only the rules named.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './lib/load-ts.mjs';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const statementsFile = path.join(root, 'test', 'fixtures', 'reading', 'statements.yaml');
const heldOutFile = path.join(root, 'test', 'fixtures', 'reading', 'held-out.yaml');
const asJson = process.argv.includes('--json');

/** Each measured rule and the label that says it should fire on a statement. */
const LABELS = [
  { rule: 'provision-vague', truth: (c) => (c.vague ?? []).length > 0 },
  { rule: 'provision-no-provider', truth: (c) => c.missing.includes('provider') },
  { rule: 'provision-no-frequency', truth: (c) => c.missing.includes('frequency') },
  { rule: 'provision-no-amount', truth: (c) => c.missing.includes('amount') },
  { rule: 'provision-no-content', truth: (c) => c.noContent === true },
  { rule: 'adviser-voice', truth: (c) => c.adviserVoice === true },
];

const core = await loadCore();
// `--rules a,b` measures only those rules (to compare with code that has fewer rules).
const only = process.argv.find((a) => a.startsWith('--rules='))?.slice('--rules='.length).split(',');
const measured = LABELS.filter((l) => core.allRuleIds.includes(l.rule) && (!only || only.includes(l.rule)));

const PLAN_HEAD = [
  'ehcp: 1',
  'child: { name: Sam Example, known_as: Sam, pronouns: they/them, date_of_birth: 2016-04-01 }',
  'plan: { local_authority: Exampleshire, caseworker: A Caseworker, status: draft }',
  'needs:',
  '  - id: N1',
  '    section: B',
  '    area: communication and interaction',
  '    text: Sam finds it hard to follow spoken instructions of more than two parts.',
  'outcomes:',
  '  - id: O1',
  '    needs: [N1]',
  '    text: By July 2027, Sam will follow three-part spoken instructions in class.',
  'provision:',
  '  - id: P1',
].join('\n');

function planFor(c) {
  return `${PLAN_HEAD}\n    section: ${c.section ?? 'F'}\n    needs: [N1]\n    outcomes: [O1]\n    text: ${JSON.stringify(c.text)}\n`;
}

/** Checks every statement of a labelled file and counts, per rule, flags against labels. */
function measure(file) {
  const cases = parse(readFileSync(file, 'utf8')).flatMap((g) => g.cases);
  const tally = new Map(measured.map((l) => [l.rule, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  const any = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const phrases = { tp: 0, fp: 0, fn: 0 };
  const falseAlarms = [];
  const misses = [];
  const strayPhrases = [];
  const missedPhrases = [];
  for (const c of cases) {
    const findings = core.checkText(planFor(c));
    const fired = new Set(findings.map((f) => f.rule));
    let flagged = false;
    let labelled = false;
    for (const l of measured) {
      const truth = l.truth(c);
      const got = fired.has(l.rule);
      const t = tally.get(l.rule);
      if (got && truth) t.tp++;
      else if (got) {
        t.fp++;
        falseAlarms.push({ rule: l.rule, text: c.text, message: findings.filter((f) => f.rule === l.rule).map((f) => f.message) });
      } else if (truth) {
        t.fn++;
        misses.push({ rule: l.rule, text: c.text });
      } else t.tn++;
      flagged ||= got;
      labelled ||= truth;
    }
    if (flagged && labelled) any.tp++;
    else if (flagged) any.fp++;
    else if (labelled) any.fn++;
    else any.tn++;

    // Vague wording, phrase by phrase: each phrase the reader reports against the labelled phrases.
    const expected = [...(c.vague ?? [])];
    for (const v of core.quantify(c.text).vague) {
      const i = expected.indexOf(v.phrase);
      if (i >= 0) {
        expected.splice(i, 1);
        phrases.tp++;
      } else {
        phrases.fp++;
        strayPhrases.push({ phrase: v.phrase, text: c.text });
      }
    }
    phrases.fn += expected.length;
    for (const p of expected) missedPhrases.push({ phrase: p, text: c.text });
  }
  const micro = [...tally.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn, tn: a.tn + t.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  const rows = [
    ...measured.map((l) => ({ name: l.rule, ...tally.get(l.rule) })),
    { name: 'all rules (each finding)', ...micro },
    { name: 'any finding (each statement)', ...any },
    { name: 'provision-vague (each phrase)', ...phrases },
  ];
  return { file: path.relative(root, file), statements: cases.length, rows, falseAlarms, misses, strayPhrases, missedPhrases };
}

const sets = [statementsFile, heldOutFile].filter((f) => existsSync(f)).map(measure);

if (asJson) {
  console.log(JSON.stringify(sets.map((set) => ({ ...set, rows: set.rows.map((r) => ({ ...r, ...scores(r) })) })), null, 2));
} else {
  const pct = (x) => (x === undefined ? '    –' : `${(100 * x).toFixed(1).padStart(5)}`);
  for (const set of sets) {
    const rows = set.rows;
    const width = Math.max(...rows.map((r) => r.name.length));
    const heldOut = set.file.includes('held-out');
    console.log(`${heldOut ? '\n\n' : ''}Accuracy of the provision rules on ${set.statements} ${heldOut ? 'held-out statements, never used to tune the reader' : 'labelled statements'} (${set.file})\n`);
    console.log(`${'rule'.padEnd(width)}    TP    FP    FN  precision  recall     F1`);
    for (const r of rows) {
      const sc = scores(r);
      if (r.name.startsWith('all rules')) console.log('-'.repeat(width + 47));
      console.log(`${r.name.padEnd(width)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(5)}      ${pct(sc.precision)}   ${pct(sc.recall)}  ${pct(sc.f1)}`);
    }
    if (!heldOut) {
      console.log('\nPrecision: of the statements a rule flags, the share a tribunal reader would also fault.');
      console.log('Recall: of the statements that should be flagged, the share the rule flags.');
    }
    list(`False alarms (${set.falseAlarms.length})`, set.falseAlarms.map((f) => `${f.rule}: ${oneLine(f.text)}`));
    list(`Misses (${set.misses.length})`, set.misses.map((m) => `${m.rule}: ${oneLine(m.text)}`));
    list(`Vague phrases reported but not labelled (${set.strayPhrases.length})`, set.strayPhrases.map((p) => `"${p.phrase}" in ${oneLine(p.text)}`));
    list(`Vague phrases labelled but not reported (${set.missedPhrases.length})`, set.missedPhrases.map((p) => `"${p.phrase}" in ${oneLine(p.text)}`));
  }
}

function scores({ tp, fp, fn }) {
  const precision = tp + fp > 0 ? tp / (tp + fp) : undefined;
  const recall = tp + fn > 0 ? tp / (tp + fn) : undefined;
  const f1 = precision !== undefined && recall !== undefined && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : undefined;
  return { precision, recall, f1 };
}

function list(title, lines) {
  console.log(`\n${title}${lines.length ? ':' : ''}`);
  for (const l of lines) console.log(`  ${l}`);
}

function oneLine(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 150 ? `${flat.slice(0, 147)}…` : flat;
}

/** The checking core, bundled from source for this run (so it measures the code as it is now). */
async function loadCore() {
  return loadTs('accuracy-core', [
    "export { checkText } from './server/src/core/check';",
    "export { quantify } from './server/src/core/quantify';",
    "export { allRuleIds } from './server/src/core/rules/index';",
  ]);
}
