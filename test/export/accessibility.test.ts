/** The accessibility checker: every example passes; documents made wrong on purpose fail with the right check. */
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAccessibility, contrastRatio, type AccessibilityCheck } from '../../server/src/export/accessibility';
import { caseload, exampleFiles, exportExample, rezip, unzip } from './helpers';

describe('every example passes the accessibility checker', () => {
  for (const file of exampleFiles()) {
    it(file.slice(caseload.length + 1), async () => {
      expect(checkAccessibility(await exportExample(file))).toEqual([]);
      expect(checkAccessibility(await exportExample(file, { largePrint: true }), { largePrint: true })).toEqual([]);
    });
  }
});

describe('documents made wrong on purpose fail', () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    parts = unzip(await exportExample(exampleFiles().find((f) => f.endsWith('priya-sharma.ehcp.yaml'))!));
  });

  const D = 'word/document.xml';
  const S = 'word/styles.xml';
  const para = (inner: string) => `<w:p>${inner}</w:p>`;
  const run = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  /** Inserts XML just after the body starts. */
  const atStart = (xml: string) => (doc: string) => doc.replace('<w:body>', `<w:body>${xml}`);
  const table = (rows: string) => `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows}</w:tbl>`;
  const header = `<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>${para(run('A'))}</w:tc><w:tc>${para(run('B'))}</w:tc></w:tr>`;

  const cases: [string, AccessibilityCheck, Record<string, (xml: string) => string>][] = [
    ['no title', 'title', { 'docProps/core.xml': (x) => x.replace(/<dc:title>[^<]*<\/dc:title>/, '<dc:title></dc:title>') }],
    ['no language', 'language', { [S]: (x) => x.replace(/<w:lang [^>]*\/>/g, '') }],
    ['a heading style without an outline level', 'heading-outline', { [S]: (x) => x.replace('<w:outlineLvl w:val="1"/>', '') }],
    ['a skipped heading level', 'heading-order', { [D]: (x) => x.replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading3"/>'), [S]: (x) => x.replace('</w:styles>', '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>') }],
    ['a table with no header row', 'table-header', { [D]: (x) => x.replace('<w:tblHeader/>', '') }],
    ['merged cells', 'table-merged', { [D]: atStart(table(header + `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${para(run('x'))}</w:tc></w:tr>`)) }],
    ['vertically merged cells', 'table-merged', { [D]: atStart(table(header + `<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${para(run('x'))}</w:tc><w:tc>${para(run('y'))}</w:tc></w:tr>`)) }],
    ['a nested table', 'table-nested', { [D]: atStart(table(header + `<w:tr><w:tc>${table(header)}${para('')}</w:tc><w:tc>${para(run('y'))}</w:tc></w:tr>`)) }],
    ['a blank row', 'table-blank-row', { [D]: atStart(table(header + `<w:tr><w:tc>${para('')}</w:tc><w:tc>${para('')}</w:tc></w:tr>`)) }],
    ['10 pt text', 'text-size', { [D]: atStart(para(run('Small print', '<w:sz w:val="20"/>'))) }],
    ['a 10 pt default with no size on the run', 'text-size', { [S]: (x) => x.replace('<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang', '<w:lang') }],
    ['pale grey text', 'contrast', { [D]: atStart(para(run('Pale', '<w:color w:val="AAAAAA"/>'))) }],
    ['white text on a yellow highlight', 'contrast', { [D]: atStart(para(run('Glare', '<w:color w:val="FFFFFF"/><w:highlight w:val="yellow"/>'))) }],
    ['black text in a dark shaded cell', 'contrast', { [D]: (x) => x.replace('w:fill="DEE6F2"', 'w:fill="222222"') }],
    ['a picture with no alternative text', 'alt-text', { [D]: atStart(para(`<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="Picture 1" descr=""/></wp:inline></w:drawing></w:r>`)) }],
    ['a typed bullet', 'typed-list', { [D]: atStart(para(run('• Swimming once a week'))) }],
    ['empty paragraphs for spacing', 'empty-paragraphs', { [D]: atStart(para(run('x')) + para('') + para('') + para('')) }],
    ['justified text', 'justified', { [D]: atStart(`<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${run('Justified text')}</w:p>`) }],
    ['mostly italic text', 'italic', { [S]: (x) => x.replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:i/>') }],
    ['locked for editing', 'locked', { 'word/settings.xml': (x) => x.replace(/(<w:settings[^>]*>)/, '$1<w:documentProtection w:edit="readOnly" w:enforcement="1"/>') }],
  ];

  for (const [what, check, changes] of cases) {
    it(`${what} → ${check}`, () => {
      const problems = checkAccessibility(rezip(parts, changes));
      expect(problems.map((p) => p.check)).toContain(check);
      for (const p of problems) expect(p.message).not.toMatch(/\n/);
    });
  }

  it('the untouched document passes (so each case above fails for its own reason)', () => {
    expect(checkAccessibility(rezip(parts, {}))).toEqual([]);
  });

  it('messages never quote the document’s text', () => {
    const problems = checkAccessibility(rezip(parts, { [D]: atStart(para(run('Secret child name', '<w:sz w:val="16"/><w:color w:val="EEEEEE"/>'))) }));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.message).not.toContain('Secret');
  });

  it('reports at most a few problems of one kind, then a count', () => {
    const many = Array.from({ length: 30 }, () => para(run('tiny', '<w:sz w:val="16"/>'))).join('');
    const problems = checkAccessibility(rezip(parts, { [D]: atStart(many) }));
    const size = problems.filter((p) => p.check === 'text-size');
    expect(size.length).toBe(6);
    expect(size[5]!.message).toContain('25 more');
  });
});

describe('files that are not Word documents', () => {
  it.each([
    ['empty', new Uint8Array()],
    ['plain text', strToU8('hello, this is not a zip')],
    ['a zip with no document', zipSync({ 'a.txt': strToU8('x') })],
    ['malformed XML', zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') })],
    ['an encrypted file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['100,000 nested elements', zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:r>'.repeat(100_000)}${'</w:r>'.repeat(100_000)}</w:body></w:document>`) })],
    ['an entity declaration (DTD)', zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>') })],
    ['an undeclared namespace prefix', zipSync({ 'word/document.xml': strToU8('<w:document><w:body/></w:document>') })],
  ])('%s: one clear problem, no crash', (_what, bytes) => {
    const problems = checkAccessibility(bytes);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.check).toBe('not-a-document');
  });

  it('refuses a zip bomb by its declared size, quickly', () => {
    // A small zip whose headers declare a 2 GB document, as a bomb's do.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(1024) }, { level: 9 });
    const view = new DataView(bomb.buffer);
    for (let i = 0; i + 4 <= bomb.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 0x7fffffff, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    }
    const start = performance.now();
    const problems = checkAccessibility(bomb);
    expect(problems[0]!.check).toBe('not-a-document');
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

describe('contrast ratio', () => {
  it('matches WCAG figures', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 0);
    expect(contrastRatio('777777', 'FFFFFF')).toBeCloseTo(4.48, 1);
    expect(contrastRatio('1F3864', 'FFFFFF')).toBeGreaterThan(4.5);
  });
});
