/**
 * Raw blocks → an AdviceDocument: labels (Word's numbering, typed ones, or made up for unlabelled
 * bullets and rows under a recommendations heading), heading paths, which blocks are
 * recommendations and which describe needs, and each block's place in the extracted text.
 */
import { labelFromNumbering, labelKey, typedLabel } from './labels';
import type { AdviceBlock, AdviceDocument, AdviceFormat, RawBlock } from './types';

/** Headings under which paragraphs are recommendations (provision the professional advises). */
const RECOMMENDATION_HEADING = /recommend|^(?:[\d.\s]*)provision|provision (?:required|needed|to meet|that)|\bstrateg|support (?:required|needed|to be provided)|\bwhat\b.*\bneeds?\b.*\b(?:help|do|provide|support)|next steps|\bactions\b|advice (?:on|about) provision/i;
/** Headings under which paragraphs do not describe the child's needs. */
const NOT_NEEDS_HEADING = /background|history|introduc|\bviews?\b|consent|sources?|\bbasis\b|reason for|involvement|about (?:this|the) report|contact|distribution|signature|\bdetails\b|circulation|information gathered/i;
/** A label that names a recommendation whatever heading it is under. */
const RECOMMENDATION_LABEL = /^(?:R|Rec|Recommendation)\s*\d/i;

export interface StructureOptions {
  /** For Markdown and text: the source, so offsets point into the file itself. */
  source?: string;
}

export function structure(raw: readonly RawBlock[], format: AdviceFormat, options: StructureOptions = {}): AdviceDocument {
  const lineStarts = options.source !== undefined ? lineOffsets(options.source) : undefined;
  const rendered: string[] = [];
  let length = 0;
  const blocks: AdviceBlock[] = [];
  const headingStack: { level: number; title: string; slug: string; isRecs: boolean; explicit: boolean }[] = [];
  const madeUpCounts = new Map<string, number>();
  const usedKeys = new Set<string>();
  let tableIsRecs = false;
  let tableHeaderSeen = false;

  for (const block of raw) {
    // Where the block is in the extracted text.
    let line: number;
    let offset: number;
    let end: number;
    const display = displayText(block);
    if (lineStarts && block.line !== undefined) {
      line = block.line;
      offset = lineStarts[block.line] ?? 0;
      const last = block.endLine ?? block.line;
      end = (lineStarts[last + 1] ?? options.source!.length + 1) - 1;
      if (options.source![end - 1] === '\r') end--;
    } else {
      line = rendered.length;
      offset = length;
      end = offset + display.length;
      rendered.push(display);
      length += display.length + 1;
    }

    let label: string | undefined;
    let automatic = false;
    let text = block.text;
    if (block.numbering) {
      label = labelFromNumbering(block.numbering);
      automatic = format === 'docx';
    } else if (block.kind !== 'row') {
      const typed = typedLabel(text);
      if (typed && typed.rest) {
        label = typed.label;
        text = typed.rest;
      }
    }
    if (block.kind === 'row' && !label && block.cells && block.cells.length > 1) {
      const first = block.cells[0]!.trim();
      const typed = typedLabel(`${first} x`);
      if (typed && typed.rest === 'x') {
        label = typed.label;
        text = block.cells.slice(1).filter((c) => c.trim()).join(' | ');
      }
    }

    if (block.kind === 'heading') {
      // A heading of unknown level under one whose level is known (a PDF's larger type) sits below it.
      const explicitTop = [...headingStack].reverse().find((h) => h.explicit);
      const level = block.level ?? (explicitTop ? explicitTop.level + 1 : 2);
      while (headingStack.length > 0 && headingStack[headingStack.length - 1]!.level >= level) headingStack.pop();
      const title = block.numbering ? `${block.numbering} ${block.text}` : block.text;
      headingStack.push({ level, title, slug: slug(text), isRecs: RECOMMENDATION_HEADING.test(text) && !/^(?:summary|background)/i.test(text), explicit: block.level !== undefined });
      blocks.push({ kind: 'heading', ...(label ? { label, ...(automatic ? { automatic, number: block.numbering } : {}) } : {}), headings: headingStack.slice(0, -1).map((h) => h.title), text, offset, end, line });
      if (label) usedKeys.add(labelKey(label));
      tableHeaderSeen = false;
      continue;
    }

    const inRecs = headingStack.some((h) => h.isRecs);
    if (block.kind === 'row') {
      if (block.tableStart) {
        tableHeaderSeen = false;
        tableIsRecs = inRecs;
      }
      const isHeader = block.header || (block.tableStart && !label && looksLikeHeaderRow(block.cells ?? []));
      if (isHeader) {
        if (/recommend|provision|strateg|action/i.test(block.text)) tableIsRecs = true;
        tableHeaderSeen = true;
        blocks.push({ kind: 'paragraph', headings: headingStack.map((h) => h.title), text: block.text, offset, end, line });
        continue;
      }
    }

    const recommendation =
      (label !== undefined && RECOMMENDATION_LABEL.test(label)) ||
      (inRecs && (label !== undefined || block.kind === 'bullet' || block.kind === 'row')) ||
      (block.kind === 'row' && tableIsRecs && tableHeaderSeen);
    let madeUp = false;
    if (recommendation && !label) {
      const parent = headingStack[headingStack.length - 1];
      const base = parent?.slug || 'recommendations';
      const n = (madeUpCounts.get(base) ?? 0) + 1;
      madeUpCounts.set(base, n);
      let made = `${base}-${n}`;
      if (usedKeys.has(labelKey(made)) && headingStack.length > 1) made = `${headingStack[headingStack.length - 2]!.slug}-${made}`;
      label = made;
      madeUp = true;
    }
    if (label) usedKeys.add(labelKey(label));
    // Paragraphs about the child: not recommendations, not under a background or recommendations heading, not "Date: …" fields.
    const needsLike = !recommendation && !inRecs && !headingStack.some((h) => NOT_NEEDS_HEADING.test(h.title)) && text.split(/\s+/).length >= 6 && !(/^[A-Z][\w' ]{0,30}:\s/.test(text) && text.split(/\s+/).length <= 14) && block.kind !== 'row';
    blocks.push({
      kind: recommendation ? 'recommendation' : 'paragraph',
      ...(label ? { label } : {}),
      ...(madeUp ? { madeUp } : {}),
      ...(automatic ? { automatic, number: block.numbering } : {}),
      headings: headingStack.map((h) => h.title),
      text,
      ...(needsLike ? { needsLike } : {}),
      offset,
      end,
      line,
    });
  }
  const text = options.source ?? rendered.join('\n');
  return { format, text, blocks, notes: [] };
}

/** How a block reads in the extracted text of a .docx or .pdf: its label, then its text. */
function displayText(block: RawBlock): string {
  if (block.kind === 'row') return (block.numbering ? `${block.numbering}${block.suffix ?? ' '}` : '') + (block.cells ?? [block.text]).filter((c) => c).join(' | ');
  const prefix = block.numbering ? `${block.numbering}${block.suffix === '' ? '' : ' '}` : block.kind === 'bullet' ? '• ' : '';
  return `${prefix}${block.text}`;
}

/** A table's first row is its header when its cells are short titles ("Recommendation", "Who", "How often"). */
function looksLikeHeaderRow(cells: readonly string[]): boolean {
  return cells.length > 1 && cells.every((c) => c.split(/\s+/).length <= 5 && !/[.;]$/.test(c.trim()));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/^[\d.\s]+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !['and', 'the', 'of', 'for', 'to', 'a', 'an', 'in'].includes(w))
    .slice(0, 3)
    .join('-');
}

function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The block an evidence label names, comparing labels loosely (case, spaces, closing punctuation). */
export function findBlock(doc: AdviceDocument, label: string): AdviceBlock | undefined {
  return findBlocks(doc, label)[0];
}

/**
 * Every block a label names, best first: exact matches before loose ones, recommendations before
 * paragraphs before headings. A label can repeat in one report (a list restarted under another
 * heading), and a reference cannot tell those apart.
 */
export function findBlocks(doc: AdviceDocument, label: string): AdviceBlock[] {
  const key = labelKey(label);
  const rank = (b: AdviceBlock) => (b.label === label ? 0 : 3) + (b.kind === 'recommendation' ? 0 : b.kind === 'paragraph' ? 1 : 2);
  return doc.blocks
    .filter((b) => b.label !== undefined && (b.label === label || labelKey(b.label) === key))
    .map((b, i) => ({ b, i }))
    .sort((x, y) => rank(x.b) - rank(y.b) || x.i - y.i)
    .map((x) => x.b);
}

/** Every label in a report, in order, once each. */
export function labelsOf(doc: AdviceDocument): string[] {
  return [...new Set(doc.blocks.flatMap((b) => (b.label ? [b.label] : [])))];
}

export function recommendationsOf(doc: AdviceDocument): AdviceBlock[] {
  return doc.blocks.filter((b) => b.kind === 'recommendation');
}
