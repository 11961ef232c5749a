/**
 * Opening a password-protected returned draft (an OLE compound file holding an encrypted
 * package). The one place that uses `officecrypto-tool`, so it can be replaced. The password is
 * used once and never stored, logged or put in an error message.
 */
import officeCrypto from 'officecrypto-tool';
import { fileKind, ReplyFileError } from './package';

/**
 * Whether the bytes need a password before they can be read. Throws ReplyFileError for an OLE file
 * that is not an encrypted package (an old .doc, or damaged), so no password is asked for in vain.
 */
export function needsPassword(bytes: Uint8Array): boolean {
  if (fileKind(bytes) !== 'ole') return false;
  let encrypted: boolean;
  try {
    encrypted = officeCrypto.isEncrypted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new ReplyFileError('the file is damaged: it is not a readable Word document', 'corrupt');
  }
  if (!encrypted) throw new ReplyFileError('the file is an old Word 97–2003 document (.doc): open it in Word or LibreOffice and save it as .docx', 'old-word');
  return true;
}

/** The decrypted .docx bytes. Throws ReplyFileError: `wrong-password`, `old-word` (a .doc file), `corrupt`. */
export async function decryptReply(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encrypted: boolean;
  try {
    encrypted = officeCrypto.isEncrypted(buffer);
  } catch {
    throw new ReplyFileError('the file is damaged: it is not a readable Word document', 'corrupt');
  }
  if (!encrypted) throw new ReplyFileError('the file is an old Word 97–2003 document (.doc): open it in Word or LibreOffice and save it as .docx', 'old-word');
  try {
    const out = await officeCrypto.decrypt(buffer, { password });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    throw new ReplyFileError('the password is not right for this file (or the file is damaged)', 'wrong-password');
  }
}
