/** Small input/output helpers shared by the main thread and the workers. */
import { createHash } from 'node:crypto';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is busy or locked',
  EIO: 'the disk could not be read',
};

/** A short, one-line reason for a file system error. Never includes file contents. */
export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  if (code) return code;
  return oneLine(error instanceof Error ? error.message : String(error));
}

/** The first line of a message, trimmed, so stderr always gets exactly one line per problem. */
export function oneLine(message: string): string {
  const first = (message.split(/\r?\n/)[0] ?? '').trim();
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}

/** A content hash for the cache: same bytes, same hash. */
export function hashBytes(bytes: Buffer): string {
  // A plain view: @types/node 20's Buffer does not match TypeScript 5.9's Uint8Array generics.
  return createHash('sha1').update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).digest('base64');
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * Bytes → text as an editor would show it: UTF-8 by default, UTF-16 when the file starts with
 * its byte order mark, and the BOM itself dropped (editors hide it, so columns match).
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.alloc(bytes.length - 2 - ((bytes.length - 2) % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3]!;
      swapped[i + 1] = bytes[i + 2]!;
    }
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
