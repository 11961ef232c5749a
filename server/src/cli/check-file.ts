/**
 * Read one plan file and check it. Used in-process for small runs and by each worker thread for
 * large ones, so both paths give the same findings. Never throws: a file that cannot be read is
 * an `ok: false` result with a one-line reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AdviceStore, loadAdvice } from '../advice/store';
import { checkPlan } from '../core/check';
import type { RuleConfig } from '../core/config';
import { MAX_PLAN_BYTES, parsePlan } from '../core/parse';
import type { Finding } from '../core/types';
import { decodeText, hashBytes, ioReason } from './io';

/** Past this size a file is not even read into memory; one finding says why. */
export const MAX_READ_BYTES = 50 * 1024 * 1024;

export interface FileTask {
  /** Absolute path. */
  file: string;
  /** Index into the run's configurations. */
  config: number;
  /** When set, the cache holds findings for this content hash: skip checking if the bytes match. */
  knownHash?: string;
}

export type FileResult =
  | {
      file: string;
      ok: true;
      size: number;
      mtimeMs: number;
      /** Present when hashing was asked for (the cache is on). */
      hash?: string;
      /** True when the bytes matched `knownHash`: the cached findings still hold. */
      unchanged?: boolean;
      findings: Finding[];
    }
  | { file: string; ok: false; error: string };

/** Advice reports read in this thread, shared by the plans that name them. */
const adviceStore = new AdviceStore();

export async function checkFile(task: FileTask, config: RuleConfig, wantHash: boolean): Promise<FileResult> {
  const { file } = task;
  let size: number;
  let mtimeMs: number;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) return { file, ok: false, error: 'it is a folder, not a file' };
    // Reading a FIFO or a device could block forever.
    if (!stats.isFile()) return { file, ok: false, error: 'it is not a regular file' };
    size = stats.size;
    mtimeMs = stats.mtimeMs;
  } catch (error) {
    return { file, ok: false, error: ioReason(error) };
  }

  if (size > MAX_READ_BYTES) {
    const level = config.rules?.['yaml-syntax'];
    const message = `This file is ${(size / 1024 / 1024).toFixed(0)} MB; plans over ${MAX_PLAN_BYTES / 1024 / 1024} MB are not checked. Split it into one plan per file.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { file, ok: true, size, mtimeMs, findings: [{ rule: 'yaml-syntax', severity: level && level !== 'off' ? level : 'error', message, range }] };
  }

  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { file, ok: false, error: ioReason(error) };
  }
  const hash = wantHash || task.knownHash ? hashBytes(bytes) : undefined;
  if (task.knownHash && hash === task.knownHash) return { file, ok: true, size, mtimeMs, hash, unchanged: true, findings: [] };

  let findings: Finding[];
  try {
    const parsed = parsePlan(decodeText(bytes));
    const advice = parsed.plan.advice.some((a) => a.file) ? await loadAdvice(file, parsed.plan.advice, adviceStore) : undefined;
    findings = checkPlan(parsed, { config, advice }).map(plain);
  } catch (error) {
    // The core reports problems as findings; this is the last guard (say, YAML nested so deep
    // that the parser runs out of stack), so one odd file cannot stop a caseload run.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : 'of an internal error; please report this';
    findings = [{ rule: 'yaml-syntax', severity: 'error', message: `This file could not be checked because ${reason}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  return { file, ok: true, size, mtimeMs, ...(hash ? { hash } : {}), findings };
}

/** The CLI prints no fixes: keep findings small for the worker messages and the cache. */
function plain(f: Finding): Finding {
  return { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
}

/**
 * The size and time of each advice file a plan may name (every `file:` value), for the cache key:
 * a changed report is a changed plan. Over-inclusive is fine: it only costs a re-check.
 */
export function adviceStamps(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  if (!text.includes('file:')) return '';
  let out = '';
  for (const m of text.matchAll(/^\s*-?\s*file:\s*["']?([^"'#\r\n]+?)["']?\s*(?:#.*)?$/gm)) {
    try {
      const st = statSync(resolve(dirname(file), m[1]!));
      out += `|${st.size}:${st.mtimeMs}`;
    } catch {
      out += '|-';
    }
  }
  return out;
}
