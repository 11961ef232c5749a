/**
 * Writing an exported file without losing anything: the bytes go to a temporary file in the
 * target folder, then take the target's name in one step. Without `overwrite` an existing file is
 * never replaced (a hard link refuses to clobber, so a file that appears meanwhile is safe too).
 * On any failure the temporary file is removed and the error says, in one line, what to do.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';

export class WriteError extends Error {
  constructor(
    message: string,
    readonly code: 'exists' | 'not-writable' | 'disk-full' | 'busy' | 'no-folder' | 'other',
  ) {
    super(message);
  }
}

function reason(error: unknown, target: string): WriteError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const dir = path.dirname(target);
  switch (code) {
    case 'EEXIST':
      return new WriteError(`${path.basename(target)} already exists: choose another name, or overwrite it (--force)`, 'exists');
    case 'EACCES':
    case 'EROFS':
      return new WriteError(`the folder ${dir} is not writable: choose another folder`, 'not-writable');
    case 'EPERM':
    case 'EBUSY':
    case 'ETXTBSY':
      return new WriteError(`${path.basename(target)} is open in another program or locked: close it and try again`, 'busy');
    case 'ENOSPC':
    case 'EDQUOT':
      return new WriteError('the disk is full: free some space and try again (nothing was written)', 'disk-full');
    case 'ENOENT':
    case 'ENOTDIR':
      return new WriteError(`the folder ${dir} does not exist`, 'no-folder');
    case 'EISDIR':
      return new WriteError(`${target} is a folder: give a file name ending .docx`, 'exists');
    default:
      return new WriteError(`could not write ${path.basename(target)}: ${code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error))}`, 'other');
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes `bytes` to `target` atomically. Throws WriteError. */
export function writeFileAtomic(target: string, bytes: Uint8Array | Buffer, options: { overwrite?: boolean } = {}): void {
  const dir = path.dirname(target);
  let existing;
  try {
    existing = statSync(target);
  } catch {
    // Does not exist yet: the usual case.
  }
  if (existing?.isDirectory()) throw reason(Object.assign(new Error(), { code: 'EISDIR' }), target);
  if (existing && !options.overwrite) throw reason(Object.assign(new Error(), { code: 'EEXIST' }), target);

  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const data = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.overwrite) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (error) {
        // Some file systems (FAT, some network shares) have no hard links: check, then rename.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EPERM') throw error;
        if (exists(target)) throw Object.assign(new Error(), { code: 'EEXIST' });
        renameSync(temp, target);
      }
      if (exists(temp)) unlinkSync(temp);
    }
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // Already failing; the unlink below matters more.
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw reason(error, target);
  }
}
