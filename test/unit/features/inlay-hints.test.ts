import { describe, expect, it } from 'vitest';
import { getInlayHints } from '../../../server/src/core/inlay-hints';
import { parsePlan } from '../../../server/src/core/parse';
import { edit, PLAN } from './fixtures';

const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const P1_TEXT = '    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.';

/** The text with each hint's label inserted at its position, as an editor would show it. */
function shown(text: string, range = ALL): string {
  const lines = text.split(/(?<=\n)/);
  const hints = getInlayHints(parsePlan(text), range);
  for (const h of [...hints].sort((a, b) => b.position.line - a.position.line || b.position.character - a.position.character)) {
    const l = lines[h.position.line]!;
    lines[h.position.line] = `${l.slice(0, h.position.character)} ⟨${h.label}⟩${l.slice(h.position.character)}`;
  }
  return lines.join('');
}

describe('inlay hints', () => {
  it('summarises quantified provision after its text', () => {
    const out = shown(PLAN);
    expect(out).toContain(`${P1_TEXT} ⟨SaLT · weekly · 45 min · 1:1 · 38 wks/yr⟩\n`);
  });

  it('says what is missing', () => {
    const out = shown(edit(P1_TEXT, '    text: Speech and language therapy from a Speech and Language Therapist.'));
    expect(out).toMatch(/Speech and Language Therapist\. ⟨SaLT · ⚠ no frequency, no amount⟩\n/);
  });

  it('goes after a closing quote and at the end of a block scalar, not on the next line', () => {
    const quoted = shown(edit(P1_TEXT, '    text: "Phonics with a Teaching Assistant, 20 minutes daily."'));
    expect(quoted).toContain('20 minutes daily." ⟨TA · daily · 20 min⟩\n');
    const block = shown(edit(P1_TEXT, '    text: >-\n      Phonics with a Teaching Assistant,\n      20 minutes daily.\n'));
    expect(block).toContain('      20 minutes daily. ⟨TA · daily · 20 min⟩\n');
  });

  it('only gives hints in the range asked for, and handles CRLF and emoji', () => {
    expect(getInlayHints(parsePlan(PLAN), { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } })).toEqual([]);
    const crlf = edit(P1_TEXT, '    text: 🌟 Phonics with a Teaching Assistant, 20 minutes daily.').replace(/\n/g, '\r\n');
    const [hint] = getInlayHints(parsePlan(crlf), ALL);
    const line = crlf.split('\r\n')[hint!.position.line]!;
    expect(line.slice(0, hint!.position.character)).toBe(line);
  });
});
