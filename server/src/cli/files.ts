/** Files, folders and globs → the plan files to check, each with its absolute and display path. */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { InputError, quoteArg } from './args';
import { ioReason } from './io';

// Loaded with require so that esbuild bundles tinyglobby's CommonJS build: its ES build pulls in
// fdir's, which calls createRequire(import.meta.url), and import.meta is empty in a CJS bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

export interface PlanFile {
  /** Absolute path: the identity of the file (cache key, dedupe). */
  abs: string;
  /** Relative to the working folder, with forward slashes: what users see. */
  display: string;
}

/** A plan's file name: `<anything>.ehcp.yaml` or `.ehcp.yml`. */
export function isPlanName(name: string): boolean {
  return /.\.ehcp\.ya?ml$/i.test(name);
}

/** Relative to cwd with forward slashes, as shown in every output format. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs) || path.basename(abs);
  return rel.split(path.sep).join('/');
}

/** Compare display paths by code unit, so the order never depends on the locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every plan the arguments name, sorted by display path and without duplicates.
 * - An existing file is checked whatever its name: it was named on purpose.
 * - An existing folder is searched recursively for plan files (node_modules and dot-folders skipped).
 * - Anything else with glob characters is a glob; its matches are kept when they are plan files.
 * - A path that does not exist, or arguments that find no plan at all, are input errors.
 */
export function findPlans(patterns: readonly string[], cwd: string): PlanFile[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const stats = statOrUndefined(abs, pattern);
    if (stats?.isDirectory()) {
      walk(abs, found, cwd);
    } else if (stats) {
      found.add(abs);
    } else if (isDynamicPattern(pattern)) {
      const matches = globSync(pattern.split(path.sep).join('/'), {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**'],
      });
      for (const m of matches) if (isPlanName(path.basename(m))) found.add(path.resolve(m));
    } else {
      throw new InputError(`cannot read ${quoteArg(pattern)}: no such file or folder`);
    }
  }
  if (found.size === 0) {
    const what = patterns.length === 1 ? quoteArg(patterns[0]!) : 'the paths given';
    throw new InputError(`no plans found in ${what} (plans are files named *.ehcp.yaml or *.ehcp.yml)`);
  }
  return [...found].map((abs) => ({ abs, display: displayPath(abs, cwd) })).sort((a, b) => comparePaths(a.display, b.display));
}

function statOrUndefined(abs: string, shown: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`cannot read ${quoteArg(shown)}: ${ioReason(error)}`);
  }
}

function walk(dir: string, found: Set<string>, cwd: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read the folder ${quoteArg(displayPath(dir, cwd))}: ${ioReason(error)}`);
  }
  for (const entry of entries) {
    const name = entry.name;
    const full = path.join(dir, name);
    if (entry.isDirectory()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      walk(full, found, cwd);
    } else if (isPlanName(name) && (entry.isFile() || (entry.isSymbolicLink() && isFileLink(full)))) {
      // Symbolic links to plan files are followed; links to folders are not (no loops).
      found.add(full);
    }
  }
}

function isFileLink(full: string): boolean {
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}
