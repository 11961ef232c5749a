import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../server/src/core/parse';
import { diffPlans, makeReport } from '../../../server/src/review/diff';
import { formatPlanText } from '../../../server/src/review/fmt';
import { renderJson, renderMarkdown, renderText } from '../../../server/src/review/render';
import { renderHtml } from '../../../server/src/review/render-html';
import { BASE } from './plans';

const odd = [
  'ehcp: 1\n',
  'just text\n',
  '[1, 2, 3]\n',
  'ehcp: 1\nneeds: {N1: x}\noutcomes: 7\nprovision: [1, null, {id: 5, text: 12, needs: N1, section: [F]}]\n',
  'ehcp: 1\nprovision:\n  - id: P1\n  - id: P1\n    text: ""\n  - {}\n',
  'ehcp: 1\nchild: {name: [a], known_as: {x: 1}}\nplan: null\nviews: {child: 5}\n',
  `ehcp: 1\nprovision:\n  - id: P1\n    needs: [${'N1, '.repeat(2000)}N1]\n    text: ${'up to as required access to '.repeat(40)}\n`,
];

describe('the diff never throws on odd plans', () => {
  for (const [i, a] of odd.entries()) {
    for (const b of [BASE, ...odd]) {
      it(`odd plan ${i} against another`, () => {
        const d = diffPlans(parsePlan(a), parsePlan(b));
        const report = makeReport([d]);
        expect(() => [renderText(report, { colour: true }), renderMarkdown(report), renderJson(report), renderHtml(report, 'x')]).not.toThrow();
        expect(diffPlans(parsePlan(b), parsePlan(a)).status).toBeDefined();
        const f = formatPlanText(a);
        if (f.ok) expect(formatPlanText(f.text)).toEqual({ ok: true, text: f.text, changed: false });
      });
    }
  }

  it('an added and a deleted plan', () => {
    expect(diffPlans(undefined, parsePlan(BASE)).status).toBe('added');
    const gone = diffPlans(parsePlan(BASE), undefined);
    expect(gone.status).toBe('deleted');
    expect(gone.changes.filter((c) => c.item === 'provision' && c.kind === 'removed')).toHaveLength(4);
  });

  it('HTML escapes the plan text', () => {
    const evil = BASE.replace('Rowan reads accurately', '<script>alert(1)</script> Rowan reads accurately');
    const html = renderHtml(makeReport([diffPlans(parsePlan(BASE), parsePlan(evil))]), '<b>heading</b>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>heading');
    expect(html).toContain('&lt;script&gt;');
  });
});
