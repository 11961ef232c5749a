/**
 * Worker thread for opening a password-protected returned draft (bundled to dist/reply-worker.js),
 * so the language server keeps answering while the key is derived (about a second). Receives
 * { bytes, password }, answers { bytes } or { error, code }. Nothing is logged.
 */
import { parentPort } from 'node:worker_threads';
import { decryptReply } from './decrypt';
import { ReplyFileError } from './package';

export interface DecryptRequest {
  bytes: Uint8Array;
  password: string;
}
export type DecryptResponse = { bytes: Uint8Array } | { error: string; code: ReplyFileError['code'] };

parentPort?.on('message', (request: DecryptRequest) => {
  decryptReply(request.bytes, request.password).then(
    (bytes) => parentPort?.postMessage({ bytes } satisfies DecryptResponse),
    (error: unknown) =>
      parentPort?.postMessage(
        (error instanceof ReplyFileError ? { error: error.message, code: error.code } : { error: 'the file could not be opened', code: 'corrupt' }) satisfies DecryptResponse,
      ),
  );
});
