/**
 * A lens above each need: how many outcomes and provision items are linked to it (the golden
 * thread B → E → F), with the places to list when it is clicked.
 */
import type { ParsedPlan } from './parse';
import { buildThread } from './thread';
import type { Position, Range } from './types';

/** The command a need's lens runs; the server answers it with the linked locations. */
export const LIST_LINKED_COMMAND = 'ehcp.listLinked';

export interface NeedLens {
  /** The need's first line. */
  range: Range;
  needId: string;
  /** "2 outcomes · 3 provision items", "no outcomes · no provision". */
  title: string;
  /** Where the lens's list should open. */
  position: Position;
  /** The ids of the linked outcomes, then provision, in plan order. */
  targets: Range[];
}

const count = (n: number, one: string, many: string, none: string) => (n === 0 ? none : `${n} ${n === 1 ? one : many}`);

export function getCodeLenses(parsed: ParsedPlan): NeedLens[] {
  const thread = buildThread(parsed.plan);
  const lenses: NeedLens[] = [];
  for (const need of parsed.plan.needs) {
    if (!need.id) continue;
    const id = need.id.value;
    const outcomes = thread.outcomesOf(id);
    const provision = thread.provisionOf(id);
    lenses.push({
      range: { start: need.range.start, end: need.range.start },
      needId: id,
      title: `${count(outcomes.length, 'outcome', 'outcomes', 'no outcomes')} · ${count(provision.length, 'provision item', 'provision items', 'no provision')}`,
      position: need.id.range.start,
      targets: [...outcomes, ...provision].map((item) => item.id?.range ?? item.range),
    });
  }
  return lenses;
}

/** The outcomes and provision linked to a need, for the `ehcp.listLinked` command. */
export function getLinkedRanges(parsed: ParsedPlan, needId: string): Range[] {
  return getCodeLenses(parsed).find((l) => l.needId === needId)?.targets ?? [];
}
