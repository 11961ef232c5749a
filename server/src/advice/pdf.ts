/**
 * PDF → text lines with unpdf (pdf.js), bounded in pages and time. Lines are rebuilt from the
 * positioned text items of each page; text that repeats at the same place on every page (running
 * headers, footers, page numbers) is not content and is dropped; larger type marks headings.
 */
import { AdviceReadError, DEFAULT_LIMITS, type ReadLimits } from './types';
import type { TextLine } from './text';

/** One line of a page: its text, its baseline and the size of its type. */
export interface PageLine {
  text: string;
  y: number;
  x: number;
  size: number;
}

interface PdfItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export async function readPdfLines(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<{ pages: PageLine[][]; skippedPages: number }> {
  if (bytes.length === 0) throw new AdviceReadError('corrupt', 'is empty (0 bytes)');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1024)));
  if (!head.includes('%PDF-')) throw new AdviceReadError('corrupt', 'is not a PDF (it does not start as one)');
  const started = Date.now();
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    pdf = await withTimeout(getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: false } as never), limits.maxPdfMs, started);
  } catch (error) {
    if (error instanceof AdviceReadError) throw error;
    const name = (error as { name?: string })?.name;
    if (name === 'PasswordException') throw new AdviceReadError('encrypted', 'is password-protected (an encrypted PDF)');
    throw new AdviceReadError('corrupt', 'is damaged: it cannot be opened as a PDF');
  }
  try {
    const count = Math.min(pdf.numPages, limits.maxPdfPages);
    const pages: PageLine[][] = [];
    for (let n = 1; n <= count; n++) {
      const page = await withTimeout(pdf.getPage(n), limits.maxPdfMs, started);
      const content = await withTimeout(page.getTextContent(), limits.maxPdfMs, started);
      pages.push(linesOf(content.items as PdfItem[]));
      page.cleanup();
    }
    return { pages, skippedPages: pdf.numPages - count };
  } catch (error) {
    if (error instanceof AdviceReadError) throw error;
    throw new AdviceReadError('corrupt', 'is damaged: a page of it cannot be read');
  } finally {
    void pdf.destroy().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, limitMs: number, started: number): Promise<T> {
  const left = limitMs - (Date.now() - started);
  if (left <= 0) return Promise.reject(tooSlow(limitMs));
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(tooSlow(limitMs)), left);
    }),
  ]);
}

function tooSlow(limitMs: number): AdviceReadError {
  return new AdviceReadError('too-large', `took more than ${Math.round(limitMs / 1000)} seconds to read, so reading stopped`);
}

/** Text items → lines, top to bottom, joining items on one baseline left to right. */
export function linesOf(items: readonly PdfItem[]): PageLine[] {
  const rows: { y: number; parts: { x: number; end: number; str: string; size: number }[] }[] = [];
  for (const item of items) {
    if (!item.str) continue;
    const [a = 1, b = 0, , , x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b) || item.height || 10;
    let row = rows.find((r) => Math.abs(r.y - y) <= Math.max(1.5, size * 0.3));
    if (!row) rows.push((row = { y, parts: [] }));
    row.parts.push({ x, end: x + item.width, str: item.str, size });
  }
  rows.sort((p, q) => q.y - p.y);
  return rows
    .map((r) => {
      r.parts.sort((p, q) => p.x - q.x);
      let text = '';
      let lastEnd = -Infinity;
      let size = 0;
      for (const part of r.parts) {
        // A gap between items is a space unless the item already starts or ends with one.
        if (text && part.x - lastEnd > part.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(part.str)) text += ' ';
        text += part.str;
        lastEnd = part.end;
        size = Math.max(size, part.size);
      }
      return { text: text.replace(/\s+/g, ' ').trim(), y: Math.round(r.y), x: Math.round(r.parts[0]?.x ?? 0), size: Math.round(size * 10) / 10 };
    })
    .filter((l) => l.text !== '');
}

/**
 * Pages → lines for the text structurer: lines that repeat at the same place on every page (or
 * on every page but the first) are dropped; page numbers ("Page 2 of 5", "3") that change on each
 * page at one place are dropped too. Type clearly larger than the body's marks a heading.
 */
export function pdfTextLines(pages: readonly PageLine[][]): { lines: TextLine[]; stripped: number } {
  const key = (l: PageLine) => `${l.y}|${normaliseRepeat(l.text)}`;
  const counts = new Map<string, number>();
  for (const page of pages) for (const k of new Set(page.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = (l: PageLine) => pages.length >= 2 && (counts.get(key(l)) ?? 0) >= Math.max(2, pages.length - 1);
  const sizes = new Map<number, number>();
  for (const page of pages) for (const l of page) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const lines: TextLine[] = [];
  let stripped = 0;
  let n = 0;
  for (const page of pages) {
    let lastY: number | undefined;
    let lastSize = body;
    for (const l of page) {
      if (repeated(l)) {
        stripped++;
        continue;
      }
      // A vertical gap larger than a line and a half is a paragraph break.
      if (lastY !== undefined && lastY - l.y > Math.max(l.size, lastSize) * 1.75) lines.push({ text: '', line: n++ });
      const level = l.size >= body * 1.3 ? 1 : l.size >= body * 1.12 ? 2 : undefined;
      lines.push({ text: l.text, line: n++, ...(level ? { level } : {}) });
      lastY = l.y;
      lastSize = l.size;
    }
    lines.push({ text: '', line: n++ });
  }
  return { lines, stripped };
}

/** Page numbers differ from page to page: compare them with the digits taken out. */
function normaliseRepeat(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}
