/** Runs encryption on a worker thread (dist/export-worker.js), so the editor or the CLI stays responsive. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EncryptResponse } from './encrypt-worker';

/** The bundled worker beside the running bundle (dist/cli.js, dist/extension.js). */
export function encryptWorkerScript(dir: string = __dirname): string | undefined {
  const script = path.join(dir, 'export-worker.js');
  return existsSync(script) ? script : undefined;
}

/** A worker that encrypts one document after another; close it when done. */
export class Encrypter {
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly script: string) {}

  encrypt(docx: Uint8Array | Buffer, password: string): Promise<Uint8Array> {
    const run = this.queue.then(() => this.once(docx, password));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private once(docx: Uint8Array | Buffer, password: string): Promise<Uint8Array> {
    const worker = (this.worker ??= new Worker(this.script, { stdout: true, stderr: true }));
    return new Promise<Uint8Array>((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (response: EncryptResponse) => {
        cleanup();
        if ('error' in response) reject(new Error(response.error));
        else resolve(response.encrypted);
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = undefined;
        reject(new Error(`encryption failed: ${error.message.split('\n')[0]}`));
      };
      const onExit = (code: number) => {
        cleanup();
        this.worker = undefined;
        reject(new Error(`encryption stopped unexpectedly (code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ docx, password });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
