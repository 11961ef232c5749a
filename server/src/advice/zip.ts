/**
 * A bounded unzip for .docx files: reads the central directory, checks each wanted entry's
 * declared sizes before inflating anything, then inflates in small steps with fflate, counting
 * the bytes that come out (declared sizes can lie). A zip bomb is refused in milliseconds.
 */
import { Inflate } from 'fflate';
import { AdviceReadError } from './types';

/** The start of an OLE compound file: what Word writes for a password-protected .docx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A declared compression ratio past this is a bomb, not a document (Word's XML compresses ~10:1). */
const MAX_RATIO = 200;
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce (~1 MB). */
const STEP = 1024;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** The entries of a zip file's central directory. Throws an AdviceReadError for anything that is not a zip. */
export function listEntries(bytes: Uint8Array): ZipEntry[] {
  if (isOleCompoundFile(bytes)) {
    throw new AdviceReadError('encrypted', 'is password-protected (an encrypted Word file)');
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new AdviceReadError('corrupt', 'is not a Word document (.docx files are zip archives, and this is not one)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AdviceReadError('corrupt', 'is damaged: its zip directory is missing (was it copied in full?)');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new AdviceReadError('too-large', 'is a zip64 archive, which no advice report needs');
  if (count > 10_000) throw new AdviceReadError('corrupt', `holds ${count} parts, far more than a Word document has`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new AdviceReadError('corrupt', 'is damaged: its zip directory cannot be read');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The inflated bytes of one entry, at most `budget.left` bytes (which it lowers). Refuses an
 * entry whose declared size or ratio is implausible before inflating, and stops as soon as the
 * output passes the budget.
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }): Uint8Array {
  if (entry.flags & 1) throw new AdviceReadError('encrypted', 'has encrypted parts (a password-protected zip)');
  if (entry.size > budget.left) throw tooLarge(entry.size);
  if (entry.compressedSize > 0 && entry.size / entry.compressedSize > MAX_RATIO && entry.size > 1024 * 1024) {
    throw new AdviceReadError('too-large', `looks like a zip bomb: one part claims to expand ${Math.round(entry.size / entry.compressedSize)} times`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new AdviceReadError('corrupt', 'is damaged: a part of it cannot be found');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new AdviceReadError('corrupt', 'is damaged: it ends early (was it copied in full?)');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > budget.left) throw tooLarge(data.length);
    budget.left -= data.length;
    return data;
  }
  if (entry.method !== 8) throw new AdviceReadError('corrupt', `uses a compression method (${entry.method}) Word never writes`);

  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.left) throw tooLarge(total);
    // Word's XML expands about 10 times; a part expanding hundreds of times is a bomb whatever it declared.
    if (total > 4 * 1024 * 1024 && total / consumed > MAX_RATIO) {
      throw new AdviceReadError('too-large', `looks like a zip bomb: a part expands more than ${MAX_RATIO} times`);
    }
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += STEP) {
      consumed = Math.min(data.length, i + STEP);
      inflater.push(data.subarray(i, consumed), i + STEP >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof AdviceReadError) throw error;
    throw new AdviceReadError('corrupt', 'is damaged: a part of it cannot be decompressed');
  }
  budget.left -= total;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function tooLarge(bytes: number): AdviceReadError {
  return new AdviceReadError('too-large', `expands to more than ${Math.floor(bytes / 1024 / 1024)} MB of text, far more than a report holds (a zip bomb?)`);
}
