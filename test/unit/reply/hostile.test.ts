/** Hostile and broken returned files: each is refused in one line, quickly, without reading much. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../../server/src/reply/read';
import { ReplyFileError } from '../../../server/src/reply/package';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string) => `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
const zip = (files: Record<string, string | Uint8Array>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])));

function refused(bytes: Uint8Array): ReplyFileError {
  try {
    readReply(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ReplyFileError);
    expect((error as Error).message).not.toContain('\n');
    return error as ReplyFileError;
  }
  throw new Error('expected the file to be refused');
}

/** A zip whose central directory claims `claimed` bytes for document.xml (the data is tiny). */
function lyingZip(claimed: number): Uint8Array {
  const bytes = zip({ 'word/document.xml': doc('') });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Find the central directory header (PK\x01\x02) and set its uncompressed size.
  for (let i = 0; i < bytes.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, claimed, true);
  }
  return bytes;
}

describe('hostile returned files', () => {
  it('refuses a zip bomb by its declared size, before inflating', () => {
    const started = Date.now();
    expect(refused(lyingZip(3_000_000_000)).code).toBe('too-large');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never inflates more than a part declares (a part that lies is cut short and named as damaged)', () => {
    const big = strToU8(doc(`<w:p><w:r><w:t>${'a'.repeat(2_000_000)}</w:t></w:r></w:p>`));
    const bytes = zipSync({ 'word/document.xml': big }, { level: 9 });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
    const error = refused(bytes);
    expect(error.code).toBe('corrupt');
  });

  it('does not expand XML entities', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>`;
    const error = refused(zip({ 'word/document.xml': bomb }));
    expect(error.code).toBe('corrupt');
  });

  it('names damaged, empty and foreign files', () => {
    expect(refused(new Uint8Array(0)).message).toBe('the file is not a Word document (.docx)');
    expect(refused(strToU8('PK\u0003\u0004 not really a zip')).code).toBe('corrupt');
    expect(refused(zip({ 'content.xml': '<office:document/>' })).message).toBe('the file has no main document part (word/document.xml): it is not a Word document');
    expect(refused(zip({ 'word/document.xml': '<w:document><unclosed>' })).message).toBe('the file is damaged: its main document cannot be read');
    expect(refused(zip({ 'word/document.xml': doc(''), 'word/comments.xml': '<<<' })).message).toBe('the file is damaged: its comments cannot be read');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused(ole).code).toBe('encrypted');
  });

  it('reads a deeply nested, very long document without trouble', () => {
    const nested = '<w:sdt><w:sdtContent>'.repeat(400) + '<w:p><w:r><w:t>deep</w:t></w:r></w:p>' + '</w:sdtContent></w:sdt>'.repeat(400);
    const many = Array.from({ length: 5000 }, (_, i) => `<w:p><w:bookmarkStart w:id="${i}" w:name="ehcp_F_P${i}"/><w:r><w:t>P${i}: text ${i}</w:t></w:r><w:ins w:id="${i + 9000}" w:author="A"><w:r><w:t> more</w:t></w:r></w:ins><w:bookmarkEnd w:id="${i}"/></w:p>`).join('');
    const started = Date.now();
    const reply = readReply(zip({ 'word/document.xml': doc(nested + many) }));
    expect(reply.items).toHaveLength(5000);
    expect(reply.entries).toHaveLength(5000);
    expect(reply.items[4999]!.proposed).toBe('text 4999 more');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses XML nested deeper than any Word file', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(20000) + '</w:sdtContent></w:sdt>'.repeat(20000);
    const started = Date.now();
    expect(refused(zip({ 'word/document.xml': doc(deep) })).code).toBe('corrupt');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reads a working document that is not an export: the key everywhere, nothing tied', () => {
    const reply = readReply(zip({ 'word/document.xml': doc('<w:p><w:r><w:t>Support </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>for 2 hours a week</w:t></w:r></w:p>') }));
    expect(reply.items).toEqual([]);
    expect(reply.entries).toMatchObject([{ kind: 'change', how: 'key', party: 'parents', inserted: 'for 2 hours a week', tie: 'none' }]);
  });
});
