/**
 * Quick fixes: the fixes the rules attach to their findings (replace a vague phrase, add a
 * quantity template, "Add provision for N2", "Add outcome for N2", "Link to need N1", did-you-mean
 * for unknown references, move to the right section), offered for the findings under the cursor.
 * The rules build the edits; this module only selects, orders and de-duplicates them.
 */
import { intersects } from './cursor';
import type { ParsedPlan } from './parse';
import type { Finding, Fix, FixCommand, Range, TextEdit } from './types';

export interface CodeAction {
  title: string;
  kind: 'quickfix';
  edits: TextEdit[];
  /** The one obvious fix for its finding (the editor may apply it with a single key press). */
  isPreferred: boolean;
  /** The edit leaves `__` placeholders for the writer to fill in. */
  isTemplate: boolean;
  /** The finding this fixes. */
  finding: Finding;
  /** Run after the edits, when the fix has one. */
  command?: FixCommand;
}

/** Quick fixes for the findings that overlap `range`, in finding order, preferred fixes first within each. */
export function getCodeActions(parsed: ParsedPlan, range: Range, findings: readonly Finding[]): CodeAction[] {
  void parsed;
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    if (!finding.fixes || finding.fixes.length === 0 || !intersects(finding.range, range)) continue;
    for (const fix of finding.fixes) {
      if (!isFix(fix)) continue;
      const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}\u0000${JSON.stringify(fix.command ?? null)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const action: CodeAction = { title: fix.title, kind: 'quickfix', edits: fix.edits, isPreferred: finding.fixes.length === 1, isTemplate: fix.isTemplate === true, finding };
      if (fix.command && typeof fix.command.command === 'string') action.command = fix.command;
      actions.push(action);
    }
  }
  return actions;
}

/** A fix as data, checked (fixes can arrive from a client as diagnostic data). */
export function isFix(value: unknown): value is Fix {
  if (!value || typeof value !== 'object') return false;
  const f = value as Partial<Fix>;
  return (
    typeof f.title === 'string' &&
    Array.isArray(f.edits) &&
    f.edits.every((e) => !!e && typeof e.newText === 'string' && !!e.range && typeof e.range.start?.line === 'number' && typeof e.range.start?.character === 'number' && typeof e.range.end?.line === 'number' && typeof e.range.end?.character === 'number')
  );
}
