import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/src/core/check';
import { allRuleIds, ruleDocPath } from '../../server/src/core/rules/index';
import type { Finding } from '../../server/src/core/types';
import { applyEdits } from '../util/edits';
import { checkWithAdvice } from '../util/advice';
import { actualFindings, expectedFindings, read } from '../util/expectations';

const fixtures = join(__dirname, '../fixtures/rules');

describe('every rule has a doc and a fixture', () => {
  for (const id of allRuleIds) {
    it(id, () => {
      expect(existsSync(join(__dirname, '../..', ruleDocPath(id))), `docs for ${id}`).toBe(true);
      const dir = join(fixtures, id);
      const files = readdirSync(dir);
      expect(files.some((f) => read(join(dir, f)).includes(id))).toBe(true);
    });
  }
});

describe('the clean plan has no findings', () => {
  it('test/fixtures/plans/clean.ehcp.yaml', () => {
    expect(checkText(read(join(__dirname, '../fixtures/plans/clean.ehcp.yaml')))).toEqual([]);
  });
});

describe('rule fixtures find exactly what their comments expect', () => {
  for (const id of allRuleIds) {
    for (const file of readdirSync(join(fixtures, id)).filter((f) => /\.ehcp\.ya?ml$/.test(f))) {
      it(`${id}/${file}`, async () => {
        const text = read(join(fixtures, id, file));
        expect(actualFindings(await checkWithAdvice(join(fixtures, id, file), text))).toEqual(expectedFindings(text));
      });
    }
  }
});

describe('fixes', () => {
  const fixesOf = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule).flatMap((f) => f.fixes ?? []);

  it('"Add provision for N2" inserts a stub that meets the need', () => {
    const text = read(join(fixtures, 'need-without-provision/flawed.ehcp.yaml'));
    const [fix] = fixesOf(checkText(text), 'need-without-provision');
    expect(fix?.title).toBe('Add provision for N2');
    const after = applyEdits(text, fix!.edits);
    expect(after).toContain('  - id: P2\n    section: F\n    needs: [N2]\n    text: __');
    expect(checkText(after).filter((f) => f.rule === 'need-without-provision' || f.rule === 'schema' || f.rule === 'yaml-syntax')).toEqual([]);
  });

  it('"Add outcome for N2" names the child and leaves the time frame to fill in', () => {
    const text = read(join(fixtures, 'need-without-outcome/flawed.ehcp.yaml'));
    const [fix] = fixesOf(checkText(text), 'need-without-outcome');
    const after = applyEdits(text, fix!.edits);
    expect(after).toContain('  - id: O2\n    needs: [N2]\n    text: By __ (month and year), Tomasz will __.');
    expect(checkText(after).filter((f) => f.rule === 'need-without-outcome' || f.rule === 'schema')).toEqual([]);
  });

  it('did-you-mean fixes an unknown reference', () => {
    const text = read(join(fixtures, 'unknown-reference/flawed.ehcp.yaml'));
    const findings = checkText(text).filter((f) => f.rule === 'unknown-reference');
    expect(findings.map((f) => f.message).join('\n')).toMatch(/Did you mean "N1"\?/);
    const evidence = findings.find((f) => f.message.includes('"edp"'))!;
    expect(evidence.fixes?.[0]?.title).toBe('Change to ep#4.3');
    const after = applyEdits(text, evidence.fixes![0]!.edits);
    expect(after).toContain('evidence: [ep#4.2, ep#4.3]');
  });

  it('"Link to need N1" fills an empty needs list', () => {
    const text = read(join(fixtures, 'provision-without-need/flawed.ehcp.yaml'));
    const [fix] = fixesOf(checkText(text), 'provision-without-need');
    expect(fix?.title).toMatch(/^Link to need N1: Tomasz finds it hard/);
    const after = applyEdits(text, fix!.edits);
    expect(checkText(after)).toEqual([]);
  });

  it('"Link to need" adds the needs key when it is missing', () => {
    const text = read(join(fixtures, 'provision-without-need/flawed.ehcp.yaml')).replace('    needs: []\n', '');
    const findings = checkText(text).filter((f) => f.rule === 'provision-without-need');
    const after = applyEdits(text, findings[0]!.fixes![0]!.edits);
    expect(after).toContain('  - id: P2  # expect: provision-without-need\n    needs: [N1]\n    section: F');
    expect(checkText(after)).toEqual([]);
  });

  it('moving speech and language therapy to F clears the finding', () => {
    const text = read(join(fixtures, 'provision-wrong-section/flawed.ehcp.yaml'));
    const finding = checkText(text).find((f) => f.rule === 'provision-wrong-section' && f.message.includes('speech and language'))!;
    const after = applyEdits(text, finding.fixes![0]!.edits);
    expect(after).toContain('section: F  # expect: provision-wrong-section');
  });

  it('quantity fixes insert a template before the closing full stop', () => {
    const text = read(join(fixtures, 'provision-no-frequency/flawed.ehcp.yaml'));
    const [fix] = fixesOf(checkText(text), 'provision-no-frequency');
    const after = applyEdits(text, fix!.edits);
    expect(after).toContain('with a trained Teaching Assistant, __ times a week.  # expect');
  });
});

describe('configuration', () => {
  const text = read(join(fixtures, 'provision-no-provider/flawed.ehcp.yaml'));
  it('switches a rule off', () => {
    expect(checkText(text, { config: { rules: { 'provision-no-provider': 'off' } } })).toEqual([]);
  });
  it('changes a severity', () => {
    expect(checkText(text, { config: { rules: { 'provision-no-provider': 'error' } } })[0]?.severity).toBe('error');
  });
  it('adds vague phrases', () => {
    const clean = read(join(__dirname, '../fixtures/plans/clean.ehcp.yaml'));
    const found = checkText(clean, { config: { extraVaguePhrases: ['precision teaching'] } });
    expect(found.map((f) => f.rule)).toContain('provision-vague');
  });
  it('honours ehcp-disable-next-line and ehcp-disable-line comments', () => {
    const suppressed = text.replace('    text: Precision', '    # ehcp-disable-next-line provision-no-provider\n    text: Precision');
    expect(checkText(suppressed)).toEqual([]);
    const other = text.replace('    text: Precision', '    # ehcp-disable-next-line provision-vague\n    text: Precision');
    expect(checkText(other).map((f) => f.rule)).toEqual(['provision-no-provider']);
  });
});
