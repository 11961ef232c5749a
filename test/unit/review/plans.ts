/** A small fictional plan for the review tests, and helpers to change it. */
export const BASE = `ehcp: 1
child:
  name: Rowan Test-Ellis
  known_as: Rowan
  pronouns: they/them
  date_of_birth: 2017-05-09
plan:
  local_authority: Northshire County Council
  caseworker: B. Moss
  status: final
needs:
  - id: N1
    section: B
    area: communication and interaction
    text: >-
      Rowan finds it hard to follow spoken instructions of more than two
      steps and to tell events in order.
  - id: N2
    section: B
    area: cognition and learning
    text: Rowan reads accurately but understands little of what they read.
  - id: N3
    section: C
    text: Rowan has asthma and misses lessons when it is not well controlled.
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Rowan will follow three-step classroom instructions without an adult prompt.
  - id: O2
    needs: [N2]
    text: By July 2027, Rowan will answer 4 out of 5 questions about a short text at their reading level.
  - id: O3
    needs: [N3]
    text: By July 2027, Rowan will use their inhaler correctly and miss no more than 2 lessons a term.
provision:
  - id: P1
    section: F
    needs: [N1]
    outcomes: [O1]
    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.
  - id: P2
    section: F
    needs: [N2]
    outcomes: [O2]
    text: Reading comprehension teaching from a Teaching Assistant trained in Reciprocal Reading, in a group of no more than 3 pupils, 30 minutes three times a week, 38 weeks a year.
  - id: P3
    section: G
    needs: [N3]
    outcomes: [O3]
    text: Review of Rowan's asthma plan by the Asthma Nurse at their GP surgery, 20 minutes twice a year.
  - id: P4
    section: F
    needs: [N1]
    outcomes: [O1]
    text: Occupational therapy from an Occupational Therapist, 1 hour each term, 38 weeks a year.
placement:
  name: Hillside Primary School
  type: mainstream
`;

/** Replace one exact piece of the base plan (the test fails loudly if it is not there). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the plan: ${from}`);
  return text.replace(from, to);
}
