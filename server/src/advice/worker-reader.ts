/**
 * An AdviceReader that reads on a worker thread (dist/advice-worker.js), one file at a time. A
 * read that outlasts the PDF time limit (plus a margin) ends the thread: the file is reported as
 * taking too long, and a new thread serves the next read.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatOf } from './read';
import { readAdviceFile, type AdviceReader } from './store';
import type { AdviceResult, ReadLimits } from './types';

interface Job {
  id: number;
  path: string;
  limits: ReadLimits;
  resolve: (r: AdviceResult) => void;
}

/**
 * Reads PDFs on the worker thread and everything else here (the CLI: Word, Markdown and text are
 * quick, and a thread costs more to start than they take to read).
 */
export function createPdfWorkerReader(dir: string = __dirname): AdviceReader {
  const worker = createWorkerReader(dir);
  return (path, limits) => (worker && formatOf(path) === 'pdf' ? worker(path, limits) : readAdviceFile(path, limits));
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
    // The worker silences its own console (a library's messages could quote a report).
    // Bounded memory too: a report that needs more than this is not a report.
    const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 768 } });
    w.on('message', (m: { id: number; result: AdviceResult }) => {
      if (current && m.id === current.id) finish(m.result);
    });
    w.on('error', () => {
      if (worker === w) worker = undefined;
      if (current) finish({ ok: false, reason: 'too-large', message: 'needed more memory to read than any report should, so reading stopped', path: current.path });
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
