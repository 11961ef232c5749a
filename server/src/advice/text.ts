/**
 * Plain text and Markdown → raw blocks, line by line, keeping each block's lines in the source so
 * that go to definition can open the file itself at the paragraph. Also used for the lines a PDF
 * yields. Labels are typed ("3.2", "R4", "Recommendation 5"), worked out later in structure.ts;
 * this file only finds where blocks start and end, and which are headings, bullets or table rows.
 */
import type { RawBlock } from './types';
import { startsWithLabel } from './labels';

const BULLET = /^\s*(?:[-*+•●○◦▪■–·]|\u2022|\u25aa)\s+/;
const MD_ORDERED = /^\s*(\d{1,9})([.)])\s+/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

export interface TextLine {
  text: string;
  /** 0-based line in the source. */
  line: number;
  /** A heading level known from the source (a PDF's larger font), if any. */
  level?: number;
}

/** Blocks of a Markdown file. */
export function readMarkdown(source: string): RawBlock[] {
  const lines = source.split(/\r?\n/);
  const out: RawBlock[] = [];
  let current: RawBlock | undefined;
  let fence = false;
  /** The running number of an ordered list, as a Markdown renderer shows it (CommonMark: start, then +1). */
  let ordered: { next: number; delimiter: string } | undefined;
  const close = () => (current = undefined);
  for (const [i, raw] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      close();
      continue;
    }
    if (fence) continue;
    const line = raw.replace(/^\s{0,3}>\s?/, '');
    if (line.trim() === '') {
      close();
      continue;
    }
    if (i === 0 && line.trim() === '---') {
      // Front matter: skip to its end.
      const end = lines.findIndex((l, j) => j > 0 && l.trim() === '---');
      if (end > 0) lines.fill('', 1, end + 1);
      continue;
    }
    const heading = MD_HEADING.exec(line);
    if (heading) {
      out.push({ kind: 'heading', level: heading[1]!.length, text: inline(heading[2]!), line: i });
      ordered = undefined;
      close();
      continue;
    }
    if (/^\s*\|/.test(line)) {
      if (/^\s*\|?\s*:?-{2,}/.test(line)) continue; // the |---| separator
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => inline(c.trim()));
      const previous = out[out.length - 1];
      const tableStart = !(previous?.kind === 'row' && previous.endLine === i - 1) && !(previous?.kind === 'row' && previous.line === i - 2 && /^\s*\|?\s*:?-{2,}/.test(lines[i - 1] ?? ''));
      out.push({ kind: 'row', text: cells.filter((c) => c).join(' | '), cells, line: i, endLine: i, ...(tableStart ? { tableStart } : {}) });
      close();
      continue;
    }
    if (/^\s*(\*\*\*+|---+|___+)\s*$/.test(line)) {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    const num = MD_ORDERED.exec(line);
    if (bullet) {
      current = { kind: 'bullet', text: inline(line.slice(bullet[0].length)), line: i, endLine: i };
      out.push(current);
      continue;
    }
    if (num && !/^\d+\.\d/.test(line.trim())) {
      const n = Number(num[1]);
      const value = ordered && ordered.delimiter === num[2] ? ordered.next : n;
      ordered = { next: value + 1, delimiter: num[2]! };
      current = { kind: 'paragraph', text: inline(line.slice(num[0].length)), numbering: `${value}${num[2]}`, suffix: ' ', line: i, endLine: i };
      out.push(current);
      continue;
    }
    const text = inline(line.trim());
    // A line that starts with a typed label starts a new paragraph even without a blank line.
    if (current && !startsWithLabel(text) && !/^\s{0,3}\*\*[^*]+\*\*\s*$/.test(line)) {
      current.text += ` ${text}`;
      current.endLine = i;
      continue;
    }
    if (!current || !/^\s+/.test(raw)) ordered = undefined;
    // A line that is only bold ("**Recommendations**") reads as a heading.
    const bold = /^\s{0,3}\*\*([^*]+)\*\*\s*:?\s*$/.exec(line);
    if (bold && bold[1]!.trim().split(/\s+/).length <= 8) {
      out.push({ kind: 'heading', level: 6, text: bold[1]!.trim(), line: i });
      close();
      continue;
    }
    current = { kind: 'paragraph', text, line: i, endLine: i };
    out.push(current);
  }
  return out;
}

/** Markdown inline syntax a reader does not see: emphasis, code, links (their text kept), escapes. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Blocks of a plain text file. */
export function readPlainText(source: string): RawBlock[] {
  return blocksFromLines(source.split(/\r?\n/).map((text, line) => ({ text, line })));
}

/**
 * Lines → blocks: a blank line, a typed label, a bullet or a heading-like line starts a new block;
 * other lines continue the one before (a paragraph wrapped over several lines).
 */
export function blocksFromLines(lines: readonly TextLine[]): RawBlock[] {
  const out: RawBlock[] = [];
  let current: RawBlock | undefined;
  for (const [k, { text: raw, line, level }] of lines.entries()) {
    const text = raw.replace(/[\t \u00a0]+/g, ' ').trim();
    if (text === '' || /^[-=_*~]{3,}$/.test(text)) {
      current = undefined;
      continue;
    }
    const next = lines[k + 1];
    const nextBlank = !next || next.text.trim() === '';
    if (level !== undefined) {
      const previous = out[out.length - 1];
      if (previous?.kind === 'heading' && previous.level === level && previous.endLine === line - 1) {
        previous.text += ` ${text}`;
        previous.endLine = line;
      } else out.push({ kind: 'heading', level, text, line, endLine: line });
      current = undefined;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      current = { kind: 'bullet', text: raw.slice(bullet[0].length).replace(/\s+/g, ' ').trim(), line, endLine: line };
      out.push(current);
      continue;
    }
    const nextStartsItem = !!next && (BULLET.test(next.text) || startsWithLabel(next.text.trim()));
    if (looksLikeHeading(text, current === undefined, nextBlank) || (current === undefined && nextStartsItem && isShortTitle(text))) {
      out.push({ kind: 'heading', text, line, endLine: line });
      current = undefined;
      continue;
    }
    if (current && !startsWithLabel(text)) {
      current.text += ` ${text}`;
      current.endLine = line;
      continue;
    }
    current = { kind: 'paragraph', text, line, endLine: line };
    out.push(current);
  }
  return out;
}

/** A few words with a capital and no closing punctuation: "In class", "Strategies for PE". */
function isShortTitle(text: string): boolean {
  return text.split(/\s+/).length <= 7 && /^[A-Z]/.test(text) && !/[.;,:!?]$/.test(text) && !startsWithLabel(text);
}

/**
 * A heading in plain text: a short line in capitals ("4. RECOMMENDATIONS"), or a short line with a
 * one-level number and no closing full stop ("4. Recommendations", "2 Assessment results"), or a
 * short title-like line on its own.
 */
function looksLikeHeading(text: string, startsBlock: boolean, nextBlank: boolean): boolean {
  if (text.length > 90 || /[.;,]$/.test(text)) return false;
  const words = text.split(/\s+/);
  const letters = text.replace(/[^A-Za-z]/g, '');
  const capitals = letters.replace(/[^A-Z]/g, '').length;
  if (letters.length >= 4 && capitals / letters.length >= 0.85 && words.length <= 14) return true;
  const numbered = /^(\d{1,2})[.)]?\s+([A-Z][^]*)$/.exec(text);
  if (numbered && words.length <= 12 && !/\d[.:]\d/.test(text.slice(0, 6))) return true;
  // An unnumbered line ending with a colon, or alone between blank lines, and short.
  if (startsWithLabel(text)) return false;
  if (/:$/.test(text) && words.length <= 6) return true;
  return startsBlock && nextBlank && words.length <= 6 && /^[A-Z]/.test(text) && !/[.!?]$/.test(text);
}
