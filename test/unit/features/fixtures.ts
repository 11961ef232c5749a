/** A small fictional plan used by the feature tests. */
export const PLAN = `ehcp: 1
child:
  name: Ellis Moreno
  known_as: Ellis
  pronouns: he/him
  date_of_birth: 2018-09-03
plan:
  local_authority: Westmarch Borough Council
  caseworker: K. Adebayo
  status: draft
advice:
  - id: salt
    professional: Speech and Language Therapist
    author: M. Quinn
    date: 2026-03-10
  - id: ep
    professional: Educational Psychologist
needs:
  - id: N1
    section: B
    area: communication and interaction
    text: >-
      Ellis finds it hard to follow spoken
      instructions of more than two steps.
    evidence: [salt#3.2]
  - id: N2
    section: B
    area: cognition and learning
    text: Ellis reads about two years behind his age.
outcomes:
  - id: O1
    needs: [N1]
    text: By July 2027, Ellis will follow three-step classroom instructions without a prompt.
provision:
  - id: P1
    section: F
    needs: [N1]
    outcomes: [O1]
    text: Direct 1:1 speech and language therapy from an HCPC-registered Speech and Language Therapist, 45 minutes once a week, 38 weeks a year.
    evidence: [salt#R3]
`;

/** Replaces the first occurrence of `find` in the plan (which must be there). */
export function edit(find: string, replacement: string, text = PLAN): string {
  if (!text.includes(find)) throw new Error(`fixture has no ${JSON.stringify(find)}`);
  return text.replace(find, replacement);
}
