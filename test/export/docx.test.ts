/** The Word export, unzipped: content in order inside its bookmarks, headings, tables, language, properties. */
import { describe, expect, it } from 'vitest';
import { checkAccessibility } from '../../server/src/export/accessibility';
import { bookmarkName, itemLabel, planHash, PROPERTY } from '../../server/src/export/contract';
import { exportToDocx } from '../../server/src/export/docx';
import { proseParagraphs } from '../../server/src/export/document';
import { bookmarks, caseload, exampleFiles, exportExample, prepared, squash, textOfXml, unzip } from './helpers';

const files = exampleFiles();

describe('every example exports to a document that keeps every item in its bookmark', () => {
  for (const file of files) {
    it(file.slice(caseload.length + 1), async () => {
      const p = prepared(file);
      const parts = unzip(await exportExample(file));
      const doc = parts['word/document.xml']!;
      const marks = bookmarks(doc);
      const plan = p.source.plan;
      const items = [
        ...plan.needs.map((n) => ({ name: bookmarkName(n.section, n.id), id: n.id, text: n.text, group: 0 })),
        ...plan.outcomes.map((o) => ({ name: bookmarkName('E', o.id), id: o.id, text: o.text, group: 1 })),
        ...plan.provision.map((x) => ({ name: bookmarkName(x.section, x.id), id: x.id, text: x.text, group: 2 })),
      ];
      const seen = new Set<string>();
      for (const item of items) {
        if (seen.has(item.name)) continue; // a duplicate id gets no second bookmark
        seen.add(item.name);
        const mark = marks.get(item.name);
        expect(mark, `bookmark ${item.name}`).toBeDefined();
        expect(item.name.length).toBeLessThanOrEqual(40);
        expect(item.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(squash(mark!.text)).toBe(squash(itemLabel(item.id) + item.text));
        // Blank-line paragraphs in a | block stay inside the one bookmarked paragraph.
        expect(mark!.text.split('\n').filter((l) => l.trim()).length).toBe(proseParagraphs(item.text).flat().filter((l) => l.trim()).length);
      }
      // Order: needs in section order B, C, D, then outcomes, then provision F, G, H1, H2, as in the plan within each.
      const order = (section: string) => 'BCDEFGH1H2'.indexOf(section);
      const expected = [...seen].sort((a, b) => {
        const [sa, sb] = [a.split('_')[1]!, b.split('_')[1]!];
        return order(sa) - order(sb) || items.findIndex((i) => i.name === a) - items.findIndex((i) => i.name === b);
      });
      const bSection = plan.needs.filter((n) => n.section === 'B');
      const byArea = new Set(bSection.map((n) => n.area)).size > 1;
      const actual = [...seen].sort((a, b) => marks.get(a)!.offset - marks.get(b)!.offset);
      if (!byArea) expect(actual).toEqual(expected);
      else expect(actual.filter((n) => !n.startsWith('ehcp_B_'))).toEqual(expected.filter((n) => !n.startsWith('ehcp_B_')));
      // Every item's id is shown beside it, in bold.
      for (const item of items) expect(doc).toContain(`<w:t xml:space="preserve">${itemLabel(item.id).replace(/&/g, '&amp;')}</w:t>`);
    });
  }
});

describe('document structure', () => {
  const priya = files.find((f) => f.endsWith('priya-sharma.ehcp.yaml'))!;

  it('has heading styles with Word’s built-in names and outline levels, and headings A to K in order', async () => {
    const parts = unzip(await exportExample(priya));
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"\/>.*?<w:outlineLvl w:val="0"\/>/s);
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"\/>.*?<w:outlineLvl w:val="1"\/>/s);
    const doc = parts['word/document.xml']!;
    const h1 = [...doc.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(.*?)<\/w:p>/gs)].map((m) => textOfXml(m[1]!));
    const sections = h1.filter((t) => t.startsWith('Section ')).map((t) => t.slice(8, t.indexOf(':')));
    expect(sections).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
    expect(h1[0]).toBe('Contents');
  });

  it('sets en-GB, Arial 12 pt, the title, subject, author and the custom properties', async () => {
    const p = prepared(priya);
    const now = new Date('2026-06-05T10:00:00Z');
    const parts = unzip(await exportToDocx(p.source, { now, productVersion: '9.9.9' }));
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr>.*<w:sz w:val="24"\/>.*<w:lang w:val="en-GB"/s);
    expect(parts['word/styles.xml']).toContain('w:ascii="Arial"');
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Education, Health and Care plan for Priya</dc:title>');
    expect(core).toContain('<dc:subject>Final plan, Northshire County Council</dc:subject>');
    expect(core).toContain('<dc:creator>J. Fields</dc:creator>');
    const custom = parts['docProps/custom.xml']!;
    const prop = (name: string) => new RegExp(`name="${name}"><vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(custom)?.[1];
    expect(prop(PROPERTY.planPath)).toBe('priya-sharma.ehcp.yaml');
    expect(prop(PROPERTY.planHash)).toBe(planHash(p.source.text));
    expect(prop(PROPERTY.planHash)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(prop(PROPERTY.exporterVersion)).toBe('1');
    expect(prop(PROPERTY.productVersion)).toBe('9.9.9');
    expect(prop(PROPERTY.exportDate)).toBe('2026-06-05T10:00:00.000Z');
    expect(prop(PROPERTY.unresolvedIssues)).toBe('false');
    expect(parts['word/settings.xml']).toContain('<w:trackRevisions/>');
    expect(parts['word/settings.xml']).not.toContain('documentProtection');
  });

  it('also takes a plan object alone, hashing its YAML', async () => {
    const { plan } = prepared(priya).source;
    const bytes = await exportToDocx(plan);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    const parts = unzip(bytes);
    expect(bookmarks(parts['word/document.xml']!).has('ehcp_F_P1')).toBe(true);
    expect(parts['docProps/custom.xml']).toMatch(/name="ehcp_plan_hash"><vt:lpwstr>sha256:[0-9a-f]{64}</);
    expect(parts['docProps/custom.xml']).toMatch(/name="ehcp_plan_path"><vt:lpwstr><\/vt:lpwstr>|name="ehcp_plan_path"><vt:lpwstr\/>/);
  });

  it('turns track changes off when asked', async () => {
    const parts = unzip(await exportToDocx(prepared(priya).source, { trackChanges: false }));
    expect(parts['word/settings.xml']).not.toContain('<w:trackRevisions/>');
  });

  it('marks every table’s first row as a repeated header row and no row splits across pages', async () => {
    const doc = unzip(await exportExample(priya))['word/document.xml']!;
    const tables = [...doc.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) => m[1]!);
      expect(rows[0]).toMatch(/<w:trPr>.*<w:tblHeader\/>.*<\/w:trPr>/s);
      for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
      for (const r of rows.slice(1)) expect(r).not.toContain('<w:tblHeader/>');
      expect(t).not.toMatch(/gridSpan|vMerge|hMerge/);
    }
  });

  it('states who, how often and how long beside the writer’s words, and adds up the week by provider', async () => {
    const doc = unzip(await exportExample(priya))['word/document.xml']!;
    const text = squash(textOfXml(doc));
    expect(text).toContain('HCPC-registered');
    expect(text).toContain('45 minutes, once a week, 1:1, 38 weeks a year');
    expect(text).toMatch(/Speech and Language Therapist\s*\(HCPC-registered\)/);
    expect(text).toContain('Provision each week, by who gives it');
    // P1: 45 minutes a week from the SLT; P4 (1 hour each half term) is listed apart, not averaged.
    expect(text).toContain('Speech and Language Therapist45 minutes a week, 38 weeks a yearP1');
    expect(text).toContain('Teaching Assistant4 hours 10 minutes a week, 38 weeks a yearP2, P3, P5 and P6');
    expect(text).toContain('Less often than every week:P4: Speech and Language Therapist; Class Teacher; Teaching Assistant, 1 hour, each half term.');
  });

  it('puts the comment deadline in the header of a draft, and page x of y in the footer', async () => {
    const p = prepared(priya);
    const draft = { ...p.source, plan: { ...p.source.plan, plan: { ...p.source.plan.plan, status: 'draft' as const, dates: { draft_issued: '2026-05-08' } } } };
    const parts = unzip(await exportToDocx(draft));
    const header = Object.entries(parts).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    expect(textOfXml(header)).toBe('DRAFT: for your comments by 23 May 2026');
    const footer = Object.entries(parts).find(([k]) => /^word\/footer\d*\.xml$/.test(k))![1];
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(squash(textOfXml(parts['word/document.xml']!))).toContain('Please send your comments by 23 May 2026');
  });

  it('says on its first page that a forced export has unresolved issues', async () => {
    const kai = files.find((f) => f.endsWith('kai-robinson.ehcp.yaml'))!;
    const p = prepared(kai);
    expect(p.errors.length).toBeGreaterThan(0);
    const parts = unzip(await exportExample(kai));
    const doc = parts['word/document.xml']!;
    const firstPage = doc.slice(0, doc.indexOf('w:pageBreakBefore'));
    expect(squash(textOfXml(firstPage))).toContain(`This draft has unresolved issues: the plan checker found ${p.errors.length} problems`);
    expect(parts['docProps/custom.xml']).toMatch(/name="ehcp_unresolved_issues"><vt:lpwstr>true</);
  });

  it('large print: 18 pt body text, and the checker holds it to 16 pt', async () => {
    const bytes = await exportExample(priya, { largePrint: true });
    expect(unzip(bytes)['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>.*<w:sz w:val="36"\/>/s);
    expect(checkAccessibility(bytes, { largePrint: true })).toEqual([]);
    const normal = await exportExample(priya);
    expect(checkAccessibility(normal, { largePrint: true }).map((p) => p.check)).toContain('text-size');
  });

  it('has no justified text and no italics', async () => {
    const doc = unzip(await exportExample(priya))['word/document.xml']!;
    expect(doc).not.toMatch(/<w:jc w:val="(both|distribute)"/);
    expect(doc).not.toMatch(/<w:i\/>/);
  });

  it('has a glossary of the terms the plan uses, in plain English, and lists the ones it cannot explain', async () => {
    const p = prepared(priya);
    const doc = unzip(await exportToDocx(p.source, { glossary: p.glossary }))['word/document.xml']!;
    const text = squash(textOfXml(doc.slice(doc.indexOf('w:name="ehcp_sec_glossary"'))));
    expect(text.startsWith('Words used in this plan')).toBe(true);
    for (const term of ['ELSA', 'HCPC', 'Numicon']) expect(text).toContain(term);
    expect(p.unexplainedTerms).toEqual([]);

    const text2 = p.source.text.replace('Emotional literacy sessions with a trained ELSA', 'Emotional literacy sessions with a trained ELSA and the QXV team');
    const { preparePlan } = await import('../../server/src/export/docx');
    const unknown = preparePlan(text2, 'p.ehcp.yaml');
    if (!unknown.ok) throw new Error(unknown.reason);
    expect(unknown.unexplainedTerms).toEqual(['QXV']);
    const explained = preparePlan(`${text2}\nglossary:\n  QXV: The Quiet Voices team, who help children speak up in class.\n`, 'p.ehcp.yaml');
    if (!explained.ok) throw new Error(explained.reason);
    expect(explained.unexplainedTerms).toEqual([]);
    const doc2 = unzip(await exportToDocx(explained.source, { glossary: explained.glossary }))['word/document.xml']!;
    expect(squash(textOfXml(doc2))).toContain('QXVThe Quiet Voices team, who help children speak up in class.');
  });

  it('bookmarks ids that bookmarks cannot hold (dots, dashes, 40 characters) under their hashed names, and a duplicate id once', async () => {
    const p = prepared(priya);
    const plan = p.source.plan;
    const long = `P-${'x'.repeat(38)}`;
    const provision = [{ ...plan.provision[0]!, id: 'P1-a.2026' }, { ...plan.provision[1]!, id: long }, { ...plan.provision[2]!, id: 'P1-a.2026' }, ...plan.provision.slice(3)];
    const doc = unzip(await exportToDocx({ ...p.source, plan: { ...plan, provision } }))['word/document.xml']!;
    const marks = bookmarks(doc);
    for (const item of provision.slice(0, 2)) {
      const name = bookmarkName('F', item.id);
      expect(name).not.toBe(`ehcp_F_${item.id}`);
      expect(squash(marks.get(name)!.text)).toBe(squash(itemLabel(item.id) + item.text));
    }
    expect([...doc.matchAll(new RegExp(`w:name="${bookmarkName('F', 'P1-a.2026')}"`, 'g'))]).toHaveLength(1);
    expect(squash(textOfXml(doc))).toContain(squash(itemLabel('P1-a.2026') + plan.provision[2]!.text)); // shown, not bookmarked
  });

  it('escapes XML in plan text and keeps unusual characters', async () => {
    const p = prepared(priya);
    const odd = 'Zoë & Łukasz <said> "hello" — it’s 1:1 😀 \u0007bell';
    const source = { ...p.source, plan: { ...p.source.plan, needs: [{ ...p.source.plan.needs[0]!, text: odd }, ...p.source.plan.needs.slice(1)] } };
    const bytes = await exportToDocx(source);
    const mark = bookmarks(unzip(bytes)['word/document.xml']!).get(bookmarkName('B', 'N1'))!;
    expect(mark.text).toContain('Zoë & Łukasz <said> "hello" — it’s 1:1 😀');
    expect(checkAccessibility(bytes)).toEqual([]);
  });
});
