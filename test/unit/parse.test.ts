import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/src/core/check';
import { parsePlan, strSpanRange } from '../../server/src/core/parse';
import { LineIndex } from '../../server/src/core/positions';

const clean = readFileSync(join(__dirname, '../fixtures/plans/clean.ehcp.yaml'), 'utf8');
const textOf = (text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
  const index = new LineIndex(text);
  return text.slice(index.offsetAt(r.start), index.offsetAt(r.end));
};

describe('spans inside scalars map back to the source exactly', () => {
  const phrase = 'as required';
  const styles: Record<string, string> = {
    plain: `text: TA support for 20 minutes daily ${phrase}, in class.`,
    'plain over two lines': `text: TA support for 20 minutes daily\n  ${phrase}, in class.`,
    'double quoted with escapes': `text: "TA \\"support\\" for 20 minutes daily ${phrase}, in class."`,
    'single quoted': `text: 'Tomasz''s TA support for 20 minutes daily ${phrase}, in class.'`,
    literal: `text: |\n  TA support for 20 minutes daily\n  ${phrase}, in class.\n`,
    folded: `text: >-\n  TA support for 20 minutes\n  daily ${phrase},\n  in class.\n`,
    'folded with a blank line': `text: >\n  TA support for 20 minutes.\n\n  Daily ${phrase}, in class.\n`,
    'CRLF folded': `text: >-\r\n  TA support for 20 minutes\r\n  daily ${phrase},\r\n  in class.\r\n`,
    'emoji before the phrase': `text: 🙂 TA support 😀 for 20 minutes daily ${phrase}.`,
  };
  for (const [style, source] of Object.entries(styles)) {
    it(style, () => {
      const parsed = parsePlan(source);
      const root = parsed.doc!.contents as unknown as { items: { value: import('yaml').Scalar }[] };
      const node = root.items[0]!.value;
      const value = String(node.value);
      const start = value.indexOf(phrase);
      expect(start).toBeGreaterThan(-1);
      const str = { value, node, range: parsed.index.range(0, 0) };
      const range = strSpanRange(parsed, str, { start, end: start + phrase.length });
      expect(textOf(source, range)).toBe(phrase);
    });
  }
});

describe('positions', () => {
  it('are 0-based UTF-16 and ignore CRLF', () => {
    const text = clean.replace(/\n/g, '\r\n').replace('Oliwia Nowak', 'Oliwia 👩‍🦰 Nowak');
    const parsed = parsePlan(text);
    expect(parsed.findings).toEqual([]);
    const need = parsed.plan.needs[1]!;
    expect(textOf(text, need.id!.range)).toBe('N2');
    expect(need.id!.range.start.character).toBe(8);
  });
});

describe('bad input never throws and gives clear findings', () => {
  const rules = (text: string) => checkText(text).map((f) => f.rule);
  it('an empty file', () => {
    expect(checkText('')).toMatchObject([{ rule: 'schema', message: expect.stringMatching(/empty/) }]);
    expect(checkText('# only a comment\n')).toMatchObject([{ rule: 'schema', message: expect.stringMatching(/no plan/) }]);
  });
  it('binary junk', () => {
    const junk = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    expect(rules(junk)).toEqual(['yaml-syntax']);
    expect(checkText(junk)[0]!.message).toMatch(/not text/);
  });
  it('an alias bomb', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const findings = checkText(lines.join('\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'yaml-syntax', message: expect.stringMatching(/aliases/) });
  });
  it('a 5 MB file', () => {
    const big = clean + `# ${'x'.repeat(100)}\n`.repeat(50_000);
    const findings = checkText(big);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/MB/);
  });
  it('a YAML file that is not a plan', () => {
    const findings = checkText('name: my-package\nversion: 1.0.0\n');
    expect(findings.every((f) => f.rule === 'schema')).toBe(true);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/"name" is not a field/);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/has no "ehcp"/);
  });
  it('a YAML list or scalar at the top', () => {
    expect(rules('- a\n- b\n')).toEqual(['schema']);
    expect(rules('hello\n')).toEqual(['schema']);
  });
  it('a syntax error half way keeps the findings for the rest', () => {
    const broken = clean.replace('  - id: N2\n', '  - id: N2\n   bad: [unclosed\n');
    const findings = checkText(broken);
    expect(findings.some((f) => f.rule === 'yaml-syntax')).toBe(true);
    const parsed = parsePlan(broken);
    expect(parsed.plan.provision.length).toBeGreaterThan(0);
  });
  it('a provision whose text is a number or a list', () => {
    const asNumber = clean.replace(/text: Direct 1:1 [^\n]+/, 'text: 42');
    expect(checkText(asNumber).map((f) => f.rule)).toContain('provision-no-provider');
    const asList = clean.replace(/text: Direct 1:1 [^\n]+/, 'text: [one, two]');
    const findings = checkText(asList);
    expect(findings.find((f) => f.rule === 'schema')!.message).toMatch(/should be a string, but it is a list/);
  });
  it('tabs, duplicate keys and several documents', () => {
    expect(rules(clean.replace('  known_as', '\tknown_as'))).toContain('yaml-syntax');
    expect(checkText(clean.replace('  known_as: Oliwia', '  known_as: Oliwia\n  known_as: Liwia'))[0]!.message).toMatch(/appears twice/);
    const two = checkText(`${clean}---\n${clean}`);
    expect(two.map((f) => f.message)).toContainEqual(expect.stringMatching(/more than one YAML document/));
  });
  it('misspelt keys and enum values get did-you-mean', () => {
    const messages = checkText(clean.replace('known_as', 'knwon_as').replace('she/her', 'she/hr').replace('status: draft', 'status: drfat')).map((f) => f.message);
    expect(messages).toContainEqual(expect.stringContaining('Did you mean "known_as"?'));
    expect(messages).toContainEqual(expect.stringContaining('Did you mean "she/her"?'));
    expect(messages).toContainEqual(expect.stringContaining('Did you mean "draft"?'));
  });
});

describe('schema rules beyond shape', () => {
  it('a Section B need must name its broad area of need', () => {
    const text = readFileSync(join(__dirname, '../fixtures/plans/clean.ehcp.yaml'), 'utf8').replace('    area: cognition and learning\n', '');
    const findings = checkText(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'schema', message: expect.stringMatching(/Need 2 has no "area"\. Add it: the broad area of need/) });
    expect(findings[0]!.range.start.line).toBe(text.split('\n').findIndex((l) => l.includes('- id: N2')));
  });
});
