/**
 * A worker thread of `ehcp check` (bundled to dist/cli-worker.js). It receives batches of files,
 * reads and checks each one and posts the results back; the main thread orders the output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CaseloadIndex } from '../core/prose/caseload';
import { loadDictionary } from '../prose/dictionary';
import { checkFile } from './check-file';
import type { BatchRequest, BatchResponse, WorkerSetup } from './pool';

const setup = workerData as WorkerSetup;
const port = parentPort;

const caseload = new CaseloadIndex(setup.caseload ?? []);
const words = loadDictionary();
const extras = (file: string) => ({ caseload: caseload.view(file), ...(words ? { words } : {}) });

if (port) {
  port.on('message', (request: BatchRequest) => {
    const response: BatchResponse = {
      id: request.id,
      results: request.tasks.map((task) => checkFile(task, setup.configs[task.config] ?? {}, setup.wantHash, extras)),
    };
    port.postMessage(response);
  });
}
