/**
 * Spreads files over worker threads (dist/cli-worker.js). Files go out in small batches to
 * whichever worker is free, so one slow plan does not hold up the rest; results come back in
 * any order and the caller sorts them.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleConfig } from '../core/config';
import { describeError } from '../host/quiet';
import type { CaseloadPlan } from '../core/prose/caseload';
import type { FileResult, FileTask } from './check-file';
import { oneLine } from './io';

export interface WorkerSetup {
  configs: RuleConfig[];
  wantHash: boolean;
  /** The caseload's plans, for the name and copied-text checks. */
  caseload?: CaseloadPlan[];
}

export interface BatchRequest {
  id: number;
  tasks: FileTask[];
}

export interface BatchResponse {
  id: number;
  results: FileResult[];
}

/** Never more than this many workers: past it, start-up costs more than it saves. */
export const MAX_WORKERS = 8;

/** The bundled worker beside the bundled CLI, or undefined when not built (then check in-process). */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'cli-worker.js');
  return existsSync(file) ? file : undefined;
}

/**
 * How many workers to use for `files` files; 0 or 1 means check in-process. The environment
 * variable EHCP_WORKERS overrides the core count (0 = always in-process): for tests and for
 * troubleshooting, not a documented option.
 */
export function poolSize(files: number, threshold: number): number {
  const override = process.env.EHCP_WORKERS;
  const cores = override !== undefined && /^\d+$/.test(override) ? Number(override) : Math.min(availableParallelism(), MAX_WORKERS);
  if (files <= threshold) return 0;
  return Math.max(0, Math.min(cores, Math.ceil(files / 4)));
}

/** Check every task on `size` workers. Rejects if a worker fails (a bug, not a plan problem). */
export function checkInPool(
  script: string,
  tasks: readonly FileTask[],
  setup: WorkerSetup,
  size: number,
  onResult: (result: FileResult) => void,
): Promise<void> {
  // Small batches keep every worker busy until the end; larger ones cost fewer messages.
  const batchSize = Math.max(1, Math.min(8, Math.ceil(tasks.length / (size * 12))));
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += batchSize) batches.push(tasks.slice(i, i + batchSize));

  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let pending = batches.length;
    let settled = false;

    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) {
        w.removeAllListeners();
        w.on('error', () => undefined);
        void w.terminate();
      }
      if (error) reject(error);
      else resolve();
    };

    const feed = (worker: Worker) => {
      const batch = batches[next];
      if (!batch) return;
      const request: BatchRequest = { id: next++, tasks: batch };
      worker.postMessage(request);
    };

    if (pending === 0) return finish();
    for (let i = 0; i < Math.min(size, batches.length); i++) {
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on('message', (response: BatchResponse) => {
        for (const r of response.results) onResult(r);
        pending--;
        if (pending === 0) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(new Error(`a checking thread failed: ${describeError(error)}`)));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`a checking thread stopped unexpectedly (exit code ${code})`));
      });
      feed(worker);
    }
  });
}
