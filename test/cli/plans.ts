/** Small fictional plans for the CLI tests. Every child and family here is invented. */

export interface Child {
  name: string;
  knownAs: string;
  pronouns: 'she/her' | 'he/him' | 'they/them';
  born: string;
}

export const children: Child[] = [
  { name: 'Oliver James Pennington', knownAs: 'Oliver', pronouns: 'he/him', born: '2018-09-03' },
  { name: 'Zainab Adeyemi', knownAs: 'Zainab', pronouns: 'she/her', born: '2017-04-21' },
  { name: 'Rowan Ellis-Hart', knownAs: 'Rowan', pronouns: 'they/them', born: '2012-11-08' },
  { name: 'Mateus Carvalho', knownAs: 'Mateus', pronouns: 'he/him', born: '2019-06-15' },
];

const head = (c: Child) => `ehcp: 1
child:
  name: ${c.name}
  known_as: ${c.knownAs}
  pronouns: ${c.pronouns}
  date_of_birth: ${c.born}
plan:
  local_authority: Northshire County Council
  caseworker: J. Fields
  status: draft
  dates:
    request_received: 2026-03-02
views:
  child: ${c.knownAs} likes trains, drawing and building with blocks.
  parents: We want ${c.knownAs} to be understood at school and to have friends.
  aspirations: ${c.knownAs} wants to drive a train one day.
advice:
  - id: salt
    professional: Speech and Language Therapist
    author: R. Hale
    date: 2026-05-12
`;

const tail = `placement:
  name: Hillside Primary School
  type: mainstream
personal_budget: none
`;

const n1 = (c: Child) => `  - id: N1
    section: B
    area: communication and interaction
    text: ${c.knownAs} finds it hard to follow spoken instructions of more than two steps.
    evidence: [salt#3.2]
`;

const o1 = (c: Child) => `  - id: O1
    needs: [N1]
    text: By July 2027, ${c.knownAs} will follow three-step classroom instructions without an adult prompt.
`;

const p1 = `  - id: P1
    section: F
    needs: [N1]
    outcomes: [O1]
    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.
    evidence: [salt#R3]
`;

/** A plan with no findings. */
export function cleanPlan(c: Child = children[0]!): string {
  return `${head(c)}needs:\n${n1(c)}outcomes:\n${o1(c)}provision:\n${p1}${tail}`;
}

/**
 * A plan whose only findings are warnings: need N2 has provision but no outcome
 * (need-without-outcome, a warning by default).
 */
export function warningPlan(c: Child = children[1]!): string {
  const n2 = `  - id: N2
    section: B
    area: cognition and learning
    text: ${c.knownAs} reads single words well below the level expected for their age.
`;
  const p2 = `  - id: P2
    section: F
    needs: [N2]
    text: Precision Teaching of reading from a Teaching Assistant trained in Precision Teaching, 10 minutes every school day, 38 weeks a year.
`;
  return `${head(c)}needs:\n${n1(c)}${n2}outcomes:\n${o1(c)}provision:\n${p1}${p2}${tail}`;
}

/** Line (1-based) of the `id: N2` key in warningPlan. */
export const WARNING_PLAN_N2_LINE = warningPlan().split('\n').indexOf('  - id: N2') + 1;

/** A plan with an error: P2 meets need "N9", which does not exist (unknown-reference). */
export function errorPlan(c: Child = children[2]!): string {
  const p2 = `  - id: P2
    section: F
    needs: [N1, N9]
    outcomes: [O1]
    text: Precision Teaching of reading from a Teaching Assistant trained in Precision Teaching, 10 minutes every school day, 38 weeks a year.
`;
  return `${head(c)}needs:\n${n1(c)}outcomes:\n${o1(c)}provision:\n${p1}${p2}${tail}`;
}

/** Line (1-based) of the line holding `N9` in errorPlan, and its 1-based column. */
export const ERROR_PLAN_N9 = (() => {
  const lines = errorPlan().split('\n');
  const i = lines.findIndex((l) => l.includes('N9'));
  return { line: i + 1, column: lines[i]!.indexOf('N9') + 1 };
})();
