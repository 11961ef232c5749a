/**
 * A second, independent reader: LibreOffice renders every example to a tagged PDF, whose structure
 * tree poppler reads (H1/H2, tables with column headers, the language); and a LibreOffice round
 * trip (.docx → .docx) keeps every item's bookmark and its text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookmarkName, itemLabel } from '../../server/src/export/contract';
import { bookmarks, caseload, exampleFiles, exportExample, prepared, squash, unzip } from './helpers';
import { convert, hasPoppler, hasSoffice, run, TAGGED_PDF } from './soffice';

// CI installs LibreOffice and poppler (scripts/test-deps.mjs); elsewhere these run when they are installed.
const runIt = (hasSoffice && hasPoppler) || process.env.CI !== undefined;

describe.skipIf(!runIt)('LibreOffice reads the export', () => {
  const files = exampleFiles();
  let dir: string;
  const name = (file: string) => basename(file).replace(/\.ehcp\.yaml$/, '');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ehcp-export-lo-'));
    const docs: string[] = [];
    for (const file of files) {
      const out = join(dir, `${name(file)}.docx`);
      writeFileSync(out, await exportExample(file));
      docs.push(out);
    }
    const large = join(dir, 'priya-sharma-large.docx');
    writeFileSync(large, await exportExample(files.find((f) => f.includes('priya-sharma'))!, { largePrint: true }));
    docs.push(large);
    convert(docs, TAGGED_PDF, join(dir, 'pdf'));
    convert(docs, 'docx:MS Word 2007 XML', join(dir, 'roundtrip'));
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of files) {
    const short = file.slice(caseload.length + 1);
    it(`${short}: the tagged PDF has the headings, table headers, language and text`, () => {
      const pdf = join(dir, 'pdf', `${name(file)}.pdf`);
      const info = run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Title:\s+Education, Health and Care plan for /);
      expect(readFileSync(pdf).toString('latin1')).toContain('/Lang(en-GB)');

      const struct = run('pdfinfo', ['-struct-text', pdf]);
      const headings = (level: string) =>
        [...struct.matchAll(new RegExp(`^(\\s*)${level} \\(block\\):\\n((?:\\1\\s+.*\\n)*)`, 'gm'))].map((m) =>
          squash([...m[2]!.matchAll(/"([^"]*)"/g)].map((q) => q[1]).join('')),
        );
      const h1 = headings('H1');
      expect(h1[0]).toBe('Contents');
      expect(h1.filter((h) => h.startsWith('Section ')).map((h) => h.slice(8, h.indexOf(':')))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
      expect(headings('H2')).toContain('H2: Other social care provision');
      const tables = struct.split(/^\s*Table \(block\):$/m).slice(1);
      expect(tables.length).toBeGreaterThanOrEqual(4);
      for (const t of tables) expect(t.slice(0, 600)).toMatch(/TH:/);
      expect(struct).toContain('/Scope /Column');

      const text = squash(run('pdftotext', ['-layout', pdf, '-']));
      const plan = prepared(file).source.plan;
      // Each item's id label reaches the page; the first words of its text too (tables wrap the rest).
      for (const item of [...plan.needs, ...plan.outcomes, ...plan.provision]) {
        expect(text).toContain(itemLabel(item.id).trim());
        const firstWords = squash(item.text).split(' ').slice(0, 2).join(' ');
        expect(text).toContain(firstWords);
      }
      expect(text).toMatch(new RegExp(`Page 1 of ${pages}`));
      expect(text).toContain(`Page ${pages} of ${pages}`);
    });

    it(`${short}: a LibreOffice round trip keeps every item's bookmark and its text`, () => {
      const before = bookmarks(unzip(readFileSync(join(dir, `${name(file)}.docx`)))['word/document.xml']!);
      const after = bookmarks(unzip(readFileSync(join(dir, 'roundtrip', `${name(file)}.docx`)))['word/document.xml']!);
      const plan = prepared(file).source.plan;
      const names = [...plan.needs.map((n) => bookmarkName(n.section, n.id)), ...plan.outcomes.map((o) => bookmarkName('E', o.id)), ...plan.provision.map((p) => bookmarkName(p.section, p.id))];
      expect(names.length).toBeGreaterThan(0);
      for (const n of new Set(names)) {
        expect(after.has(n), `bookmark ${n} after the round trip`).toBe(true);
        expect(squash(after.get(n)!.text)).toBe(squash(before.get(n)!.text));
      }
    });
  }

  it('large print renders on more pages than normal print', () => {
    const pages = (f: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [join(dir, 'pdf', f)]))?.[1]);
    expect(pages('priya-sharma-large.pdf')).toBeGreaterThan(pages('priya-sharma.pdf'));
  });
});
