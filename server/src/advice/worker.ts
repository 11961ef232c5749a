/**
 * The advice reader's worker thread (bundled to dist/advice-worker.js): reads one file at a time
 * off the language server's main thread, so reading a report never delays diagnostics, and a
 * PDF that takes too long can be stopped by ending the thread.
 */
import { parentPort } from 'node:worker_threads';
import { readAdviceFile } from './store';
import type { ReadLimits } from './types';

interface Request {
  id: number;
  path: string;
  limits: ReadLimits;
}

parentPort?.on('message', async (request: Request) => {
  const result = await readAdviceFile(request.path, request.limits);
  parentPort!.postMessage({ id: request.id, result });
});
