/**
 * Advice in the language server, over stdio against the built server: diagnostics that arrive
 * once a report is read (never holding up the first ones), completions that insert a
 * recommendation and add its evidence reference in the same edit, hover, go to definition
 * (the Markdown file itself, or the extracted text of a Word report), the lens, and re-reading a
 * report that changes on disk.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, cursor, fileUri, startServer, type Lsp, type TextEdit } from './harness';

interface CompletionItem {
  label: string;
  textEdit?: TextEdit;
  additionalTextEdits?: TextEdit[];
  documentation?: { value: string };
  sortText?: string;
}

const examples = join(__dirname, '../../examples/caseload/advice');
const otReport = `# Occupational Therapy Advice

**Author:** J. Amadi, HCPC-registered Occupational Therapist

## 1. Findings

1.1 Ada's fine motor skills are at the 5th centile and her handwriting is slow and effortful for her.

## 2. Recommendations

OT1 A handwriting programme devised by the Occupational Therapist and delivered 1:1 by a trained Teaching Assistant, 20 minutes three times a week.

OT2 A sloping board and a pencil grip in every lesson.
`;

const plan = `ehcp: 1
child: { name: Ada Okonjo, known_as: Ada, pronouns: she/her, date_of_birth: 2022-11-08 }
plan: { local_authority: Westmere Borough Council, caseworker: P. Adeyemi, status: draft }
advice:
  - id: salt
    professional: Speech and Language Therapist
    author: H. O'Connor
    date: 2026-03-11
    file: advice/salt.docx
  - id: ot
    professional: Occupational Therapist
    author: J. Amadi
    file: advice/ot.md
needs:
  - id: N1
    section: B
    area: communication and interaction
    text: Ada uses about 10 single words and does not yet use words to comment.
    evidence: [salt#2.3]
  - id: N2
    section: B
    area: sensory and/or physical
    text: Ada's handwriting is slow.
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Ada will use 50 words to ask for and comment on things.
  - id: O2
    needs: [N2]
    text: By July 2027, Ada will write her name legibly.
provision:
  - id: P1
    section: F
    needs: [N1]
    outcomes: [O1]
    text: Direct speech and language therapy from a Speech and Language Therapist at nursery, 30 minutes once a week, 38 weeks a year.
    evidence: [salt#R1]
  - id: P2
    section: F
    needs: [N2]
    outcomes: [O2]
    text: >-
      A handwriting programme |
`;

let lsp: Lsp;
let dir: string;
let uri: string;
let text: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ehcp-lsp-advice-'));
  mkdirSync(join(dir, 'advice'));
  copyFileSync(join(examples, 'tomasz-salt-2026-03.docx'), join(dir, 'advice', 'salt.docx'));
  writeFileSync(join(dir, 'advice', 'ot.md'), otReport);
  lsp = await startServer({ workspace: dir });
  const marked = cursor(plan);
  text = marked.text;
  uri = lsp.open(join(dir, 'ada.ehcp.yaml'), text);
  // Reports are read off the typing path: the first diagnostics come at once, the advice ones when the reads complete.
  await lsp.diagnostics(uri, 1);
  await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'advice-recommendation-unused'));
});
afterAll(async () => {
  await lsp.stop();
  rmSync(dir, { recursive: true, force: true });
});

const at = (needle: string, offset = 1) => cursor(text.replace(needle, `${needle.slice(0, offset)}|${needle.slice(offset)}`)).position;

describe('advice in the language server', () => {
  it('reports unused recommendations on the advice entry once the Word report is read', async () => {
    const d = await lsp.waitFor(uri, (x) => x.filter((y) => y.code === 'advice-recommendation-unused').length >= 4);
    const unused = d.filter((x) => x.code === 'advice-recommendation-unused');
    expect(unused.some((x) => x.message.includes('salt#R2') && x.range.start.line === 4)).toBe(true);
    expect(unused.some((x) => x.message.includes('ot#OT1'))).toBe(true);
  });

  it('completes a recommendation in provision text and adds its reference to evidence in the same edit', async () => {
    const position = cursor(plan).position;
    const list = await lsp.request<{ items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position });
    const ot1 = list.items.find((i) => i.label.startsWith('ot#OT1'))!;
    expect(ot1).toBeDefined();
    // Ranked by the area of the need the item meets: the handwriting programme before speech therapy.
    const salt = list.items.find((i) => i.label.startsWith('salt#R2'))!;
    expect(ot1.sortText! < salt.sortText!).toBe(true);
    expect(ot1.documentation?.value).toContain('The checker reads: who:');
    const after = applyEdits(text, [ot1.textEdit!, ...(ot1.additionalTextEdits ?? [])]);
    expect(after).toContain('      A handwriting programme A handwriting programme devised by the Occupational Therapist and delivered 1:1 by a trained Teaching Assistant, 20 minutes three times a week.\n    evidence: [ot#OT1]\n');
  });

  it('hovers an evidence reference with the quoted paragraph, its author, role and date', async () => {
    const hover = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at('salt#R1', 6) });
    expect(hover.contents.value).toContain("Speech and Language Therapist · H. O'Connor · 2026-03-11");
    expect(hover.contents.value).toContain('> R1 Direct speech and language therapy from a Speech and Language Therapist at nursery, 30 minutes once a week');
    expect(hover.contents.value).toContain('advice/salt.docx (extracted text)');
  });

  it('goes to the paragraph: a Markdown report itself, a Word report as its extracted text', async () => {
    lsp.change(uri, (text = text.replace('    text: Ada\'s handwriting is slow.', "    text: Ada's handwriting is slow.\n    evidence: [ot#1.1]")));
    const md = await lsp.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri }, position: at('ot#1.1', 4) });
    expect(md[0]!.uri).toBe(fileUri(join(dir, 'advice', 'ot.md')));
    expect(otReport.split('\n')[md[0]!.range.start.line]).toMatch(/^1\.1 Ada's fine motor skills/);

    const docx = await lsp.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri }, position: at('salt#2.3', 6) });
    expect(docx[0]!.uri).toMatch(/^ehcp-advice:\/.*\/advice\/salt\.docx$/);
    const extracted = await lsp.request<string>('ehcp/adviceText', { uri: docx[0]!.uri });
    const lines = extracted.split('\n');
    expect(lines[0]).toMatch(/^Extracted text of salt\.docx \(read-only/);
    expect(lines[docx[0]!.range.start.line]).toMatch(/^2\.3 Expression: Tomasz uses about 10 single words/);
    // Only reports that a plan names can be opened this way.
    expect(await lsp.request('ehcp/adviceText', { uri: 'ehcp-advice:/etc/passwd' })).toBeNull();
  });

  it('shows a lens on each advice entry', async () => {
    const lenses = await lsp.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    const titles = lenses.filter((l) => l.range.start.line === 4 || l.range.start.line === 9).map((l) => l.command.title);
    expect(titles).toEqual(['4 recommendations · 1 used in the plan', '2 recommendations · 0 used in the plan']);
  });

  it('reads a report again when it changes on disk', async () => {
    writeFileSync(join(dir, 'advice', 'ot.md'), otReport.replace(/\nOT2 .*\n/, '\n'));
    lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(dir, 'advice', 'ot.md')), type: 2 }] });
    const d = await lsp.waitFor(uri, (x) => !x.some((y) => y.message.includes('ot#OT2')) && x.some((y) => y.message.includes('ot#OT1')));
    expect(d.filter((y) => y.code === 'advice-recommendation-unused' && y.message.includes('ot#'))).toHaveLength(1);
  });
});
