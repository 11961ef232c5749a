/**
 * Reading advice files from disk (the IO edge): bounded in size, cached by path + modification
 * time + size, re-read when the file changes. The CLI awaits reads; the language server peeks at
 * what is cached while checking (never waiting) and re-checks when a read completes.
 */
import { promises as fs, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AdviceItem } from '../core/parse';
import type { AdviceLookup } from '../core/rule';
import { formatOf, readAdvice } from './read';
import { AdviceReadError, DEFAULT_LIMITS, type AdviceResult, type ReadLimits } from './types';

/** Reads one file into an AdviceResult; never throws. */
export type AdviceReader = (path: string, limits: ReadLimits) => Promise<AdviceResult>;

/** Reads a file in this thread. */
export const readAdviceFile: AdviceReader = async (path, limits) => {
  const format = formatOf(path);
  if (!format) return { ok: false, reason: 'unsupported', message: 'is not a type of file that can be read (use .docx, .pdf, .md or .txt)', path };
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) return { ok: false, reason: 'missing', message: 'it is a folder, not a file', path };
    if (st.size > limits.maxFileBytes) {
      return { ok: false, reason: 'too-large', message: `is ${(st.size / 1024 / 1024).toFixed(1)} MB, more than the ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB an advice report is read up to`, path };
    }
    const bytes = new Uint8Array(await fs.readFile(path));
    const started = performance.now();
    const doc = await readAdvice(bytes, format, limits);
    return { ok: true, doc, path, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof AdviceReadError) return { ok: false, reason: error.reason, message: error.message, path };
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: '', path };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'corrupt', message: 'cannot be opened (permission denied)', path };
    // Never let a library's message (which could quote the file) through: one plain reason.
    return { ok: false, reason: 'corrupt', message: 'is damaged and cannot be read', path };
  }
};

interface Entry {
  stamp: string;
  result?: AdviceResult;
  reading?: Promise<AdviceResult>;
}

export interface AdviceStoreOptions {
  limits?: ReadLimits;
  reader?: AdviceReader;
  /** Called when a read completes with a new result (the server re-checks the plans that use it). */
  onRead?: (path: string) => void;
}

/** The advice files of a caseload, each read once per version on disk. */
export class AdviceStore {
  private readonly entries = new Map<string, Entry>();
  private readonly limits: ReadLimits;
  private readonly reader: AdviceReader;

  constructor(private readonly options: AdviceStoreOptions = {}) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.reader = options.reader ?? readAdviceFile;
  }

  /**
   * What is known now, without waiting: the cached result if the file has not changed; otherwise
   * a read is started and the previous result (or undefined) is returned. A missing file is known at once.
   */
  peek(path: string): AdviceResult | undefined {
    const stamp = stampOf(path);
    if (stamp === undefined) return { ok: false, reason: 'missing', message: '', path };
    const entry = this.entries.get(path);
    if (entry && entry.stamp === stamp) return entry.result;
    this.start(path, stamp);
    return entry?.result;
  }

  /** The result for a file, reading it if it is not cached or has changed. */
  async load(path: string): Promise<AdviceResult> {
    const stamp = stampOf(path);
    if (stamp === undefined) return { ok: false, reason: 'missing', message: '', path };
    const entry = this.entries.get(path);
    if (entry && entry.stamp === stamp) return entry.result ?? (await entry.reading!);
    return this.start(path, stamp);
  }

  /** The cached result, whatever its age (for the extracted-text view). */
  cached(path: string): AdviceResult | undefined {
    return this.entries.get(path)?.result;
  }

  /** A key that changes whenever any of these files' results change (for caching findings). */
  keyFor(paths: readonly string[]): string {
    return paths.map((p) => `${p}:${this.entries.get(p)?.result ? this.entries.get(p)!.stamp : 'pending'}`).join('|');
  }

  /** The file changed: read it again at the next peek, showing the previous result until then (no flicker). */
  invalidate(path: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.stamp = '';
  }

  private start(path: string, stamp: string): Promise<AdviceResult> {
    const previous = this.entries.get(path);
    const entry: Entry = { stamp, result: previous?.result };
    const reading = this.reader(path, this.limits).then((result) => {
      if (this.entries.get(path) === entry) {
        entry.result = result;
        entry.reading = undefined;
        // A file that changed while it was read is read again on the next peek.
        if (stampOf(path) !== stamp) entry.stamp = '';
        this.options.onRead?.(path);
      }
      return result;
    });
    entry.reading = reading;
    this.entries.set(path, entry);
    return reading;
  }
}

function stampOf(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.size}:${st.mtimeMs}` : 'not-a-file';
  } catch {
    return undefined;
  }
}

/** The absolute path an advice entry's file names, relative to the plan. */
export function advicePath(planPath: string, item: AdviceItem): string | undefined {
  return item.file ? resolve(dirname(planPath), item.file.value) : undefined;
}

/** Reads every advice file a plan names (for the CLI), then answers lookups from the results. */
export async function loadAdvice(planPath: string, advice: readonly AdviceItem[], store: AdviceStore): Promise<AdviceLookup> {
  const results = new Map<string, AdviceResult>();
  for (const item of advice) {
    const path = advicePath(planPath, item);
    if (path && !results.has(path)) results.set(path, await store.load(path));
  }
  return (item) => {
    const path = advicePath(planPath, item);
    return path ? results.get(path) : undefined;
  };
}
