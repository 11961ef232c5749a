/**
 * Password protection: Office Agile encryption (AES-256, SHA-512), which Word and LibreOffice open
 * with the password. The one place that knows the encryption library (officecrypto-tool, a small
 * single-maintainer package): replace it here and nowhere else. The password is never stored or logged.
 */
import officeCrypto from 'officecrypto-tool';

/** Office's limit on password length. */
export const MAX_PASSWORD_LENGTH = 255;

/** A password the export accepts, or the one-line reason it does not. */
export function passwordProblem(password: string): string | undefined {
  if (password.length === 0) return 'the password is empty';
  if (password.length > MAX_PASSWORD_LENGTH) return `the password is longer than ${MAX_PASSWORD_LENGTH} characters, which Word cannot open`;
  if (/[\u0000-\u001f\u007f]/.test(password)) return 'the password holds control characters (such as a tab), which cannot be typed into Word';
  return undefined;
}

/** Encrypts a .docx (synchronous, about a second: call it off the main thread, see encrypt-pool.ts). */
export function encryptDocxSync(docx: Uint8Array | Buffer, password: string): Uint8Array {
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  return view(officeCrypto.encrypt(Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength), { password }));
}

/** A plain Uint8Array over a Buffer's bytes (no copy). */
function view(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** Decrypts an encrypted .docx; throws when the password is wrong. */
export async function decryptDocx(encrypted: Uint8Array | Buffer, password: string): Promise<Uint8Array> {
  return view(await officeCrypto.decrypt(Buffer.from(encrypted.buffer, encrypted.byteOffset, encrypted.byteLength), { password }));
}

/** True for an encrypted Office file (a compound file, not a zip). */
export function isEncryptedDocx(bytes: Uint8Array | Buffer): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
