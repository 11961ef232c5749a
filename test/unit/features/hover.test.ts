import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../server/src/core/check';
import { getHover } from '../../../server/src/core/hover';
import { cursor } from './cursor-helpers';
import { edit } from './fixtures';

function hover(marked: string) {
  const { parsed, position, text } = cursor(marked);
  const h = getHover(parsed, position, checkPlan(parsed), { ruleDocUri: (id) => `https://example.org/docs/rules/${id}.md` });
  const lines = text.split('\n');
  return { contents: h?.contents ?? '', covered: h?.range ? lines[h.range.start.line]!.slice(h.range.start.character, h.range.end.line === h.range.start.line ? h.range.end.character : undefined) : undefined };
}

describe('hover', () => {
  it('shows the need a reference names', () => {
    const h = hover(edit('    needs: [N1]\n    text: By', '    needs: [N|1]\n    text: By'));
    expect(h.covered).toBe('N1');
    expect(h.contents).toContain('**N1** · Section B (Special educational needs (SEN)) · communication and interaction');
    expect(h.contents).toContain('> Ellis finds it hard to follow spoken instructions of more than two steps.');
  });

  it('shows the advice and paragraph an evidence reference names', () => {
    const h = hover(edit('[salt#3.2]', '[s|alt#3.2]'));
    expect(h.covered).toBe('salt');
    expect(h.contents).toContain('Speech and Language Therapist (Section K)');
    expect(h.contents).toContain('by M. Quinn, dated 2026-03-10');
    expect(h.contents).toContain('**3.2**');
  });

  it('shows what links to a need on its id', () => {
    const h = hover(edit('  - id: N1', '  - id: |N1'));
    expect(h.contents).toContain('Outcomes: O1 · Provision: P1');
  });

  it('shows what a reader understands from provision text', () => {
    const h = hover(edit('45 minutes once a week', '45 minutes on|ce a week'));
    expect(h.contents).toContain('**What a reader understands from P1**');
    expect(h.contents).toMatch(/\*\*Who:\*\* Speech and Language Therapist/);
    expect(h.contents).toContain('**How often:** once a week');
    expect(h.contents).toContain('**How long:** 45 minutes');
    expect(h.contents).toContain('**Period:** 38 weeks a year');
    expect(h.contents).not.toContain('Missing');
  });

  it('explains a vague phrase, what is missing and the rules, with links to their docs', () => {
    const h = hover(edit('    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.', '    text: Speech and language therapy as req|uired.'));
    expect(h.covered).toBe('as required');
    expect(h.contents).toContain('**“as required” is vague.**');
    expect(h.contents).toContain('**Missing:**');
    expect(h.contents).toContain('[Read about provision-vague](https://example.org/docs/rules/provision-vague.md)');
  });

  it('explains a key and an allowed value', () => {
    expect(hover(edit('    section: F', '    sec|tion: F')).contents).toContain('**section** (required): F (special educational)');
    expect(hover(edit('    section: F', '    section: |F')).contents).toBe('**Section F**: Special educational provision: legally enforceable against the local authority');
  });

  it('escapes plan text so it cannot add links or markup', () => {
    const h = hover(edit('Ellis reads about two years behind his age.', 'Ellis [reads](http://example.org) *about* it.', edit('  - id: O1\n    needs: [N1]', '  - id: O1\n    needs: [N2]')).replace('needs: [N2]', 'needs: [N|2]'));
    expect(h.contents).toContain('Ellis \\[reads\\](http://example.org) \\*about\\* it.');
  });

  it('says nothing on a blank line', () => {
    expect(hover(edit('outcomes:', '|\noutcomes:')).contents).toBe('');
  });
});
