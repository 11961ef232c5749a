/**
 * The project's own accessibility checker for .docx files, over the unzipped XML (no tool on these
 * machines checks a Word file). Used on every export (a failing document is never written), by
 * `ehcp export --check-accessibility <file.docx>`, and by the tests. Works on any .docx, not only
 * ours: styles are resolved through `basedOn`, run styles and document defaults. Pure over bytes.
 * Messages say where (paragraph or table number), never quote the text: plans describe real children.
 */
import { unzipSync } from 'fflate';

export interface AccessibilityProblem {
  /** A short check id, e.g. `table-header`. */
  check: AccessibilityCheck;
  /** One line, plain English, saying what to change. */
  message: string;
}

export type AccessibilityCheck =
  | 'not-a-document'
  | 'title'
  | 'language'
  | 'heading-outline'
  | 'heading-order'
  | 'table-header'
  | 'table-merged'
  | 'table-nested'
  | 'table-blank-row'
  | 'text-size'
  | 'contrast'
  | 'alt-text'
  | 'typed-list'
  | 'empty-paragraphs'
  | 'justified'
  | 'italic'
  | 'locked';

export interface AccessibilityOptions {
  /** Large print: body text at least 16 pt instead of 12 pt. */
  largePrint?: boolean;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DC = 'http://purl.org/dc/elements/1.1/';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
/** Declared sizes above this are refused before inflating (a zip bomb); the inflated bytes are capped too. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
/** Most problems of one kind reported (a long document can repeat one mistake hundreds of times). */
const MAX_PER_CHECK = 5;
/** Deeper element nesting than any real document has (Word's own limit for nested tables is far lower). */
const MAX_DEPTH = 400;

/** A light element tree with namespace URIs (the checker needs no more of the DOM). */
class El {
  readonly children: El[] = [];
  /** Character data directly inside (kept for w:t, dc:title and the like). */
  text = '';
  constructor(
    readonly uri: string,
    readonly local: string,
    readonly attrs: Map<string, string>,
    readonly parent: El | undefined,
    /** The name as written, prefix included, to match the closing tag. */
    readonly qname = '',
  ) {}
  /** A namespaced attribute (`w:val`), or an unprefixed one with uri ''. */
  attr(uri: string, local: string): string | undefined {
    return this.attrs.get(`${uri} ${local}`);
  }
}

interface Style {
  id: string;
  name: string;
  type: string;
  basedOn?: string;
  pPr?: El;
  rPr?: El;
}

/** Reads the parts the checks need; undefined when the bytes are not a Word document. */
function readParts(bytes: Uint8Array): Record<string, string> | string {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return 'the file is password-protected (or an old .doc file), so it cannot be checked: check the document before encrypting it';
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'the file is not a Word document (.docx)';
  const wanted = (name: string) => /^(word\/(document|styles|settings|numbering)\.xml|word\/(header|footer)\d*\.xml|docProps\/core\.xml)$/.test(name);
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        declared += f.originalSize;
        if (f.originalSize > MAX_PART_BYTES || declared > MAX_TOTAL_BYTES) throw new Error('too large');
        return true;
      },
    });
  } catch (error) {
    return error instanceof Error && error.message === 'too large' ? 'the file expands to far more data than a document holds, so it was not read' : 'the file is damaged: it is not a readable Word document';
  }
  const out: Record<string, string> = {};
  let total = 0;
  for (const [name, data] of Object.entries(files)) {
    total += data.length;
    if (total > MAX_TOTAL_BYTES) return 'the file expands to far more data than a document holds, so it was not read';
    out[name] = new TextDecoder('utf-8').decode(data);
  }
  if (!out['word/document.xml']) return 'the file has no word/document.xml: it is not a Word document';
  return out;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and the five predefined entity references; undefined for an unknown entity (not well-formed). */
function decodeEntities(text: string): string | undefined {
  if (!text.includes('&')) return text;
  let bad = false;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) {
      bad = true;
      return '';
    }
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) bad = true;
      return bad ? '' : String.fromCodePoint(code);
    }
    const v = ENTITIES[ref];
    if (v === undefined) bad = true;
    return v ?? '';
  });
  return bad ? undefined : out;
}

const TOKEN = /<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|([^<]+)/y;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * Parses XML into an El tree with namespace URIs; undefined when it is not well-formed. A small
 * non-validating reader (about four times faster than a general parser on Word's XML, and the
 * checker runs on every export). DTDs are refused: Office files have none, and they are how
 * entity-expansion attacks arrive.
 */
function parseXml(text: string | undefined): El | undefined {
  if (!text) return undefined;
  const root = new El('', '#document', new Map(), undefined);
  let current = root;
  const scopes: Map<string, string>[] = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  const resolve = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]!.get(prefix);
      if (uri !== undefined) return uri;
    }
    return prefix === '' ? '' : undefined;
  };
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) return undefined; // a "<" that starts nothing valid, or a DTD
    pos = TOKEN.lastIndex;
    const [whole, close, qname, attrText, selfClose, cdata, chars] = m;
    if (chars !== undefined) {
      if (current === root) {
        if (chars.trim() !== '') return undefined;
        continue;
      }
      const decoded = decodeEntities(chars);
      if (decoded === undefined) return undefined;
      current.text += decoded;
      continue;
    }
    if (cdata !== undefined) {
      current.text += cdata;
      continue;
    }
    if (qname === undefined) continue; // comment or processing instruction
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    if (close) {
      if (current === root || current.qname !== qname) return undefined;
      current = current.parent!;
      scopes.pop();
      continue;
    }
    const declared = new Map<string, string>();
    const raw: [string, string][] = [];
    if (attrText) {
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(attrText); a; a = ATTR.exec(attrText)) {
        const value = decodeEntities(a[2] ?? a[3] ?? '');
        if (value === undefined) return undefined;
        const name = a[1]!;
        if (name === 'xmlns') declared.set('', value);
        else if (name.startsWith('xmlns:')) declared.set(name.slice(6), value);
        else raw.push([name, value]);
      }
    }
    scopes.push(declared);
    const uri = resolve(prefix);
    if (uri === undefined) return undefined;
    const attrs = new Map<string, string>();
    for (const [name, value] of raw) {
      const c = name.indexOf(':');
      const auri = c === -1 ? '' : resolve(name.slice(0, c));
      if (auri === undefined) return undefined;
      attrs.set(`${auri} ${c === -1 ? name : name.slice(c + 1)}`, value);
    }
    const el = new El(uri, local, attrs, current === root ? root : current, qname);
    current.children.push(el);
    if (selfClose) scopes.pop();
    else {
      current = el;
      if (scopes.length > MAX_DEPTH) return undefined;
    }
    void whole;
  }
  return current === root && root.children.length === 1 ? root : undefined;
}

function children(el: El | undefined, local: string, ns = W): El[] {
  return el ? el.children.filter((c) => c.local === local && c.uri === ns) : [];
}

function child(el: El | undefined, local: string, ns = W): El | undefined {
  return el?.children.find((c) => c.local === local && c.uri === ns);
}

function val(el: El | undefined, attr = 'val'): string | undefined {
  return el?.attr(W, attr);
}

/** On/off properties: present without a value, or with true/1/on, means on. */
function isOn(el: El | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = val(el);
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v.toLowerCase());
}

/** Elements below `el` in document order. */
function descendants(el: El, local: string, ns = W): El[] {
  const out: El[] = [];
  const walk = (n: El) => {
    for (const c of n.children) {
      if (c.local === local && c.uri === ns) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function hasAncestor(el: El, local: string, stopAt?: El): boolean {
  for (let p = el.parent; p && p !== stopAt; p = p.parent) if (p.local === local && p.uri === W) return true;
  return false;
}

interface ParaInfo {
  el: El;
  /** Text of its w:t elements (deleted text is w:delText, so not counted). */
  text: string;
  /** Its runs with text, not inside a deletion. */
  runs: { el: El; text: string }[];
  /** Holds a picture, a page break or a section break: not an "empty" spacing paragraph. */
  hasContent: boolean;
}

/** One walk over the body: every paragraph with its runs and text, every table, every cell. */
function indexBody(body: El): { paragraphs: ParaInfo[]; tables: El[]; cells: El[]; info: Map<El, ParaInfo> } {
  const paragraphs: ParaInfo[] = [];
  const tables: El[] = [];
  const cells: El[] = [];
  const info = new Map<El, ParaInfo>();
  const walk = (n: El, para: ParaInfo | undefined, run: { el: El; text: string } | undefined, deleted: boolean) => {
    for (const c of n.children) {
      if (c.uri !== W) {
        if (para && (c.local === 'drawing' || c.local === 'pict')) para.hasContent = true;
        walk(c, para, run, deleted);
        continue;
      }
      switch (c.local) {
        case 'p': {
          const p: ParaInfo = { el: c, text: '', runs: [], hasContent: false };
          paragraphs.push(p);
          info.set(c, p);
          walk(c, p, undefined, false);
          continue;
        }
        case 'tbl':
          tables.push(c);
          break;
        case 'tc':
          cells.push(c);
          break;
        case 'r': {
          const r = { el: c, text: '' };
          walk(c, para, r, deleted);
          if (para && !deleted && r.text !== '') para.runs.push(r);
          continue;
        }
        case 't':
          if (para && !deleted) para.text += c.text;
          if (run && !deleted) run.text += c.text;
          continue;
        case 'del':
          walk(c, para, run, true);
          continue;
        case 'drawing':
        case 'pict':
        case 'object':
        case 'sectPr':
          if (para) para.hasContent = true;
          break;
        case 'br':
          if (para && c.attr(W, 'type') === 'page') para.hasContent = true;
          continue;
      }
      walk(c, para, run, deleted);
    }
  };
  walk(body, undefined, undefined, false);
  return { paragraphs, tables, cells, info };
}

class Styles {
  readonly byId = new Map<string, Style>();
  readonly defaultRPr?: El;
  readonly defaultPPr?: El;
  readonly defaultParagraph?: string;
  readonly defaultCharacter?: string;
  private readonly chains = new Map<string, Style[]>();

  constructor(doc: El | undefined) {
    const root = child(doc, 'styles');
    if (!root) return;
    const defaults = child(root, 'docDefaults');
    this.defaultRPr = child(child(defaults, 'rPrDefault'), 'rPr');
    this.defaultPPr = child(child(defaults, 'pPrDefault'), 'pPr');
    for (const s of children(root, 'style')) {
      const id = s.attr(W, 'styleId') ?? '';
      const style: Style = { id, name: val(child(s, 'name')) ?? id, type: s.attr(W, 'type') ?? 'paragraph', basedOn: val(child(s, 'basedOn')), pPr: child(s, 'pPr'), rPr: child(s, 'rPr') };
      this.byId.set(id, style);
      if (['1', 'true', 'on'].includes((s.attr(W, 'default') ?? '').toLowerCase())) {
        if (style.type === 'paragraph') this.defaultParagraph = id;
        if (style.type === 'character') this.defaultCharacter = id;
      }
    }
  }

  /** The style and the styles it is based on, nearest first (cycles cut). */
  chain(id: string | undefined): Style[] {
    const key = id ?? '';
    const known = this.chains.get(key);
    if (known) return known;
    const out: Style[] = [];
    this.chains.set(key, out);
    const seen = new Set<string>();
    for (let cur = id ? this.byId.get(id) : undefined; cur && !seen.has(cur.id); cur = cur.basedOn ? this.byId.get(cur.basedOn) : undefined) {
      seen.add(cur.id);
      out.push(cur);
    }
    return out;
  }

  /** A paragraph property from the paragraph, then its style chain, then the defaults. */
  pProp(pPr: El | undefined, styleId: string | undefined, local: string): El | undefined {
    const direct = child(pPr, local);
    if (direct) return direct;
    for (const s of this.chain(styleId ?? this.defaultParagraph)) {
      const found = child(s.pPr, local);
      if (found) return found;
    }
    return child(this.defaultPPr, local);
  }

  private readonly inherited = new Map<string, El | null>();

  /** A run property from the run, its character style, the paragraph style chain, then the defaults. */
  rProp(rPr: El | undefined, paraStyle: string | undefined, local: string): El | undefined {
    const direct = child(rPr, local);
    if (direct) return direct;
    const runStyle = val(child(rPr, 'rStyle'));
    const key = `${runStyle ?? ''}\u0000${paraStyle ?? ''}\u0000${local}`;
    let found = this.inherited.get(key);
    if (found === undefined) {
      found = this.styleRProp(runStyle, paraStyle, local) ?? null;
      this.inherited.set(key, found);
    }
    return found ?? undefined;
  }

  private styleRProp(runStyle: string | undefined, paraStyle: string | undefined, local: string): El | undefined {
    for (const s of this.chain(runStyle)) {
      const found = child(s.rPr, local);
      if (found) return found;
    }
    for (const s of this.chain(paraStyle ?? this.defaultParagraph)) {
      const found = child(s.rPr, local);
      if (found) return found;
    }
    return child(this.defaultRPr, local);
  }
}

/** WCAG relative luminance of a hex colour. */
function luminance(hex: string): number {
  const n = parseInt(hex, 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

const HIGHLIGHTS: Record<string, string> = {
  yellow: 'FFFF00', green: '00FF00', cyan: '00FFFF', magenta: 'FF00FF', blue: '0000FF', red: 'FF0000', darkBlue: '000080', darkCyan: '008080',
  darkGreen: '008000', darkMagenta: '800080', darkRed: '800000', darkYellow: '808000', darkGray: '808080', lightGray: 'C0C0C0', black: '000000', white: 'FFFFFF',
};

function hexColour(v: string | undefined): string | undefined {
  return v && /^[0-9A-Fa-f]{6}$/.test(v) ? v.toUpperCase() : undefined;
}

/** Check a .docx's bytes. An empty list means it passed. */
export function checkAccessibility(bytes: Uint8Array | Buffer, options: AccessibilityOptions = {}): AccessibilityProblem[] {
  const parts = readParts(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (typeof parts === 'string') return [{ check: 'not-a-document', message: `Cannot check it: ${parts}.` }];
  const problems: AccessibilityProblem[] = [];
  const counts = new Map<AccessibilityCheck, number>();
  const report = (check: AccessibilityCheck, message: string) => {
    const n = (counts.get(check) ?? 0) + 1;
    counts.set(check, n);
    if (n <= MAX_PER_CHECK) problems.push({ check, message });
  };

  const document = parseXml(parts['word/document.xml']);
  if (!document) return [{ check: 'not-a-document', message: 'Cannot check it: word/document.xml is not well-formed XML (or is nested deeper than any document).' }];
  const styles = new Styles(parseXml(parts['word/styles.xml']));
  const body = child(child(document, 'document'), 'body');

  // Title.
  const core = parseXml(parts['docProps/core.xml']);
  const title = core ? descendants(core, 'title', DC)[0]?.text.trim() : undefined;
  if (!title) report('title', 'The document has no title: set its Title property (File > Properties), which screen readers announce.');

  // Language: in the default run properties or the default paragraph style.
  const lang = styles.rProp(undefined, undefined, 'lang');
  if (!val(lang)) report('language', 'The document language is not set: set it (for example en-GB) in the default style, so screen readers pronounce it correctly.');

  // Not locked.
  const settings = parseXml(parts['word/settings.xml']);
  const protection = child(child(settings, 'settings'), 'documentProtection');
  if (protection && ['1', 'true', 'on'].includes((protection.attr(W, 'enforcement') ?? '').toLowerCase())) {
    report('locked', 'Editing is restricted: families must be able to edit and comment, so turn document protection off.');
  }

  const index = body ? indexBody(body) : { paragraphs: [], tables: [], cells: [], info: new Map<El, ParaInfo>() };
  const paragraphs = index.paragraphs;
  const minSize = options.largePrint ? 32 : 24;
  let lastLevel: number | undefined;
  let italicChars = 0;
  let allChars = 0;
  const pageBackground = hexColour(child(child(document, 'document'), 'background')?.attr(W, 'color')) ?? 'FFFFFF';

  for (const [pi, para] of paragraphs.entries()) {
    const p = para.el;
    const where = `paragraph ${pi + 1}`;
    const pPr = child(p, 'pPr');
    const styleId = val(child(pPr, 'pStyle'));
    const chain = styles.chain(styleId ?? styles.defaultParagraph);
    const styleName = (chain[0]?.name ?? '').toLowerCase();
    const text = para.text;
    const outline = styles.pProp(pPr, styleId, 'outlineLvl');
    const level = outline ? Number(val(outline)) : undefined;
    const looksHeading = /^heading\s*\d$/.test(styleName) || /^heading\d$/i.test(styleId ?? '');

    if (looksHeading && (level === undefined || Number.isNaN(level) || level > 8)) {
      report('heading-outline', `The heading at ${where} uses the style "${chain[0]?.name}", which has no outline level: screen readers and the navigation pane will not see it as a heading.`);
    }
    if (level !== undefined && !Number.isNaN(level) && level <= 8 && text.trim() !== '') {
      const limit = lastLevel === undefined ? 0 : lastLevel + 1;
      if (level > limit) report('heading-order', `The heading at ${where} is at level ${level + 1} after ${lastLevel === undefined ? 'no heading at all' : `a level ${lastLevel + 1} heading`}: headings must go down one level at a time.`);
      lastLevel = level;
    }

    const jc = val(styles.pProp(pPr, styleId, 'jc'));
    if (jc && ['both', 'distribute', 'lowKashida', 'mediumKashida', 'highKashida', 'thaiDistribute'].includes(jc) && text.trim() !== '') {
      report('justified', `Text at ${where} is justified: justified text leaves uneven gaps that make reading harder. Align it to the left.`);
    }

    if (!child(pPr, 'numPr') && !chain.some((s) => child(s.pPr, 'numPr')) && /^\s*[•●▪■◦○‣⁃∙·◆◇►▸➢✓✔]\s*\S/.test(text)) {
      report('typed-list', `The text at ${where} starts with a typed bullet: use a real list, which screen readers announce as a list.`);
    }

    const cellShade = hexColour(shadeOf(p.parent));
    const paraShade = hexColour(styles.pProp(pPr, styleId, 'shd')?.attr(W, 'fill'));
    for (const { el: r, text: runText } of para.runs) {
      if (runText.trim() === '') continue;
      const rPr = child(r, 'rPr');
      const sz = Number(val(styles.rProp(rPr, styleId, 'sz')) ?? 20); // Word's default is 10 pt
      if (sz < minSize) report('text-size', `Text at ${where} is ${sz / 2} pt: body text should be at least ${minSize / 2} pt${options.largePrint ? ' in large print' : ''}.`);
      const colour = hexColour(val(styles.rProp(rPr, styleId, 'color'))) ?? '000000';
      const highlight = HIGHLIGHTS[val(styles.rProp(rPr, styleId, 'highlight')) ?? ''];
      const runShade = hexColour(styles.rProp(rPr, styleId, 'shd')?.attr(W, 'fill'));
      const background = highlight ?? runShade ?? paraShade ?? cellShade ?? pageBackground;
      const ratio = contrastRatio(colour, background);
      if (ratio < 4.5) report('contrast', `Text at ${where} has a contrast of ${ratio.toFixed(1)}:1 with its background: it should be at least 4.5:1.`);
      allChars += runText.length;
      if (isOn(styles.rProp(rPr, styleId, 'i'))) italicChars += runText.length;
    }
  }
  if (allChars > 0 && italicChars / allChars > 0.1) report('italic', `${Math.round((italicChars / allChars) * 100)}% of the text is in italics: italic text is harder to read; keep it for a few words.`);

  // Runs of empty paragraphs used for spacing, in the body and in cells.
  const containers = body ? [body, ...index.cells] : [];
  for (const c of containers) {
    let run = 0;
    for (const p of children(c, 'p')) {
      const pi = index.info.get(p);
      const empty = pi !== undefined && pi.text.trim() === '' && !pi.hasContent;
      run = empty ? run + 1 : 0;
      if (run === 2) report('empty-paragraphs', 'Empty paragraphs are used for spacing: screen readers announce each one as "blank". Use paragraph spacing instead.');
    }
  }

  // Tables.
  const cellEmpty = (tc: El) => children(tc, 'p').every((p) => {
    const pi = index.info.get(p);
    return pi === undefined || (pi.text.trim() === '' && !pi.hasContent);
  }) && children(tc, 'tbl').length === 0;
  for (const [ti, tbl] of index.tables.entries()) {
    const rows = children(tbl, 'tr');
    const first = rows[0];
    const table = `table ${ti + 1}`;
    if (hasAncestor(tbl, 'tc')) report('table-nested', `Table ${ti + 1} is inside another table's cell: screen readers cannot follow nested tables. Use separate tables.`);
    if (first && !isOn(child(child(first, 'trPr'), 'tblHeader'))) {
      report('table-header', `${table[0]!.toUpperCase()}${table.slice(1)} has no header row: mark its first row as a header row that repeats on each page.`);
    }
    for (const tr of rows) {
      const cells = children(tr, 'tc');
      for (const tc of cells) {
        const tcPr = child(tc, 'tcPr');
        const span = Number(val(child(tcPr, 'gridSpan')) ?? 1);
        if (span > 1 || child(tcPr, 'vMerge') || child(tcPr, 'hMerge')) {
          report('table-merged', `${table[0]!.toUpperCase()}${table.slice(1)} has merged or split cells: screen readers lose track of columns. Use one value per cell.`);
          break;
        }
      }
      if (cells.length > 0 && cells.every(cellEmpty)) {
        report('table-blank-row', `${table[0]!.toUpperCase()}${table.slice(1)} has a blank row: remove it; use cell spacing instead.`);
      }
    }
  }

  // Pictures need alternative text, in the body, headers and footers.
  for (const [name, xml] of Object.entries(parts)) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) continue;
    const doc = name === 'word/document.xml' ? document : parseXml(xml);
    if (!doc) continue;
    for (const pr of descendants(doc, 'docPr', WP)) {
      const alt = (pr.attr('', 'descr') ?? '').trim() || (pr.attr('', 'title') ?? '').trim();
      if (!alt) report('alt-text', `A picture (${name}) has no alternative text: describe it, so people who cannot see it know what it shows.`);
    }
  }

  for (const [check, n] of counts) {
    if (n > MAX_PER_CHECK) problems.push({ check, message: `…and ${n - MAX_PER_CHECK} more ${check} problems.` });
  }
  return problems;
}

/** A cell's shading fill, for the text inside it. */
function shadeOf(parent: El | undefined): string | undefined {
  for (let p = parent; p; p = p.parent) {
    if (p.local === 'tc' && p.uri === W) return child(child(p, 'tcPr'), 'shd')?.attr(W, 'fill');
  }
  return undefined;
}
