/**
 * The adviser's voice pasted into a plan: "I recommend that …", "In my professional opinion she
 * should receive …". Around fully specified provision this is not vagueness (the provision is still
 * stated), but the plan should speak in its own voice: the adviser-voice rule says so, at
 * information level, and the vague-wording reader leaves these words alone.
 */
import type { Span } from '../types';

const FRAME_RE = new RegExp(
  '(?<![A-Za-z])(?:' +
    "(?:I|we)(?:'d|\\s+would|\\s+strongly|\\s+also|\\s+therefore|\\s+further|\\s+would\\s+strongly){0,2}\\s+(?:recommend|suggest|advise|propose|believe|feel|think|consider)(?:ed)?(?:\\s+that)?" +
    '|(?:in\\s+)?(?:my|our)\\s+(?:(?:professional|clinical|expert)\\s+)?(?:opinion|view|judgement|judgment)(?:\\s*,)?(?:\\s+is)?(?:\\s+that)?' +
    '|(?:my|our)\\s+(?:(?:professional|clinical|main|first|key)\\s+)?(?:recommendations?|advice)\\s+(?:is|are|would\\s+be)(?:\\s+that)?' +
    '|it\\s+is\\s+my\\s+(?:(?:professional|clinical)\\s+)?(?:opinion|view|recommendation|advice)(?:\\s+that)?' +
    '|(?:I|we)\\s+(?:am|are)\\s+of\\s+the\\s+(?:opinion|view)(?:\\s+that)?' +
    ')(?![A-Za-z])',
  'gi',
);
/** The modal of the recommended clause: "(she) should receive", "(he) needs to have". */
const MODAL_AFTER = /^[\s,]{0,3}(?:(?:[A-Z][a-z'-]{1,20}|he|she|they|the\s+[A-Za-z]{1,20}|his\s+[A-Za-z]{1,20}|her\s+[A-Za-z]{1,20}|school|staff)\s+)?(should|ought\s+to|must|would\s+need\s+to|needs?\s+to|would)(?![A-Za-z])/;

/** A cheap test first: most provision never speaks in the first person. */
const QUICK = /(?<![A-Za-z])(?:I|we|my|our)(?![A-Za-z])/i;

export interface AdviserVoice {
  /** The words that speak as the adviser, e.g. "I recommend that". */
  text: string;
  span: Span;
  /** The framing and the modal it governs ("should"), which are not vague wording. */
  excused: Span[];
}

/** The first place the text speaks as the adviser, with the words the vague reader should leave alone. */
export function readAdviserVoice(s: string, text: string): AdviserVoice | undefined {
  if (!QUICK.test(s)) return undefined;
  FRAME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let voice: AdviserVoice | undefined;
  // A plan item quotes the adviser a few times at most; beyond that the rest is not read.
  while ((m = FRAME_RE.exec(s)) && (voice?.excused.length ?? 0) < 40) {
    const start = m.index;
    const end = start + m[0].length;
    voice ??= { text: text.slice(start, end), span: { start, end }, excused: [] };
    voice.excused.push({ start, end });
    const modal = MODAL_AFTER.exec(s.slice(end, end + 60));
    if (modal && modal[1] !== 'would') {
      const mStart = end + modal[0].length - modal[1]!.length;
      voice.excused.push({ start: mStart, end: end + modal[0].length });
    }
  }
  return voice;
}
