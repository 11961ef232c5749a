/**
 * An AdviceReader that reads on a worker thread (dist/advice-worker.js), one file at a time. A
 * read that outlasts the PDF time limit (plus a margin) ends the thread: the file is reported as
 * taking too long, and a new thread serves the next read.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AdviceReader } from './store';
import type { AdviceResult, ReadLimits } from './types';

interface Job {
  id: number;
  path: string;
  limits: ReadLimits;
  resolve: (r: AdviceResult) => void;
}

/** The reader, or undefined when the worker script is not beside this bundle (tests from source). */
export function createWorkerReader(dir: string = __dirname): AdviceReader | undefined {
  const script = join(dir, 'advice-worker.js');
  if (!existsSync(script)) return undefined;
  let worker: Worker | undefined;
  let current: Job | undefined;
  let timer: NodeJS.Timeout | undefined;
  const queue: Job[] = [];
  let next = 0;

  const finish = (result: AdviceResult) => {
    clearTimeout(timer);
    const job = current;
    current = undefined;
    job?.resolve(result);
    pump();
  };
  const spawn = () => {
    const w = new Worker(script, { stdout: true, stderr: true });
    // Never let a library's output (which could hold report text) reach the server's streams.
    w.stdout.resume();
    w.stderr.resume();
    w.on('message', (m: { id: number; result: AdviceResult }) => {
      if (current && m.id === current.id) finish(m.result);
    });
    w.on('error', () => {
      if (current) finish({ ok: false, reason: 'corrupt', message: 'could not be read (the reader stopped)', path: current.path });
    });
    w.on('exit', () => {
      if (worker === w) worker = undefined;
    });
    w.unref();
    return w;
  };
  const pump = () => {
    if (current || queue.length === 0) return;
    current = queue.shift()!;
    worker ??= spawn();
    const job = current;
    timer = setTimeout(() => {
      void worker?.terminate();
      worker = undefined;
      finish({ ok: false, reason: 'too-large', message: `took more than ${Math.round(job.limits.maxPdfMs / 1000)} seconds to read, so reading stopped`, path: job.path });
    }, job.limits.maxPdfMs + 4000);
    worker.postMessage({ id: job.id, path: job.path, limits: job.limits });
  };
  return (path, limits) =>
    new Promise<AdviceResult>((resolve) => {
      queue.push({ id: ++next, path, limits, resolve });
      pump();
    });
}
