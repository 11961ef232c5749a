/**
 * Opening a returned Word file safely: what kind of file it is, and a bounded unzip of the parts
 * the reader needs. Pure over bytes (decryption is the caller's: see decrypt.ts).
 */
import { unzipSync } from 'fflate';

/** Declared sizes above these are refused before anything is inflated (a zip bomb). */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
/** A returned draft is rarely over a few megabytes; larger files are refused before reading. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** A problem with the returned file itself: one line, safe to show (never quotes the document). */
export class ReplyFileError extends Error {
  constructor(
    message: string,
    readonly code: 'encrypted' | 'wrong-password' | 'not-docx' | 'old-word' | 'corrupt' | 'too-large' | 'not-ours',
  ) {
    super(message);
  }
}

export type FileKind = 'docx' | 'ole' | 'other';

/** A .docx is a zip (`PK`); an encrypted .docx (and an old .doc) is an OLE compound file. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1) return 'ole';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  return 'other';
}

/** The parts of a .docx the reader uses, as text. */
export interface DocxParts {
  document: string;
  comments?: string;
  commentsExtended?: string;
  styles?: string;
  custom?: string;
  core?: string;
}

const WANTED: Record<string, keyof DocxParts> = {
  'word/document.xml': 'document',
  'word/comments.xml': 'comments',
  'word/commentsExtended.xml': 'commentsExtended',
  'word/styles.xml': 'styles',
  'docProps/custom.xml': 'custom',
  'docProps/core.xml': 'core',
};

const TOO_LARGE = 'the file expands to far more data than a Word document holds, so it was not read';

/**
 * Unzips the parts the reader needs. Declared sizes are checked before inflating, and each part
 * is inflated into a buffer of its declared size, so a part that lies about its size cannot grow
 * past it (it is then cut short and fails to parse as XML).
 */
export function readDocxParts(bytes: Uint8Array): DocxParts {
  if (bytes.length > MAX_FILE_BYTES) throw new ReplyFileError(`the file is ${(bytes.length / 1024 / 1024).toFixed(0)} MB, too large for a returned draft`, 'too-large');
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        // Part names are case-insensitive in OPC; Word and LibreOffice write these exactly.
        if (!(f.name in WANTED)) return false;
        declared += f.originalSize;
        if (f.originalSize > MAX_PART_BYTES || declared > MAX_TOTAL_BYTES) throw new ReplyFileError(TOO_LARGE, 'too-large');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ReplyFileError) throw error;
    throw new ReplyFileError('the file is damaged: it is not a readable Word document (.docx)', 'corrupt');
  }
  const parts: Partial<DocxParts> = {};
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const [name, data] of Object.entries(files)) {
    const key = WANTED[name];
    if (key) parts[key] = decoder.decode(data);
  }
  if (parts.document === undefined) throw new ReplyFileError('the file has no main document part (word/document.xml): it is not a Word document', 'not-docx');
  return parts as DocxParts;
}
