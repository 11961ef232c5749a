/**
 * Test helper: edits a real .docx the way a family's Word or LibreOffice would, by changing its
 * XML: comments, tracked insertions and deletions, the working-document key, text typed outside
 * the items. Each edit finds the words inside the paragraph holding an item's bookmark and splits
 * the run around them. Only for tests; words must not contain XML special characters.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface Who {
  author?: string;
  date?: string;
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export class DocxEditor {
  private files: Record<string, Uint8Array>;
  private doc: string;
  private comments: string[] = [];
  private nextId = 9000;

  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    this.doc = strFromU8(this.files['word/document.xml']!);
  }

  /** The span of the paragraph holding the bookmark `name`. */
  private paragraphOf(name: string): [number, number] {
    const at = this.doc.indexOf(`w:name="${name}"`);
    if (at === -1) throw new Error(`no bookmark ${name}`);
    const start = Math.max(this.doc.lastIndexOf('<w:p>', at), this.doc.lastIndexOf('<w:p ', at));
    const end = this.doc.indexOf('</w:p>', at) + '</w:p>'.length;
    return [start, end];
  }

  /** Splits the run holding `words` in the item's paragraph; returns [before, rPr, after] pieces and the run's span. */
  private split(bookmark: string, words: string): { start: number; end: number; rPr: string; before: string; after: string } {
    const [ps, pe] = this.paragraphOf(bookmark);
    const para = this.doc.slice(ps, pe);
    const runRe = /<w:r>(?:(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>))?<w:t(?: [^>]*)?>([^<]*)<\/w:t><\/w:r>/gs;
    for (const m of para.matchAll(runRe)) {
      const text = m[2]!;
      const i = text.indexOf(words);
      if (i === -1) continue;
      return { start: ps + m.index!, end: ps + m.index! + m[0].length, rPr: m[1] ?? '', before: text.slice(0, i), after: text.slice(i + words.length) };
    }
    throw new Error(`no run with "${words}" in ${bookmark}`);
  }

  private run(rPr: string, text: string, del = false): string {
    if (text === '') return '';
    const tag = del ? 'w:delText' : 'w:t';
    return `<w:r>${rPr}<${tag} xml:space="preserve">${text}</${tag}></w:r>`;
  }

  private attrs(who: Who, id: number): string {
    return `w:id="${id}" w:author="${who.author ?? 'Sam Lee'}" w:date="${who.date ?? '2026-12-01T10:00:00Z'}"`;
  }

  /** A comment on `words` inside the item. */
  comment(bookmark: string, words: string, text: string, who: Who = {}): this {
    const s = this.split(bookmark, words);
    const id = this.comments.length;
    const replacement =
      this.run(s.rPr, s.before) +
      `<w:commentRangeStart w:id="${id}"/>` +
      this.run(s.rPr, words) +
      `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>` +
      this.run(s.rPr, s.after);
    this.doc = this.doc.slice(0, s.start) + replacement + this.doc.slice(s.end);
    const author = who.author === undefined ? 'Sam Lee' : who.author;
    this.comments.push(
      `<w:comment w:id="${id}" w:author="${author}" w:date="${who.date ?? '2026-12-01T10:00:00Z'}" w:initials="SL"><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:comment>`,
    );
    return this;
  }

  /** A tracked replacement of `words` by `by` (an empty `by` is a deletion, empty `words` not allowed). */
  replace(bookmark: string, words: string, by: string, who: Who = {}): this {
    const s = this.split(bookmark, words);
    const del = `<w:del ${this.attrs(who, this.nextId++)}>${this.run(s.rPr, words, true)}</w:del>`;
    const ins = by === '' ? '' : `<w:ins ${this.attrs(who, this.nextId++)}>${this.run(s.rPr, by)}</w:ins>`;
    this.doc = this.doc.slice(0, s.start) + this.run(s.rPr, s.before) + del + ins + this.run(s.rPr, s.after) + this.doc.slice(s.end);
    return this;
  }

  /** A tracked insertion of `text` just after `words`. */
  insertAfter(bookmark: string, words: string, text: string, who: Who = {}): this {
    const s = this.split(bookmark, words);
    const ins = `<w:ins ${this.attrs(who, this.nextId++)}>${this.run(s.rPr, text)}</w:ins>`;
    this.doc = this.doc.slice(0, s.start) + this.run(s.rPr, s.before + words) + ins + this.run(s.rPr, s.after) + this.doc.slice(s.end);
    return this;
  }

  /** Direct formatting on `words` (the working-document key), with no tracking. */
  format(bookmark: string, words: string, fmt: { b?: boolean; i?: boolean; u?: boolean; strike?: boolean }, insertText?: string): this {
    const s = this.split(bookmark, words);
    const rPr = `<w:rPr>${fmt.b ? '<w:b/>' : ''}${fmt.i ? '<w:i/>' : ''}${fmt.strike ? '<w:strike/>' : ''}${fmt.u ? '<w:u w:val="single"/>' : ''}</w:rPr>`;
    const marked = insertText === undefined ? this.run(rPr, words) : this.run(s.rPr, words) + this.run(rPr, insertText);
    this.doc = this.doc.slice(0, s.start) + this.run(s.rPr, s.before) + marked + this.run(s.rPr, s.after) + this.doc.slice(s.end);
    return this;
  }

  /** Untracked typing: `words` become `by` with no mark at all. */
  retype(bookmark: string, words: string, by: string): this {
    const s = this.split(bookmark, words);
    this.doc = this.doc.slice(0, s.start) + this.run(s.rPr, s.before + by + s.after) + this.doc.slice(s.end);
    return this;
  }

  /** A new paragraph typed (with tracking) after the item's paragraph, outside every bookmark. */
  paragraphAfter(bookmark: string, text: string, who: Who = {}): this {
    const [, pe] = this.paragraphOf(bookmark);
    const para = `<w:p><w:pPr><w:rPr><w:ins ${this.attrs(who, this.nextId++)}/></w:rPr></w:pPr><w:ins ${this.attrs(who, this.nextId++)}>${this.run('', text)}</w:ins></w:p>`;
    this.doc = this.doc.slice(0, pe) + para + this.doc.slice(pe);
    return this;
  }

  /** Tracked text typed at the very end of the item's paragraph, after its bookmark has ended. */
  typeAtEndOfParagraph(bookmark: string, text: string, who: Who = {}): this {
    const [, pe] = this.paragraphOf(bookmark);
    const at = pe - '</w:p>'.length;
    this.doc = this.doc.slice(0, at) + `<w:ins ${this.attrs(who, this.nextId++)}>${this.run('', text)}</w:ins>` + this.doc.slice(at);
    return this;
  }

  /** A tracked move of `words` from one item to just after `afterWords` in another (Word's moveFrom/moveTo). */
  move(fromBookmark: string, words: string, toBookmark: string, afterWords: string, who: Who = {}): this {
    const from = this.split(fromBookmark, words);
    const name = `move${this.nextId}`;
    const a = this.attrs(who, this.nextId++);
    const b = this.attrs(who, this.nextId++);
    const range = this.nextId++;
    this.doc =
      this.doc.slice(0, from.start) +
      this.run(from.rPr, from.before) +
      `<w:moveFromRangeStart w:id="${range}" w:name="${name}" ${a.replace(/w:id="\d+" /, '')}/><w:moveFrom ${a}>${this.run(from.rPr, words)}</w:moveFrom><w:moveFromRangeEnd w:id="${range}"/>` +
      this.run(from.rPr, from.after) +
      this.doc.slice(from.end);
    const to = this.split(toBookmark, afterWords);
    const range2 = this.nextId++;
    this.doc =
      this.doc.slice(0, to.start) +
      this.run(to.rPr, to.before + afterWords) +
      `<w:moveToRangeStart w:id="${range2}" w:name="${name}" ${b.replace(/w:id="\d+" /, '')}/><w:moveTo ${b}>${this.run(to.rPr, ' ' + words)}</w:moveTo><w:moveToRangeEnd w:id="${range2}"/>` +
      this.run(to.rPr, to.after) +
      this.doc.slice(to.end);
    return this;
  }

  /** Enter pressed (with tracking) inside an item after `afterWords`: the item becomes two paragraphs. */
  splitParagraph(bookmark: string, afterWords: string, who: Who = {}): this {
    const [ps] = this.paragraphOf(bookmark);
    const s = this.split(bookmark, afterWords);
    const openTag = /^<w:p(?: [^>]*)?>/.exec(this.doc.slice(ps))![0];
    const pPr = /^<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>/s.exec(this.doc.slice(ps + openTag.length))?.[0] ?? '';
    const mark = `<w:ins ${this.attrs(who, this.nextId++)}/>`;
    const markedPPr = pPr === '' ? `<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>` : pPr.includes('<w:rPr>') ? pPr.replace('<w:rPr>', `<w:rPr>${mark}`) : pPr.replace('</w:pPr>', `<w:rPr>${mark}</w:rPr></w:pPr>`);
    const split = this.run(s.rPr, s.before + afterWords) + '</w:p><w:p>' + pPr + this.run(s.rPr, s.after.replace(/^ /, ''));
    this.doc = this.doc.slice(0, s.start) + split + this.doc.slice(s.end);
    // The first paragraph's mark is the inserted one.
    const head = ps + openTag.length;
    this.doc = this.doc.slice(0, head) + markedPPr + this.doc.slice(head + pPr.length);
    return this;
  }

  /** The document.xml as it stands (for assertions on the test itself). */
  get xml(): string {
    return this.doc;
  }

  bytes(): Uint8Array {
    const files: Record<string, Uint8Array> = { ...this.files, 'word/document.xml': strToU8(this.doc) };
    if (this.comments.length > 0) {
      files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W_NS}">${this.comments.join('')}</w:comments>`);
      let types = strFromU8(files['[Content_Types].xml']!);
      if (!types.includes('/word/comments.xml')) {
        types = types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>');
        files['[Content_Types].xml'] = strToU8(types);
      }
      let rels = strFromU8(files['word/_rels/document.xml.rels']!);
      if (!rels.includes('comments.xml')) {
        rels = rels.replace('</Relationships>', '<Relationship Id="rIdReplyComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>');
        files['word/_rels/document.xml.rels'] = strToU8(rels);
      }
    }
    return zipSync(files);
  }
}

/**
 * Saves each document through LibreOffice (`soffice --headless --convert-to docx`) with a fresh
 * profile, as a family with LibreOffice would, and returns the saved bytes in the same order.
 */
export function roundTripThroughLibreOffice(docs: Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'ehcp-reply-lo-'));
  try {
    const inputs = docs.map((d, i) => {
      const file = join(dir, `in-${i}.docx`);
      writeFileSync(file, d);
      return file;
    });
    const out = join(dir, 'out');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, ...inputs], {
      stdio: 'ignore',
      timeout: 180_000,
    });
    return inputs.map((_, i) => new Uint8Array(readFileSync(join(out, `in-${i}.docx`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
