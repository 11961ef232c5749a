import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, visit, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../server/src/core/parse';
import { diffPlans } from '../../../server/src/review/diff';
import { formatPlanText } from '../../../server/src/review/fmt';
import { BASE } from './plans';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function plans(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...plans(full));
    else if (/\.ehcp\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/** Every comment's text, in order of appearance in the file. */
function comments(text: string): string[] {
  const found: string[] = [];
  for (const d of parseAllDocuments(text) as unknown as { commentBefore?: string | null; comment?: string | null }[]) {
    for (const c of [d.commentBefore, d.comment]) if (c) found.push(...c.split('\n').map((l) => l.trim()).filter(Boolean));
    visit(d as never, {
      Node: (_k, n) => {
        for (const c of [(n as Node).commentBefore, (n as Node).comment]) if (c) found.push(...c.split('\n').map((l) => l.trim()).filter(Boolean));
      },
    });
  }
  return found;
}

const files = [...plans(path.join(root, 'examples')), ...plans(path.join(root, 'test', 'fixtures'))];

describe('ehcp fmt on every example and fixture', () => {
  it('finds the examples and fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    const rel = path.relative(root, file);
    it(`${rel}: same values, same comments, idempotent, no change for the child`, () => {
      const text = readFileSync(file, 'utf8');
      const result = formatPlanText(text);
      if (parsePlan(text).hasSyntaxErrors) {
        expect(result.ok).toBe(false);
        return;
      }
      if (!result.ok) throw new Error(`${rel}: ${result.reason}`);
      expect(parseAllDocuments(result.text).map((d) => d.toJS())).toEqual(parseAllDocuments(text).map((d) => d.toJS()));
      // Every comment is kept, in the same order (keys are re-ordered only within an item).
      expect(comments(result.text).sort()).toEqual(comments(text).sort());
      const again = formatPlanText(result.text);
      expect(again.ok && again.text).toBe(result.text);
      expect(again.ok && again.changed).toBe(false);
      expect(diffPlans(parsePlan(text), parsePlan(result.text)).status).toBe('unchanged');
    });
  }
});

describe('the canonical layout', () => {
  const messy = `# Rowan's plan: a comment at the top stays at the top.
ehcp: 1
needs:
- text: Rowan finds it hard to follow spoken instructions of more than two steps and to tell events in order, and often copies other children.
  id: N1
  # a comment about the area
  area: communication and interaction
  section: B
plan: {status: final, caseworker: B. Moss, local_authority: Northshire County Council}
child:
  known_as: Rowan
  name: "Rowan Test-Ellis"
  pronouns: they/them
  date_of_birth: 2017-05-09
outcomes: []
provision:
  - needs:
      - N1
    id: P1
    section: F
    text: "Therapy from a Speech and Language Therapist, 45 minutes once a week, 38 weeks a year."  # ehcp-disable-line provision-no-provider
    custom_note: kept
views:
  child: |
    I like trains.
    I do not like loud rooms.
`;

  it('orders fields, uses [N1] lists, folds long prose and keeps each comment with its field', () => {
    const r = formatPlanText(messy);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe(`# Rowan's plan: a comment at the top stays at the top.
ehcp: 1

child:
  name: Rowan Test-Ellis
  known_as: Rowan
  pronouns: they/them
  date_of_birth: 2017-05-09

plan:
  local_authority: Northshire County Council
  caseworker: B. Moss
  status: final

views:
  child: |
    I like trains.
    I do not like loud rooms.

needs:
  - id: N1
    section: B
    # a comment about the area
    area: communication and interaction
    text: >-
      Rowan finds it hard to follow spoken instructions of more than two steps
      and to tell events in order, and often copies other children.

outcomes: []

provision:
  - id: P1
    section: F
    needs: [N1]
    text: Therapy from a Speech and Language Therapist, 45 minutes once a week, 38 weeks a year. # ehcp-disable-line provision-no-provider
    custom_note: kept
`);
  });

  it('keeps Windows line endings', () => {
    const r = formatPlanText(BASE.replace(/\n/g, '\r\n'));
    expect(r.ok && r.text.includes('\r\n') && !/[^\r]\n/.test(r.text)).toBe(true);
  });

  it('refuses, with a reason, what it cannot format safely', () => {
    expect(formatPlanText('ehcp: 1\nchild:\n\tname: x\n')).toEqual({ ok: false, reason: expect.stringMatching(/error at line 3/) });
    expect(formatPlanText('a: &x hello\nb: *x\n')).toEqual({ ok: false, reason: expect.stringMatching(/aliases/) });
    expect(formatPlanText('ehcp: 1\n---\nehcp: 1\n')).toEqual({ ok: false, reason: expect.stringMatching(/more than one/) });
    expect(formatPlanText('- just\n- a list\n').ok).toBe(false);
  });

  it('never alters awkward values: spaces, quotes, colons, hashes, numbers as text, empty lines in blocks', () => {
    const awkward = `ehcp: 1
child:
  name: "  two leading spaces"
  known_as: "007"
  pronouns: 'yes'
  date_of_birth: "2017-05-09"
views:
  child: "Priya said: I like art # not a comment"
  parents: "line one\\n\\n  indented line\\n"
  history: "${'a very long line with trailing space '.repeat(4)} "
needs: []
outcomes: []
provision: []
`;
    const r = formatPlanText(awkward);
    if (!r.ok) throw new Error(r.reason);
    expect(parseAllDocuments(r.text)[0]!.toJS()).toEqual(parseAllDocuments(awkward)[0]!.toJS());
    const again = formatPlanText(r.text);
    expect(again.ok && again.text).toBe(r.text);
  });
});
