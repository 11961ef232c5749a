import { describe, expect, it } from 'vitest';
import { getCodeLenses } from '../../../server/src/core/codelens';
import {
  getDefinition,
  getDocumentSymbols,
  getFoldingRanges,
  getReferences,
  getRenameEdits,
  getWorkspaceSymbols,
  prepareRename,
  type DocumentSymbol,
} from '../../../server/src/core/navigation';
import { parsePlan } from '../../../server/src/core/parse';
import { applyEdits } from '../../util/edits';
import { cursor } from './cursor-helpers';
import { edit, PLAN } from './fixtures';

const lineOf = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  text.split(/\r?\n/)[range.start.line]!.slice(range.start.character, range.end.character);

describe('go to definition and references', () => {
  it('goes from a need reference to the need', () => {
    const { parsed, position, text } = cursor(edit('    needs: [N1]\n    outcomes', '    needs: [N|1]\n    outcomes'));
    const [target] = getDefinition(parsed, position);
    expect(target).toBeDefined();
    expect(lineOf(text, target!.targetSelectionRange)).toBe('N1');
    expect(target!.targetSelectionRange.start.line).toBe(18);
    expect(target!.targetRange).toEqual({ start: { line: 18, character: 4 }, end: { line: 24, character: 24 } });
  });

  it('goes from evidence to the advice entry', () => {
    const { parsed, position, text } = cursor(edit('[salt#3.2]', '[sa|lt#3.2]'));
    const [target] = getDefinition(parsed, position);
    expect(lineOf(text, target!.originRange)).toBe('salt');
    expect(target!.targetSelectionRange.start.line).toBe(11);
  });

  it('finds every reference to a need, with or without its declaration', () => {
    const { parsed, position } = cursor(edit('  - id: N1', '  - id: N|1'));
    expect(getReferences(parsed, position, true).map((r) => r.start.line)).toEqual([18, 31, 36]);
    expect(getReferences(parsed, position, false).map((r) => r.start.line)).toEqual([31, 36]);
  });

  it('finds nothing on prose', () => {
    const { parsed, position } = cursor(edit('Ellis reads about', 'Ellis re|ads about'));
    expect(getReferences(parsed, position)).toEqual([]);
    expect(getDefinition(parsed, position)).toEqual([]);
  });
});

describe('rename', () => {
  it('renames a need and every reference to it', () => {
    const { parsed, position, text } = cursor(edit('    needs: [N1]\n    outcomes', '    needs: [|N1]\n    outcomes'));
    expect(prepareRename(parsed, position)).toMatchObject({ placeholder: 'N1' });
    const result = getRenameEdits(parsed, position, 'N-listening');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(text, result.edits)).toBe(PLAN.replace('id: N1', 'id: N-listening').replace('needs: [N1]', 'needs: [N-listening]').replace('needs: [N1]', 'needs: [N-listening]'));
  });

  it('renames the advice id in evidence and keeps the paragraph', () => {
    const { parsed, position, text } = cursor(edit('  - id: salt', '  - id: sa|lt'));
    const result = getRenameEdits(parsed, position, 'slt');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(text, result.edits)).toBe(PLAN.replace('id: salt', 'id: slt').replace('[salt#3.2]', '[slt#3.2]').replace('[salt#R3]', '[slt#R3]'));
  });

  it('keeps quotes around a quoted reference', () => {
    const quoted = edit('    evidence: [salt#R3]', '    evidence: ["salt#R3"]');
    const { parsed, position, text } = cursor(edit('  - id: salt', '  - id: |salt', quoted));
    const result = getRenameEdits(parsed, position, 'slt');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(text, result.edits)).toContain('    evidence: ["slt#R3"]');
  });

  it('rejects a name that is taken, malformed or not a string', () => {
    const { parsed, position } = cursor(edit('  - id: N1', '  - id: N|1'));
    expect(getRenameEdits(parsed, position, 'N2')).toEqual({ error: 'The id "N2" is already used by the need on line 26. Ids must be unique in a plan.' });
    expect(getRenameEdits(parsed, position, 'need one')).toHaveProperty('error');
    expect(getRenameEdits(parsed, position, 'salt#1')).toHaveProperty('error');
    expect((getRenameEdits(parsed, position, '12') as { error: string }).error).toContain('would be read as a number');
  });

  it('refuses to rename what is not an id', () => {
    const { parsed, position } = cursor(edit('    section: F', '    sec|tion: F'));
    expect(prepareRename(parsed, position)).toHaveProperty('error');
  });

  it('works with CRLF and emoji before the id', () => {
    const text = edit('    needs: [N1]\n    outcomes', '    needs: ["🌟", N|1]\n    outcomes').replace(/\n/g, '\r\n');
    const { parsed, position, text: clean } = cursor(text);
    const result = getRenameEdits(parsed, position, 'N9');
    if ('error' in result) throw new Error(result.error);
    expect(applyEdits(clean, result.edits)).toContain('    needs: ["🌟", N9]\r\n');
    expect(applyEdits(clean, result.edits)).toContain('  - id: N9\r\n');
  });
});

describe('outline', () => {
  const names = (symbols: DocumentSymbol[]): unknown => symbols.map((s) => (s.children.length > 0 ? { [s.name]: names(s.children) } : s.name));

  it('nests outcomes and provision under each need', () => {
    const symbols = getDocumentSymbols(parsePlan(PLAN));
    expect(names(symbols)).toEqual([
      'Child',
      'Plan',
      { 'Advice (Section K)': ['salt: Speech and Language Therapist', 'ep: Educational Psychologist'] },
      {
        'Needs (Sections B, C, D)': [
          { 'N1: Ellis finds it hard to follow spoken instructions of more t…': ['O1: By July 2027, Ellis will follow three-step classroom instru…', 'P1: Direct 1:1 speech and language therapy from an HCPC-registe…'] },
          'N2: Ellis reads about two years behind his age.',
        ],
      },
      { 'Outcomes (Section E)': ['O1: By July 2027, Ellis will follow three-step classroom instru…'] },
      { 'Provision (Sections F, G, H)': ['P1: Direct 1:1 speech and language therapy from an HCPC-registe…'] },
    ]);
    expect(symbols[0]!.detail).toBe('Ellis Moreno');
    expect(symbols[3]!.children[0]!.detail).toBe('Section B · communication and interaction');
  });

  it('still has an outline for the parts that parse when there is a syntax error', () => {
    const broken = edit('    text: Ellis reads about two years behind his age.', '    text: Ellis reads about two years behind his age.\n   area: [mis-indented');
    const parsed = parsePlan(broken);
    expect(parsed.hasSyntaxErrors).toBe(true);
    const symbols = getDocumentSymbols(parsed);
    expect(symbols.map((s) => s.name)).toContain('Needs (Sections B, C, D)');
    expect(symbols.find((s) => s.name.startsWith('Needs'))!.children.map((c) => c.name.slice(0, 2))).toEqual(expect.arrayContaining(['N1', 'N2']));
  });
});

describe('workspace symbols', () => {
  it('lists needs across a caseload, named by child', () => {
    const other = PLAN.replace('Ellis Moreno', 'Zoë Ahmed').replace('known_as: Ellis', 'known_as: Zoë 🌟');
    const plans = [
      { uri: 'file:///caseload/ellis.ehcp.yaml', parsed: parsePlan(PLAN) },
      { uri: 'file:///caseload/zoe.ehcp.yaml', parsed: parsePlan(other) },
    ];
    const zoe = getWorkspaceSymbols(plans, 'zoe n2');
    expect(zoe.map((s) => s.name)).toEqual(['Zoë 🌟 — N2: Ellis reads about two years behind his age.']);
    expect(zoe[0]).toMatchObject({ uri: 'file:///caseload/zoe.ehcp.yaml', kind: 'need', containerName: 'Zoë Ahmed' });
    expect(getWorkspaceSymbols(plans, '').length).toBe(14);
  });
});

describe('folding', () => {
  it('folds blocks, items and block scalars', () => {
    const ranges = getFoldingRanges(parsePlan(PLAN)).map((r) => `${r.startLine}-${r.endLine}`);
    expect(ranges).toEqual(['1-5', '6-9', '10-16', '11-14', '15-16', '17-28', '18-24', '21-23', '25-28', '29-32', '30-32', '33-39', '34-39']);
    expect(ranges).not.toContain('0-0');
  });

  it('folds comment runs and still folds with a syntax error', () => {
    const text = '# Ellis Moreno\n# Year 2\n' + edit('  - id: N2', '  - id: N2\n    text: "unclosed');
    const ranges = getFoldingRanges(parsePlan(text));
    expect(ranges[0]).toEqual({ startLine: 0, endLine: 1, kind: 'comment' });
    // The unclosed quote swallows the rest for YAML, but indentation still shows the blocks.
    expect(ranges.map((r) => `${r.startLine}-${r.endLine}`)).toEqual(expect.arrayContaining(['27-31', '32-35', '36-42']));
  });
});

describe('code lenses', () => {
  it('counts the outcomes and provision linked to each need', () => {
    const lenses = getCodeLenses(parsePlan(PLAN));
    expect(lenses.map((l) => `${l.range.start.line} ${l.needId}: ${l.title}`)).toEqual(['18 N1: 1 outcome · 1 provision item', '25 N2: no outcomes · no provision']);
    expect(lenses[0]!.targets.map((t) => t.start.line)).toEqual([30, 34]);
  });
});
