import { describe, expect, it } from 'vitest';
import { getCursorContext } from '../../../server/src/core/cursor';
import { cursor } from './cursor-helpers';

const ctx = (marked: string) => {
  const { parsed, position } = cursor(marked);
  return getCursorContext(parsed, position);
};

const PLAN = `ehcp: 1
child:
  name: Ellis Moreno
  known_as: Ellis
needs:
  - id: N1
    section: B
    text: >-
      Ellis finds it hard to follow
      spoken instructions.
    evidence: [salt#3.2]
  - id: N2
    section: B
    text: Ellis reads slowly.
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Ellis will follow three-step instructions.
provision:
  - id: P1
    section: F
    needs:
      - N1
    text: Speech and language therapy.
`;

function mark(line: string, replacement: string): string {
  if (!PLAN.includes(line)) throw new Error(`no line ${line}`);
  return PLAN.replace(line, replacement);
}

describe('getCursorContext', () => {
  it('finds a key being typed in an item, with the keys already there', () => {
    const c = ctx(mark('    section: B\n    text: Ellis reads', '    section: B\n    ar|\n    text: Ellis reads'));
    expect(c.kind).toBe('key');
    expect(c.path).toEqual(['needs', 1]);
    expect(c.prefix).toBe('ar');
    expect(c.siblingKeys.sort()).toEqual(['id', 'section', 'text']);
  });

  it('finds a value after a key', () => {
    const c = ctx(mark('  - id: N2\n    section: B', '  - id: N2\n    section: |B'));
    expect(c).toMatchObject({ kind: 'value', path: ['needs', 1, 'section'], token: 'B', prefix: '' });
  });

  it('finds an item in a flow list', () => {
    const c = ctx(mark('    needs: [N1]\n    text: By', '    needs: [N1, |]\n    text: By'));
    expect(c).toMatchObject({ kind: 'flow-item', path: ['outcomes', 0, 'needs', 1], listed: ['N1'], token: '' });
  });

  it('finds an item in a block list', () => {
    const c = ctx(mark('      - N1\n', '      - N1\n      - |\n'));
    expect(c).toMatchObject({ kind: 'item', path: ['provision', 0, 'needs', 1], listed: ['N1'] });
  });

  it('knows a block scalar is prose, not keys', () => {
    const c = ctx(mark('      spoken instructions.', '      spoken instr|uctions.'));
    expect(c).toMatchObject({ kind: 'text', path: ['needs', 0, 'text'], token: 'instructions', prefix: 'instr' });
  });

  it('reads a half-typed line in a document with a syntax error', () => {
    const c = ctx(mark('  - id: P1\n    section: F', '  - id: P1\n    section: F\n    outcomes: [O1, "unclosed\n    evid|'));
    expect(c.kind).toBe('key');
    expect(c.path).toEqual(['provision', 0]);
  });

  it('finds top-level keys on a blank line at column 0', () => {
    const c = ctx(PLAN + '|');
    expect(c.kind).toBe('key');
    expect(c.path).toEqual([]);
    expect(c.siblingKeys).toEqual(['ehcp', 'child', 'needs', 'outcomes', 'provision']);
  });

  it('sees nothing in a comment', () => {
    expect(ctx(mark('    section: F', '    section: F # a com|ment')).kind).toBe('none');
  });

  it('handles CRLF line endings', () => {
    const c = ctx(mark('    needs: [N1]\n    text: By', '    needs: [N1, N|]\n    text: By').replace(/\n/g, '\r\n'));
    expect(c).toMatchObject({ kind: 'flow-item', prefix: 'N', token: 'N', listed: ['N1'] });
  });
});
