/**
 * `ehcp reply <returned.docx> [--plan <plan>] [--format text|markdown|json]`: reads the family's
 * returned Word draft and prints its comments and changes by plan item, with conflicts.
 * Exit codes: 0 read, 1 conflicts found (or the document is about another child), 2 a usage or file problem.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parsePlan } from '../core/parse';
import { decryptReply, needsPassword } from '../reply/decrypt';
import { formatReply, type ReplyFormat } from '../reply/format';
import { declinedKeys, readReplyLog, replyLogName, ReplyLogError } from '../reply/log';
import { MAX_FILE_BYTES, ReplyFileError } from '../reply/package';
import { readReply } from '../reply/read';
import { reviewReply, type ReplyReview } from '../reply/review';
import { InputError, quoteArg, UsageError } from './args';
import { displayPath } from './files';
import { decodeText, ioReason } from './io';

export const REPLY_USAGE = `Usage: ehcp reply <returned.docx> [--plan <plan>] [--format text|markdown|json]

Reads the family's returned Word draft (from Word or LibreOffice): comments, tracked changes and
the working-document key (bold = the parents' additions, bold strikethrough = their deletions,
italic = the authority's, underline = agreed), each shown on the plan item it was made on.
The plan is found from the document (it names the plan it was exported from), or give it with --plan.
A password-protected file asks for its password on stdin.

Exit codes: 0 read, 1 conflicts found (the plan and the family changed the same item) or the
document is about another child, 2 a usage mistake or a file that cannot be read.
`;

interface ReplyArgs {
  file: string;
  plan?: string;
  format: ReplyFormat;
}

export function parseReplyArgs(argv: readonly string[]): ReplyArgs | 'help' {
  const positional: string[] = [];
  let plan: string | undefined;
  let format: ReplyFormat | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--plan' || name === '--format' || name === '-f') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (name === '--plan') {
        if (plan !== undefined) throw new UsageError('--plan is given more than once');
        plan = value;
      } else {
        if (format !== undefined) throw new UsageError('--format is given more than once');
        if (value !== 'text' && value !== 'markdown' && value !== 'json') throw new UsageError(`--format must be text, markdown or json (got ${quoteArg(value)})`);
        format = value;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${quoteArg(name)} for "ehcp reply" (see ehcp reply --help)`);
    } else positional.push(arg);
  }
  if (positional.length === 0) throw new UsageError('give the returned Word file: ehcp reply <returned.docx> [--plan <plan>]');
  if (positional.length > 1) throw new UsageError(`"ehcp reply" reads one file at a time (got ${quoteArg(positional[1]!)} as well)`);
  return { file: positional[0]!, plan, format: format ?? 'text' };
}

/** Reads a password from stdin: typed without echo at a terminal, else the first line piped in. */
async function readPassword(file: string): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write(`Password for ${file}: `);
    stdin.setRawMode(true);
    stdin.resume();
    return new Promise((done, fail) => {
      let typed = '';
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            finish();
            return done(typed);
          }
          if (ch === '\u0003' || ch === '\u0004') {
            finish();
            return fail(new InputError('no password given'));
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      const finish = () => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stderr.write('\n');
      };
      stdin.on('data', onData);
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10) || Buffer.concat(chunks).length > 4096) break;
  }
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (line === '') throw new InputError(`${file} is password-protected: give its password on stdin (for example: ehcp reply ${file} < password.txt)`);
  return line;
}

function readBytes(file: string, shown: string): Buffer {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new InputError(`cannot read ${quoteArg(shown)}: it is not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${quoteArg(shown)}: ${ioReason(error)}`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`cannot read ${quoteArg(shown)}: it is ${(size / 1024 / 1024).toFixed(0)} MB, too large for a returned draft`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${quoteArg(shown)}: ${ioReason(error)}`);
  }
}

/** Where the plan named in the document is: beside the returned file, in a folder above it, or from the current folder. */
export function findPlanFor(planPath: string, replyFile: string, cwd: string): string | undefined {
  const candidates: string[] = [];
  if (isAbsolute(planPath)) candidates.push(planPath);
  let dir = dirname(resolve(cwd, replyFile));
  for (let i = 0; i < 30; i++) {
    candidates.push(join(dir, planPath));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  candidates.push(resolve(cwd, planPath), join(dirname(resolve(cwd, replyFile)), basename(planPath)));
  return candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

export async function replyCommand(argv: readonly string[]): Promise<number> {
  const args = parseReplyArgs(argv);
  if (args === 'help') {
    process.stdout.write(REPLY_USAGE);
    return 0;
  }
  const cwd = process.cwd();
  const shown = args.file;
  let bytes: Uint8Array = new Uint8Array(readBytes(resolve(cwd, args.file), shown));
  let reply;
  try {
    if (needsPassword(bytes)) bytes = await decryptReply(bytes, await readPassword(shown));
    reply = readReply(bytes);
  } catch (error) {
    if (error instanceof ReplyFileError) throw new InputError(`cannot read ${quoteArg(shown)}: ${error.message}`);
    throw error;
  }

  let planFile: string | undefined;
  if (args.plan) planFile = resolve(cwd, args.plan);
  else if (reply.properties.planPath) {
    planFile = findPlanFor(reply.properties.planPath, args.file, cwd);
    if (!planFile) throw new InputError(`${quoteArg(shown)} was exported from ${quoteArg(reply.properties.planPath)}, which was not found: give the plan with --plan <plan>`);
  }

  let review: ReplyReview | undefined;
  let planShown: string | undefined;
  if (planFile) {
    planShown = displayPath(planFile, cwd);
    const text = decodeText(readBytes(planFile, planShown));
    const parsed = parsePlan(text);
    if (parsed.hasSyntaxErrors && parsed.plan.needs.length + parsed.plan.outcomes.length + parsed.plan.provision.length === 0) {
      throw new InputError(`cannot read the plan ${quoteArg(planShown)}: it is not a readable plan (run ehcp check on it)`);
    }
    const logFile = join(dirname(planFile), replyLogName(basename(planFile)));
    let declined = new Set<string>();
    if (existsSync(logFile)) {
      try {
        declined = declinedKeys(readReplyLog(readFileSync(logFile, 'utf8')));
      } catch (error) {
        if (error instanceof ReplyLogError) throw new InputError(`cannot read ${quoteArg(displayPath(logFile, cwd))}: ${error.message}`);
        throw new InputError(`cannot read ${quoteArg(displayPath(logFile, cwd))}: ${ioReason(error)}`);
      }
    }
    review = reviewReply(reply, parsed, { declined });
  }

  process.stdout.write(formatReply({ file: shown, plan: planShown, reply, review }, args.format));
  const conflicts = review?.items.some((i) => i.status === 'conflict') ?? false;
  return conflicts || review?.otherChild ? 1 : 0;
}
