/**
 * Measures the accuracy and plain-English checks on the labelled prose in
 * test/fixtures/prose-accuracy/: for each check, the catches (expected findings found), misses,
 * and false alarms (findings nobody expected). `node scripts/accuracy-prose.mjs` prints them;
 * test/unit/prose-accuracy.test.ts holds the figures to their floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkText } from '../server/src/core/check';
import { parsePlan } from '../server/src/core/parse';
import { CaseloadIndex, summarisePlan } from '../server/src/core/prose/caseload';
import type { WordList } from '../server/src/core/prose/names';
import { LineIndex } from '../server/src/core/positions';

interface Case {
  in: string;
  text: string;
  flags: string[];
  other?: string;
  caseloadText?: string;
}

interface Group {
  check: string;
  child: { name: string; known_as: string; pronouns: string };
  caseload?: string[];
  names?: string[];
  glossary?: Record<string, string>;
  cases: Case[];
}

export interface CheckFigures {
  check: string;
  cases: number;
  expected: number;
  caught: number;
  falseAlarms: number;
  /** Cases in which the check reported something nobody expected. */
  casesWithFalseAlarms: number;
  misses: string[];
  alarms: string[];
}

const q = (s: string) => JSON.stringify(s);

/** A minimal plan holding the case's text in the field it names. */
function planText(g: Group, c: { in: string; text: string }, childOverride?: Group['child']): string {
  const child = childOverride ?? g.child;
  const lines = [
    'ehcp: 1',
    `child: { name: ${q(child.name)}, known_as: ${q(child.known_as)}, pronouns: ${child.pronouns}, date_of_birth: 2015-01-01 }`,
    'plan: { local_authority: Westmere Borough Council, caseworker: P. Adeyemi, status: draft }',
  ];
  if (g.names && !childOverride) lines.push(`names: [${g.names.map(q).join(', ')}]`);
  if (c.in.startsWith('views.')) lines.push('views:', `  ${c.in.slice(6)}: ${q(c.text)}`);
  lines.push(c.in === 'needs' ? `needs:\n  - { id: N1, section: B, area: cognition and learning, text: ${q(c.text)} }` : 'needs: []');
  lines.push(c.in === 'outcomes' ? `outcomes:\n  - { id: O1, needs: [], text: ${q(c.text)} }` : 'outcomes: []');
  lines.push(c.in === 'provision' ? `provision:\n  - { id: P1, section: F, needs: [], text: ${q(c.text)} }` : 'provision: []');
  if (g.glossary && !childOverride) lines.push(`glossary: ${JSON.stringify(g.glossary)}`);
  return `${lines.join('\n')}\n`;
}

export function evaluateProse(dir: string, words: WordList | undefined): CheckFigures[] {
  const figures = new Map<string, CheckFigures>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const groups = parse(readFileSync(join(dir, file), 'utf8')) as Group[];
    for (const g of groups) {
      const fig = figures.get(g.check) ?? { check: g.check, cases: 0, expected: 0, caught: 0, falseAlarms: 0, casesWithFalseAlarms: 0, misses: [], alarms: [] };
      figures.set(g.check, fig);
      for (const c of g.cases) {
        const text = planText(g, c);
        const others = [...(g.caseload ?? []), ...(c.other ? [c.other] : [])];
        const index = new CaseloadIndex([summarisePlan(parsePlan(text), 'this.ehcp.yaml', 'this')]);
        others.forEach((name, i) => {
          const otherText = planText(g, { in: c.caseloadText ? c.in : 'needs', text: c.caseloadText ?? `${name} likes drawing.` }, { name: `${name} Example`, known_as: name, pronouns: 'he/him' });
          index.update(summarisePlan(parsePlan(otherText), `${name.toLowerCase()}-example.ehcp.yaml`, `other-${i}`));
        });
        const lines = new LineIndex(text);
        const found = checkText(text, { caseload: index.view('this'), ...(words ? { words } : {}) })
          .filter((f) => f.rule === g.check)
          .map((f) => text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)));
        const expected = [...c.flags];
        fig.cases++;
        fig.expected += expected.length;
        let alarms = 0;
        for (const f of found) {
          const i = expected.findIndex((e) => f === e || f.startsWith(e));
          if (i >= 0) {
            expected.splice(i, 1);
            fig.caught++;
          } else {
            alarms++;
            fig.alarms.push(`${f.slice(0, 40)} (in "${c.text.slice(0, 60)}…")`);
          }
        }
        fig.falseAlarms += alarms;
        if (alarms > 0) fig.casesWithFalseAlarms++;
        for (const e of expected) fig.misses.push(`${e} (in "${c.text.slice(0, 60)}…")`);
      }
    }
  }
  return [...figures.values()];
}

export function formatFigures(figures: readonly CheckFigures[], verbose = false): string {
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((a / b) * 100)}%`);
  const rows = figures.map((f) =>
    [f.check.padEnd(20), String(f.cases).padStart(5), `${f.caught}/${f.expected}`.padStart(8), pct(f.caught, f.expected).padStart(6), String(f.falseAlarms).padStart(7), pct(f.casesWithFalseAlarms, f.cases).padStart(8)].join('  '),
  );
  const total = figures.reduce((a, f) => ({ cases: a.cases + f.cases, expected: a.expected + f.expected, caught: a.caught + f.caught, fa: a.fa + f.falseAlarms, fac: a.fac + f.casesWithFalseAlarms }), { cases: 0, expected: 0, caught: 0, fa: 0, fac: 0 });
  const out = [
    'Accuracy and plain-English checks on the labelled prose (test/fixtures/prose-accuracy/)',
    `${'check'.padEnd(20)}  cases   caught  catch%  false alarms  FA/case`,
    ...rows,
    [('all').padEnd(20), String(total.cases).padStart(5), `${total.caught}/${total.expected}`.padStart(8), pct(total.caught, total.expected).padStart(6), String(total.fa).padStart(7), pct(total.fac, total.cases).padStart(8)].join('  '),
  ];
  if (verbose) {
    for (const f of figures) {
      for (const m of f.misses) out.push(`  missed      ${f.check}: ${m}`);
      for (const a of f.alarms) out.push(`  false alarm ${f.check}: ${a}`);
    }
  }
  return out.join('\n');
}
