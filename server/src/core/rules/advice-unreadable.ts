import type { Rule } from '../rule';

const NEXT_STEP: Record<string, string> = {
  corrupt: 'Open it and save it again, or ask the author for a new copy.',
  encrypted: 'Save a copy without the password for the plan (keep the protected one for sending), or ask for the report as a PDF or text.',
  'too-large': 'Ask for the report as a smaller file, or check that it is the right one.',
  unsupported: 'Save it as .docx, .pdf, .md or .txt.',
  'no-text': 'Ask for the report as a Word document or a PDF with text.',
};

/** A report the checker cannot read leaves its recommendations unchecked: say why, and what to do. */
export const adviceUnreadable: Rule = {
  id: 'advice-unreadable',
  severity: 'warning',
  description: 'An advice report cannot be read: corrupt, encrypted, too large, of an unsupported type, or with no text.',
  check({ plan, advice, report }) {
    for (const item of plan.advice) {
      const result = advice(item);
      if (!item.file || !result || result.ok || result.reason === 'missing') continue;
      report(item.file.range, `The advice file "${item.file.value}" ${result.message}, so its recommendations cannot be checked. ${NEXT_STEP[result.reason] ?? ''}`.trim());
    }
  },
};
