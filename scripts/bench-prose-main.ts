/** Entry point bundled by scripts/bench-prose.mjs: the cost of the accuracy and plain-English checks. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlan } from '../server/src/core/check';
import { parsePlan } from '../server/src/core/parse';
import { CaseloadIndex, summarisePlan } from '../server/src/core/prose/caseload';
import { loadDictionary } from '../server/src/prose/dictionary';

const PROSE = ['other-child-name', 'child-name-misspelt', 'pronoun-mismatch', 'copied-text', 'unexplained-acronym', 'spelling', 'hard-to-read'];

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function main(root: string, caseloadDir: string): void {
  let t = process.hrtime.bigint();
  const words = loadDictionary(root);
  const load = ms(t);
  if (!words) throw new Error('the dictionary files are missing: run npm run build');
  const files = readdirSync(caseloadDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ehcp.yaml')).map((f) => join(caseloadDir, f)).sort();
  const parsed = files.map((f) => parsePlan(readFileSync(f, 'utf8')));
  t = process.hrtime.bigint();
  const index = new CaseloadIndex(parsed.map((p, i) => summarisePlan(p, files[i]!, files[i]!)));
  const indexMs = ms(t);
  const off = Object.fromEntries(PROSE.map((id) => [id, 'off' as const]));
  const run = (withProse: boolean) => {
    const start = process.hrtime.bigint();
    parsed.forEach((p, i) => checkPlan(p, withProse ? { caseload: index.view(files[i]!), words } : { config: { rules: off } }));
    return ms(start);
  };
  run(true); // warm-up, fills the suggestion cache as an editor session would
  const without = Math.min(run(false), run(false));
  const withProse = Math.min(run(true), run(true));
  // Each prose rule alone, the others off.
  const perRule = PROSE.map((id) => {
    const only = Object.fromEntries(PROSE.filter((x) => x !== id).map((x) => [x, 'off' as const]));
    const start = process.hrtime.bigint();
    parsed.forEach((p, i) => checkPlan(p, { caseload: index.view(files[i]!), words, config: { rules: only } }));
    return `${id} ${((ms(start) - without) / parsed.length).toFixed(2)}`;
  });
  // The typing path: the same (largest) plan checked again and again, as after each keystroke.
  const big = parsed.reduce((a, b) => (a.text.length > b.text.length ? a : b));
  for (let i = 0; i < 20; i++) checkPlan(big, { caseload: index.view('x'), words });
  t = process.hrtime.bigint();
  for (let i = 0; i < 100; i++) checkPlan(big, { config: { rules: off } });
  const bigWithout = ms(t) / 100;
  t = process.hrtime.bigint();
  for (let i = 0; i < 100; i++) checkPlan(big, { caseload: index.view('x'), words });
  const bigMs = ms(t) / 100;
  console.log(`prose checks: dictionary load ${load.toFixed(0)} ms (once per process, off the typing path); caseload index of ${files.length} plans ${indexMs.toFixed(0)} ms`);
  console.log(`prose checks: ${files.length} plans checked in ${without.toFixed(0)} ms without them, ${withProse.toFixed(0)} ms with them (+${(((withProse - without) / without) * 100).toFixed(0)} %, ${((withProse - without) / files.length).toFixed(2)} ms a plan); largest plan (${big.text.split('\n').length} lines) re-checked: ${bigWithout.toFixed(2)} ms without them, ${bigMs.toFixed(2)} ms with them`);
  console.log(`prose checks: ms a plan by rule: ${perRule.join(', ')}`);
}
