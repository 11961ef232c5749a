/**
 * A worker thread of `ehcp check` (bundled to dist/cli-worker.js). It receives batches of files,
 * reads and checks each one and posts the results back; the main thread orders the output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { silenceLibraryWarnings } from '../host/quiet';
import { checkFile } from './check-file';
import type { BatchRequest, BatchResponse, WorkerSetup } from './pool';

silenceLibraryWarnings();
const setup = workerData as WorkerSetup;
const port = parentPort;

if (port) {
  port.on('message', async (request: BatchRequest) => {
    const results = [];
    for (const task of request.tasks) results.push(await checkFile(task, setup.configs[task.config] ?? {}, setup.wantHash));
    const response: BatchResponse = { id: request.id, results };
    port.postMessage(response);
  });
}
