/**
 * Reads a returned Word draft: comments, tracked changes and the working-document key, each tied
 * to the plan item whose bookmark encloses it. Pure over bytes: no file system, no decryption
 * (an encrypted file is refused with code `encrypted`; decrypt it first, see decrypt.ts).
 *
 * Tying follows the issue: the innermost item bookmark enclosing the text; else an item bookmark
 * started in the same paragraph (LibreOffice may move a `bookmarkEnd`, and text typed at the end
 * of an item falls outside it); else "not tied to an item", with the nearest item before as a hint.
 */
import { createHash } from 'node:crypto';
import { fileKind, readDocxParts, ReplyFileError, type DocxParts } from './package';
import { El, NS, parseXml, XmlError } from './xml';
import {
  UNKNOWN_AUTHOR,
  type ChangeEntry,
  type CommentEntry,
  type ItemRef,
  type MarkedEntry,
  type Party,
  type ReplyDocument,
  type ReplyEntry,
  type ReplyItem,
  type ReplyProperties,
  type Segment,
  type Tie,
  type Unmapped,
} from './types';

/** Item bookmarks: `ehcp_<section>_<id>` (section bookmarks are `ehcp_sec_…`). */
const ITEM_BOOKMARK = /^ehcp_(H1|H2|[B-G])_(.+)$/;
/** The id label the export shows first in each item (`P3: `). */
const LABEL = /^\s*([A-Za-z0-9][A-Za-z0-9_.\-]*):[ \t\u00a0]*/;

/** Reads a returned .docx. Throws ReplyFileError for a file that is encrypted, damaged or not a Word document. */
export function readReply(bytes: Uint8Array): ReplyDocument {
  const kind = fileKind(bytes);
  if (kind === 'ole') throw new ReplyFileError('the file is password-protected: give the password to open it', 'encrypted');
  if (kind !== 'docx') throw new ReplyFileError('the file is not a Word document (.docx)', 'not-docx');
  return readReplyParts(readDocxParts(bytes));
}

/** Reads the unzipped parts of a returned .docx. */
export function readReplyParts(parts: DocxParts): ReplyDocument {
  const xml = (text: string | undefined, part: string): El | undefined => {
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (error) {
      if (error instanceof XmlError) throw new ReplyFileError(`the file is damaged: its ${part} cannot be read`, 'corrupt');
      throw error;
    }
  };
  const document = xml(parts.document, 'main document')!;
  const body = document.child(NS.w, 'document')?.child(NS.w, 'body');
  if (!body) throw new ReplyFileError('the file is damaged: its main document has no body', 'corrupt');
  const comments = readComments(xml(parts.comments, 'comments'), xml(parts.commentsExtended, 'comment threads'));
  const styles = readRunStyles(xml(parts.styles, 'styles'));
  const properties = readProperties(xml(parts.custom, 'custom properties'), xml(parts.core, 'document properties'));
  const walker = new Walker(styles);
  walker.block(body, undefined);
  return walker.finish(comments, properties);
}

// ---------------------------------------------------------------------------------------------
// Properties

function readProperties(custom: El | undefined, core: El | undefined): ReplyProperties {
  const props: ReplyProperties = {};
  const byName = new Map<string, string>();
  for (const p of custom?.child(NS.cp, 'Properties')?.children ?? []) {
    const name = p.attr('', 'name');
    const value = p.children[0];
    if (name && value) byName.set(name, value.text.trim());
  }
  const set = (key: keyof ReplyProperties, value: string | undefined) => {
    if (value) props[key] = value;
  };
  set('planPath', byName.get('ehcp_plan_path'));
  set('planHash', byName.get('ehcp_plan_hash'));
  set('knownAs', byName.get('ehcp_known_as'));
  set('exporterVersion', byName.get('ehcp_exporter_version'));
  set('exportDate', byName.get('ehcp_export_date'));
  const coreProps = core?.child(NS.coreProps, 'coreProperties');
  set('title', coreProps?.child(NS.dc, 'title')?.text.trim());
  set('lastModifiedBy', coreProps?.child(NS.coreProps, 'lastModifiedBy')?.text.trim());
  set('modified', coreProps?.child(NS.dcterms, 'modified')?.text.trim());
  return props;
}

// ---------------------------------------------------------------------------------------------
// Comments

interface RawComment {
  id: string;
  author: string;
  date?: string;
  text: string;
  paraId?: string;
  parentParaId?: string;
  done?: boolean;
}

function author(value: string | undefined): string {
  const a = (value ?? '').trim();
  return a === '' || /^unknown author$/i.test(a) ? UNKNOWN_AUTHOR : a;
}

function dateOf(value: string | undefined): string | undefined {
  const d = (value ?? '').trim();
  // Word writes 1601-01-01 or nothing when it has no date; LibreOffice may write 0-dates.
  return d === '' || d.startsWith('1601') || d.startsWith('0000') ? undefined : d;
}

function readComments(comments: El | undefined, extended: El | undefined): Map<string, RawComment> {
  const out = new Map<string, RawComment>();
  for (const c of comments?.child(NS.w, 'comments')?.children ?? []) {
    if (!c.is(NS.w, 'comment')) continue;
    const id = c.attr(NS.w, 'id');
    if (id === undefined) continue;
    const paragraphs = c.children.filter((p) => p.is(NS.w, 'p'));
    const text = paragraphs.map((p) => plainText(p)).join('\n').trim();
    const last = paragraphs[paragraphs.length - 1];
    out.set(id, { id, author: author(c.attr(NS.w, 'author')), date: dateOf(c.attr(NS.w, 'date')), text, paraId: last?.attr(NS.w14, 'paraId') });
  }
  const byPara = new Map([...out.values()].filter((c) => c.paraId).map((c) => [c.paraId!, c]));
  for (const ex of extended?.child(NS.w15, 'commentsEx')?.children ?? []) {
    const c = byPara.get(ex.attr(NS.w15, 'paraId') ?? '');
    if (!c) continue;
    c.parentParaId = ex.attr(NS.w15, 'paraIdParent');
    c.done = ex.attr(NS.w15, 'done') === '1';
  }
  return out;
}

/** The visible text of an element (a comment's paragraph): w:t, tabs and breaks. */
function plainText(el: El): string {
  let s = '';
  for (const d of el.descendants()) {
    if (d.uri !== NS.w) continue;
    if (d.local === 't') s += d.text;
    else if (d.local === 'tab') s += ' ';
    else if (d.local === 'br' || d.local === 'cr') s += '\n';
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Run formatting

interface Fmt {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
}

function onOff(el: El | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attr(NS.w, 'val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

function fmtOf(rPr: El | undefined): Fmt {
  if (!rPr) return {};
  const u = rPr.child(NS.w, 'u');
  const strike = onOff(rPr.child(NS.w, 'strike'));
  const dstrike = onOff(rPr.child(NS.w, 'dstrike'));
  return {
    bold: onOff(rPr.child(NS.w, 'b')),
    italic: onOff(rPr.child(NS.w, 'i')),
    underline: u ? u.attr(NS.w, 'val') !== 'none' : undefined,
    strike: strike === undefined && dstrike === undefined ? undefined : !!(strike || dstrike),
  };
}

/** Character styles' formatting, following `basedOn` (a family may apply "Strong" rather than bold). */
function readRunStyles(styles: El | undefined): Map<string, Fmt> {
  const raw = new Map<string, { basedOn?: string; fmt: Fmt }>();
  for (const s of styles?.child(NS.w, 'styles')?.children ?? []) {
    if (!s.is(NS.w, 'style') || s.attr(NS.w, 'type') !== 'character') continue;
    const id = s.attr(NS.w, 'styleId');
    if (id) raw.set(id, { basedOn: s.child(NS.w, 'basedOn')?.attr(NS.w, 'val'), fmt: fmtOf(s.child(NS.w, 'rPr')) });
  }
  const resolved = new Map<string, Fmt>();
  const resolve = (id: string, depth: number): Fmt => {
    const done = resolved.get(id);
    if (done) return done;
    const s = raw.get(id);
    if (!s) return {};
    const base = s.basedOn && depth < 20 ? resolve(s.basedOn, depth + 1) : {};
    const fmt = { ...base, ...definedOnly(s.fmt) };
    resolved.set(id, fmt);
    return fmt;
  };
  for (const id of raw.keys()) resolve(id, 0);
  return resolved;
}

function definedOnly(f: Fmt): Fmt {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Fmt;
}

// ---------------------------------------------------------------------------------------------
// The walk

/** Where a change came from: a tracked revision (with its author and date) or the formatting key. */
interface Origin {
  how: 'tracked' | 'moved' | 'key';
  author: string;
  date?: string;
  party?: Party;
}

interface Position {
  seq: number;
  para: number;
  /** The innermost item bookmark open here. */
  inside?: ItemRef;
  /** The last item bookmark started before here. */
  before?: ItemRef;
}

interface Atom extends Position {
  text: string;
  kind: Segment['kind'];
  origin?: Origin;
  /** Italic or underlined text outside tracked changes: the key's authority and agreed marks. */
  marked?: 'authority' | 'agreed';
}

interface ParaEnd extends Position {
  kind: Segment['kind'];
  origin?: Origin;
}

interface CommentAt extends Position {
  id: string;
}

interface OpenBookmark {
  id: string;
  ref: ItemRef;
  para: number;
  /** The table cell it started in (0 outside tables). */
  cell: number;
}

class Walker {
  private seq = 0;
  private para = -1;
  private readonly open: OpenBookmark[] = [];
  private readonly openIds = new Map<string, ItemRef>();
  private last?: ItemRef;
  private readonly atoms: Atom[] = [];
  private readonly paraEnds: ParaEnd[] = [];
  /** Item bookmarks by the paragraph they start in, with the seq where they start. */
  private readonly startsIn = new Map<number, { seq: number; ref: ItemRef }[]>();
  private readonly items = new Map<string, ItemRef>();
  private readonly commentStarts = new Map<string, CommentAt>();
  private readonly commentRefs = new Map<string, CommentAt>();
  private readonly anchors = new Map<string, string>();
  private readonly openComments = new Set<string>();
  private readonly unmapped = new Map<string, number>();
  /** Table cells being walked, innermost last (ids from a counter). */
  private readonly cells: number[] = [];
  private cellCount = 0;

  constructor(private readonly runStyles: Map<string, Fmt>) {}

  private note(what: string): void {
    this.unmapped.set(what, (this.unmapped.get(what) ?? 0) + 1);
  }

  private here(): Position {
    return { seq: this.seq++, para: this.para, inside: this.open[this.open.length - 1]?.ref, before: this.last };
  }

  /** Block-level content: paragraphs, tables, and the containers Word wraps them in. */
  block(el: El, origin: Origin | undefined, deleted = false): void {
    for (const c of el.children) this.node(c, origin, deleted);
  }

  private node(c: El, origin: Origin | undefined, deleted: boolean): void {
    if (c.uri === NS.mc && c.local === 'AlternateContent') {
      const fallback = c.child(NS.mc, 'Fallback');
      if (fallback) this.block(fallback, origin, deleted);
      return;
    }
    if (c.uri !== NS.w) return;
    switch (c.local) {
      case 'p':
        return this.paragraph(c, origin, deleted);
      case 'tc': {
        const cell = ++this.cellCount;
        this.cells.push(cell);
        this.block(c, origin, deleted);
        this.cells.pop();
        // The export's item bookmarks never leave their cell; LibreOffice may lose the end of one
        // that spans paragraphs there (it writes a second bookmark of the same name instead).
        this.closeWhere((b) => b.cell === cell);
        return;
      }
      case 'tbl':
      case 'tr':
      case 'sdtContent':
      case 'customXml':
      case 'smartTag':
      case 'hyperlink':
      case 'fldSimple':
      case 'dir':
      case 'bdo':
        return this.block(c, origin, deleted);
      case 'sdt':
        return this.block(c.child(NS.w, 'sdtContent') ?? c, origin, deleted);
      case 'trPr':
        if (c.child(NS.w, 'ins') || c.child(NS.w, 'del')) this.note('a table row added or removed with track changes');
        return;
      case 'tcPr':
        if (c.child(NS.w, 'cellIns') || c.child(NS.w, 'cellDel') || c.child(NS.w, 'cellMerge')) this.note('a table cell added, removed or merged with track changes');
        return;
      case 'ins':
      case 'moveTo':
        return this.block(c, this.revision(c, c.local === 'moveTo' ? 'moved' : 'tracked'), false);
      case 'del':
      case 'moveFrom':
        return this.block(c, this.revision(c, c.local === 'moveFrom' ? 'moved' : 'tracked'), true);
      case 'bookmarkStart':
        return this.bookmarkStart(c);
      case 'bookmarkEnd':
        return this.bookmarkEnd(c);
      case 'commentRangeStart': {
        const id = c.attr(NS.w, 'id');
        if (id !== undefined && !this.commentStarts.has(id)) {
          this.commentStarts.set(id, { ...this.here(), id });
          this.openComments.add(id);
          this.anchors.set(id, '');
        }
        return;
      }
      case 'commentRangeEnd': {
        const id = c.attr(NS.w, 'id');
        if (id !== undefined) this.openComments.delete(id);
        return;
      }
      case 'r':
        return this.run(c, origin, deleted);
      case 'customXmlInsRangeStart':
      case 'customXmlDelRangeStart':
        return;
      default:
        return;
    }
  }

  private revision(el: El, how: 'tracked' | 'moved'): Origin {
    return { how, author: author(el.attr(NS.w, 'author')), date: dateOf(el.attr(NS.w, 'date')) };
  }

  private bookmarkStart(el: El): void {
    const name = el.attr(NS.w, 'name') ?? '';
    const id = el.attr(NS.w, 'id');
    const m = ITEM_BOOKMARK.exec(name);
    if (!m || id === undefined) return;
    const ref = this.items.get(name) ?? { section: m[1]!, id: m[2]!, bookmark: name };
    this.items.set(name, ref);
    // A name is open once at a time; and the export's items never nest, so an item bookmark still
    // open from an earlier paragraph when the next item starts has lost its end (LibreOffice does this).
    this.closeWhere((b) => b.ref.bookmark === name || b.para < this.para);
    this.open.push({ id, ref, para: this.para, cell: this.cells[this.cells.length - 1] ?? 0 });
    this.openIds.set(id, ref);
    const seq = this.seq++;
    const list = this.startsIn.get(this.para) ?? [];
    list.push({ seq, ref });
    this.startsIn.set(this.para, list);
    this.last = ref;
  }

  private closeWhere(test: (b: OpenBookmark) => boolean): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const b = this.open[i]!;
      if (!test(b)) continue;
      this.open.splice(i, 1);
      this.openIds.delete(b.id);
    }
  }

  private bookmarkEnd(el: El): void {
    const id = el.attr(NS.w, 'id');
    if (id === undefined || !this.openIds.has(id)) return;
    this.openIds.delete(id);
    const at = this.open.findIndex((b) => b.id === id);
    if (at !== -1) this.open.splice(at, 1);
  }

  private paragraph(p: El, origin: Origin | undefined, deleted: boolean): void {
    this.para++;
    for (const c of p.children) {
      if (c.is(NS.w, 'pPr')) {
        if (c.child(NS.w, 'pPrChange')) this.note('a paragraph formatting change (layout only, not wording)');
        continue;
      }
      this.node(c, origin, deleted);
    }
    // The paragraph mark itself may be a tracked insertion (Enter pressed) or deletion (paragraphs joined).
    const mark = p.child(NS.w, 'pPr')?.child(NS.w, 'rPr');
    const ins = mark?.child(NS.w, 'ins') ?? mark?.child(NS.w, 'moveTo');
    const del = mark?.child(NS.w, 'del') ?? mark?.child(NS.w, 'moveFrom');
    const end: ParaEnd = { ...this.here(), kind: 'same' };
    if (del || deleted) {
      end.kind = 'deleted';
      end.origin = del ? this.revision(del, 'tracked') : origin;
    } else if (ins || origin) {
      end.kind = 'inserted';
      end.origin = ins ? this.revision(ins, 'tracked') : origin;
    }
    this.paraEnds.push(end);
  }

  private run(r: El, origin: Origin | undefined, deleted: boolean): void {
    const rPr = r.child(NS.w, 'rPr');
    if (rPr?.child(NS.w, 'rPrChange')) this.note('a formatting change made with track changes (read by the working-document key only)');
    const styleId = rPr?.child(NS.w, 'rStyle')?.attr(NS.w, 'val');
    const fmt: Fmt = { ...(styleId ? this.runStyles.get(styleId) : undefined), ...definedOnly(fmtOf(rPr)) };
    let text = '';
    const flush = () => {
      if (text !== '') this.text(text, fmt, origin, deleted);
      text = '';
    };
    for (const c of r.children) {
      if (c.uri !== NS.w) {
        if (c.uri === NS.mc) this.note('a picture, shape or text box (its text is not read)');
        continue;
      }
      switch (c.local) {
        case 't':
        case 'delText':
          text += c.text;
          break;
        case 'tab':
        case 'ptab':
          text += '\t';
          break;
        case 'br':
        case 'cr': {
          const type = c.attr(NS.w, 'type');
          text += type === 'page' || type === 'column' ? '' : '\n';
          break;
        }
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'sym':
          this.note('a symbol inserted from a symbol font');
          break;
        case 'commentReference': {
          flush();
          const id = c.attr(NS.w, 'id');
          if (id !== undefined && !this.commentRefs.has(id)) this.commentRefs.set(id, { ...this.here(), id });
          break;
        }
        case 'drawing':
        case 'pict':
        case 'object':
          this.note('a picture, shape or text box (its text is not read)');
          break;
        case 'footnoteReference':
        case 'endnoteReference':
          this.note('a footnote or endnote (its text is not read)');
          break;
        default:
          break;
      }
    }
    flush();
  }

  private text(text: string, fmt: Fmt, origin: Origin | undefined, deleted: boolean): void {
    const atom: Atom = { ...this.here(), text, kind: 'same' };
    if (origin) {
      atom.kind = deleted ? 'deleted' : 'inserted';
      atom.origin = origin;
    } else if (fmt.strike) {
      atom.kind = 'deleted';
      atom.origin = { how: 'key', author: keyAuthor(fmt.bold ? 'parents' : fmt.italic ? 'authority' : 'unknown'), party: fmt.bold ? 'parents' : fmt.italic ? 'authority' : 'unknown' };
    } else if (fmt.bold) {
      atom.kind = 'inserted';
      atom.origin = { how: 'key', author: keyAuthor('parents'), party: 'parents' };
    } else if (fmt.italic) {
      atom.marked = 'authority';
    } else if (fmt.underline) {
      atom.marked = 'agreed';
    }
    this.atoms.push(atom);
    // The commented words as exported (deleted text kept, additions left out), which is how the plan reads them.
    if (atom.kind !== 'inserted') for (const id of this.openComments) this.anchors.set(id, (this.anchors.get(id) ?? '') + text);
  }

  /** Resolves ties, builds each item's segments and the entries, numbered in document order. */
  finish(comments: Map<string, RawComment>, properties: ReplyProperties): ReplyDocument {
    const tieOf = (p: Position): { item?: ItemRef; tie: Tie; hint?: ItemRef } => {
      if (p.inside) return { item: p.inside, tie: 'enclosed' };
      const starts = this.startsIn.get(p.para);
      if (starts && starts.length > 0) {
        const before = starts.filter((s) => s.seq < p.seq);
        return { item: (before[before.length - 1] ?? starts[0]!).ref, tie: 'paragraph' };
      }
      return { tie: 'none', hint: p.before };
    };

    // Each item's atoms and paragraph ends, in order.
    type Piece = { seq: number; para: number; text: string; kind: Segment['kind']; origin?: Origin; marked?: Atom['marked']; isBreak?: boolean; tie?: Tie };
    const byItem = new Map<string, Piece[]>();
    const untied: (Piece & { hint?: ItemRef; index: number })[] = [];
    // The export itself writes bold (labels, table headers, the cover) outside its items, so in one of
    // its documents the key is read only inside items; a working document with no item bookmarks
    // (not made by the export) is read everywhere.
    const keyOutsideItems = this.items.size === 0;
    for (const [index, a] of this.atoms.entries()) {
      const t = tieOf(a);
      if (!t.item && !keyOutsideItems && (a.origin?.how === 'key' || a.marked)) {
        a.kind = 'same';
        a.origin = undefined;
        a.marked = undefined;
      }
      const piece: Piece = { seq: a.seq, para: a.para, text: a.text, kind: a.kind, origin: a.origin, marked: a.marked, tie: t.tie };
      if (t.item) {
        const list = byItem.get(t.item.bookmark) ?? [];
        list.push(piece);
        byItem.set(t.item.bookmark, list);
      } else untied.push({ ...piece, hint: t.hint, index });
    }
    // A paragraph end between two pieces of one item is a paragraph break inside the item.
    const ends = new Map(this.paraEnds.map((e) => [e.para, e]));

    const drafts: { seq: number; entry: Omit<ReplyEntry, 'n'> }[] = [];
    const items: ReplyItem[] = [];
    const changeOf = new Map<Piece, number>(); // piece → index in drafts

    const group = (pieces: Piece[], item: ItemRef | undefined, hint: ItemRef | undefined, tie: Tie) => {
      let current: { draft: number; origin: Origin; para: number } | undefined;
      let marked: { draft: number; party: 'authority' | 'agreed'; para: number } | undefined;
      for (const piece of pieces) {
        if (piece.kind === 'same') {
          if (!/^\s*$/.test(piece.text) || piece.isBreak) current = undefined;
          if (piece.marked && !piece.isBreak) {
            if (marked && marked.party === piece.marked && marked.para === piece.para) {
              (drafts[marked.draft]!.entry as MarkedEntry).text += piece.text;
            } else {
              drafts.push({ seq: piece.seq, entry: { kind: 'marked', key: '', author: keyAuthor(piece.marked), party: piece.marked, text: piece.text, item, tie: piece.tie ?? tie, hint } as MarkedEntry });
              marked = { draft: drafts.length - 1, party: piece.marked, para: piece.para };
            }
          } else if (!/^\s*$/.test(piece.text)) marked = undefined;
          continue;
        }
        marked = undefined;
        const origin = piece.origin!;
        if (!current || current.origin.author !== origin.author || current.origin.how !== origin.how || (origin.party ?? '') !== (current.origin.party ?? '')) {
          drafts.push({ seq: piece.seq, entry: { kind: 'change', key: '', how: origin.how, author: origin.author, date: origin.date, party: origin.party, deleted: '', inserted: '', item, tie: piece.tie ?? tie, hint } as ChangeEntry });
          current = { draft: drafts.length - 1, origin, para: piece.para };
        }
        const change = drafts[current.draft]!.entry as ChangeEntry;
        // Pieces of one change in different paragraphs (outside items, where no break piece is made).
        if (piece.para !== current.para && !piece.isBreak && tie === 'none') {
          if (piece.kind === 'inserted') change.inserted += '\n\n';
          else change.deleted += '\n\n';
        }
        current.para = piece.para;
        if (piece.kind === 'inserted') change.inserted += piece.text;
        else change.deleted += piece.text;
        if (!change.date && origin.date) change.date = origin.date;
        changeOf.set(piece, current.draft);
      }
    };

    for (const [bookmark, raw] of byItem) {
      const ref = this.items.get(bookmark)!;
      const pieces: Piece[] = [];
      for (const piece of raw) {
        const prev = pieces[pieces.length - 1];
        if (prev && prev.para !== piece.para) {
          const end = ends.get(prev.para);
          pieces.push({ seq: end?.seq ?? prev.seq, para: prev.para, text: '\n\n', kind: end?.kind ?? 'same', origin: end?.origin, isBreak: true });
        }
        pieces.push(piece);
      }
      stripLabel(pieces, ref);
      const tie: Tie = 'enclosed';
      group(pieces, ref, undefined, tie);
      items.push({ ...ref, segments: [], original: '', proposed: '', _pieces: pieces } as ReplyItem & { _pieces: Piece[] });
    }
    // Untied pieces: consecutive runs grouped, each with the hint of its first piece.
    let run: (Piece & { hint?: ItemRef; index: number })[] = [];
    const flushUntied = () => {
      if (run.length > 0) group(run, undefined, run[0]!.hint, 'none');
      run = [];
    };
    for (const piece of untied) {
      const prev = run[run.length - 1];
      if (prev && (prev.hint?.bookmark !== piece.hint?.bookmark || piece.index !== prev.index + 1)) flushUntied();
      run.push(piece);
    }
    flushUntied();

    for (const [id, raw] of comments) {
      const at = this.commentStarts.get(id) ?? this.commentRefs.get(id);
      const t: { item?: ItemRef; tie: Tie; hint?: ItemRef } = at ? tieOf(at) : { tie: 'none' };
      const anchor = this.anchors.get(id)?.replace(/\s+/g, ' ').trim();
      const entry: Omit<CommentEntry, 'n'> = { kind: 'comment', key: '', author: raw.author, date: raw.date, text: raw.text, ...t };
      if (anchor) entry.anchor = anchor;
      if (raw.done) entry.done = true;
      drafts.push({ seq: at?.seq ?? Number.MAX_SAFE_INTEGER, entry });
      (entry as { _raw?: RawComment })._raw = raw;
    }

    // Number in document order; replies after the comment they answer when they share a place.
    const order = drafts.map((d, i) => ({ ...d, i })).sort((a, b) => a.seq - b.seq || a.i - b.i);
    const numberOf = new Map<number, number>();
    const entries: ReplyEntry[] = order.map((d, k) => {
      numberOf.set(d.i, k + 1);
      const e = { ...d.entry, n: k + 1 } as ReplyEntry;
      e.key = fingerprint(e);
      return e;
    });
    // Comment threads.
    const byParaId = new Map<string, ReplyEntry>();
    for (const e of entries) {
      const raw = (e as { _raw?: RawComment })._raw;
      if (raw?.paraId) byParaId.set(raw.paraId, e);
    }
    for (const e of entries) {
      const raw = (e as { _raw?: RawComment })._raw;
      delete (e as { _raw?: RawComment })._raw;
      if (e.kind === 'comment' && raw?.parentParaId) {
        const parent = byParaId.get(raw.parentParaId);
        if (parent) {
          e.replyTo = parent.n;
          // A reply Word saved with no place of its own belongs where its comment is.
          if (!this.commentStarts.has(raw.id) && !this.commentRefs.has(raw.id)) {
            e.tie = parent.tie;
            if (parent.item) e.item = parent.item;
            if (parent.hint) e.hint = parent.hint;
          }
        }
      }
    }

    for (const item of items as (ReplyItem & { _pieces?: Piece[] })[]) {
      const pieces = item._pieces ?? [];
      delete item._pieces;
      const segments: Segment[] = [];
      for (const piece of pieces) {
        const draft = changeOf.get(piece);
        const change = draft === undefined ? undefined : numberOf.get(draft);
        const prev = segments[segments.length - 1];
        if (prev && prev.kind === piece.kind && prev.change === change) prev.text += piece.text;
        else segments.push(change === undefined ? { kind: piece.kind, text: piece.text } : { kind: piece.kind, text: piece.text, change });
      }
      item.segments = segments;
      item.original = applySegments(segments, () => false);
      item.proposed = applySegments(segments, () => true);
    }
    items.sort((a, b) => (byItem.get(a.bookmark)?.[0]?.seq ?? 0) - (byItem.get(b.bookmark)?.[0]?.seq ?? 0));
    // Items whose bookmark holds no text at all (an item emptied without tracking) still count.
    for (const ref of this.items.values()) {
      if (!byItem.has(ref.bookmark)) items.push({ ...ref, segments: [], original: '', proposed: '' });
    }

    const unmapped: Unmapped[] = [...this.unmapped].map(([what, count]) => ({ what, count }));
    return { properties, items, entries, unmapped };
  }
}

/** The label `P3: ` the export puts first: not part of the item's text. Also corrects a hashed bookmark's id. */
function stripLabel(pieces: { text: string; kind: Segment['kind'] }[], ref: ItemRef): void {
  const first = pieces.findIndex((p) => p.kind !== 'deleted' && p.text.trim() !== '');
  if (first === -1) return;
  // The label may be split over runs: gather the leading text up to the colon.
  let head = '';
  let k = first;
  for (; k < pieces.length && head.length < 60; k++) {
    if (pieces[k]!.kind === 'deleted') continue;
    head += pieces[k]!.text;
    if (head.includes(':')) break;
  }
  const m = LABEL.exec(head);
  if (!m) return;
  const label = m[1]!;
  const hashed = /_[0-9a-f]{8}$/.test(ref.id);
  if (label !== ref.id && !(hashed && label.replace(/[^A-Za-z0-9_]/g, '_').startsWith(ref.id.replace(/_[0-9a-f]{8}$/, '').slice(0, 8)))) return;
  if (label !== ref.id) ref.id = label;
  let remove = m[0].length;
  for (let i = first; i < pieces.length && remove > 0; i++) {
    const p = pieces[i]!;
    if (p.kind === 'deleted') continue;
    const take = Math.min(remove, p.text.length);
    p.text = p.text.slice(take);
    remove -= take;
    // The label is the export's own bold text, not a key addition.
    if (p.kind === 'inserted' && p.text === '' ) p.kind = 'same';
  }
  for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i]!.text === '' && !('isBreak' in pieces[i]! && (pieces[i] as { isBreak?: boolean }).isBreak)) pieces.splice(i, 1);
}

/** The text of an item with the changes `accepted` says yes to (others left as they were), tidied. */
export function applySegments(segments: readonly Segment[], accepted: (change: number | undefined) => boolean): string {
  let s = '';
  for (const seg of segments) {
    if (seg.kind === 'same') s += seg.text;
    else if (seg.kind === 'inserted' ? accepted(seg.change) : !accepted(seg.change)) s += seg.text;
  }
  return tidy(s);
}

/** Item text as the plan would hold it: line ends trimmed, at most one blank line between paragraphs, no space at either end. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0]/g, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/\n[ ]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function keyAuthor(party: Party): string {
  switch (party) {
    case 'parents':
      return 'The family (working-document key)';
    case 'authority':
      return 'The local authority (working-document key)';
    case 'agreed':
      return 'Agreed (working-document key)';
    default:
      return UNKNOWN_AUTHOR;
  }
}

function fingerprint(e: ReplyEntry): string {
  const what = e.kind === 'comment' ? e.text : e.kind === 'change' ? `${e.deleted}\u0000${e.inserted}` : e.text;
  return createHash('sha256').update([e.kind, e.author, e.date ?? '', e.item?.bookmark ?? e.hint?.bookmark ?? '', what].join('\u0001'), 'utf8').digest('hex').slice(0, 12);
}
