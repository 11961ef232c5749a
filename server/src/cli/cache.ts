/**
 * The `--cache` file, ESLint-style: for each plan, its size, mtime and content hash with the
 * findings they produced under one core version and one effective configuration. A plan whose
 * size and mtime are unchanged is not read at all; one whose stat changed is read and hashed, and
 * re-checked only if the bytes differ. A missing, corrupt or foreign cache file is ignored.
 */
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleConfig } from '../core/config';
import type { Finding } from '../core/types';
import { CORE_VERSION } from '../core/version';
import { hashText } from './io';

export const DEFAULT_CACHE_FILE = '.ehcpcache';
const CACHE_FORMAT = 1;

/**
 * How old an mtime must be before size + mtime alone are trusted. A file changed twice within the
 * file system's timestamp granularity keeps its mtime; such entries are confirmed by hash instead.
 */
const SETTLE_MS = 2000;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The configuration key the findings were made under. */
  config: string;
  /** False when the mtime was too recent to trust on its own. */
  settled: boolean;
  findings: Finding[];
}

interface CacheData {
  format: number;
  core: string;
  files: Record<string, CacheEntry>;
}

/** Part of every entry's key: the core version and the effective configuration. */
export function configKey(config: RuleConfig): string {
  return hashText(`${CORE_VERSION}\u0000${stableStringify(config)}`);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Where the cache lives: --cache-location (a folder gets .ehcpcache inside it), or ./.ehcpcache. */
export function cachePath(location: string | undefined, cwd: string): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, DEFAULT_CACHE_FILE);
  try {
    if (statSync(abs).isDirectory()) return path.join(abs, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: it is the file to write.
  }
  return abs;
}

export class PlanCache {
  private files: Record<string, CacheEntry>;
  private dirty = false;
  private readonly seen = new Set<string>();

  private constructor(
    readonly file: string,
    files: Record<string, CacheEntry>,
  ) {
    this.files = files;
  }

  /** Load the cache; anything unusable gives an empty cache that will be rebuilt. */
  static load(file: string): PlanCache {
    let files: Record<string, CacheEntry> = Object.create(null);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheData>;
      if (data && data.format === CACHE_FORMAT && data.core === CORE_VERSION && data.files && typeof data.files === 'object') {
        files = Object.assign(Object.create(null), data.files);
      }
    } catch {
      // Missing or corrupt: start again.
    }
    return new PlanCache(file, files);
  }

  /**
   * The cached findings when size and mtime show the file is unchanged; otherwise the hash to
   * compare the bytes with (when an entry exists for this configuration), or nothing.
   */
  lookup(abs: string, key: string, size: number, mtimeMs: number): { findings: Finding[] } | { knownHash?: string } {
    this.seen.add(abs);
    const entry = this.files[abs];
    if (!isEntry(entry) || entry.config !== key) return {};
    if (entry.settled && entry.size === size && entry.mtimeMs === mtimeMs) return { findings: entry.findings };
    return entry.size === size ? { knownHash: entry.hash } : {};
  }

  /** The entry's findings, for a file whose bytes matched the cached hash. */
  findings(abs: string): Finding[] {
    return this.files[abs]?.findings ?? [];
  }

  set(abs: string, key: string, size: number, mtimeMs: number, hash: string, findings: Finding[]): void {
    this.seen.add(abs);
    this.files[abs] = { size, mtimeMs, hash, config: key, settled: mtimeMs < Date.now() - SETTLE_MS, findings };
    this.dirty = true;
  }

  /** Write the cache if anything changed: to a temporary file, then renamed over the old one. */
  save(): void {
    for (const abs of Object.keys(this.files)) {
      // Keep entries for plans outside this run, unless the plan is gone.
      if (!this.seen.has(abs) && !existsSync(abs)) {
        delete this.files[abs];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    const data: CacheData = { format: CACHE_FORMAT, core: CORE_VERSION, files: this.files };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.file);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // Nothing was written.
      }
      throw error;
    }
    this.dirty = false;
  }
}

function isEntry(entry: unknown): entry is CacheEntry {
  const e = entry as CacheEntry | undefined;
  return !!e && typeof e === 'object' && typeof e.size === 'number' && typeof e.mtimeMs === 'number' && typeof e.hash === 'string' && Array.isArray(e.findings);
}
