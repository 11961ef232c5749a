// The benchmarks' shared caseload: 450 generated fictional plans in bench/generated (git-ignored),
// made by scripts/gen-caseload.mjs when missing or incomplete.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './load-ts.mjs';

export const CASELOAD = join(ROOT, 'bench', 'generated');

const planFiles = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => /\.ehcp\.ya?ml$/.test(f)).map((f) => join(dir, f)).sort() : []);

/** The generated caseload's plan files (absolute paths, sorted), generating it first if needed. */
export function generatedCaseload(plans = 450) {
  if (planFiles(CASELOAD).length !== plans) {
    rmSync(CASELOAD, { recursive: true, force: true });
    mkdirSync(CASELOAD, { recursive: true });
    const gen = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-caseload.mjs'), CASELOAD, '--plans', String(plans)], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (gen.status !== 0) throw new Error('the caseload generator failed');
  }
  return planFiles(CASELOAD);
}
