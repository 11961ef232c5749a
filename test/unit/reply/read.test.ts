import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../../../server/src/reply/read';
import type { ChangeEntry, CommentEntry } from '../../../server/src/reply/types';
import { DocxEditor } from './docx-edit';
import { makeExport } from './make-export';

const planFile = join(__dirname, '..', '..', 'fixtures', 'reply', 'ada-brown.ehcp.yaml');
const planText = readFileSync(planFile, 'utf8');
let exported: Uint8Array;
beforeAll(async () => {
  exported = await makeExport(planText, 'ada-brown.ehcp.yaml');
});

describe('reading a returned draft', () => {
  it('finds every item and its exported text, without the id label', () => {
    const reply = readReply(exported);
    expect(reply.properties.planPath).toBe('ada-brown.ehcp.yaml');
    expect(reply.properties.planHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(reply.items.map((i) => `${i.section}_${i.id}`)).toEqual(['B_N1', 'B_N2', 'E_O1', 'E_O2', 'F_P1', 'F_P2', 'F_P3']);
    const p3 = reply.items.find((i) => i.id === 'P3')!;
    expect(p3.original).toBe('A visual timetable at her desk, checked with her by the class teacher at the start of each morning and afternoon.\nInstructions given one step at a time.');
    expect(reply.entries).toEqual([]);
  });

  it('ties comments and tracked changes to their items, with author and date', () => {
    const bytes = new DocxEditor(exported)
      .comment('ehcp_F_P1', '45 minutes', 'We asked for an hour, as the therapist advised.', { author: 'Jo Brown', date: '2026-12-02T09:30:00Z' })
      .replace('ehcp_F_P2', '20 minutes', '30 minutes', { author: 'Jo Brown', date: '2026-12-02T09:40:00Z' })
      .bytes();
    const reply = readReply(bytes);
    const comment = reply.entries.find((e) => e.kind === 'comment') as CommentEntry;
    expect(comment).toMatchObject({ author: 'Jo Brown', date: '2026-12-02T09:30:00Z', tie: 'enclosed', anchor: '45 minutes', text: 'We asked for an hour, as the therapist advised.' });
    expect(comment.item?.id).toBe('P1');
    const change = reply.entries.find((e) => e.kind === 'change') as ChangeEntry;
    expect(change).toMatchObject({ how: 'tracked', author: 'Jo Brown', deleted: '20 minutes', inserted: '30 minutes', tie: 'enclosed' });
    expect(change.item?.id).toBe('P2');
    const p2 = reply.items.find((i) => i.id === 'P2')!;
    expect(p2.original).toBe('Daily 1:1 phonics teaching from a trained teaching assistant, 20 minutes a day, 38 weeks a year.');
    expect(p2.proposed).toBe('Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day, 38 weeks a year.');
  });

  it('reads the working-document key', () => {
    const bytes = new DocxEditor(exported)
      .format('ehcp_F_P1', 'once a week', { b: true, strike: true })
      .format('ehcp_F_P1', '38 weeks a year', {}, ' twice a week')
      .format('ehcp_E_O1', 'without a reminder', { i: true })
      .format('ehcp_E_O2', 'aloud to an adult', { u: true })
      .bytes();
    const reply = readReply(bytes);
    const kinds = reply.entries.map((e) => (e.kind === 'change' ? `${e.item?.id}:${e.how}:${e.party}:-${e.deleted}` : `${e.item?.id}:${e.kind}:${'party' in e ? e.party : ''}`));
    expect(kinds).toEqual(['E_O1'.slice(2) + ':marked:authority', 'O2:marked:agreed', 'P1:key:parents:-once a week']);
  });

  it('says a paragraph typed outside every item is not tied, with the nearest item before it', () => {
    const bytes = new DocxEditor(exported).paragraphAfter('ehcp_F_P2', 'Please add swimming lessons.', { author: 'Jo Brown' }).typeAtEndOfParagraph('ehcp_F_P3', ' Also at lunch.').bytes();
    const reply = readReply(bytes);
    const untied = reply.entries.find((e) => e.tie === 'none') as ChangeEntry;
    expect(untied).toMatchObject({ kind: 'change', inserted: 'Please add swimming lessons.', author: 'Jo Brown' });
    expect(untied.hint?.id).toBe('P2');
    const atEnd = reply.entries.find((e) => e.tie === 'paragraph') as ChangeEntry;
    expect(atEnd.item?.id).toBe('P3');
    expect(reply.items.find((i) => i.id === 'P3')!.proposed).toMatch(/one step at a time\. Also at lunch\.$/);
  });

  it('names an author LibreOffice left empty "Unknown author"', () => {
    const bytes = new DocxEditor(exported).comment('ehcp_B_N2', 'typical 6-year-old', 'She is now reading more.', { author: '' }).bytes();
    expect(readReply(bytes).entries[0]!.author).toBe('Unknown author');
  });
});

describe('Word comment threads', () => {
  it('links a reply to the comment it answers and reads the resolved mark', async () => {
    const { strToU8, unzipSync, zipSync, strFromU8 } = await import('fflate');
    const bytes = new DocxEditor(exported)
      .comment('ehcp_F_P1', '45 minutes', 'We asked for an hour.', { author: 'Jo Brown' })
      .comment('ehcp_F_P2', '20 minutes', 'Is this enough?', { author: 'Jo Brown' })
      .bytes();
    const files = unzipSync(bytes);
    // Word writes each comment's last paragraph id, and the thread in commentsExtended.xml.
    let comments = strFromU8(files['word/comments.xml']!);
    comments = comments.replace('xmlns:w=', 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w=');
    let n = 0;
    comments = comments.replace(/<w:p>/g, () => `<w:p w14:paraId="0000000${++n}">`);
    // A third comment: the caseworker's reply to the second, on the same words.
    comments = comments.replace('</w:comments>', '<w:comment w:id="2" w:author="R. Shah" w:date="2026-12-03T08:00:00Z"><w:p w14:paraId="00000003"><w:r><w:t>Yes: it is what the advice says.</w:t></w:r></w:p></w:comment></w:comments>');
    files['word/comments.xml'] = strToU8(comments);
    files['word/commentsExtended.xml'] = strToU8(
      '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:commentEx w15:paraId="00000001" w15:done="1"/><w15:commentEx w15:paraId="00000002" w15:done="0"/><w15:commentEx w15:paraId="00000003" w15:paraIdParent="00000002" w15:done="0"/></w15:commentsEx>',
    );
    const reply = readReply(zipSync(files));
    const [first, second, answer] = reply.entries as CommentEntry[];
    expect(first).toMatchObject({ text: 'We asked for an hour.', done: true });
    expect(second!.done).toBeUndefined();
    // A reply with no place of its own in the document belongs where the comment it answers is.
    expect(answer).toMatchObject({ author: 'R. Shah', text: 'Yes: it is what the advice says.', replyTo: second!.n, tie: 'enclosed' });
    expect(answer!.item?.id).toBe('P2');
  });
});
