/**
 * LibreOffice is the reference for Word's automatic numbering: each .docx fixture (the hand-made
 * numbering cases and the example caseload's reports) is converted with
 * `soffice --headless --convert-to txt:Text`, and the numbers it prints must be the reader's,
 * in order, each in front of the same text. Needs LibreOffice (scripts/test-deps.mjs installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAdvice } from '../../../server/src/advice/read';
import type { AdviceDocument } from '../../../server/src/advice/types';
import { numberingCases } from '../../util/docx-cases';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const examples = join(__dirname, '../../../examples/caseload/advice');
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.docx'));

interface Fixture {
  name: string;
  bytes: Uint8Array;
  numbers?: string[];
}

const fixtures: Fixture[] = [
  ...numberingCases,
  ...exampleFiles.map((f) => ({ name: `examples/caseload/advice/${f}`, bytes: new Uint8Array(readFileSync(join(examples, f))) })),
];

let work: string;
const rendered = new Map<string, string[]>();

beforeAll(() => {
  if (!hasSoffice) return;
  work = mkdtempSync(join(tmpdir(), 'ehcp-oracle-'));
  const files = fixtures.map((f, i) => {
    const path = join(work, `case-${i}.docx`);
    writeFileSync(path, f.bytes);
    return path;
  });
  // One LibreOffice run for every file, with a fresh profile so parallel runs do not collide.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'txt:Text', '--outdir', work, ...files], { stdio: 'ignore', timeout: 240_000 });
  fixtures.forEach((f, i) => rendered.set(f.name, readFileSync(join(work, `case-${i}.txt`), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The numbered lines of LibreOffice's text: list paragraphs are indented, and start with the number. */
function numberedLines(lines: string[]): string[] {
  return lines.filter((l) => /^\s+\S/.test(l) && !/^\s+[•●○◦▪■–-]\s/.test(l)).map((l) => l.trim());
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

describe.skipIf(!hasSoffice)('labels match LibreOffice on every .docx fixture', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      const doc: AdviceDocument = await readAdvice(fixture.bytes, 'docx');
      const mine = doc.blocks.filter((b) => b.number !== undefined);
      const theirs = numberedLines(rendered.get(fixture.name)!);
      // LibreOffice's number is the line's first word(s): the reader's must be the same, in order.
      const pairs = theirs.map((line, i) => ({ line, number: mine[i]?.number ?? '(none)' }));
      expect(pairs.map((x) => (x.line === x.number || x.line.startsWith(`${x.number} `) ? x.number : x.line))).toEqual(mine.map((b) => b.number));
      // Each number stands in front of the same text (a table row's text is in its other cells).
      mine.forEach((b, i) => {
        const after = norm(theirs[i]!.slice(b.number!.length));
        if (after) expect(norm(b.text).slice(0, 40)).toBe(after.slice(0, 40));
      });
      if (fixture.numbers) expect(mine.map((b) => b.number)).toEqual(fixture.numbers);
    });
  }

  it('headers and footers are not content', async () => {
    const tableCase = numberingCases.find((c) => c.name.includes('header'))!;
    const doc = await readAdvice(tableCase.bytes, 'docx');
    expect(doc.text).not.toContain('CONFIDENTIAL');
    expect(doc.text).not.toContain('Page 1');
  });
});
