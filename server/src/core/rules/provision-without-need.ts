import { isMap, isScalar, isSeq } from 'yaml';
import type { ParsedPlan, ProvisionItem } from '../parse';
import type { Rule } from '../rule';
import type { Fix, TextEdit } from '../types';

/** Provision in F must meet a need in B (and G/H a need in C/D); otherwise nothing shows why it is there. */
export const provisionWithoutNeed: Rule = {
  id: 'provision-without-need',
  severity: 'warning',
  description: 'A provision item that meets no need.',
  check({ parsed, plan, report }) {
    for (const item of plan.provision) {
      if (item.needs.length > 0) continue;
      const fixes: Fix[] = [];
      for (const need of plan.needs.slice(0, 8)) {
        if (!need.id) continue;
        const edit = linkEdit(parsed, item, need.id.value);
        if (edit) fixes.push({ title: `Link to need ${need.id.value}${need.text ? `: ${excerpt(need.text.value)}` : ''}`, edits: [edit] });
      }
      const name = item.id ? `Provision ${item.id.value}` : 'This provision';
      report(item.id?.range ?? item.range, `${name} meets no need. Add the needs it meets, for example needs: [N1], or remove it if no need calls for it.`, fixes);
    }
  },
};

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** Sets `needs: [id]`: fills an empty list, or adds the key after `id:`. */
function linkEdit(parsed: ParsedPlan, item: ProvisionItem, id: string): TextEdit | undefined {
  const { index } = parsed;
  const pair = item.node.items.find((p) => isScalar(p.key) && p.key.value === 'needs');
  if (pair) {
    const value = pair.value;
    if ((isSeq(value) && value.items.length === 0) || (isScalar(value) && (value.value === null || value.value === ''))) {
      const r = value.range;
      if (r && r[1] > r[0]) return { range: index.range(r[0], r[1]), newText: `[${id}]` };
      const keyEnd = (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
      const colon = parsed.text.indexOf(':', keyEnd);
      return { range: index.range(colon + 1, colon + 1), newText: ` [${id}]` };
    }
    return undefined;
  }
  if (!isMap(item.node) || !item.id?.node.range) return undefined;
  const first = item.node.items[0]?.key as { range?: [number, number, number] } | undefined;
  const column = first?.range ? index.positionAt(first.range[0]).character : 0;
  const idLine = item.id.range.end.line;
  const end = { line: idLine, character: index.lineText(idLine).length };
  const eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: end, end }, newText: `${eol}${' '.repeat(column)}needs: [${id}]` };
}
