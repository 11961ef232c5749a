import type { Rule } from '../rule';

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
/** A time frame: a date, a key stage, a school year, a review point or a span of time. */
const TIME_FRAME = new RegExp(
  [
    `\\b(?:by|before|until|in|at|during)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:the\\s+)?(?:${MONTHS})\\b`,
    '\\b(?:19|20)\\d{2}\\b',
    '\\b(?:end|start|beginning) of (?:the )?(?:key stage|ks|year|reception|nursery|term|autumn|spring|summer|academic|school|college|course|placement)',
    '\\b(?:key stage|ks)\\s?[1-5]\\b',
    '\\bby (?:the (?:time|age)|age|his|her|their|the next|the first|the second|the) ',
    '\\bwithin (?:the next )?(?:\\d+|one|two|three|four|six|twelve|a) (?:weeks?|months?|years?|terms?|school years?)',
    '\\b(?:in|over|after) (?:the next )?(?:\\d+|one|two|three|four|six|nine|twelve) (?:weeks?|months?|terms?|years?)\\b',
    '\\b(?:annual review|transition to|moves? to (?:secondary|college|year))',
  ].join('|'),
  'i',
);
/** Outcomes that describe no measurable difference to the child. */
const NOT_AN_OUTCOME: { pattern: RegExp; advice: string }[] = [
  { pattern: /\b(?:make|making|show|shows)\s+(?:good |expected |some |better |further |continued |more )?progress\b/i, advice: 'say what the child will be able to do, not that they will make progress' },
  { pattern: /\b(?:reach|achieve|fulfil|realise)\s+(?:his|her|their|its|full)\s+(?:full\s+)?potential\b/i, advice: 'say what the child will be able to do, not that they will reach their potential' },
  { pattern: /\bwill\s+(?:be\s+)?(?:supported|given|provided|offered|taught|helped|receive|have access to|access|attend sessions)\b/i, advice: 'an outcome is the difference made to the child, not the provision they will get' },
  { pattern: /\b(?:staff|school|the setting|adults|the TA|teachers?)\s+will\b/i, advice: 'write it about the child ("Amara will …"), not about what staff will do' },
  { pattern: /\bwill\s+(?:continue to\s+)?improve\s+(?:his|her|their)\s+\w+(?:\s+skills)?\s*\.?$/i, advice: 'say how much, measured how: "will read 30 common exception words" rather than "will improve her literacy"' },
];

/** Outcomes must be SMART: personal, specific, with a time frame (CoP 9.61, 9.66). */
export const outcomeNotSmart: Rule = {
  id: 'outcome-not-smart',
  severity: 'warning',
  description: 'An outcome with no time frame, or one that describes provision or progress instead of a difference to the child.',
  check({ plan, report }) {
    for (const outcome of plan.outcomes) {
      const text = outcome.text;
      if (!text) continue;
      const problems: string[] = [];
      for (const { pattern, advice } of NOT_AN_OUTCOME) {
        if (pattern.test(text.value)) {
          problems.push(advice);
          break;
        }
      }
      if (!TIME_FRAME.test(text.value)) problems.push('add a time frame, for example "By July 2027, …" or "By the end of Key Stage 2, …"');
      if (problems.length === 0) continue;
      const name = outcome.id ? `Outcome ${outcome.id.value}` : 'This outcome';
      report(text.range, `${name} is not SMART: ${problems.join('; and ')}.`);
    }
  },
};
