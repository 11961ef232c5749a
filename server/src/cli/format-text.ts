/** The text format: `path:line:col  severity  message  [rule-id]` per finding, then a summary. */
import { countFindings, type RunReport } from './report';
import type { Severity } from '../core/types';

export interface TextOptions {
  colour: boolean;
  quiet: boolean;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, green: 32, grey: 90, bold: 1 } as const;

export function formatText(report: RunReport, options: TextOptions): string {
  const paint = (code: keyof typeof ANSI, s: string) => (options.colour ? `\u001b[${ANSI[code]}m${s}\u001b[${code === 'bold' ? 22 : 39}m` : s);
  const severityColour: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', information: 'cyan', hint: 'grey' };

  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const lines = file.findings.map((f) => {
      const where = `${file.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const message = f.message.replace(/\s*\r?\n\s*/g, ' ');
      return `${where}  ${paint(severityColour[f.severity], f.severity)}  ${message}  ${paint('grey', `[${f.rule}]`)}`;
    });
    blocks.push(lines.join('\n'));
  }

  const counts = countFindings(report.files);
  const plans = plural(report.planCount, 'plan');
  if (counts.problems === 0) {
    return options.quiet ? '' : `${paint('green', '✔')} ${plans} checked, no problems\n`;
  }
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.note > 0) parts.push(plural(counts.note, 'note'));
  const plansWith = report.files.filter((f) => f.isPlan && f.findings.length > 0).length;
  const configsWith = report.files.filter((f) => !f.isPlan && f.findings.length > 0).length;
  let where = `in ${plansWith} of ${plans}`;
  if (configsWith > 0) where += ` and ${plural(configsWith, 'configuration file')}`;
  const mark = counts.error > 0 ? paint('red', '✖') : paint('yellow', '⚠');
  const summary = `${mark} ${paint('bold', plural(counts.problems, 'problem'))} (${parts.join(', ')}) ${where}`;
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
