/**
 * Plans written to make libraries talk: each holds SECRET, a fictional name, where a library might
 * quote it (a collection used as a key, an alias bomb, broken YAML, junk). Tests assert SECRET never
 * reaches stderr or a log.
 */
export const SECRET = 'Zephyrine';

const head = `ehcp: 1
child:
  name: ${SECRET} Quill
  known_as: ${SECRET}
  pronouns: she/her
  date_of_birth: 2017-02-03
plan:
  local_authority: Northshire County Council
  caseworker: J. Fields
  status: draft
`;

export const HOSTILE_PLANS: Record<string, string> = {
  // The YAML library's "Keys with collection values will be stringified" warning quotes the key.
  'collection-key': `${head}views:\n  ? [${SECRET} wants to be an astronaut]\n  : she says so every day\nneeds: []\noutcomes: []\nprovision: []\n`,
  'flow-map-key': `${head}? { ${SECRET}: loves trains }\n: yes\nneeds: []\noutcomes: []\nprovision: []\n`,
  'alias-bomb': `${head}a: &a ["${SECRET}", "${SECRET}"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\nneeds: []\noutcomes: []\nprovision: []\n`,
  'broken-yaml': `${head}needs:\n  - id: N1\n    text: "${SECRET} finds it hard to\n  - [${SECRET}\n`,
  'wrong-types': `${head}needs: "${SECRET} needs"\noutcomes: { ${SECRET}: 1 }\nprovision: [[${SECRET}]]\n`,
  'tagged': `${head}views:\n  child: !secret ${SECRET} likes drawing\n  parents: !!binary ${SECRET}\nneeds: []\noutcomes: []\nprovision: []\n`,
  'binary-junk': `${SECRET}\u0000\u0001\u0002\uFFFD${SECRET}`,
};
