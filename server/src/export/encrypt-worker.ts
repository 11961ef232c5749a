/**
 * Worker thread for encryption (bundled to dist/export-worker.js): the CLI and the VS Code extension
 * send { docx, password } and get { encrypted } or { error } back. Nothing is logged.
 */
import { parentPort } from 'node:worker_threads';
import { encryptDocxSync } from './encrypt';

export interface EncryptRequest {
  docx: Uint8Array;
  password: string;
}
export type EncryptResponse = { encrypted: Uint8Array } | { error: string };

parentPort?.on('message', (request: EncryptRequest) => {
  let response: EncryptResponse;
  try {
    response = { encrypted: encryptDocxSync(request.docx, request.password) };
  } catch (error) {
    response = { error: error instanceof Error ? (error.message.split('\n')[0] ?? 'encryption failed') : 'encryption failed' };
  }
  parentPort?.postMessage(response);
});
