/**
 * The advice readers on real files: Word documents (hand-made and made by the `docx` library),
 * LibreOffice's PDF, Markdown and text, and hostile files made here (a zip bomb, corrupt,
 * encrypted, empty, a broken PDF).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { describe, expect, it } from 'vitest';
import { readAdvice } from '../../../server/src/advice/read';
import { findBlock, labelsOf } from '../../../server/src/advice/structure';
import { AdviceReadError, type AdviceDocument } from '../../../server/src/advice/types';
import { makeDocx, p } from '../../util/docx';
import { numberingCases } from '../../util/docx-cases';

const examples = join(__dirname, '../../../examples/caseload/advice');
const example = (name: string) => new Uint8Array(readFileSync(join(examples, name)));
const md = (text: string) => readAdvice(strToU8(text), 'md');
const txt = (text: string) => readAdvice(strToU8(text), 'txt');

async function refusal(promise: Promise<unknown>): Promise<AdviceReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdviceReadError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const labelled = (doc: AdviceDocument) => doc.blocks.filter((b) => b.label).map((b) => `${b.kind}:${b.label}${b.madeUp ? '*' : ''}`);

describe('Word documents', () => {
  it('reconstructs automatic numbering: continued and restarted lists told apart', async () => {
    const doc = await readAdvice(numberingCases[0]!.bytes, 'docx');
    expect(doc.blocks.filter((b) => b.automatic).map((b) => b.label)).toEqual(['R1', 'R2', 'R3', 'R4', 'R1', 'R2', 'R3']);
    expect(findBlock(doc, 'R4')?.text).toBe('Pre-teaching of topic vocabulary twice a week.');
    // Labels starting R are recommendations wherever they are.
    expect(findBlock(doc, 'R1')?.kind).toBe('recommendation');
  });

  it('nested, prefixed and lettered numbers become labels without closing punctuation', async () => {
    const doc = await readAdvice(numberingCases[1]!.bytes, 'docx');
    expect(labelsOf(doc)).toEqual(['1', '1.1', '1.2', '(a)', '(b)', '1.3', '2', '2.1', 'I', 'A', 'B', 'II']);
  });

  it('numbering from heading styles gives headings their numbers and a heading path', async () => {
    const doc = await readAdvice(numberingCases[2]!.bytes, 'docx');
    const need = findBlock(doc, '2.1')!;
    expect(need.text).toBe('He follows two-step instructions in familiar routines.');
    expect(need.headings).toEqual(['2 Communication and interaction', 'Understanding']);
    expect(need.needsLike).toBe(true);
    expect(findBlock(doc, '3.1')).toMatchObject({ kind: 'recommendation', headings: ['3 Recommendations'] });
    expect(doc.blocks.find((b) => b.text === 'Not numbered')).toMatchObject({ kind: 'heading' });
    expect(doc.blocks.find((b) => b.text === 'Not numbered')?.label).toBeUndefined();
  });

  it('reads a table of recommendations row by row, numbered cells included, and no header or footer', async () => {
    const doc = await readAdvice(numberingCases[4]!.bytes, 'docx');
    expect(findBlock(doc, 'R2')).toMatchObject({ kind: 'recommendation', text: 'A programme delivered three times a week, 20 minutes. | Teaching Assistant' });
    expect(doc.text).not.toMatch(/CONFIDENTIAL|Page 1/);
    expect(doc.text).toContain('After the table.');
  });

  it('reads the example reports the docx library wrote: tables with typed labels, made-up labels for bullets', async () => {
    const ot = await readAdvice(example('kai-ot-2026-05.docx'), 'docx');
    expect(labelled(ot)).toEqual(['heading:1', 'paragraph:1.1', 'paragraph:1.2', 'paragraph:1.3', 'heading:2', 'recommendation:OT1', 'recommendation:OT2', 'recommendation:OT3', 'recommendation:strategies-classroom-1*', 'recommendation:strategies-classroom-2*']);
    expect(findBlock(ot, 'OT2')?.text).toBe('Review of the handwriting programme with school staff. | Occupational Therapist | 1 hour each half term');
    expect(ot.text).not.toMatch(/Confidential|Page \d/);
    const salt = await readAdvice(example('tomasz-salt-2026-03.docx'), 'docx');
    expect(findBlock(salt, 'R3')?.text).toMatch(/^Makaton key word signing/);
  });

  it('skips deleted and hidden text, keeps inserted text and hyperlinks', async () => {
    const body =
      '<w:p><w:r><w:t>R1 Direct therapy</w:t></w:r><w:del><w:r><w:delText> (deleted)</w:delText></w:r></w:del><w:ins><w:r><w:t>, 45 minutes weekly</w:t></w:r></w:ins>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r><w:hyperlink><w:r><w:t> (see the guide)</w:t></w:r></w:hyperlink></w:p>';
    const doc = await readAdvice(makeDocx({ body }), 'docx');
    expect(findBlock(doc, 'R1')?.text).toBe('Direct therapy, 45 minutes weekly (see the guide)');
  });

  it('an empty document has no text', async () => {
    const error = await refusal(readAdvice(makeDocx({ body: p('') }), 'docx'));
    expect(error.reason).toBe('no-text');
  });
});

describe('hostile Word files', () => {
  it('refuses a zip bomb whose declared size is honest, before inflating', async () => {
    // 200 MB of spaces deflates to ~200 KB.
    const size = 100 * 1024 * 1024;
    const bomb = zipWithLyingSize('word/document.xml', new Uint8Array(deflateRawSync(new Uint8Array(size).fill(0x20), { level: 9 })), size);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(readAdvice(bomb, 'docx'));
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/zip bomb/);
  });

  it('refuses a zip bomb that lies about its size, by counting what comes out', async () => {
    const inflated = 64 * 1024 * 1024;
    const deflated = deflateRawSync(new Uint8Array(inflated).fill(0x20), { level: 9 });
    const bomb = zipWithLyingSize('word/document.xml', new Uint8Array(deflated), 2000);
    const error = await refusal(readAdvice(bomb, 'docx'));
    expect(error.reason).toBe('too-large');
  });

  it('names an encrypted (password-protected) Word file as such', async () => {
    const encrypted = await officeCrypto.encrypt(Buffer.from(numberingCases[0]!.bytes), { password: 'fictional' });
    const error = await refusal(readAdvice(new Uint8Array(encrypted), 'docx'));
    expect(error.reason).toBe('encrypted');
    expect(error.message).toBe('is password-protected (an encrypted Word file)');
  });

  it('gives a one-line reason for corrupt files', async () => {
    for (const bytes of [strToU8('just some text'), new Uint8Array(0), numberingCases[0]!.bytes.subarray(0, 600), zipSync({ 'other.xml': strToU8('<x/>') })]) {
      const error = await refusal(readAdvice(bytes, 'docx'));
      expect(error.reason).toBe('corrupt');
      expect(error.message).not.toContain('\n');
    }
  });

  it('refuses XML with a DOCTYPE (entity tricks)', async () => {
    const evil = zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>') });
    expect((await refusal(readAdvice(evil, 'docx'))).reason).toBe('corrupt');
  });

  it('says an OpenDocument file renamed .docx is unsupported', async () => {
    const odt = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') });
    expect((await refusal(readAdvice(odt, 'docx'))).reason).toBe('unsupported');
  });
});

describe('PDF', () => {
  it('reads LibreOffice’s PDF of a report: numbered paragraphs and recommendations, no running header or footer', async () => {
    const doc = await readAdvice(example('kwame-qtod-2026-03.pdf'), 'pdf');
    expect(findBlock(doc, '1.2')?.text).toMatch(/^In a quiet room and close to the speaker/);
    expect(findBlock(doc, 'R3')).toMatchObject({ kind: 'recommendation' });
    expect(findBlock(doc, 'R3')?.text).toMatch(/about 12 hours a week\.$/);
    expect(labelsOf(doc).filter((l) => /^R\d$/.test(l))).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    expect(doc.text).not.toMatch(/Confidential|Page \d of \d/);
  });

  it('refuses a broken PDF with a one-line reason', async () => {
    const broken = strToU8('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not really a PDF\n%%EOF');
    const error = await refusal(readAdvice(broken, 'pdf'));
    expect(error.reason).toBe('corrupt');
    expect((await refusal(readAdvice(strToU8('hello'), 'pdf'))).reason).toBe('corrupt');
  });

  it('a PDF cut short is refused, not hung on', async () => {
    const whole = example('kwame-qtod-2026-03.pdf');
    const error = await refusal(readAdvice(whole.subarray(0, Math.floor(whole.length / 3)), 'pdf'));
    expect(['corrupt', 'no-text']).toContain(error.reason);
  });
});

describe('Markdown and text', () => {
  it('reads typed labels of every kind', async () => {
    const doc = await md(
      [
        '# OT advice',
        '## 3. Findings',
        '3.1 Kai tires after 5 minutes of writing.',
        '3.2 His grip is tight.',
        '## Recommendations',
        'R4 A sloping board in every lesson.',
        'Recommendation 5: Typing for long pieces of work.',
        'OT6 - Review each half term.',
        '- A pencil grip.',
        '- Movement breaks.',
      ].join('\n'),
    );
    expect(labelled(doc)).toEqual(['heading:3', 'paragraph:3.1', 'paragraph:3.2', 'recommendation:R4', 'recommendation:Recommendation 5', 'recommendation:OT6', 'recommendation:recommendations-1*', 'recommendation:recommendations-2*']);
    expect(findBlock(doc, 'Recommendation 5')?.text).toBe('Typing for long pieces of work.');
    expect(findBlock(doc, 'rec 5')?.label).toBe('Recommendation 5');
    expect(findBlock(doc, 'r4')?.label).toBe('R4');
    // The extracted text of Markdown is the file: lines match the source.
    expect(findBlock(doc, '3.2')?.line).toBe(3);
  });

  it('numbers a Markdown ordered list as a renderer shows it', async () => {
    const doc = await md('## Recommendations\n\n1. First.\n1. Second.\n1. Third.\n');
    expect(labelsOf(doc)).toEqual(['1', '2', '3']);
  });

  it('reads a text report with capitals headings, wrapped paragraphs and a table', async () => {
    const doc = await txt(
      ['SPEECH AND LANGUAGE THERAPY REPORT', '', '1. FINDINGS', '1.1 Amir understands simple', 'instructions in routines.', '', '2. RECOMMENDATIONS', 'S1 Direct therapy, 30 minutes weekly.', 'S2 A visual timetable.'].join('\n'),
    );
    expect(findBlock(doc, '1.1')?.text).toBe('Amir understands simple instructions in routines.');
    expect(findBlock(doc, 'S2')).toMatchObject({ kind: 'recommendation', headings: ['2. RECOMMENDATIONS'] });
  });

  it('an empty or binary text file is refused', async () => {
    expect((await refusal(txt(''))).reason).toBe('no-text');
    expect((await refusal(readAdvice(new Uint8Array([0, 1, 2, 3, 0, 5]), 'txt'))).reason).toBe('unsupported');
  });
});

/** A zip with one deflated entry whose central directory declares `declared` bytes. */
function zipWithLyingSize(name: string, deflated: Uint8Array, declared: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, declared, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, declared, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + deflated.length, true);
  const out = new Uint8Array(local.length + deflated.length + central.length + end.length);
  out.set(local, 0);
  out.set(deflated, local.length);
  out.set(central, local.length + deflated.length);
  out.set(end, local.length + deflated.length + central.length);
  return out;
}
