import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../server/src/core/check';
import { parseConfig } from '../../server/src/core/config';
import { parsePlan } from '../../server/src/core/parse';
import { checkWithAdvice } from '../util/advice';
import { actualFindings, expectedFindings, planFiles, read } from '../util/expectations';

const caseload = join(__dirname, '../../examples/caseload');
const { config, findings: configFindings } = parseConfig(read(join(caseload, '.ehcprc.yaml')));

describe('the example caseload checks as its comments say', () => {
  it('has a valid .ehcprc.yaml', () => expect(configFindings).toEqual([]));
  const files = planFiles(caseload);
  it('has at least 6 plans, most of them clean', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    const clean = files.filter((f) => expectedFindings(read(f)).length === 0);
    expect(clean.length).toBeGreaterThan(files.length / 2);
  });
  for (const file of files) {
    it(file.slice(caseload.length + 1), async () => {
      const text = read(file);
      expect(actualFindings(await checkWithAdvice(file, text, { config }))).toEqual(expectedFindings(text));
    });
  }
  it('covers every broad area of need', () => {
    const areas = new Set(files.flatMap((f) => parsePlan(read(f)).plan.needs.map((n) => n.area?.value)));
    for (const area of ['communication and interaction', 'cognition and learning', 'social, emotional and mental health', 'sensory and/or physical']) {
      expect(areas).toContain(area);
    }
  });
  it('every advice file an example names exists', () => {
    for (const file of files) {
      for (const advice of parsePlan(read(file)).plan.advice) {
        if (advice.file) expect(() => readFileSync(join(dirname(file), advice.file!.value))).not.toThrow();
      }
    }
  });
});
