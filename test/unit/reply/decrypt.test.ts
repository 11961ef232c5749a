import { existsSync } from 'node:fs';
import { join } from 'node:path';
import officeCrypto from 'officecrypto-tool';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decryptOffThread } from '../../../server/src/reply/decrypt-thread';
import { ReplyFileError } from '../../../server/src/reply/package';

const dist = join(__dirname, '..', '..', '..', 'dist');

describe.skipIf(!existsSync(join(dist, 'reply-worker.js')))('decrypting a returned draft on a worker thread (dist/reply-worker.js)', () => {
  const plain = zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>') });
  const locked = new Uint8Array(officeCrypto.encrypt(Buffer.from(plain), { password: 'bluebell' }));

  it('gives back the bytes with the right password', async () => {
    expect(Buffer.from(await decryptOffThread(locked, 'bluebell', dist)).equals(Buffer.from(plain))).toBe(true);
  }, 60_000);

  it('says the password is wrong, in one line, without the password', async () => {
    const error = await decryptOffThread(locked, 'daisy', dist).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyFileError);
    expect((error as ReplyFileError).code).toBe('wrong-password');
    expect((error as Error).message).not.toContain('daisy');
  }, 60_000);
});
