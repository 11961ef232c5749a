import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocxEditor } from '../unit/reply/docx-edit';
import { makeExport } from '../unit/reply/make-export';
import { cli, ensureBuilt, root, run, workspace } from './helpers';

const planText = readFileSync(path.join(root, 'test', 'fixtures', 'reply', 'ada-brown.ehcp.yaml'), 'utf8');
let returned: Uint8Array;
beforeAll(async () => {
  ensureBuilt();
  const exported = await makeExport(planText, 'plans/ada-brown.ehcp.yaml');
  returned = new DocxEditor(exported)
    .comment('ehcp_F_P1', '45 minutes', 'We asked for an hour, as the therapist advised.', { author: 'Jo Brown', date: '2026-12-02T09:30:00Z' })
    .replace('ehcp_F_P2', '20 minutes', '30 minutes', { author: 'Jo Brown', date: '2026-12-02T09:40:00Z' })
    .paragraphAfter('ehcp_F_P3', 'Please add swimming lessons.', { author: 'Jo Brown' })
    .bytes();
});

describe('ehcp reply', () => {
  it('finds the plan from the document and prints each entry on its item', () => {
    const dir = workspace({ 'plans/ada-brown.ehcp.yaml': planText, 'inbox/ada-returned.docx': returned });
    const r = run(['reply', 'inbox/ada-returned.docx'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('compared with plans/ada-brown.ehcp.yaml: 1 comment, 2 changes, 1 not tied to an item.');
    expect(r.stdout).toContain('The plan has not changed since it was exported.');
    expect(r.stdout).toMatch(/P1 \(Section F\)[^\n]*\n {2}#\d Comment by Jo Brown, 2 December 2026, 09:30 on "45 minutes": We asked for an hour/);
    expect(r.stdout).toMatch(/P2 \(Section F\): changes to decide\n {2}#\d Change by Jo Brown, 2 December 2026, 09:40: Replace "20 minutes" with "30 minutes"/);
    expect(r.stdout).toContain('With the changes: Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day, 38 weeks a year.');
    expect(r.stdout).toMatch(/Not tied to an item:\n {2}#\d Change by Jo Brown[^\n]*Add "Please add swimming lessons\." \(after P3\)/);
  });

  it('prints JSON and Markdown', () => {
    const dir = workspace({ 'ada.ehcp.yaml': planText, 'back.docx': returned });
    const json = run(['reply', 'back.docx', '--plan', 'ada.ehcp.yaml', '--format', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.planUnchanged).toBe(true);
    expect(data.entries.map((e: { kind: string; item: { id: string } | null }) => `${e.kind}:${e.item?.id ?? '-'}`)).toEqual(['comment:P1', 'change:P2', 'change:-']);
    expect(data.items.find((i: { id: string }) => i.id === 'P2')).toMatchObject({ status: 'pending', proposed: expect.stringContaining('30 minutes a day') });
    const md = run(['reply', 'back.docx', '--plan', 'ada.ehcp.yaml', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toMatch(/^# The family's reply\n/);
    expect(md.stdout).toContain('## P2 (Section F): changes to decide');
  });

  it('reports a conflict and exits 1 when the plan changed the same item', () => {
    const dir = workspace({ 'plans/ada-brown.ehcp.yaml': planText.replace('20 minutes a day', '25 minutes a day'), 'back.docx': returned });
    const r = run(['reply', 'back.docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('P2 (Section F): CONFLICT');
    expect(r.stdout).toContain('Plan now: Daily 1:1 phonics teaching from a trained teaching assistant, 25 minutes a day');
    expect(r.stdout).toContain("The family's wording: Daily 1:1 phonics teaching from a trained teaching assistant, 30 minutes a day");
  });

  it('names a corrupt file, a file that is not Word and a missing plan in one line, exit 2', () => {
    const cut = returned.slice(0, Math.floor(returned.length / 2));
    const dir = workspace({ 'cut.docx': cut, 'notes.docx': 'just some text', 'back.docx': returned });
    for (const [file, message] of [
      ['cut.docx', /^ehcp: cannot read "?cut\.docx"?: the file is damaged/],
      ['notes.docx', /^ehcp: cannot read "?notes\.docx"?: the file is not a Word document \(\.docx\)\n$/],
      ['back.docx', /was exported from "?plans\/ada-brown\.ehcp\.yaml"?, which was not found: give the plan with --plan/],
      ['missing.docx', /^ehcp: cannot read "?missing\.docx"?: no such file or folder\n$/],
    ] as const) {
      const r = run(['reply', file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr, file).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stdout).toBe('');
    }
    expect(run(['reply'], { cwd: dir }).code).toBe(2);
    expect(run(['reply', 'back.docx', '--format', 'sarif'], { cwd: dir }).stderr).toContain('--format must be text, markdown or json');
  });

  it('says an old .doc file needs saving as .docx, without asking for a password', async () => {
    const CFB = (await import('cfb')).default;
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/WordDocument', Buffer.alloc(2048));
    const doc = new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const garbage = new Uint8Array(4096);
    garbage.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const dir = workspace({ 'old.doc': doc, 'broken.docx': garbage });
    const old = spawnSync(process.execPath, [cli, 'reply', 'old.doc'], { cwd: dir, input: '', encoding: 'utf8' });
    expect(old.status).toBe(2);
    expect(old.stderr).toMatch(/^ehcp: cannot read "?old\.doc"?: the file is an old Word 97–2003 document \(\.doc\): open it in Word or LibreOffice and save it as \.docx\n$/);
    const broken = spawnSync(process.execPath, [cli, 'reply', 'broken.docx'], { cwd: dir, input: '', encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/the file is damaged/);
  });

  it('opens a password-protected reply with the password from stdin, and refuses a wrong one', () => {
    const encrypted = officeCrypto.encrypt(Buffer.from(returned), { password: 'correct horse' });
    const dir = workspace({ 'ada.ehcp.yaml': planText, 'locked.docx': new Uint8Array(encrypted) });
    const go = (input: string) => spawnSync(process.execPath, [cli, 'reply', 'locked.docx', '--plan', 'ada.ehcp.yaml'], { cwd: dir, input, encoding: 'utf8' });
    const ok = go('correct horse\n');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('1 comment, 2 changes');
    const wrong = go('wrong\n');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^ehcp: cannot read "?locked\.docx"?: the password is not right for this file \(or the file is damaged\)\n$/);
    expect(wrong.stderr).not.toContain('wrong');
    const none = go('');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('password-protected: give its password on stdin');
  }, 60_000);

  it('does not offer a change the reply log says was declined', () => {
    const dir = workspace({ 'plans/ada-brown.ehcp.yaml': planText, 'back.docx': returned });
    const first = JSON.parse(run(['reply', 'back.docx', '--format', 'json'], { cwd: dir }).stdout);
    const change = first.entries.find((e: { item: { id: string } | null }) => e.item?.id === 'P2');
    const log = `plan: ada-brown.ehcp.yaml\nreplies:\n  - key: ${change.key}\n    item: P2\n    kind: change\n    author: Jo Brown\n    said: x\n    decision: declined\n    reason: The advice says 20 minutes.\n    decided: 2026-12-03\n`;
    const dir2 = workspace({ 'plans/ada-brown.ehcp.yaml': planText, 'plans/ada-brown.ehcp.replies.yaml': log, 'back.docx': returned });
    const second = JSON.parse(run(['reply', 'back.docx', '--format', 'json'], { cwd: dir2 }).stdout);
    expect(second.items.find((i: { id: string }) => i.id === 'P2')).toMatchObject({ status: 'done', pending: [] });
  });
});
