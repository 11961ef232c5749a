/** Types for scripts/bench-plan.mjs (the benchmark's plan and edits, shared with the tests). */
export interface Key {
  at: number;
  remove: number;
  insert: string;
}
export interface Session {
  kind: string;
  keys: Key[];
}
export function seeded(seed: number): { next(): number; int(n: number): number; pick<T>(list: readonly T[]): T };
export function realisticPlan(lines?: number, seed?: number): string;
export function editSessions(text: string): Session[];
export function applyKey(text: string, key: Key): string;
