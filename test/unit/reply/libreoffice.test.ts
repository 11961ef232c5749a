import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../../../server/src/reply/read';
import type { ChangeEntry, CommentEntry, ReplyDocument } from '../../../server/src/reply/types';
import { DocxEditor, roundTripThroughLibreOffice } from './docx-edit';
import { makeExport } from './make-export';

const planText = readFileSync(join(__dirname, '..', '..', 'fixtures', 'reply', 'ada-brown.ehcp.yaml'), 'utf8');

/** Word-style edits (made in the XML) and the same file saved by LibreOffice must read the same. */
describe('a reply saved by LibreOffice', () => {
  let word: ReplyDocument;
  let libre: ReplyDocument;
  beforeAll(async () => {
    const exported = await makeExport(planText, 'ada-brown.ehcp.yaml');
    const edited = new DocxEditor(exported)
      .comment('ehcp_F_P1', '45 minutes', 'We asked for an hour.', { author: 'Jo Brown', date: '2026-12-02T09:30:00Z' })
      .comment('ehcp_B_N2', 'typical 6-year-old', 'She reads better now.', { author: '' })
      .replace('ehcp_F_P2', '20 minutes', '30 minutes', { author: 'Jo Brown', date: '2026-12-02T09:40:00Z' })
      .paragraphAfter('ehcp_F_P2', 'Please add swimming lessons.', { author: 'Jo Brown' })
      .typeAtEndOfParagraph('ehcp_F_P3', ' Also at lunch.', { author: 'Jo Brown' })
      .format('ehcp_E_O1', 'without a reminder', { b: true, strike: true })
      .format('ehcp_E_O2', 'aloud to an adult', { b: true }, ' every week')
      .bytes();
    word = readReply(edited);
    [libre] = roundTripThroughLibreOffice([edited]).map(readReply) as [ReplyDocument];
  }, 240_000);

  it('keeps every item bookmark', () => {
    expect(libre.items.map((i) => i.id).sort()).toEqual(word.items.map((i) => i.id).sort());
  });

  it('ties the same entries to the same items', () => {
    const view = (r: ReplyDocument) =>
      r.entries.map((e) => ({
        kind: e.kind,
        item: e.item?.id,
        hint: e.hint?.id,
        author: e.author,
        what: e.kind === 'comment' ? (e as CommentEntry).text : e.kind === 'change' ? `${(e as ChangeEntry).deleted}→${(e as ChangeEntry).inserted}` : e.text,
      }));
    expect(view(libre)).toEqual(view(word));
    for (const item of word.items) expect(libre.items.find((i) => i.id === item.id)?.proposed).toBe(item.proposed);
  });
});
