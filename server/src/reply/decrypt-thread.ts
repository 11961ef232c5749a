/**
 * Decrypting off the calling thread: one short-lived worker (dist/reply-worker.js) per file. When
 * the worker script is not there (running from source), decrypts in this thread instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { decryptReply } from './decrypt';
import type { DecryptResponse } from './decrypt-worker';
import { ReplyFileError } from './package';

export async function decryptOffThread(bytes: Uint8Array, password: string, dir: string = __dirname): Promise<Uint8Array> {
  const script = join(dir, 'reply-worker.js');
  if (!existsSync(script)) return decryptReply(bytes, password);
  const worker = new Worker(script, { stdout: true, stderr: true });
  try {
    const response = await new Promise<DecryptResponse>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      worker.postMessage({ bytes, password });
    });
    if ('bytes' in response) return response.bytes;
    throw new ReplyFileError(response.error, response.code);
  } catch (error) {
    if (error instanceof ReplyFileError) throw error;
    throw new ReplyFileError('the file could not be opened', 'corrupt');
  } finally {
    void worker.terminate();
  }
}
