/**
 * `ehcp fmt [--check] <paths…>`: rewrite plans in the canonical layout (review/fmt.ts), keeping
 * comments and the writer's words. `--check` changes nothing, lists the plans that would change
 * and exits 1 when there are any. A file is replaced in one step (written beside it, then renamed).
 */
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatPlanText } from '../review/fmt';
import { quoteArg, UsageError } from './args';
import { findPlans } from './files';
import { decodeText, ioReason } from './io';

export const FMT_USAGE = `Usage: ehcp fmt [--check] <files | folders | globs…>

Lays plans out in one canonical way: fields in a fixed order, two-space indentation, references
as [N1, N2], long prose folded at 80 characters, one blank line between sections. Comments are
kept and the words are never changed: if they would be, the file is left as it is.

  --check                   Change nothing; list the plans that are not in the canonical layout
                            and exit with 1 if there are any.

Exit codes: 0 done (or all formatted), 1 some plans would change (--check),
2 a plan could not be formatted or read.
`;

export function runFmt(argv: readonly string[]): { stdout: string; stderr: string; code: number } {
  let check = false;
  const patterns: string[] = [];
  for (const arg of argv) {
    if (arg === '--check') check = true;
    else if (arg === '-h' || arg === '--help') return { stdout: FMT_USAGE, stderr: '', code: 0 };
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${quoteArg(arg)} for "ehcp fmt" (see ehcp fmt --help)`);
    else patterns.push(arg);
  }
  if (patterns.length === 0) throw new UsageError('give at least one plan file, folder or glob to format, for example: ehcp fmt caseload/');
  const cwd = process.cwd();
  const plans = findPlans(patterns, cwd);
  const out: string[] = [];
  const problems: string[] = [];
  let changed = 0;
  for (const plan of plans) {
    let text: string;
    let bytes: Buffer;
    try {
      bytes = readFileSync(plan.abs);
      text = decodeText(bytes);
    } catch (error) {
      problems.push(`ehcp: cannot read ${quoteArg(plan.display)}: ${ioReason(error)}`);
      continue;
    }
    const result = formatPlanText(text);
    if (!result.ok) {
      problems.push(`ehcp: cannot format ${quoteArg(plan.display)}: ${result.reason}`);
      continue;
    }
    // A BOM or UTF-16 file is left as it is: the text is compared, not the encoding.
    if (!result.changed) continue;
    changed++;
    if (check) {
      out.push(plan.display);
      continue;
    }
    try {
      writeAtomically(plan.abs, result.text);
      out.push(`formatted ${plan.display}`);
    } catch (error) {
      problems.push(`ehcp: cannot write ${quoteArg(plan.display)}: ${ioReason(error)}`);
    }
  }
  if (check && changed > 0) out.push(`${changed} of ${plans.length} plan${plans.length === 1 ? '' : 's'} ${changed === 1 ? 'is' : 'are'} not in the canonical layout: run ehcp fmt on ${changed === 1 ? 'it' : 'them'}`);
  const stdout = out.length > 0 ? `${out.join('\n')}\n` : '';
  const stderr = problems.length > 0 ? `${problems.join('\n')}\n` : '';
  return { stdout, stderr, code: problems.length > 0 ? 2 : check && changed > 0 ? 1 : 0 };
}

/** Write beside the file, then rename over it: a reader never sees half a plan. */
function writeAtomically(link: string, text: string): void {
  // Through a symbolic link to the plan itself, so the link stays a link.
  const file = realpathSync(link);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const mode = statSync(file).mode & 0o7777;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}

