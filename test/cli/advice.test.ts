/**
 * `ehcp advice` and the advice findings of `ehcp check`, run as the built CLI on the example
 * caseload (its reports are .docx, .pdf, .md and .txt) and on hostile advice files.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectOneLineError, removeWorkspace, root, run, workspace } from './helpers';

const caseload = path.join(root, 'examples', 'caseload');
let dir: string;

const plan = (advice: string, evidence: string) => `ehcp: 1
child: { name: Ada Okonjo, known_as: Ada, pronouns: she/her, date_of_birth: 2016-04-09 }
plan: { local_authority: Westmere Borough Council, caseworker: P. Adeyemi, status: draft }
advice:
${advice}
needs:
  - id: N1
    section: B
    area: communication and interaction
    text: Ada finds it hard to follow spoken instructions.
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Ada will follow three-step instructions without an adult repeating them.
provision:
  - id: P1
    section: F
    needs: [N1]
    text: Speech and language therapy exercises with a Teaching Assistant, 30 minutes once a week, 38 weeks a year.
    evidence: [${evidence}]
`;

beforeAll(() => {
  ensureBuilt();
  dir = workspace({
    'salt.md': '# SALT advice\n\n## Recommendations\n\nR1 Direct therapy from a Speech and Language Therapist, 45 minutes once a week.\n\nR2 A visual timetable in class.\n',
    'weak.ehcp.yaml': plan('  - id: salt\n    professional: Speech and Language Therapist\n    file: salt.md', 'salt#R1'),
    'bad/broken.docx': 'not a zip',
    'bad/plan.ehcp.yaml': plan('  - id: salt\n    professional: Speech and Language Therapist\n    file: broken.docx\n  - id: ot\n    professional: Occupational Therapist\n    file: missing.pdf', 'salt#R9'),
  });
  mkdirSync(path.join(dir, 'copy', 'advice'), { recursive: true });
  for (const f of ['kai-robinson.ehcp.yaml']) copyFileSync(path.join(caseload, f), path.join(dir, 'copy', f));
  for (const f of ['kai-ep-2026-05.md', 'kai-ot-2026-05.docx', 'kai-school-2026-04.txt']) copyFileSync(path.join(caseload, 'advice', f), path.join(dir, 'copy', 'advice', f));
});
afterAll(() => removeWorkspace(dir));

describe('ehcp advice', () => {
  it('prints the traceability report for the example caseload, unused and weakened first', () => {
    const r = run(['advice', 'examples/caseload'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Every kind of report is read: .docx, .pdf, .md and .txt.
    expect(r.stdout).toContain('qtod · Qualified Teacher of the Deaf');
    expect(r.stdout).toMatch(/advice\/kwame-qtod-2026-03\.pdf\n {4}11 recommendations · 11 used in the plan · 0 unused/);
    expect(r.stdout).toMatch(/advice\/tomasz-salt-2026-03\.docx\n {4}4 recommendations · 4 used in the plan · 0 unused/);
    const kai = r.stdout.slice(r.stdout.indexOf('kai-robinson'), r.stdout.indexOf('kwame-asante'));
    expect(kai).toMatch(/ep · Educational Psychologist · Dr O\. Marsh · 2026-05-14 · advice\/kai-ep-2026-05\.md\n {4}6 recommendations · 5 used in the plan \(2 weakened\) · 1 unused\n {4}UNUSED {3}R6: /);
    expect(kai.indexOf('WEAKENED R3')).toBeLessThan(kai.indexOf('USED     R1'));
    expect(kai).toContain('weaker group size: advice "in a group of no more than three pupils", plan "Small group"');
  });

  it('shows advice and plan quantities side by side, in Markdown too', () => {
    const r = run(['advice', 'weak.ehcp.yaml', '--format', 'markdown'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| **weakened** | R1 | Direct therapy from a Speech and Language Therapist, 45 minutes once a week. | Speech and Language Therapist · once a week · 45 minutes | P1 | P1: Speech and Language Therapist (devises), Teaching Assistant · once a week · 30 minutes (weaker: who, how long) |');
    expect(r.stdout).toContain('| **unused** | R2 | A visual timetable in class. |');
  });

  it('gives JSON with each recommendation, who cites it and what was weakened', () => {
    const r = run(['advice', 'weak.ehcp.yaml', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout).plans[0].reports[0];
    expect(report.summary).toEqual({ recommendations: 2, used: 1, weakened: 1, unused: 1 });
    const r1 = report.recommendations.find((x: { label: string }) => x.label === 'R1');
    expect(r1.citedBy[0].weaker.map((w: { aspect: string }) => w.aspect)).toEqual(['who', 'how long']);
  });

  it('says which reports could not be read, and still exits 0', () => {
    const r = run(['advice', 'bad'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the report is not a Word document');
    expect(r.stdout).toContain('the report cannot be found');
  });

  it('refuses a format it does not have with one line and exit 2', () => {
    const r = run(['advice', 'weak.ehcp.yaml', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(2);
    expectOneLineError(r);
    const none = run(['advice'], { cwd: dir });
    expect(none.code).toBe(2);
    expectOneLineError(none);
  });
});

describe('ehcp check reports the advice findings', () => {
  it('unreadable, missing, unknown labels and weakened provision', () => {
    const r = run(['check', '--format', 'json', 'bad', 'weak.ehcp.yaml'], { cwd: dir });
    const rules = (JSON.parse(r.stdout) as { file: string; rule: string }[]).map((f) => `${f.file} ${f.rule}`);
    expect(rules).toContain('bad/plan.ehcp.yaml advice-unreadable');
    expect(rules).toContain('bad/plan.ehcp.yaml advice-file-missing');
    expect(rules).toContain('weak.ehcp.yaml provision-weaker-than-advice');
    expect(rules).toContain('weak.ehcp.yaml advice-recommendation-unused');
  });

  it('re-checks a plan whose advice changed, with the cache on', () => {
    const cwd = path.join(dir, 'copy');
    const first = run(['check', '--cache', '--format', 'json', '.'], { cwd });
    const unused = (out: string) => (JSON.parse(out) as { rule: string }[]).filter((f) => f.rule === 'advice-recommendation-unused').length;
    const before = unused(first.stdout);
    // The EP's report loses its unused R6: the next cached run must see it.
    const ep = path.join(cwd, 'advice', 'kai-ep-2026-05.md');
    const text = readFileSync(ep, 'utf8').replace(/^R6 .*$/m, '');
    writeFileSync(ep, text);
    const second = run(['check', '--cache', '--format', 'json', '.'], { cwd });
    expect(unused(second.stdout)).toBe(before - 1);
  });
});
