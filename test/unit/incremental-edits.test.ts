/**
 * The incremental parser under every kind of keystroke a writer makes: prose, ids, sections,
 * keys, flow lists, top-level fields, pastes, and transient YAML errors (a half-typed line, an
 * unclosed quote or bracket). After each keystroke its result must equal parsePlan's for the same
 * text: every finding with its range and fixes, every item's located ids, and the plain value.
 * Edits come from a seeded generator, so a failure names its seed and can be replayed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKey, editSessions, realisticPlan, seeded, type Key } from '../../scripts/bench-plan.mjs';
import { checkPlan } from '../../server/src/core/check';
import { IncrementalParser } from '../../server/src/core/incremental';
import { parsePlan, type ParsedPlan } from '../../server/src/core/parse';
import { planFiles, read } from '../util/expectations';

const root = join(__dirname, '../..');
const examples = planFiles(join(root, 'examples/caseload')).map(read);

/** What a user can observe of a parse: findings (with fixes), items with their ranges, the value. */
function observable(parsed: ParsedPlan) {
  const items = [...parsed.plan.needs, ...parsed.plan.outcomes, ...parsed.plan.provision, ...parsed.plan.advice].map((i) => ({
    kind: i.kind,
    index: i.index,
    id: i.id?.value,
    idRange: i.id?.range,
    range: i.range,
    text: 'text' in i ? i.text?.value : undefined,
    textRange: 'text' in i ? i.text?.range : undefined,
    needs: 'needs' in i ? i.needs.map((n) => [n.value, n.range]) : undefined,
  }));
  return { findings: checkPlan(parsed), items, value: parsed.value, errors: parsed.hasSyntaxErrors };
}

type Random = ReturnType<typeof seeded>;

/** Start offsets of the lines that match `pattern`. */
function linesMatching(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    if (pattern.test(text.slice(at, end))) out.push(at);
    at = end + 1;
  }
  return out;
}

/** One keystroke somewhere on a line of the given kind, or undefined if the plan has none. */
function keystroke(text: string, kind: string, random: Random): Key | undefined {
  const patterns: Record<string, RegExp> = {
    prose: /^ +(text: |[A-Za-z(])/,
    id: /^ *- id: /,
    section: /^ +section: /,
    key: /^ +[a-z_]+:/,
    list: /^ +[a-z_]+: \[/,
    'top-level': /^([a-z_]+:|  [a-z_]+: [^[])/,
  };
  const alphabets: Record<string, string[]> = {
    prose: ['a', 'e', ' ', ',', '.', ':', '1', "'", 'as required ', '\n      '],
    id: ['N', 'P', '1', '2', '-', 'x', ' '],
    section: ['F', 'G', 'H', '1', '2', 'B', 'x'],
    key: ['s', 'x', ':', '_', ' '],
    list: ['N', 'O', '1', ',', ' ', ', N2', ']', '['],
    'top-level': ['a', ' ', ':', '2', '-', 'x'],
  };
  const lines = linesMatching(text, patterns[kind]!);
  if (lines.length === 0) return undefined;
  const start = lines[random.int(lines.length)]!;
  const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  // Mostly in the value, as writers type; now and then in the key or the indentation.
  const colon = text.indexOf(': ', start);
  const valueStart = colon !== -1 && colon < end ? colon + 2 : start;
  const at = random.int(4) === 0 ? start + random.int(end - start + 1) : valueStart + random.int(end - valueStart + 1);
  if (random.int(3) === 0 && at < end) return { at, remove: 1 + random.int(Math.min(3, end - at)), insert: '' };
  return { at, remove: 0, insert: random.pick(alphabets[kind]!) };
}

/** A transient error and its repair: the keystrokes that make it and then mend it. */
function transient(text: string, random: Random): Key[] {
  const items = linesMatching(text, /^ +(text|needs|outcomes|evidence|section): /);
  if (items.length === 0) return [];
  const start = items[random.int(items.length)]!;
  const end = text.indexOf('\n', start);
  const valueAt = text.indexOf(': ', start) + 2;
  switch (random.int(4)) {
    case 0: // a half-typed key line after this one, then removed
      return [{ at: end, remove: 0, insert: '\n    evid' }, { at: end + 9, remove: 0, insert: 'ence: [x#1]' }, { at: end, remove: 20, insert: '' }];
    case 1: // an unclosed quote, closed, then both removed
      return [{ at: valueAt, remove: 0, insert: '"' }, { at: end + 1, remove: 0, insert: '"' }, { at: end + 1, remove: 1, insert: '' }, { at: valueAt, remove: 1, insert: '' }];
    case 2: {
      // a flow list's closing bracket deleted and typed again
      const close = text.lastIndexOf(']', end);
      if (close < start) return [{ at: valueAt, remove: 0, insert: '[' }, { at: valueAt, remove: 1, insert: '' }];
      return [{ at: close, remove: 1, insert: '' }, { at: close, remove: 0, insert: ', N' }, { at: close, remove: 3, insert: '' }, { at: close, remove: 0, insert: ']' }];
    }
    default: // a line indented too little, then put right
      return [{ at: start, remove: 2, insert: '' }, { at: start, remove: 0, insert: '  ' }];
  }
}

/** Runs `edits` keystrokes of one kind over every example, comparing after each keystroke. */
function runKind(kind: string, edits: number, seed: number): { incremental: number; total: number } {
  const random = seeded(seed);
  let incremental = 0;
  let total = 0;
  const perPlan = Math.ceil(edits / examples.length);
  for (const base of examples) {
    const parser = new IncrementalParser(0);
    parser.parse(base);
    let text = base;
    for (let i = 0; i < perPlan; ) {
      const keys = kind === 'transient' ? transient(text, random) : [keystroke(text, kind, random)].filter((k): k is Key => !!k);
      if (keys.length === 0) break;
      for (const key of keys) {
        if (key.at < 0 || key.at + key.remove > text.length) continue;
        text = applyKey(text, key);
        expect(observable(parser.parse(text)), `${kind}, seed ${seed}, keystroke ${i} at ${key.at}: ${JSON.stringify(key)}`).toEqual(observable(parsePlan(text)));
        total++;
        i++;
        if (parser.lastPath === 'incremental') incremental++;
      }
      if (random.int(10) === 0) text = base; // start again from the clean plan now and then
    }
  }
  return { incremental, total };
}

describe('the incremental parser equals the full parser for every kind of keystroke', () => {
  const kinds: [string, number][] = [
    ['prose', 300],
    ['id', 250],
    ['section', 200],
    ['key', 250],
    ['list', 250],
    ['top-level', 200],
    ['transient', 350],
  ];
  for (const [kind, edits] of kinds) {
    it(`${kind}: ${edits} seeded keystrokes across the examples`, { timeout: 120_000 }, () => {
      const { incremental, total } = runKind(kind, edits, 6 + kind.length);
      expect(total).toBeGreaterThanOrEqual(edits * 0.9);
      // The chunked path is really taken. Random keystrokes often make text the splitter leaves to
      // the full parser (a line indented less than its item, a top-level key half typed).
      expect(incremental).toBeGreaterThan(total * 0.25);
    });
  }
});

describe('transient errors stay incremental and stay in their item', () => {
  const plan = realisticPlan(3000);

  it('every benchmark keystroke in a 3,000-line plan is read chunk by chunk, re-parsing one or two chunks', { timeout: 600_000 }, () => {
    const parser = new IncrementalParser();
    parser.parse(plan);
    let text = plan;
    let n = 0;
    for (const session of editSessions(plan)) {
      for (const key of session.keys) {
        text = applyKey(text, key);
        const parsed = parser.parse(text);
        expect(parser.lastPath, `${session.kind}: ${JSON.stringify(key)}`).toBe('incremental');
        // A paste of a new item adds one chunk; any other keystroke changes one.
        expect(parser.lastReparsed, `${session.kind}: ${JSON.stringify(key)}`).toBeLessThanOrEqual(2);
        // The full parse of 3,000 lines is slow: compare on every fifth keystroke and every error.
        if (n++ % 5 === 0 || parsed.hasSyntaxErrors) {
          expect(observable(parsed), `${session.kind}: ${JSON.stringify(key)}`).toEqual(observable(parsePlan(text)));
        }
      }
    }
    expect(text).toBe(plan);
  });

  it('an unclosed quote in one outcome is one error there; the items after it are still read', () => {
    const clean = checkPlan(parsePlan(plan));
    const at = plan.indexOf('    text: By ', plan.indexOf('  - id: O40\n')) + '    text: '.length;
    const broken = `${plan.slice(0, at)}"${plan.slice(at)}`;
    const parsed = new IncrementalParser().parse(broken);
    const findings = checkPlan(parsed);
    const syntax = findings.filter((f) => f.rule === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    const line = broken.slice(0, at).split('\n').length - 1;
    for (const f of syntax) expect(f.range.start.line).toBeGreaterThanOrEqual(line);
    for (const f of syntax) expect(f.range.start.line).toBeLessThanOrEqual(line + 2);
    // Every item after the broken one is still there: no flood of "no provision meets …".
    expect(parsed.plan.provision.length).toBe(parsePlan(plan).plan.provision.length);
    const others = (list: typeof findings) => list.filter((f) => f.rule !== 'yaml-syntax' && f.range.start.line !== line).map((f) => `${f.rule}@${f.range.start.line}`);
    const notSmart = (list: string[]) => list.filter((f) => !f.startsWith('outcome-not-smart@'));
    expect(notSmart(others(findings))).toEqual(notSmart(others(clean)));
    expect(observable(parsed)).toEqual(observable(parsePlan(broken)));
  });

  it('an unclosed bracket in a needs list is reported on its line and does not take in the next item', () => {
    const at = plan.indexOf(']', plan.indexOf('  - id: P30\n'));
    const broken = plan.slice(0, at) + plan.slice(at + 1);
    const parsed = parsePlan(broken);
    const syntax = checkPlan(parsed).filter((f) => f.rule === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(parsed.plan.provision.find((p) => p.id?.value === 'P31')?.needs.map((n) => n.value)).toEqual(['N31']);
    expect(observable(new IncrementalParser().parse(broken))).toEqual(observable(parsed));
  });

  it('after a fallback to the full parser the next keystroke still re-parses only what changed', () => {
    const parser = new IncrementalParser();
    parser.parse(plan);
    const top = plan.indexOf('placement:');
    const odd = `${plan.slice(0, top)}plac\n${plan.slice(top)}`; // a top-level key half typed
    parser.parse(odd);
    expect(parser.lastPath).toBe('full');
    const typed = plan.replace('caseworker: P. Adeyemi', 'caseworker: P. Adeyemix');
    parser.parse(typed);
    expect(parser.lastPath).toBe('incremental');
    expect(parser.lastReparsed).toBe(1);
  });
});
