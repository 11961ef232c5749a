/**
 * Bytes → AdviceDocument for each format, with the limits applied. Pure apart from the PDF
 * library's own asynchrony. Throws AdviceReadError with a one-line reason for anything it
 * cannot read.
 */
import { readDocx } from './docx';
import { pdfTextLines, readPdfLines } from './pdf';
import { structure } from './structure';
import { blocksFromLines, readMarkdown, readPlainText } from './text';
import { AdviceReadError, DEFAULT_LIMITS, type AdviceDocument, type AdviceFormat, type ReadLimits } from './types';
import { isOleCompoundFile } from './zip';

export const ADVICE_EXTENSIONS: Record<string, AdviceFormat> = { '.docx': 'docx', '.pdf': 'pdf', '.md': 'md', '.markdown': 'md', '.txt': 'txt' };

/** The format a file name says, or undefined for one the reader does not handle. */
export function formatOf(path: string): AdviceFormat | undefined {
  const m = /\.[A-Za-z]+$/.exec(path);
  return m ? ADVICE_EXTENSIONS[m[0].toLowerCase()] : undefined;
}

export async function readAdvice(bytes: Uint8Array, format: AdviceFormat, limits: ReadLimits = DEFAULT_LIMITS): Promise<AdviceDocument> {
  if (format === 'pdf') {
    const { pages, skippedPages } = await readPdfLines(bytes, limits);
    const { lines } = pdfTextLines(pages);
    const doc = structure(blocksFromLines(lines), 'pdf');
    if (skippedPages > 0) doc.notes.push(`Only the first ${limits.maxPdfPages} pages were read; ${skippedPages} more were left out.`);
    return finish(doc, 'has no text that can be read (is it a scan? ask for the report as a Word document)');
  }
  return readAdviceSync(bytes, format, limits);
}

/** Every format but PDF, synchronously. */
export function readAdviceSync(bytes: Uint8Array, format: Exclude<AdviceFormat, 'pdf'>, limits: ReadLimits = DEFAULT_LIMITS): AdviceDocument {
  if (bytes.length > limits.maxFileBytes) throw new AdviceReadError('too-large', `is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, more than the ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB an advice report is read up to`);
  if (format === 'docx') return finish(structure(readDocx(bytes, limits), 'docx'), 'has no text (an empty Word document)');
  if (isOleCompoundFile(bytes) || bytes.subarray(0, 4096).includes(0)) {
    throw new AdviceReadError('unsupported', `is not plain text (it holds binary data${isOleCompoundFile(bytes) ? ': an old .doc or protected file' : ''}): save it as .docx, .pdf or .txt`);
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const raw = format === 'md' ? readMarkdown(text) : readPlainText(text);
  return finish(structure(raw, format, { source: text }), 'is empty');
}

function finish(doc: AdviceDocument, emptyMessage: string): AdviceDocument {
  if (!doc.blocks.some((b) => b.text.trim() !== '')) throw new AdviceReadError('no-text', emptyMessage);
  return doc;
}
