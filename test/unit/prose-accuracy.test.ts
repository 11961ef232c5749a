import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateProse, formatFigures } from '../../scripts/prose-accuracy-eval';
import { loadDictionary } from '../../server/src/prose/dictionary';

/**
 * The labelled prose (test/fixtures/prose-accuracy/) held to its floor: the checks must keep
 * their catches and stay almost silent on correct text. `npm run accuracy` prints the figures.
 */
describe('accuracy and plain-English checks on the labelled prose', () => {
  const figures = evaluateProse(join(__dirname, '../fixtures/prose-accuracy'), loadDictionary());
  const report = formatFigures(figures, true);

  it('covers every check with realistic cases', () => {
    expect(figures.map((f) => f.check).sort()).toEqual(['child-name-misspelt', 'copied-text', 'hard-to-read', 'other-child-name', 'pronoun-mismatch', 'spelling', 'unexplained-acronym']);
    expect(figures.reduce((n, f) => n + f.cases, 0)).toBeGreaterThanOrEqual(120);
  });

  for (const check of ['other-child-name', 'child-name-misspelt', 'pronoun-mismatch', 'copied-text', 'unexplained-acronym', 'spelling', 'hard-to-read']) {
    it(`${check}: catches at least 90% and cries wolf in at most 1 case in 20`, () => {
      const f = figures.find((x) => x.check === check)!;
      expect(f.caught / f.expected, report).toBeGreaterThanOrEqual(0.9);
      expect(f.casesWithFalseAlarms / f.cases, report).toBeLessThanOrEqual(0.05);
    });
  }
});
