import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../server/src/core/check';
import { IncrementalParser, splitBlocks } from '../../server/src/core/incremental';
import { parsePlan, type ParsedPlan } from '../../server/src/core/parse';
import { planFiles, read } from '../util/expectations';

const root = join(__dirname, '../..');
const plans = [...planFiles(join(root, 'examples/caseload')), ...planFiles(join(root, 'test/fixtures'))].map((f) => ({ f, text: read(f) }));

/** What a user can observe of a parse: every finding (with fixes) and every item's located ids and texts. */
function observable(parsed: ParsedPlan) {
  const items = [...parsed.plan.needs, ...parsed.plan.outcomes, ...parsed.plan.provision, ...parsed.plan.advice].map((i) => ({
    kind: i.kind,
    id: i.id?.value,
    idRange: i.id?.range,
    range: i.range,
  }));
  return { findings: checkPlan(parsed), items, value: parsed.value };
}

describe('the incremental parser reads exactly what the full parser reads', () => {
  const paths: string[] = [];
  for (const { f, text } of plans) {
    it(f.slice(root.length + 1), () => {
      const parser = new IncrementalParser(0);
      expect(observable(parser.parse(text))).toEqual(observable(parsePlan(text)));
      paths.push(parser.lastPath);
    });
  }

  it('most plans are read chunk by chunk (the incremental path is really taken)', () => {
    expect(paths.filter((p) => p === 'incremental').length).toBeGreaterThan(plans.length / 2);
  });

  it('the examples are split into chunks', () => {
    const split = splitBlocks(read(join(root, 'examples/caseload/kai-robinson.ehcp.yaml')));
    expect(split?.find((b) => b.key === 'provision')?.items?.length).toBeGreaterThan(3);
  });

  it('stays exact while a writer types into the middle of a plan, reusing moved chunks', () => {
    const base = read(join(root, 'examples/caseload/jamal-ibrahim.ehcp.yaml'));
    const parser = new IncrementalParser(0);
    const at = base.indexOf('    text:', base.indexOf('provision:')) + 10;
    const typed = 'as required, up to 3 hours a week ';
    for (let i = 0; i <= typed.length; i += 3) {
      const text = base.slice(0, at) + typed.slice(0, i) + base.slice(at);
      expect(observable(parser.parse(text)), `after typing ${i} characters`).toEqual(observable(parsePlan(text)));
      expect(parser.lastPath).toBe('incremental');
    }
    // Deleting a whole item shifts every later chunk back.
    const itemStart = base.indexOf('  - id: P2');
    const itemEnd = base.indexOf('  - id: P3');
    const shorter = base.slice(0, itemStart) + base.slice(itemEnd);
    expect(observable(parser.parse(shorter))).toEqual(observable(parsePlan(shorter)));
  });

  it('falls back to the full parser for what it does not understand, with the same result', () => {
    const base = read(join(root, 'test/fixtures/plans/clean.ehcp.yaml'));
    for (const text of [
      base.replace('  known_as: Oliwia', '  known_as: Oliwia\n  known_as: Liwia'), // duplicate key
      base.replace('needs:\n', 'needs:\n  - id: N0\n   broken: [x\n'), // syntax error in an item
      `${base}---\nehcp: 1\n`, // two documents
      base.replace('child:', 'child: &c').replace('personal_budget: none', 'personal_budget: none\nother: *c'), // alias
      base.replace('\n  known_as', '\n\tknown_as'), // tab
      base + `# ${'x'.repeat(98)}\n`.repeat(30_000), // too big to check
    ]) {
      expect(observable(new IncrementalParser(0).parse(text))).toEqual(observable(parsePlan(text)));
    }
  });
});

describe('the incremental parser under random edits', () => {
  it('agrees with the full parser after 300 random keystrokes across the examples', () => {
    let seed = 20261122;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'e', ' ', '\n', '-', ':', '[', ']', ',', '#', '"', "'", '1', '>', '|', 'N', '  '];
    const examples = planFiles(join(root, 'examples/caseload')).map(read);
    let incremental = 0;
    let total = 0;
    for (const base of examples) {
      const parser = new IncrementalParser(0);
      let text = base;
      for (let i = 0; i < 300 / examples.length; i++) {
        const at = random(text.length);
        text = random(3) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(4)) : text.slice(0, at) + alphabet[random(alphabet.length)] + text.slice(at);
        expect(observable(parser.parse(text)), `edit ${i} at ${at}`).toEqual(observable(parsePlan(text)));
        total++;
        if (parser.lastPath === 'incremental') incremental++;
        if (random(4) === 0) text = base; // start again from a clean plan now and then
      }
    }
    expect(incremental).toBeGreaterThan(total / 3); // most edits really go through the chunked path
  });
});
