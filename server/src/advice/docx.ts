/**
 * .docx → raw blocks: the body of `word/document.xml` in order (paragraphs, and tables row by
 * row), with Word's automatic numbering from `numbering.xml` and `styles.xml`. Headers, footers,
 * footnotes, comments and deleted text are not content and are never read. Pure over bytes.
 */
import { NumberingCounter, readNumbering, type NumberingDefinitions } from './numbering';
import { AdviceReadError, DEFAULT_LIMITS, type RawBlock, type ReadLimits } from './types';
import { child, children, isOn, parseXml, val, type XmlElement } from './xml';
import { listEntries, readEntry } from './zip';

interface StyleInfo {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

const WANTED = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];

export function readDocx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): RawBlock[] {
  if (bytes.length === 0) throw new AdviceReadError('corrupt', 'is empty (0 bytes)');
  const entries = listEntries(bytes);
  if (entries.some((e) => e.name === 'EncryptionInfo' || e.name === 'EncryptedPackage')) {
    throw new AdviceReadError('encrypted', 'is password-protected (an encrypted Word file)');
  }
  const main = entries.find((e) => e.name === 'word/document.xml');
  if (!main) {
    const odt = entries.some((e) => e.name === 'content.xml');
    throw new AdviceReadError(odt ? 'unsupported' : 'corrupt', odt ? 'is an OpenDocument file renamed .docx: save it as a Word document' : 'is not a Word document (it has no word/document.xml)');
  }
  const budget = { left: limits.maxInflatedBytes };
  const declared = entries.filter((e) => WANTED.includes(e.name)).reduce((s, e) => s + e.size, 0);
  if (declared > budget.left) throw new AdviceReadError('too-large', `expands to ${Math.round(declared / 1024 / 1024)} MB of text, far more than a report holds (a zip bomb?)`);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const part = (name: string): XmlElement | undefined => {
    const e = entries.find((x) => x.name === name);
    return e ? parseXml(decoder.decode(readEntry(bytes, e, budget))) : undefined;
  };
  const document = part('word/document.xml')!;
  const numbering = readNumbering(part('word/numbering.xml'));
  const styles = readStyles(part('word/styles.xml'));
  const body = child(document, 'w:body');
  if (!body) throw new AdviceReadError('corrupt', 'is damaged: it has no body text');
  return new BodyReader(numbering, styles).read(body);
}

function readStyles(root: XmlElement | undefined): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  for (const s of children(root, 'w:style')) {
    if (s.attrs['w:type'] && s.attrs['w:type'] !== 'paragraph' && s.attrs['w:type'] !== 'numbering') continue;
    const pPr = child(s, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const outline = val(pPr, 'w:outlineLvl');
    const ilvl = val(numPr, 'w:ilvl');
    out.set(s.attrs['w:styleId'] ?? '', {
      name: val(s, 'w:name') ?? '',
      basedOn: val(s, 'w:basedOn'),
      outline: outline === undefined ? undefined : Number(outline),
      numId: val(numPr, 'w:numId'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
    });
  }
  return out;
}

class BodyReader {
  private readonly counter: NumberingCounter;
  private readonly blocks: RawBlock[] = [];

  constructor(
    numbering: NumberingDefinitions,
    private readonly styles: Map<string, StyleInfo>,
  ) {
    this.counter = new NumberingCounter(numbering, (styleId) => this.styleProp(styleId, 'numId') as string | undefined);
  }

  read(body: XmlElement): RawBlock[] {
    this.walk(body);
    return this.blocks;
  }

  private walk(el: XmlElement): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:p') this.paragraph(c);
      else if (c.name === 'w:tbl') this.table(c);
      else if (c.name === 'w:sdt') this.walk(child(c, 'w:sdtContent') ?? c);
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:smartTag') this.walk(c);
    }
  }

  /** A style property, following `w:basedOn` (bounded, in case of a loop). */
  private styleProp(styleId: string | undefined, prop: 'outline' | 'numId' | 'ilvl'): number | string | undefined {
    for (let id = styleId, hops = 0; id && hops < 16; hops++) {
      const s = this.styles.get(id);
      if (!s) return undefined;
      if (s[prop] !== undefined) return s[prop];
      id = s.basedOn;
    }
    return undefined;
  }

  /** Heading level (1 = top) from the paragraph's outline level, its style's, or a "heading N"/"Title" style name. */
  private headingLevel(pPr: XmlElement | undefined, styleId: string | undefined): number | undefined {
    const own = val(pPr, 'w:outlineLvl');
    const outline = own !== undefined ? Number(own) : (this.styleProp(styleId, 'outline') as number | undefined);
    if (outline !== undefined && outline >= 0 && outline < 9) return outline + 1;
    for (let id = styleId, hops = 0; id && hops < 16; hops++) {
      const s = this.styles.get(id);
      const name = (s?.name ?? id).toLowerCase();
      const m = /^heading\s*([1-9])$/.exec(name);
      if (m) return Number(m[1]);
      if (name === 'title') return 1;
      id = s?.basedOn;
    }
    return undefined;
  }

  /** The paragraph's numbering label, counting it (numbered paragraphs count even when empty). */
  private number(pPr: XmlElement | undefined, styleId: string | undefined) {
    const numPr = child(pPr, 'w:numPr');
    let numId = val(numPr, 'w:numId');
    let ilvlText = val(numPr, 'w:ilvl');
    if (numId === undefined) numId = this.styleProp(styleId, 'numId') as string | undefined;
    if (numId === undefined || numId === '0') return undefined;
    let ilvl = ilvlText !== undefined ? Number(ilvlText) : undefined;
    if (ilvl === undefined && styleId) ilvl = (this.styleProp(styleId, 'ilvl') as number | undefined) ?? this.counter.levelForStyle(numId, styleId);
    return this.counter.next(numId, ilvl ?? 0);
  }

  private paragraph(p: XmlElement, inTable = false): { label?: string; suffix?: string; text: string; bullet: boolean; heading?: number } {
    const pPr = child(p, 'w:pPr');
    const styleId = val(pPr, 'w:pStyle');
    const text = tidy(runText(p));
    // A paragraph whose mark is deleted with tracked changes is still counted by Word; keep it simple.
    const rendered = this.number(pPr, styleId);
    const heading = inTable ? undefined : this.headingLevel(pPr, styleId);
    const out = { label: rendered && !rendered.bullet && rendered.text ? rendered.text : undefined, suffix: rendered ? suffixText(rendered.suffix) : undefined, text, bullet: !!rendered?.bullet, heading };
    if (!inTable && text) {
      this.blocks.push({
        kind: heading ? 'heading' : out.bullet ? 'bullet' : 'paragraph',
        text,
        ...(heading ? { level: heading } : {}),
        ...(out.label ? { numbering: out.label, suffix: out.suffix } : {}),
      });
    }
    return out;
  }

  private table(tbl: XmlElement): void {
    for (const [r, tr] of children(tbl, 'w:tr').entries()) {
      const header = isOn(child(tr, 'w:trPr'), 'w:tblHeader');
      const cells: string[] = [];
      let numbering: string | undefined;
      let suffix: string | undefined;
      for (const [c, tc] of cellsOf(tr).entries()) {
        const parts: string[] = [];
        for (const p of paragraphsIn(tc)) {
          const para = this.paragraph(p, true);
          if (c === 0 && para.label && numbering === undefined) {
            numbering = para.label;
            suffix = para.suffix;
          }
          if (para.text) parts.push(para.text);
        }
        cells.push(parts.join(' '));
      }
      if (cells.every((t) => t === '') && !numbering) continue;
      this.blocks.push({ kind: 'row', text: cells.filter((t) => t).join(' | '), cells, ...(header ? { header } : {}), ...(r === 0 ? { tableStart: true } : {}), ...(numbering ? { numbering, suffix } : {}) });
    }
  }
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tr.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:tc') out.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') out.push(...cellsOf(child(c, 'w:sdtContent') ?? c));
  }
  return out;
}

/** Paragraphs of a table cell in order, nested tables flattened. */
function paragraphsIn(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:p') out.push(c);
    else if (c.name === 'w:tbl' || c.name === 'w:tr' || c.name === 'w:tc' || c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') out.push(...paragraphsIn(c));
  }
  return out;
}

/** The visible text of a paragraph: runs, hyperlinks, insertions and field results; no deletions, hidden text or field codes. */
function runText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'w:r':
        if (isOn(child(c, 'w:rPr'), 'w:vanish')) break;
        for (const r of c.children) {
          if (typeof r === 'string') continue;
          if (r.name === 'w:t') out += r.children.filter((x): x is string => typeof x === 'string').join('');
          else if (r.name === 'w:tab' || r.name === 'w:ptab') out += '\t';
          else if (r.name === 'w:br' || r.name === 'w:cr') out += ' ';
          else if (r.name === 'w:noBreakHyphen') out += '-';
          else if (r.name === 'w:sym') out += symbol(r.attrs['w:char']);
        }
        break;
      case 'w:hyperlink':
      case 'w:ins':
      case 'w:smartTag':
      case 'w:customXml':
      case 'w:fldSimple':
      case 'w:bdo':
      case 'w:dir':
        out += runText(c);
        break;
      case 'w:sdt':
        out += runText(child(c, 'w:sdtContent') ?? c);
        break;
      default:
        break; // w:del, w:pPr, bookmarks, comments, drawings
    }
  }
  return out;
}

function symbol(code: string | undefined): string {
  const n = code ? parseInt(code, 16) : NaN;
  if (!Number.isFinite(n)) return '';
  // Symbol-font characters live in the private use area (F0xx); keep only ordinary ones.
  return n >= 0xf000 ? '' : String.fromCharCode(n);
}

function suffixText(suffix: string): string {
  return suffix === 'nothing' ? '' : suffix === 'space' ? ' ' : '\t';
}

function tidy(text: string): string {
  return text.replace(/[\t \u00a0]+/g, ' ').trim();
}
