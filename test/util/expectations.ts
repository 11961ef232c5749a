import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../server/src/core/types';

/**
 * Expected findings written in a fixture as YAML comments:
 * `# expect: rule-a, rule-b` at the end of the line where each finding starts, or
 * `# expect-next-line: rule-a` on the line above, or `# expect+N: rule-a` N lines below (for
 * block scalar content, which cannot hold a comment). Returns sorted `line:rule` keys, 1-based.
 */
export function expectedFindings(text: string): string[] {
  const keys: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect(-next-line|\+\d+)?:\s*([a-z][a-z0-9-]*(?:\s*,\s*[a-z][a-z0-9-]*)*)\s*$/.exec(line);
    if (!m) return;
    const below = m[1] === '-next-line' ? 1 : m[1] ? Number(m[1].slice(1)) : 0;
    for (const rule of m[2]!.split(',')) keys.push(`${i + 1 + below}:${rule.trim()}`);
  });
  return keys.sort();
}

export function actualFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line + 1}:${f.rule}`).sort();
}

/** Every *.ehcp.yaml / *.ehcp.yml under a folder. */
export function planFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...planFiles(path));
    else if (/\.ehcp\.ya?ml$/.test(name)) out.push(path);
  }
  return out.sort();
}

export const read = (path: string): string => readFileSync(path, 'utf8');
