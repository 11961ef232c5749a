/** What a run found, in output order, ready for a formatter. */
import type { Finding, Severity } from '../core/types';

export interface FileReport {
  /** Display path: relative to the working folder, forward slashes. */
  file: string;
  /** Sorted by position. */
  findings: Finding[];
  /** False for a configuration file. */
  isPlan: boolean;
}

export interface RunReport {
  /** Files with findings, sorted by path. */
  files: FileReport[];
  /** How many plans were checked. */
  planCount: number;
  /** The working folder (absolute), for SARIF's base URI. */
  cwd: string;
}

export interface Counts {
  problems: number;
  error: number;
  warning: number;
  /** information and hint together. */
  note: number;
}

export function countFindings(files: readonly FileReport[]): Counts {
  const counts: Counts = { problems: 0, error: 0, warning: 0, note: 0 };
  for (const f of files) {
    for (const finding of f.findings) {
      counts.problems++;
      counts[noteLevel(finding.severity)]++;
    }
  }
  return counts;
}

export function noteLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' || severity === 'warning' ? severity : 'note';
}
