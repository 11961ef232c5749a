/**
 * Therapy that educates or trains (Children and Families Act 2014 s.21(5)): speech and language
 * therapy, occupational therapy and physiotherapy, in any form a plan writes them ("Speech and
 * Language Therapist", "speech & language therapy", "SaLT", "SALT", "Occupational Therapy",
 * "physiotherapy programme", "OT"), read with the same role vocabulary as the rest of the reader.
 */
import type { Span } from '../types';
import { normalise } from './normalise';
import { scanRoles } from './provider';

const EDUCATING_ROLES = new Set([
  'Speech and Language Therapist',
  'Speech and Language Therapy Assistant',
  'Occupational Therapist',
  'Occupational Therapy Assistant',
  'Physiotherapist',
  'Physiotherapy Assistant',
]);

/** Spellings the role vocabulary does not hold as a person or service: "speech & language therapies", "OT programme". */
const THERAPY_WORDS =
  /(?<![A-Za-z])(?:speech(?:,)?\s{1,2}(?:and|&)\s{1,2}language\s{1,2}therap\w*|speech\s{1,2}therap\w*|language\s{1,2}therap\w*|occupational\s{1,2}therap\w*|physio\s?therap\w*|physio(?![A-Za-z]))/i;

/** The first mention of therapy that educates or trains, as written, or undefined. */
export function findEducatingTherapy(text: string): { text: string; span: Span } | undefined {
  // Checked on every keystroke for every item: remember the answer for each text.
  if (therapyMemo.has(text)) return therapyMemo.get(text);
  const found = scanTherapy(text);
  if (therapyMemo.size > 20_000) therapyMemo.clear();
  therapyMemo.set(text, found);
  return found;
}

const therapyMemo = new Map<string, { text: string; span: Span } | undefined>();

function scanTherapy(text: string): { text: string; span: Span } | undefined {
  const s = normalise(text);
  const mention = scanRoles(s).find((m) => EDUCATING_ROLES.has(m.role.name));
  const words = THERAPY_WORDS.exec(s);
  const start = Math.min(mention?.start ?? Infinity, words?.index ?? Infinity);
  if (start === Infinity) return undefined;
  const end = mention && mention.start === start ? mention.end : start + words![0].length;
  return { text: text.slice(start, end), span: { start, end } };
}
