/**
 * The family's reply in the real language server (dist/server.js over stdio): import a returned
 * export, see the notes on the items, apply "Accept the family's change" and compare the text,
 * decline with a reason and find it in the reply log.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../server/src/core/parse';
import { DocxEditor } from '../unit/reply/docx-edit';
import { makeExport } from '../unit/reply/make-export';
import { applyEdits } from '../util/edits';
import { fileUri, startServer, type Diagnostic, type Lsp } from './harness';

interface CodeAction {
  title: string;
  edit?: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]> };
  command?: { command: string; arguments?: unknown[] };
}

const planText = readFileSync(join(__dirname, '..', 'fixtures', 'reply', 'ada-brown.ehcp.yaml'), 'utf8');
let lsp: Lsp;
let dir: string;
let planPath: string;
let returned: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ehcp-lsp-reply-'));
  planPath = join(dir, 'ada-brown.ehcp.yaml');
  writeFileSync(planPath, planText);
  const exported = await makeExport(planText, 'ada-brown.ehcp.yaml');
  returned = new DocxEditor(exported)
    .comment('ehcp_F_P1', '45 minutes', 'We asked for an hour, as the therapist advised.', { author: 'Jo Brown', date: '2026-12-02T09:30:00Z' })
    .replace('ehcp_F_P1', '45 minutes', '60 minutes', { author: 'Jo Brown', date: '2026-12-02T09:31:00Z' })
    .replace('ehcp_F_P2', '20 minutes', '30 minutes', { author: 'Jo Brown', date: '2026-12-02T09:40:00Z' })
    .insertAfter('ehcp_F_P2', 'a day', ' before lunch', { author: 'Jo Brown', date: '2026-12-02T09:41:00Z' })
    .bytes();
  lsp = await startServer({ workspace: dir });
});
afterAll(async () => {
  await lsp?.stop();
});

const text = (t: string, id: string) => {
  const p = parsePlan(t).plan;
  return [...p.needs, ...p.outcomes, ...p.provision].find((i) => i.id?.value === id)!.text!.value;
};

describe('importing the family reply in the language server', () => {
  let uri: string;
  let current = planText;

  it('finds the plan from the document and shows comments and changes as notes on their items', async () => {
    uri = lsp.open(planPath, planText);
    await lsp.diagnostics(uri, 1);
    const result = await lsp.request<{ status: string; planUri: string; comments: number; changes: number }>('ehcp/reply/import', { fileName: 'ada-returned.docx', data: Buffer.from(returned).toString('base64') });
    expect(result).toMatchObject({ status: 'ok', planUri: uri, comments: 1, changes: 3 });
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'reply-comment'));
    const comment = diags.find((d) => d.code === 'reply-comment')!;
    expect(comment.severity).toBe(3); // information
    expect(comment.message).toBe('Comment from Jo Brown, 2 December 2026, 09:30 on "45 minutes": "We asked for an hour, as the therapist advised."');
    // The note is on the commented words in the plan.
    const lines = planText.split('\n');
    expect(lines[comment.range.start.line]!.slice(comment.range.start.character, comment.range.end.character)).toBe('45 minutes');
    const changes = diags.filter((d) => d.code === 'reply-change').map((d) => d.message);
    expect(changes).toEqual([
      'Change from Jo Brown, 2 December 2026, 09:31: Replace "45 minutes" with "60 minutes".',
      'Change from Jo Brown, 2 December 2026, 09:40: Replace "20 minutes" with "30 minutes".',
      'Change from Jo Brown, 2 December 2026, 09:41: Add "before lunch".',
    ]);
  });

  it('accepts one change with one edit that replaces only the item text, then offers the next on top of it', async () => {
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'reply-change'));
    const change = diags.find((d) => d.message.includes('"20 minutes" with "30 minutes"'))!;
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: change.range, context: { diagnostics: [change] } });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Accept the family\'s change: Replace "20 minutes" with "30 minutes"');
    expect(titles).toContain("Decline the family's change…");
    expect(titles).toContain("Accept all 2 of the family's changes to P2");
    // Accept all: both changes on P2 in one edit (not applied here).
    const all = actions.find((a) => a.title === "Accept all 2 of the family's changes to P2")!;
    expect(text(applyEdits(current, all.edit!.changes![uri]!), 'P2')).toBe('Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day before lunch, 38 weeks a year.');
    expect((all.command!.arguments![0] as { keys: string[] }).keys).toHaveLength(2);
    const accept = actions.find((a) => a.title.startsWith("Accept the family's change: Replace \"20 minutes\""))!;
    const edits = accept.edit!.changes![uri]!;
    expect(edits).toHaveLength(1);
    const after = applyEdits(current, edits);
    expect(text(after, 'P2')).toBe('Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day, 38 weeks a year.');
    // Only P2's text changed: every other line, comments included, is as it was.
    const before = current.split('\n');
    const changed = after.split('\n').filter((l, i) => l !== before[i]);
    expect(changed).toHaveLength(1);
    expect(accept.command?.command).toBe('ehcp.reply.record');
    current = after;
    lsp.change(uri, current);
    const recorded = await lsp.request<{ ok: boolean; logFile: string }>('workspace/executeCommand', { command: accept.command!.command, arguments: accept.command!.arguments });
    expect(recorded.ok).toBe(true);
    // Re-checked: the accepted change is gone, the other change on P2 is offered on top of it.
    const next = await lsp.waitFor(uri, (d) => !d.some((x) => x.message.includes('"20 minutes" with "30 minutes"')) && d.some((x) => x.message.includes('Add "before lunch"')));
    const lunch = next.find((d) => d.message.includes('Add "before lunch"'))!;
    const more = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: lunch.range, context: { diagnostics: [lunch] } });
    const acceptLunch = more.find((a) => a.title.startsWith("Accept the family's change"))!;
    expect(text(applyEdits(current, acceptLunch.edit!.changes![uri]!), 'P2')).toBe('Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day before lunch, 38 weeks a year.');
  });

  it('declines a change with a reason kept in the reply log beside the plan', async () => {
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.message.includes('"45 minutes" with "60 minutes"')));
    const change = diags.find((d) => d.message.includes('"45 minutes" with "60 minutes"'))!;
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: change.range, context: { diagnostics: [change] } });
    const decline = actions.find((a) => a.title === "Decline the family's change…")!;
    expect(decline.edit).toBeUndefined();
    expect(decline.command?.command).toBe('ehcp.reply.decide');
    // The client asks for the reason, then records it with the server command.
    const args = { ...(decline.command!.arguments![0] as object), reason: 'The therapist advised 45 minutes; we will review it in July.' };
    const recorded = await lsp.request<{ ok: boolean; logFile: string }>('workspace/executeCommand', { command: 'ehcp.reply.record', arguments: [args] });
    expect(recorded).toMatchObject({ ok: true, logFile: join(dir, 'ada-brown.ehcp.replies.yaml') });
    const log = readFileSync(recorded.logFile, 'utf8');
    expect(log).toContain('decision: declined');
    expect(log).toContain('reason: The therapist advised 45 minutes; we will review it in July.');
    expect(log).toContain('said: Replace "45 minutes" with "60 minutes"');
    expect(log).toContain('decision: accepted');
    await lsp.waitFor(uri, (d) => !d.some((x) => x.message.includes('"45 minutes" with "60 minutes"')));
    expect(existsSync(join(dir, '.ehcp-reply-'))).toBe(false);
  });

  it('reports a conflict as a warning and merges nothing', async () => {
    const conflicting = current.replace('30 minutes a day', '25 minutes a day');
    lsp.change(uri, conflicting);
    const diags = await lsp.waitFor(uri, (d) => d.some((x) => x.code === 'reply-conflict'));
    const conflict = diags.find((d) => d.code === 'reply-conflict')!;
    expect(conflict.severity).toBe(2);
    expect(conflict.message).toMatch(/^P2 was changed in the plan after the export, and the family changed it too \(Jo Brown\)\. Nothing has been merged/);
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: conflict.range, context: { diagnostics: [conflict] } });
    expect(actions.map((a) => a.title)).toEqual(["Use the family's wording for P2 instead of yours", "Decline the family's changes to P2…"]);
    lsp.change(uri, current);
  });

  it('asks which plan a document that names none is a reply to', async () => {
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const files = unzipSync(returned);
    // A document whose custom properties were removed (saved by another tool, or not from the export).
    delete files['docProps/custom.xml'];
    files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']!).replace(/<Override PartName="\/docProps\/custom\.xml"[^>]*\/>/, ''));
    const data = Buffer.from(zipSync(files)).toString('base64');
    const first = await lsp.request<{ status: string; candidates: string[] }>('ehcp/reply/import', { fileName: 'anon.docx', data });
    expect(first.status).toBe('choose-plan');
    expect(first.candidates).toContain(uri);
    expect(await lsp.request('ehcp/reply/import', { fileName: 'anon.docx', data, planUri: uri })).toMatchObject({ status: 'ok', planUri: uri });
  });

  it('asks for the password of an encrypted reply and says when it is wrong', async () => {
    const data = officeCrypto.encrypt(Buffer.from(returned), { password: 'tulip' }).toString('base64');
    expect(await lsp.request('ehcp/reply/import', { fileName: 'locked.docx', data })).toEqual({ status: 'needs-password' });
    expect(await lsp.request('ehcp/reply/import', { fileName: 'locked.docx', data, password: 'rose' })).toEqual({ status: 'wrong-password', message: 'The password is not right for locked.docx.' });
    expect(await lsp.request('ehcp/reply/import', { fileName: 'locked.docx', data, password: 'tulip' })).toMatchObject({ status: 'ok', planUri: uri });
    const damaged = Buffer.from(returned.slice(0, 2000)).toString('base64');
    expect(await lsp.request('ehcp/reply/import', { fileName: 'cut.docx', data: damaged })).toEqual({ status: 'error', message: 'cut.docx cannot be read: the file is damaged: it is not a readable Word document (.docx).' });
    expect(lsp.logs.join('')).not.toContain('tulip');
  }, 60_000);
});
