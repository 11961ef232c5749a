/**
 * The caseload the CLI's name and copied-text checks compare each plan with: the plans it was
 * given, and every plan under the folder of the `.ehcprc.yaml` that applies to them (the
 * caseload folder). Each plan is read and summarised once: names and sentence fingerprints.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parsePlan, MAX_PLAN_BYTES } from '../core/parse';
import { summarisePlan, type CaseloadPlan } from '../core/prose/caseload';
import { findPlans, type PlanFile } from './files';
import { decodeText } from './io';

/** Summaries of the caseload's plans; files that cannot be read are left out (checkFile reports them). */
export function caseloadFor(plans: readonly PlanFile[], caseloadDirs: Iterable<string>, cwd: string): CaseloadPlan[] {
  const all = new Map<string, PlanFile>();
  for (const p of plans) all.set(p.abs, p);
  for (const dir of caseloadDirs) {
    try {
      for (const p of findPlans([dir], cwd)) if (!all.has(p.abs)) all.set(p.abs, p);
    } catch {
      // A caseload folder with no plans, or one that cannot be read: nothing to add.
    }
  }
  const out: CaseloadPlan[] = [];
  for (const p of all.values()) {
    try {
      const stats = statSync(p.abs);
      if (!stats.isFile() || stats.size > MAX_PLAN_BYTES) continue; // never read a FIFO or a device: it could block
      const parsed = parsePlan(decodeText(readFileSync(p.abs)));
      out.push(summarisePlan(parsed, path.basename(p.abs), p.abs));
    } catch {
      // Unreadable: checkFile says why for the plans that were asked for.
    }
  }
  return out;
}

/** A short digest of the caseload, part of the cache key: when another plan changes, findings may too. */
export function caseloadKey(caseload: readonly CaseloadPlan[]): string {
  let h = 2166136261;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 0x1f, 16777619);
  };
  for (const p of [...caseload].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    mix(p.id);
    mix(p.knownAs ?? '');
    mix(p.name ?? '');
    for (const s of p.sentences) mix(s);
  }
  return (h >>> 0).toString(36);
}
