/**
 * What is provided. The Code asks for the type of provision as well as who, how often and how long
 * (CoP 9.69). An item whose only "what" is "support", "input", "help", "sessions" or "time with"
 * says nothing a school could deliver or a parent could enforce: LB Redbridge v HO [2020] UKUT 323
 * held "support at home from a familiar psychologist" too vague in content.
 */
import type { Span } from '../types';
import { GENERIC_ROLE_NAMES } from './provider';
import type { Provider } from './types';

/** Words that stand for provision without saying what it is. */
const GENERIC_RE =
  /(?<![A-Za-z-])(?:support|input|help|sessions?|time\s+with|contact\s+with|involvement|work\s+with|slots?)(?![A-Za-z-])/gi;

/** Words that name what is done: a therapy, a subject, a skill, a named programme, a care task. */
const CONTENT_RE = new RegExp(
  '(?<![A-Za-z])(?:' +
    [
      'therap(?:y|ies|eutic)', 'teach(?:ing|es)?', 'taught', 'tuition', 'tutoring', 'lessons?', 'counselling', 'coaching', 'mentoring', 'training', 'train(?:s|ed)?', 'monitoring', 'glucose', 'programmes?', 'curriculum',
      'instruction', 'exercises?', 'stretch(?:es|ing)?', 'practi[sc](?:e|ing)', 'rehears\\w*', 'model(?:s|led|ling)?', 'pre-teach\\w*', 'over-?learning',
      'reading', 'literacy', 'phonics', 'spellings?', 'maths', 'mathematics', 'numeracy', 'number', 'handwriting', 'writing', 'typing', 'keyboard', 'language', 'vocabulary', 'communication',
      'speech', 'listening', 'attention', 'social\\s+skills?', 'social\\s+communication', 'friendships?', 'relationships?', 'emotion\\w*', 'feelings', 'anger', 'anxiety', 'worries', 'self-esteem', 'resilience', 'regulation', 'regulate',
      'sensory', 'motor', 'co-ordination', 'coordination', 'balance', 'mobility', 'cane', 'travel', 'swimming', 'play', 'art', 'music', 'drama', 'Lego', 'Theraplay', 'ELSA', 'Thrive', 'nurture', 'CBT', 'DBT', 'EMDR',
      'Makaton', 'signs?', 'signing', 'BSL', 'Braille', 'PECS', 'Attention\\s+Autism', 'Intensive\\s+Interaction', 'Precision\\s+Teaching', 'Zones\\s+of\\s+Regulation', 'Drawing\\s+and\\s+Talking', 'Talkabout', 'Lexia', 'Sensory\\s+Circuits?',
      'personal\\s+care', 'hoist\\w*', 'moving\\s+and\\s+handling', 'manual\\s+handling', 'feeding', 'toileting', 'changing', 'medication', 'medical', 'health\\s+care', 'first\\s+aid', 'epilepsy', 'diabetes',
      'note-taking', 'notes', 'instructions', 'steps', 'scribe', 'scribing', 'reader', 'prompt\\w*', 'check-ins?', 'check-outs?', 'supervis\\w*', 'assessments?', 'observations?', 'homework', 'revision', 'exams?', 'transitions?', 'independence', 'life\\s+skills', 'self-care', 'daily\\s+living',
      'careers?', 'work\\s+experience', 'clubs?', 'short\\s+breaks?', 'respite', 'overnight', 'stays?', 'activities', 'outings?', 'trips?', 'Numicon', 'placements?', 'interview', 'study\\s+skills', 'organisation', 'planning', 'problem-solving', 'memory', 'comprehension', 'inference', 'narrative', 'sentences?', 'words?', 'sounds?', 'stammer\\w*', 'fluency', 'eating', 'drinking', 'swallow\\w*',
    ].join('|') +
    ')(?![A-Za-z])',
  'i',
);

/** A purpose or topic right after the generic word: "support to …", "sessions on …", "help with his …". */
const PURPOSE_AFTER = /^[^.;\n]{0,60}?\s(?:to\s+(?!(?:the|a|an|his|her|their|school|college|home|class)\b)[a-z]{3,}|in\s+order\s+to|so\s+that|focus(?:ing|ed|sing|sed)?\s+on|on\s+(?!(?:a|an|the)\s+(?:\d|one|two|weekly|daily)|(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|site)\b)[a-z]{3,}|about\s+[a-z]{3,}|covering|targeting|(?:who|which|that)\s+(?:will\s+)?(?!(?:is|are|was|has|have|had|be|been|holds?|works?)\b)[a-z]{3,}|with\s+(?:his|her|their)\s+(?!(?:key|class|teacher|TA|own)\b)[a-z]{3,}|for\s+(?:his|her|their)\s+(?!(?:key|class|teacher|TA|own)\b)[a-z]{3,})/i;

/** Roles whose sessions are their therapy or specialist teaching ("weekly sessions with the SaLT" are speech and language therapy). */
const THERAPY_ROLES = new Set([
  'Qualified Teacher of the Deaf', 'Qualified Teacher of Vision Impairment', 'Qualified Teacher of Multi-Sensory Impairment', 'Specialist Teacher', 'Specialist Advisory Teacher',
  'Specialist Dyslexia Teacher', 'Specialist Autism Teacher', 'Behaviour Support Teacher', 'Class Teacher', 'Subject Teacher', 'Teacher', 'Tutor', 'Instructor', 'Trainer', 'Coach',
  'Speech and Language Therapist', 'Speech and Language Therapy Assistant', 'Occupational Therapist', 'Occupational Therapy Assistant', 'Physiotherapist', 'Physiotherapy Assistant',
  'Counsellor', 'Play Therapist', 'Music Therapist', 'Art Therapist', 'Drama Therapist', 'Psychotherapist', 'Emotional Literacy Support Assistant', 'Thrive Practitioner', 'Nurture Practitioner',
  'Therapeutic Practitioner', 'Deaf Role Model', 'Travel Trainer', 'Job Coach', 'Intervenor', 'British Sign Language Interpreter', 'Communication Support Worker', 'Habilitation Specialist', 'Portage Home Visitor', 'Careers Adviser',
]);

/**
 * The generic word standing for what is provided when nothing in the text names it, or undefined.
 * Not applied to pervasive provision (a dedicated adult throughout the day is itself the provision).
 */
export function readUnnamedContent(
  s: string,
  text: string,
  providers: readonly Provider[],
  pervasive: boolean,
  minutesAWeek: number | undefined,
): { text: string; span: Span } | undefined {
  // Ten hours a week or more of an adult's support is a staffing level in class, not a session to fill.
  if (pervasive || (minutesAWeek !== undefined && minutesAWeek >= 600)) return undefined;
  // Role names do not name content ("Teaching Assistant", "Learning Support Assistant").
  let rest = s;
  for (const p of providers.filter((x) => !GENERIC_ROLE_NAMES.has(x.role))) rest = rest.slice(0, p.span.start) + ' '.repeat(p.span.end - p.span.start) + rest.slice(p.span.end);
  if (CONTENT_RE.test(rest)) return undefined;
  if (providers.some((p) => THERAPY_ROLES.has(p.role))) return undefined;
  GENERIC_RE.lastIndex = 0;
  let first: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = GENERIC_RE.exec(s))) {
    if (PURPOSE_AFTER.test(s.slice(m.index + m[0].length, m.index + m[0].length + 100))) return undefined;
    // "Numicon work", "ELSA sessions": a named programme written just before it.
    const before = /([A-Za-z][A-Za-z-]*)\s{1,2}$/.exec(text.slice(Math.max(0, m.index - 30), m.index));
    if (before && /^[A-Z]/.test(before[1]!) && !providers.some((p) => p.span.end >= m!.index - before[0].length && p.span.start < m!.index) && !/^(?:A|An|The|His|Her|Their|Weekly|Daily|Individual|Additional|Direct|Adult|Staff)$/.test(before[1]!)) {
      const clauseStart = Math.max(s.lastIndexOf('.', m.index), s.lastIndexOf('\n', m.index), s.lastIndexOf(';', m.index));
      if (s.slice(clauseStart + 1, m.index - before[0].length).trim() !== '') return undefined;
    }
    first ??= m;
  }
  if (!first) return undefined;
  return { text: text.slice(first.index, first.index + first[0].length), span: { start: first.index, end: first.index + first[0].length } };
}
