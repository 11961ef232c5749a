/**
 * Returned documents made from real exports, each read as Word would save it (our edits in the
 * XML) and again after a LibreOffice round trip (`soffice --convert-to docx`, fresh profile), which
 * renumbers bookmarks, may move a bookmarkEnd, rewrites runs and keeps comments without authors.
 * Both must tie the same entries to the same items.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../../server/src/core/parse';
import { bookmarkName } from '../../../server/src/export/contract';
import { readReply } from '../../../server/src/reply/read';
import { reviewReply } from '../../../server/src/reply/review';
import type { ChangeEntry, CommentEntry, ReplyDocument } from '../../../server/src/reply/types';
import { DocxEditor, roundTripThroughLibreOffice } from './docx-edit';
import { makeExport } from './make-export';

const basePlan = readFileSync(join(__dirname, '..', '..', 'fixtures', 'reply', 'ada-brown.ehcp.yaml'), 'utf8');
// An id with a dash gets a hashed bookmark name (docs/export.md).
const planText = `${basePlan}  - id: P4-a
    section: F
    needs: [N2]
    outcomes: [O2]
    text: A reading book chosen with Ada, sent home each Monday and read with her teaching assistant for 10 minutes each Friday, 38 weeks a year.
`;

type Scenario = { name: string; edit: (e: DocxEditor) => DocxEditor };
const P4 = bookmarkName('F', 'P4-a');
const scenarios: Scenario[] = [
  {
    name: 'comments and tracked changes',
    edit: (e) =>
      e
        .comment('ehcp_F_P1', '45 minutes', 'We asked for an hour.', { author: 'Jo Brown', date: '2026-12-02T09:30:00Z' })
        .comment('ehcp_B_N2', 'typical 6-year-old', 'She reads better now.', { author: '' })
        .replace('ehcp_F_P2', '20 minutes', '30 minutes', { author: 'Jo Brown', date: '2026-12-02T09:40:00Z' })
        .replace('ehcp_E_O1', 'without a reminder', '', { author: 'Jo Brown' })
        .insertAfter(P4, 'each Friday', ' and Tuesday', { author: 'Jo Brown' }),
  },
  {
    name: 'the tribunal key',
    edit: (e) =>
      e
        .format('ehcp_E_O1', 'without a reminder', { b: true, strike: true })
        .format('ehcp_E_O2', 'aloud to an adult', { b: true }, ' every week')
        .format('ehcp_F_P1', '38 weeks a year', { i: true })
        .format('ehcp_F_P2', 'trained teaching assistant', { u: true }),
  },
  {
    name: 'typing outside the items',
    edit: (e) =>
      e
        .paragraphAfter('ehcp_B_N2', 'Ada has also been diagnosed with dyslexia.', { author: 'Jo Brown' })
        .typeAtEndOfParagraph('ehcp_B_N1', ' She is very shy.', { author: 'Jo Brown' })
        .splitParagraph('ehcp_F_P3', 'afternoon.', { author: 'Jo Brown' }),
  },
  {
    name: 'moved text',
    edit: (e) => e.move('ehcp_F_P1', 'once a week, ', 'ehcp_F_P2', 'Daily 1:1', { author: 'Jo Brown' }),
  },
];

const view = (r: ReplyDocument, opts: { how?: boolean } = {}) =>
  r.entries.map((e) => ({
    kind: e.kind,
    item: e.item?.id,
    hint: e.hint?.id,
    author: e.author,
    ...(e.kind === 'change' && opts.how !== false ? { how: (e as ChangeEntry).how } : {}),
    what: e.kind === 'comment' ? (e as CommentEntry).text : e.kind === 'change' ? `${(e as ChangeEntry).deleted.trim()}→${(e as ChangeEntry).inserted.trim()}` : e.text,
  }));
const proposed = (r: ReplyDocument) => Object.fromEntries(r.items.map((i) => [i.id, i.proposed.replace(/\s+/g, ' ')]));

describe('returned exports, as Word saves them and after a LibreOffice round trip', () => {
  const word = new Map<string, ReplyDocument>();
  const libre = new Map<string, ReplyDocument>();
  let exportedItems: string[] = [];
  beforeAll(async () => {
    const exported = await makeExport(planText, 'ada-brown.ehcp.yaml');
    exportedItems = readReply(exported).items.map((i) => i.id);
    const edited = scenarios.map((s) => s.edit(new DocxEditor(exported)).bytes());
    const saved = roundTripThroughLibreOffice([exported, ...edited]);
    libre.set('unedited', readReply(saved[0]!));
    scenarios.forEach((s, i) => {
      word.set(s.name, readReply(edited[i]!));
      libre.set(s.name, readReply(saved[i + 1]!));
    });
  }, 240_000);

  it('keeps every item, and an unedited round trip reads as no reply at all', () => {
    expect(exportedItems).toEqual(['N1', 'N2', 'O1', 'O2', 'P1', 'P2', 'P3', 'P4-a']);
    const unedited = libre.get('unedited')!;
    expect(unedited.items.map((i) => i.id)).toEqual(exportedItems);
    expect(unedited.entries).toEqual([]);
    expect(reviewReply(unedited, parsePlan(planText)).items.every((i) => i.status === 'unchanged')).toBe(true);
  });

  it('comments and tracked changes come back to their items', () => {
    const w = word.get('comments and tracked changes')!;
    expect(view(w)).toEqual([
      { kind: 'comment', item: 'N2', author: 'Unknown author', what: 'She reads better now.' },
      { kind: 'change', item: 'O1', author: 'Jo Brown', how: 'tracked', what: 'without a reminder→' },
      { kind: 'comment', item: 'P1', author: 'Jo Brown', what: 'We asked for an hour.' },
      { kind: 'change', item: 'P2', author: 'Jo Brown', how: 'tracked', what: '20 minutes→30 minutes' },
      { kind: 'change', item: 'P4-a', author: 'Jo Brown', how: 'tracked', what: '→and Tuesday' },
    ]);
    const l = libre.get('comments and tracked changes')!;
    expect(view(l)).toEqual(view(w));
    expect(proposed(l)).toEqual(proposed(w));
    expect(proposed(l)['P4-a']).toContain('each Friday and Tuesday, 38 weeks a year.');
    const review = reviewReply(l, parsePlan(planText));
    expect(review.items.filter((i) => i.status === 'pending').map((i) => i.id)).toEqual(['O1', 'P2', 'P4-a']);
  });

  it('the tribunal key: bold additions, bold strikethrough deletions, italic the authority, underline agreed', () => {
    const expected = [
      { kind: 'change', item: 'O1', author: 'The family (working-document key)', how: 'key', what: 'without a reminder→' },
      { kind: 'change', item: 'O2', author: 'The family (working-document key)', how: 'key', what: '→every week' },
      { kind: 'marked', item: 'P1', author: 'The local authority (working-document key)', what: '38 weeks a year' },
      { kind: 'marked', item: 'P2', author: 'Agreed (working-document key)', what: 'trained teaching assistant' },
    ];
    expect(view(word.get('the tribunal key')!)).toEqual(expected);
    expect(view(libre.get('the tribunal key')!)).toEqual(expected);
    expect(proposed(libre.get('the tribunal key')!).O2).toBe('By July 2027, Ada will read a simple book of her choice aloud to an adult every week.');
  });

  it('a paragraph typed outside every item is not tied, with the nearest item before it; text typed after an item ends joins it', () => {
    const w = word.get('typing outside the items')!;
    const l = libre.get('typing outside the items')!;
    for (const r of [w, l]) {
      const untied = r.entries.filter((e) => e.tie === 'none');
      expect(untied.map((e) => [e.hint?.id, (e as ChangeEntry).inserted])).toEqual([['N2', 'Ada has also been diagnosed with dyslexia.']]);
      expect(proposed(r).N1).toMatch(/take turns in conversation\. She is very shy\.$/);
      // Enter pressed inside P3: the item is now two paragraphs, and the break is the family's change.
      expect(r.items.find((i) => i.id === 'P3')!.proposed).toBe(
        'A visual timetable at her desk, checked with her by the class teacher at the start of each morning and afternoon.\n\nInstructions given one step at a time.',
      );
    }
    expect(view(l)).toEqual(view(w));
  });

  it('moved text comes back as removed from one item and added to another', () => {
    const w = word.get('moved text')!;
    const l = libre.get('moved text')!;
    expect(view(w)).toEqual([
      { kind: 'change', item: 'P1', author: 'Jo Brown', how: 'moved', what: 'once a week,→' },
      { kind: 'change', item: 'P2', author: 'Jo Brown', how: 'moved', what: '→once a week,' },
    ]);
    // LibreOffice may keep the move or save it as a deletion and an insertion.
    expect(view(l, { how: false })).toEqual(view(w, { how: false }));
    expect(proposed(l)).toEqual(proposed(w));
  });
});

/** LibreOffice's Python bridge (Debian's python3-uno): edits made by LibreOffice itself. */
const hasUno = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasUno)('a reply edited in LibreOffice itself (changes recorded by LibreOffice, no user name)', () => {
  let reply: ReplyDocument;
  beforeAll(async () => {
    const exported = await makeExport(planText, 'ada-brown.ehcp.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'ehcp-reply-uno-'));
    try {
      writeFileSync(join(dir, 'in.docx'), exported);
      const edits = [
        { op: 'replace', find: '20 minutes', by: '30 minutes' },
        { op: 'append', after: 'take turns in conversation.', text: ' She is very shy.' },
      ];
      const r = spawnSync('/usr/bin/python3', [join(__dirname, 'scripts', 'lo-edit.py'), join(dir, 'in.docx'), join(dir, 'out.docx'), join(dir, 'profile'), JSON.stringify(edits)], { encoding: 'utf8', timeout: 200_000 });
      expect(r.stdout.trim()).toBe('SAVED');
      reply = readReply(new Uint8Array(readFileSync(join(dir, 'out.docx'))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it('ties its tracked changes to the items, by an unknown author', () => {
    expect(view(reply)).toEqual([
      { kind: 'change', item: 'N1', author: 'Unknown author', how: 'tracked', what: '→She is very shy.' },
      { kind: 'change', item: 'P2', author: 'Unknown author', how: 'tracked', what: '20 minutes→30 minutes' },
    ]);
    const review = reviewReply(reply, parsePlan(planText));
    expect(review.items.find((i) => i.id === 'P2')!.withChange.values().next().value).toBe('Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day, 38 weeks a year.');
    expect(review.items.find((i) => i.id === 'N1')!.proposed).toMatch(/take turns in conversation\. She is very shy\.$/);
  });
});
