/**
 * `ehcp show --canonical <file>`: a plan in a reading form for Git's textconv: the canonical
 * layout with each paragraph on one line and items sorted by id, so `git diff`, `git log -p`
 * and `git diff --word-diff` show what changed and not how it was laid out.
 */
import { readFileSync } from 'node:fs';
import { formatPlanText } from '../review/fmt';
import { InputError, quoteArg, UsageError } from './args';
import { decodeText, ioReason } from './io';

export const SHOW_USAGE = `Usage: ehcp show --canonical <file>

Prints a plan in a form for reading diffs (for git's textconv): fields in a fixed order, each
paragraph on one line, needs, outcomes and provision sorted by id. A file that cannot be read as
YAML is printed as it is. Set it up with:

  echo '*.ehcp.yaml diff=ehcp' >> .gitattributes
  git config diff.ehcp.textconv "ehcp show --canonical"
  git config diff.ehcp.wordRegex "[^[:space:],;()]+"
`;

export function runShow(argv: readonly string[]): string {
  let canonical = false;
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--canonical') canonical = true;
    else if (arg === '-h' || arg === '--help') return SHOW_USAGE;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${quoteArg(arg)} for "ehcp show" (see ehcp show --help)`);
    else files.push(arg);
  }
  if (!canonical) throw new UsageError('"ehcp show" needs --canonical: ehcp show --canonical <file>');
  if (files.length !== 1) throw new UsageError('give one plan file: ehcp show --canonical <file>');
  let text: string;
  try {
    text = decodeText(readFileSync(files[0]!));
  } catch (error) {
    throw new InputError(`cannot read ${quoteArg(files[0]!)}: ${ioReason(error)}`);
  }
  const result = formatPlanText(text, { lineWidth: 0, sortItems: true });
  if (!result.ok) return text;
  return result.text.replace(/\r\n/g, '\n');
}
